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
import type { TieBreak } from './types';
import type { AsGraph, AsMasks, AsOrigin, RouteTable } from './asTypes';
import { LEARNED_CUSTOMER, LEARNED_NONE, LEARNED_ORIGIN, LEARNED_PEER, LEARNED_PROVIDER } from './asTypes';

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

type Routes = ReturnType<typeof seededRoutes>;

/** What choosing a neighbour needs: the routes so far and the tie-break. */
interface SweepState {
  readonly routes: Routes;
  readonly asns: Uint32Array;
  readonly tie: number;
  readonly seed: number;
}

/**
 * The best neighbour of `x` in one adjacency list (`start`/`list`) whose route it may take: learned
 * no worse than `accept`, shortest AS path, then the lower tie-break key, then the lower index
 * (= lower ASN). -1 when none.
 */
function pullBest(
  { routes, asns, tie, seed }: SweepState,
  x: number,
  start: Int32Array,
  list: Int32Array,
  down: Uint8Array | undefined,
  accept: number,
): number {
  const { learnedFrom, pathLength, originIndex } = routes;
  let best = -1;
  let bestLength = 0;
  let bestKey = 0;
  for (let p = start[x] as number, end = start[x + 1] as number; p < end; p++) {
    const from = list[p] as number;
    const learned = learnedFrom[from] as number;
    if (learned === LEARNED_NONE || learned > accept || (down !== undefined && down[p])) continue;
    const length = (pathLength[from] as number) + 1;
    if (best >= 0 && length > bestLength) continue;
    const key =
      tie === 0
        ? 0
        : tie === TIE_OLDEST
          ? (originIndex[from] as number)
          : tie === TIE_RANDOM
            ? mix32(seed, asns[x] as number, asns[from] as number)
            : 0;
    if (best < 0 || length < bestLength || key < bestKey || (key === bestKey && from < best)) {
      best = from;
      bestLength = length;
      bestKey = key;
    }
  }
  return best;
}

function adopt(routes: Routes, x: number, from: number, learned: number, pref: number): void {
  routes.nextHop[x] = from;
  routes.pathLength[x] = (routes.pathLength[from] as number) + 1;
  routes.originIndex[x] = routes.originIndex[from] as number;
  routes.learnedFrom[x] = learned;
  routes.localPref[x] = pref;
}

export function sweep(graph: AsGraph, origins: readonly AsOrigin[], tieBreak: TieBreak, prepared: AsMasks): RouteTable {
  if (graph.providerCycle.length > 0) {
    throw new RequestError(
      `the sweep needs an acyclic customer-provider graph; ASes on a provider cycle: ${graph.providerCycle.slice(0, 10).join(', ')}`,
    );
  }
  const n = graph.size;
  const { rankOrder } = graph;
  const routes = seededRoutes(n, origins, prepared);
  const { learnedFrom } = routes;
  const { asDown } = prepared;
  const state: SweepState = { routes, asns: graph.asns, tie: tieBreakCode(tieBreak), seed: tieBreak.seed ?? 0 };
  const ranked = n - countUnranked(graph);
  // Up: every route an AS holds now came from a customer or is its own, so all are exportable.
  for (let i = 0; i < ranked; i++) {
    const x = rankOrder[i] as number;
    if (learnedFrom[x] !== LEARNED_NONE || asDown[x]) continue;
    const from = pullBest(state, x, graph.customerStart, graph.customers, prepared.customerDown, LEARNED_CUSTOMER);
    if (from >= 0) adopt(routes, x, from, LEARNED_CUSTOMER, LOCAL_PREF_CUSTOMER);
  }
  // Across: a peer exports only its own and its customers' routes, so peer routes never chain.
  for (let x = 0; x < n; x++) {
    if (learnedFrom[x] !== LEARNED_NONE || asDown[x]) continue;
    const from = pullBest(state, x, graph.peerStart, graph.peers, prepared.peerDown, LEARNED_CUSTOMER);
    if (from >= 0) adopt(routes, x, from, LEARNED_PEER, LOCAL_PREF_PEER);
  }
  // Down: providers export everything to customers; providers (higher rank) are final already.
  for (let i = ranked - 1; i >= 0; i--) {
    const x = rankOrder[i] as number;
    if (learnedFrom[x] !== LEARNED_NONE || asDown[x]) continue;
    const from = pullBest(state, x, graph.providerStart, graph.providers, prepared.providerDown, LEARNED_PROVIDER);
    if (from >= 0) adopt(routes, x, from, LEARNED_PROVIDER, LOCAL_PREF_PROVIDER);
  }
  return { graph, origins, solver: 'sweep', tieBreak, ...routes, activations: 0, masks: prepared };
}

function countUnranked(graph: AsGraph): number {
  let count = 0;
  for (let i = graph.size - 1; i >= 0 && (graph.rank[graph.rankOrder[i] as number] as number) < 0; i--) count++;
  return count;
}
