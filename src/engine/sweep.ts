/**
 * The fast solver for pure Gao-Rexford policies at AS level (the model of BGPy): routes go up
 * customer-to-provider links in rank order, then one hop across peers, then down to customers in
 * reverse rank order. Each AS pulls from neighbours already final, so every link is read once.
 * Preference: customer > peer > provider, then the shorter AS path, then the tie-break.
 */
import { RequestError } from './asScenario';
import {
  LOCAL_PREF_CUSTOMER,
  LOCAL_PREF_PEER,
  LOCAL_PREF_PROVIDER,
  TIE_OLDEST,
  TIE_RANDOM,
  mix32,
  tieBreakCode,
} from './policy';
import type { AsGraph, AsMasks, AsOrigin, RouteTable, TieBreak } from './types';
import { LEARNED_CUSTOMER, LEARNED_NONE, LEARNED_ORIGIN, LEARNED_PEER, LEARNED_PROVIDER } from './types';

/** LOCAL_PREF shown for an AS's own announcement: above every learned route. */
export const LOCAL_PREF_ORIGIN = 1000;

/** The per-AS route arrays of a table, with every announcing AS holding its own route and nothing else routed. */
export function seededRoutes(
  n: number,
  origins: readonly AsOrigin[],
  masks: AsMasks,
): Pick<RouteTable, 'nextHop' | 'pathLength' | 'originIndex' | 'learnedFrom' | 'localPref'> {
  const nextHop = new Int32Array(n).fill(-1);
  const pathLength = new Int32Array(n);
  const originIndex = new Int32Array(n).fill(-1);
  const learnedFrom = new Uint8Array(n);
  const localPref = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    const k = masks.originAt[x] as number;
    if (k < 0 || masks.asDown[x]) continue;
    nextHop[x] = x;
    pathLength[x] = 1 + ((origins[k] as AsOrigin).prepend ?? 0);
    originIndex[x] = k;
    learnedFrom[x] = LEARNED_ORIGIN;
    localPref[x] = LOCAL_PREF_ORIGIN;
  }
  return { nextHop, pathLength, originIndex, learnedFrom, localPref };
}

export function sweep(graph: AsGraph, origins: readonly AsOrigin[], tieBreak: TieBreak, prepared: AsMasks): RouteTable {
  if (graph.providerCycle.length > 0) {
    throw new RequestError(
      `the sweep needs an acyclic customer-provider graph; ASes on a provider cycle: ${graph.providerCycle.slice(0, 10).join(', ')}`,
    );
  }
  const n = graph.size;
  const { asns, rankOrder } = graph;
  const { nextHop, pathLength, originIndex, learnedFrom, localPref } = seededRoutes(n, origins, prepared);
  const { asDown } = prepared;
  const tie = tieBreakCode(tieBreak);
  const seed = tieBreak.seed ?? 0;

  // Lower key wins; then lower index (= lower ASN).
  const keyOf = (x: number, from: number): number =>
    tie === TIE_OLDEST
      ? (originIndex[from] as number)
      : tie === TIE_RANDOM
        ? mix32(seed, asns[x] as number, asns[from] as number)
        : 0;

  const pull = (
    x: number,
    start: Int32Array,
    list: Int32Array,
    down: Uint8Array | undefined,
    accept: number,
  ): number => {
    let best = -1;
    let bestLength = 0;
    let bestKey = 0;
    for (let p = start[x] as number, end = start[x + 1] as number; p < end; p++) {
      const from = list[p] as number;
      const learned = learnedFrom[from] as number;
      if (learned === LEARNED_NONE || learned > accept || (down !== undefined && down[p])) continue;
      const length = (pathLength[from] as number) + 1;
      if (best >= 0 && length > bestLength) continue;
      const key = tie === 0 ? 0 : keyOf(x, from);
      if (best < 0 || length < bestLength || key < bestKey || (key === bestKey && from < best)) {
        best = from;
        bestLength = length;
        bestKey = key;
      }
    }
    return best;
  };
  const adopt = (x: number, from: number, learned: number, pref: number): void => {
    nextHop[x] = from;
    pathLength[x] = (pathLength[from] as number) + 1;
    originIndex[x] = originIndex[from] as number;
    learnedFrom[x] = learned;
    localPref[x] = pref;
  };

  const ranked = n - countUnranked(graph);
  // Up: every route an AS holds now came from a customer or is its own, so all are exportable.
  for (let i = 0; i < ranked; i++) {
    const x = rankOrder[i] as number;
    if (learnedFrom[x] !== LEARNED_NONE || asDown[x]) continue;
    const from = pull(x, graph.customerStart, graph.customers, prepared.customerDown, LEARNED_CUSTOMER);
    if (from >= 0) adopt(x, from, LEARNED_CUSTOMER, LOCAL_PREF_CUSTOMER);
  }
  // Across: a peer exports only its own and its customers' routes, so peer routes never chain.
  for (let x = 0; x < n; x++) {
    if (learnedFrom[x] !== LEARNED_NONE || asDown[x]) continue;
    const from = pull(x, graph.peerStart, graph.peers, prepared.peerDown, LEARNED_CUSTOMER);
    if (from >= 0) adopt(x, from, LEARNED_PEER, LOCAL_PREF_PEER);
  }
  // Down: providers export everything to customers; providers (higher rank) are final already.
  for (let i = ranked - 1; i >= 0; i--) {
    const x = rankOrder[i] as number;
    if (learnedFrom[x] !== LEARNED_NONE || asDown[x]) continue;
    const from = pull(x, graph.providerStart, graph.providers, prepared.providerDown, LEARNED_PROVIDER);
    if (from >= 0) adopt(x, from, LEARNED_PROVIDER, LOCAL_PREF_PROVIDER);
  }
  return {
    graph,
    origins,
    solver: 'sweep',
    tieBreak,
    nextHop,
    pathLength,
    originIndex,
    learnedFrom,
    localPref,
    activations: 0,
    masks: prepared,
  };
}

function countUnranked(graph: AsGraph): number {
  let count = 0;
  for (let i = graph.size - 1; i >= 0 && (graph.rank[graph.rankOrder[i] as number] as number) < 0; i--) count++;
  return count;
}
