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
import { LOCAL_PREF_ORIGIN, seededRoutes } from './sweep';
import type { Asn, TieBreak } from './types';
import type { AsGraph, AsMasks, AsInstability, AsOrigin, RouteTable } from './asTypes';
import { LEARNED_CUSTOMER, LEARNED_NONE, LEARNED_ORIGIN, LEARNED_PEER, LEARNED_PROVIDER } from './asTypes';

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

/**
 * The worklist of ASes whose neighbours changed: a ring buffer holding each AS at most once,
 * served first in first out, or with a seed in a reproducible random order.
 */
class AsQueue {
  private readonly items: Int32Array;
  private readonly queued: Uint8Array;
  private head = 0;
  private tail = 0;
  private draws = 0;
  size = 0;

  constructor(
    private readonly n: number,
    private readonly seed?: number,
  ) {
    this.items = new Int32Array(n + 1);
    this.queued = new Uint8Array(n);
  }

  push(x: number): void {
    if (this.queued[x]) return;
    this.queued[x] = 1;
    this.items[this.tail] = x;
    this.tail = this.tail === this.n ? 0 : this.tail + 1;
    this.size++;
  }

  shift(): number {
    if (this.seed !== undefined) {
      const pick = (this.head + (mix32(this.seed, this.draws++, this.size) % this.size)) % (this.n + 1);
      [this.items[this.head], this.items[pick]] = [this.items[pick] as number, this.items[this.head] as number];
    }
    const x = this.items[this.head] as number;
    this.head = this.head === this.n ? 0 : this.head + 1;
    this.size--;
    this.queued[x] = 0;
    return x;
  }
}

/**
 * One run of the solver: every AS's current route (in the route table's arrays, its AS path in the
 * pool), the worklist, and the best candidate found so far while one AS is recomputed.
 */
class PathVectorRun {
  readonly n: number;
  readonly routes: ReturnType<typeof seededRoutes>;
  /** Each AS's AS path as a node of the pool, -1 for none. */
  readonly head: Int32Array;
  readonly pool = new PathPool();
  readonly queue: AsQueue;
  /** The origin ASes, with their origin index and AS path length. */
  private readonly announcing: { x: number; k: number; length: number }[] = [];
  private readonly tie: number;
  private readonly seed: number;
  private best = -1;
  private bestPref = 0;
  private bestLength = 0;
  private bestKey = 0;
  private bestLearned = 0;

  constructor(
    readonly graph: AsGraph,
    origins: readonly AsOrigin[],
    tieBreak: TieBreak,
    readonly prepared: AsMasks,
    readonly overrides: LocalPrefOverrides | undefined,
    queueSeed?: number,
  ) {
    this.n = graph.size;
    this.routes = seededRoutes(this.n, origins, prepared);
    this.head = new Int32Array(this.n).fill(-1);
    this.queue = new AsQueue(this.n, queueSeed);
    this.tie = tieBreakCode(tieBreak);
    this.seed = tieBreak.seed ?? 0;
    const { learnedFrom, originIndex, pathLength } = this.routes;
    for (let x = 0; x < this.n; x++)
      if (learnedFrom[x] === LEARNED_ORIGIN) {
        this.head[x] = this.pool.push(x, -1);
        this.announcing.push({ x, k: originIndex[x] as number, length: pathLength[x] as number });
      }
  }

  /** Withholds the announcements of origins `ks` (indexes into the origins) until `announce` names them. */
  withhold(ks: readonly number[]): void {
    for (const { x, k } of this.announcing) if (ks.includes(k)) this.clear(x);
  }

  /** Leaves AS x without a route. */
  private clear(x: number): void {
    const { learnedFrom, originIndex, nextHop, pathLength, localPref } = this.routes;
    this.head[x] = -1;
    nextHop[x] = -1;
    pathLength[x] = 0;
    originIndex[x] = -1;
    learnedFrom[x] = LEARNED_NONE;
    localPref[x] = 0;
  }

  /**
   * Announces the origins `stage` names (all when undefined) and queues their neighbours. An
   * origin withheld until now held no route of its own, and may meanwhile have learned the prefix
   * from others, as a real AS would.
   */
  announce(stage: readonly number[] | undefined): void {
    const { learnedFrom, originIndex, nextHop, pathLength, localPref } = this.routes;
    for (const { x, k, length } of this.announcing) {
      if (stage && !stage.includes(k)) continue;
      if (learnedFrom[x] !== LEARNED_ORIGIN) {
        this.head[x] = this.pool.push(x, -1);
        nextHop[x] = x;
        pathLength[x] = length;
        originIndex[x] = k;
        learnedFrom[x] = LEARNED_ORIGIN;
        localPref[x] = LOCAL_PREF_ORIGIN;
      }
      this.enqueueNeighbours(x);
    }
  }

  private enqueue(x: number): void {
    if (this.prepared.asDown[x] || this.routes.learnedFrom[x] === LEARNED_ORIGIN) return;
    this.queue.push(x);
  }

  private enqueueNeighbours(x: number): void {
    const graph = this.graph;
    for (let p = graph.customerStart[x] as number; p < (graph.customerStart[x + 1] as number); p++)
      this.enqueue(graph.customers[p] as number);
    for (let p = graph.peerStart[x] as number; p < (graph.peerStart[x + 1] as number); p++)
      this.enqueue(graph.peers[p] as number);
    for (let p = graph.providerStart[x] as number; p < (graph.providerStart[x + 1] as number); p++)
      this.enqueue(graph.providers[p] as number);
  }

  /** Recomputes the next queued AS's route; returns it if the route changed (waking its neighbours), else -1. */
  step(): number {
    const x = this.queue.shift();
    // An origin queued before it announced keeps its own route.
    if (this.routes.learnedFrom[x] === LEARNED_ORIGIN || !this.activate(x)) return -1;
    this.enqueueNeighbours(x);
    return x;
  }

  /** Weighs the route of `from` as a candidate at `x`, learned over relationship `learned` at adjacency `p`. */
  private consider(x: number, from: number, learned: number, down: Uint8Array | undefined, p: number): void {
    const { learnedFrom, pathLength, originIndex } = this.routes;
    const fromLearned = learnedFrom[from] as number;
    if (fromLearned === LEARNED_NONE || (down !== undefined && down[p])) return;
    // Valley-free export: only a provider passes on routes learned from its peers or providers.
    if (learned !== LEARNED_PROVIDER && fromLearned > LEARNED_CUSTOMER) return;
    const pref =
      this.overrides?.get(x * this.n + from) ??
      (learned === LEARNED_CUSTOMER
        ? LOCAL_PREF_CUSTOMER
        : learned === LEARNED_PEER
          ? LOCAL_PREF_PEER
          : LOCAL_PREF_PROVIDER);
    if (this.best >= 0 && pref < this.bestPref) return;
    const length = (pathLength[from] as number) + 1;
    if (this.best >= 0 && pref === this.bestPref && length > this.bestLength) return;
    const pool = this.pool;
    for (let node = this.head[from] as number; node >= 0; node = pool.next[node] as number)
      if (pool.as[node] === x) return;
    const asns = this.graph.asns;
    const key =
      this.tie === TIE_OLDEST
        ? (originIndex[from] as number)
        : this.tie === TIE_RANDOM
          ? mix32(this.seed, asns[x] as number, asns[from] as number)
          : 0;
    if (
      this.best < 0 ||
      pref > this.bestPref ||
      length < this.bestLength ||
      key < this.bestKey ||
      (key === this.bestKey && from < this.best)
    ) {
      this.best = from;
      this.bestPref = pref;
      this.bestLength = length;
      this.bestKey = key;
      this.bestLearned = learned;
    }
  }

  /** Recomputes x's route; true when it changed. */
  private activate(x: number): boolean {
    const { graph, prepared } = this;
    this.best = -1;
    for (let p = graph.customerStart[x] as number; p < (graph.customerStart[x + 1] as number); p++)
      this.consider(x, graph.customers[p] as number, LEARNED_CUSTOMER, prepared.customerDown, p);
    for (let p = graph.peerStart[x] as number; p < (graph.peerStart[x + 1] as number); p++)
      this.consider(x, graph.peers[p] as number, LEARNED_PEER, prepared.peerDown, p);
    for (let p = graph.providerStart[x] as number; p < (graph.providerStart[x + 1] as number); p++)
      this.consider(x, graph.providers[p] as number, LEARNED_PROVIDER, prepared.providerDown, p);
    const { nextHop, pathLength, originIndex, learnedFrom, localPref } = this.routes;
    const current = this.head[x] as number;
    const best = this.best;
    if (best < 0) {
      if (current < 0) return false;
      this.clear(x);
      return true;
    }
    if (
      current >= 0 &&
      nextHop[x] === best &&
      this.pool.next[current] === this.head[best] &&
      localPref[x] === this.bestPref
    )
      return false;
    this.head[x] = this.pool.push(x, this.head[best] as number);
    nextHop[x] = best;
    pathLength[x] = this.bestLength;
    originIndex[x] = originIndex[best] as number;
    learnedFrom[x] = this.bestLearned;
    localPref[x] = this.bestPref;
    return true;
  }
}

/**
 * The order of events at AS level: the origins (indexes into the origins) announced in stages,
 * each settling before the next announces, and with a seed, ASes woken in a seeded random order.
 * The default is every origin at once, first queued first served.
 */
export interface AsActivationOrder {
  readonly stages?: readonly (readonly number[])[];
  readonly seed?: number;
}

export function pathVector(
  graph: AsGraph,
  origins: readonly AsOrigin[],
  tieBreak: TieBreak,
  prepared: AsMasks,
  overrides: LocalPrefOverrides | undefined,
  maxActivations = 64 * graph.size + 1024,
  order: AsActivationOrder = {},
): RouteTable {
  const run = new PathVectorRun(graph, origins, tieBreak, prepared, overrides, order.seed);
  const stages = order.stages ?? [undefined];
  run.withhold(stages.slice(1).flatMap((stage) => stage ?? []));
  let activations = 0;
  for (const stage of stages) {
    run.announce(stage);
    while (run.queue.size > 0 && activations < maxActivations) {
      run.step();
      activations++;
    }
  }
  let unstable: AsInstability | undefined;
  if (run.queue.size > 0) {
    const watched = watchForDisputeWheel(run, origins, Math.min(maxActivations, 16 * graph.size + 256), activations);
    activations = watched.activations;
    unstable = watched.unstable;
  }
  return {
    graph,
    origins,
    solver: 'path-vector',
    tieBreak,
    ...run.routes,
    activations,
    masks: prepared,
    ...(overrides ? { localPrefOverrides: overrides } : {}),
    ...(unstable ? { unstable } : {}),
  };
}

/**
 * Watches a further window once the budget ran out: whatever keeps changing in it is on (or fed
 * by) the dispute wheel. A slow convergence that settles inside the window is not a dispute wheel.
 */
function watchForDisputeWheel(
  run: PathVectorRun,
  origins: readonly AsOrigin[],
  window: number,
  activationsSoFar: number,
): { activations: number; unstable?: AsInstability } {
  const asns = run.graph.asns;
  const seen = new Map<number, Map<string, Asn[]>>();
  let activations = activationsSoFar;
  for (let w = 0; w < window && run.queue.size > 0; w++, activations++) {
    const changed = run.step();
    if (changed < 0) continue;
    let paths = seen.get(changed);
    if (!paths) seen.set(changed, (paths = new Map()));
    if (paths.size < 8) {
      const origin = run.routes.originIndex[changed] as number;
      const path = pathOfNode(run.head[changed] as number, run.pool, asns, origins, origin);
      paths.set(path.join(' '), path);
    }
  }
  if (run.queue.size === 0) return { activations };
  const cycling = [...seen.keys()].sort((a, b) => a - b);
  const shown = cycling.slice(0, 50);
  const unstable: AsInstability = {
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
  return { activations, unstable };
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
