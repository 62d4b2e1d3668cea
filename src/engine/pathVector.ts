/**
 * The general solver at AS level: asynchronous path vector for any LOCAL_PREF policy. A worklist
 * holds ASes whose neighbours changed; each recomputes its best route from the neighbours' current
 * routes. AS paths are persistent lists (a new route is one node pointing at the neighbour's path),
 * so loop rejection walks shared tails and nothing is copied. When no stable routing exists (a
 * dispute wheel) the activation budget runs out, and a further window names the ASes that cycle.
 */
import {
  LOCAL_PREF_CUSTOMER,
  LOCAL_PREF_PEER,
  LOCAL_PREF_PROVIDER,
  TIE_OLDEST,
  TIE_RANDOM,
  mix32,
  tieBreakCode,
} from './policy';
import { seededRoutes } from './sweep';
import type { Asn, AsGraph, AsMasks, AsInstability, AsOrigin, RouteTable, TieBreak } from './types';
import { LEARNED_CUSTOMER, LEARNED_NONE, LEARNED_ORIGIN, LEARNED_PEER, LEARNED_PROVIDER } from './types';

/** LOCAL_PREF overrides keyed by receiver index * size + neighbour index. */
export type LocalPrefOverrides = ReadonlyMap<number, number>;

class PathPool {
  as: Int32Array = new Int32Array(1 << 16);
  next: Int32Array = new Int32Array(1 << 16);
  length = 0;
  push(asIndex: number, next: number): number {
    if (this.length === this.as.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.as = grow(this.as);
      this.next = grow(this.next);
    }
    this.as[this.length] = asIndex;
    this.next[this.length] = next;
    return this.length++;
  }
}

export function pathVector(
  graph: AsGraph,
  origins: readonly AsOrigin[],
  tieBreak: TieBreak,
  prepared: AsMasks,
  overrides: LocalPrefOverrides | undefined,
  maxActivations = 64 * graph.size + 1024,
): RouteTable {
  const n = graph.size;
  const { asns } = graph;
  const { nextHop, pathLength, originIndex, learnedFrom, localPref } = seededRoutes(n, origins, prepared);
  const head = new Int32Array(n).fill(-1);
  const pool = new PathPool();
  const { asDown } = prepared;
  const tie = tieBreakCode(tieBreak);
  const seed = tieBreak.seed ?? 0;

  const queue = new Int32Array(n + 1);
  const queued = new Uint8Array(n);
  let qHead = 0;
  let qTail = 0;
  let qSize = 0;
  const enqueue = (x: number): void => {
    if (queued[x] || asDown[x] || learnedFrom[x] === LEARNED_ORIGIN) return;
    queued[x] = 1;
    queue[qTail] = x;
    qTail = qTail === n ? 0 : qTail + 1;
    qSize++;
  };
  const enqueueNeighbours = (x: number): void => {
    for (let p = graph.customerStart[x] as number; p < (graph.customerStart[x + 1] as number); p++)
      enqueue(graph.customers[p] as number);
    for (let p = graph.peerStart[x] as number; p < (graph.peerStart[x + 1] as number); p++)
      enqueue(graph.peers[p] as number);
    for (let p = graph.providerStart[x] as number; p < (graph.providerStart[x + 1] as number); p++)
      enqueue(graph.providers[p] as number);
  };

  for (let x = 0; x < n; x++) if (learnedFrom[x] === LEARNED_ORIGIN) head[x] = pool.push(x, -1);
  for (let x = 0; x < n; x++) if (learnedFrom[x] === LEARNED_ORIGIN) enqueueNeighbours(x);

  let best = -1;
  let bestPref = 0;
  let bestLength = 0;
  let bestKey = 0;
  let bestLearned = 0;
  const consider = (x: number, from: number, learned: number, down: Uint8Array | undefined, p: number): void => {
    const fromLearned = learnedFrom[from] as number;
    if (fromLearned === LEARNED_NONE || (down !== undefined && down[p])) return;
    // Valley-free export: only a provider passes on routes learned from its peers or providers.
    if (learned !== LEARNED_PROVIDER && fromLearned > LEARNED_CUSTOMER) return;
    const pref =
      overrides?.get(x * n + from) ??
      (learned === LEARNED_CUSTOMER
        ? LOCAL_PREF_CUSTOMER
        : learned === LEARNED_PEER
          ? LOCAL_PREF_PEER
          : LOCAL_PREF_PROVIDER);
    if (best >= 0 && pref < bestPref) return;
    const length = (pathLength[from] as number) + 1;
    if (best >= 0 && pref === bestPref && length > bestLength) return;
    for (let node = head[from] as number; node >= 0; node = pool.next[node] as number) if (pool.as[node] === x) return;
    const key =
      tie === TIE_OLDEST
        ? (originIndex[from] as number)
        : tie === TIE_RANDOM
          ? mix32(seed, asns[x] as number, asns[from] as number)
          : 0;
    if (best < 0 || pref > bestPref || length < bestLength || key < bestKey || (key === bestKey && from < best)) {
      best = from;
      bestPref = pref;
      bestLength = length;
      bestKey = key;
      bestLearned = learned;
    }
  };

  /** Recomputes x's route; true when it changed. */
  const activate = (x: number): boolean => {
    best = -1;
    for (let p = graph.customerStart[x] as number; p < (graph.customerStart[x + 1] as number); p++)
      consider(x, graph.customers[p] as number, LEARNED_CUSTOMER, prepared.customerDown, p);
    for (let p = graph.peerStart[x] as number; p < (graph.peerStart[x + 1] as number); p++)
      consider(x, graph.peers[p] as number, LEARNED_PEER, prepared.peerDown, p);
    for (let p = graph.providerStart[x] as number; p < (graph.providerStart[x + 1] as number); p++)
      consider(x, graph.providers[p] as number, LEARNED_PROVIDER, prepared.providerDown, p);
    const current = head[x] as number;
    if (best < 0) {
      if (current < 0) return false;
      head[x] = -1;
      nextHop[x] = -1;
      pathLength[x] = 0;
      originIndex[x] = -1;
      learnedFrom[x] = LEARNED_NONE;
      localPref[x] = 0;
      return true;
    }
    if (current >= 0 && nextHop[x] === best && pool.next[current] === head[best] && localPref[x] === bestPref)
      return false;
    head[x] = pool.push(x, head[best] as number);
    nextHop[x] = best;
    pathLength[x] = bestLength;
    originIndex[x] = originIndex[best] as number;
    learnedFrom[x] = bestLearned;
    localPref[x] = bestPref;
    return true;
  };

  const step = (): number => {
    const x = queue[qHead] as number;
    qHead = qHead === n ? 0 : qHead + 1;
    qSize--;
    queued[x] = 0;
    if (activate(x)) {
      enqueueNeighbours(x);
      return x;
    }
    return -1;
  };

  let activations = 0;
  while (qSize > 0 && activations < maxActivations) {
    step();
    activations++;
  }
  let unstable: AsInstability | undefined;
  // Watch a further window: whatever keeps changing in it is on (or fed by) the dispute wheel.
  const seen = new Map<number, Map<string, Asn[]>>();
  if (qSize > 0) {
    const window = Math.min(maxActivations, 16 * n + 256);
    for (let w = 0; w < window && qSize > 0; w++, activations++) {
      const changed = step();
      if (changed < 0) continue;
      let paths = seen.get(changed);
      if (!paths) seen.set(changed, (paths = new Map()));
      if (paths.size < 8) {
        const path = pathOfNode(head[changed] as number, pool, asns, origins, originIndex[changed] as number);
        paths.set(path.join(' '), path);
      }
    }
  }
  // A slow convergence that settled inside the window is not a dispute wheel.
  if (qSize > 0) {
    const cycling = [...seen.keys()].sort((a, b) => a - b);
    const shown = cycling.slice(0, 50);
    unstable = {
      asns: cycling.map((x) => asns[x] as number),
      cycle: shown.map((x) => ({ asn: asns[x] as number, paths: [...(seen.get(x) as Map<string, Asn[]>).values()] })),
      message:
        `no stable routing: after ${activations} route recomputations ${cycling.length} AS(es) still change their choice ` +
        `(a dispute wheel, e.g. LOCAL_PREF overrides that prefer routes through a neighbour over direct ones): ` +
        shown
          .slice(0, 10)
          .map((x) => `AS${asns[x]}`)
          .join(', '),
    };
  }
  return {
    graph,
    origins,
    solver: 'path-vector',
    tieBreak,
    nextHop,
    pathLength,
    originIndex,
    learnedFrom,
    localPref,
    activations,
    masks: prepared,
    ...(overrides ? { localPrefOverrides: overrides } : {}),
    ...(unstable ? { unstable } : {}),
  };
}

function pathOfNode(
  node: number,
  pool: PathPool,
  asns: Uint32Array,
  origins: readonly AsOrigin[],
  origin: number,
): Asn[] {
  const path: Asn[] = [];
  for (let at = node; at >= 0; at = pool.next[at] as number) path.push(asns[pool.as[at] as number] as number);
  const prepend = origin >= 0 ? ((origins[origin] as AsOrigin).prepend ?? 0) : 0;
  const last = path[path.length - 1];
  for (let i = 0; i < prepend && last !== undefined; i++) path.push(last);
  return path;
}
