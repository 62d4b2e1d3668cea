/**
 * The event-driven simulation at AS level, for CAIDA-sized graphs: one BGP speaker per AS, Gao-
 * Rexford policy (customer > peer > provider, then the shorter path, then the tie-break, as the
 * sweep decides), MRAI per eBGP session with jitter, withdrawals at once, loop rejection on
 * receipt. It starts from the sweep's stable routing, withdraws origins at t=0 and runs to quiet.
 */
import { asIndex } from '../asGraph';
import { RequestError } from '../asScenario';
import { DEFAULT_TIE_BREAK, TIE_OLDEST, TIE_RANDOM, mix32, tieBreakCode } from '../policy';
import { propagate } from '../propagate';
import type { AsGraph, AsOrigin } from '../asTypes';
import { LEARNED_CUSTOMER, LEARNED_NONE, LEARNED_ORIGIN } from '../asTypes';
import type { Asn, TieBreak } from '../types';
import { PathPool, buildSlots } from './asTopology';
import type { AsSlots } from './asTopology';
import { percentile, round } from './clientTimelines';
import { EventQueue } from './eventQueue';
import { between, seededRandom } from './random';
import type { Random } from './random';
import { DEFAULT_SEED, DEFAULT_TIMERS } from './types';
import type { AsConvergenceResult, ConvergenceOptions, ConvergenceTimers } from './types';

/** A message on channel `slot` carrying path `node` (-1: a withdrawal), or the channel's MRAI timer (`node` -2). */
interface AsAgenda {
  readonly slot: number;
  readonly node: number;
}
const MRAI_EXPIRED = -2;
/** Learned classes rank customer (2) > peer (3) > provider (4): lower code wins. */
const ORIGIN_SLOT = -2;

class AsSimulation {
  readonly n: number;
  readonly pool = new PathPool();
  readonly queue = new EventQueue<AsAgenda>();
  readonly bestSlot: Int32Array;
  readonly bestNode: Int32Array;
  readonly bestLearned: Uint8Array;
  readonly originUp: Int32Array;
  readonly inNode: Int32Array;
  readonly inLoop: Uint8Array;
  readonly outNode: Int32Array;
  readonly mraiUntil: Float64Array;
  readonly armed: Uint8Array;
  readonly pending: Uint8Array;
  readonly lastArrival: Float64Array;
  readonly lastChange: Float64Array;
  updates = 0;
  withdrawals = 0;
  now = 0;
  lastDelivery = 0;
  private readonly tie: number;

  constructor(
    readonly graph: AsGraph,
    readonly slots: AsSlots,
    readonly origins: readonly AsOrigin[],
    private readonly tieBreak: TieBreak,
    readonly timers: ConvergenceTimers,
    private readonly random: Random,
  ) {
    const n = (this.n = graph.size);
    const s = slots.count;
    this.tie = tieBreakCode(tieBreak);
    this.bestSlot = new Int32Array(n).fill(-1);
    this.bestNode = new Int32Array(n).fill(-1);
    this.bestLearned = new Uint8Array(n);
    this.originUp = new Int32Array(n).fill(-1);
    this.inNode = new Int32Array(s).fill(-1);
    this.inLoop = new Uint8Array(s);
    this.outNode = new Int32Array(s).fill(-1);
    this.mraiUntil = new Float64Array(s).fill(-Infinity);
    this.armed = new Uint8Array(s);
    this.pending = new Uint8Array(s);
    this.lastArrival = new Float64Array(s);
    this.lastChange = new Float64Array(n).fill(-1);
    this.seed();
  }

  /** The sweep's stable routing as paths in the pool, and what every AS has sent to every neighbour. */
  private seed(): void {
    const { graph, slots, pool } = this;
    const table = propagate(graph, this.origins, { tieBreak: this.tieBreak });
    this.origins.forEach((o, k) => (this.originUp[asIndex(graph, o.asn)] = k));
    const order = [...Array(this.n).keys()].filter((x) => (table.nextHop[x] as number) >= 0);
    order.sort((a, b) => (table.pathLength[a] as number) - (table.pathLength[b] as number) || a - b);
    for (const x of order) {
      const hop = table.nextHop[x] as number;
      this.bestLearned[x] = table.learnedFrom[x] as number;
      if (hop === x) {
        this.bestSlot[x] = ORIGIN_SLOT;
        this.bestNode[x] = pool.push(x, -1, table.pathLength[x] as number, table.originIndex[x] as number);
        continue;
      }
      let s = slots.first[x] as number;
      while (slots.neighbor[s] !== hop) s++;
      this.bestSlot[x] = s;
      const via = this.bestNode[hop] as number;
      this.bestNode[x] = pool.push(x, via, (pool.length[via] as number) + 1, pool.origin[via] as number);
    }
    for (let c = 0; c < slots.count; c++) {
      const node = this.exported(c);
      this.outNode[c] = node;
      this.inNode[c] = node;
      this.inLoop[c] = node >= 0 && pool.contains(node, slots.owner[c] as number) ? 1 : 0;
    }
  }

  /** What the sender on channel c advertises on it: its best path, or -1 (Gao-Rexford export). */
  private exported(c: number): number {
    const y = this.slots.neighbor[c] as number;
    const node = this.bestNode[y] as number;
    if (node < 0) return -1;
    const learned = this.bestLearned[y] as number;
    const toCustomer = this.slots.learned[this.slots.mirror[c] as number] === LEARNED_CUSTOMER;
    return learned === LEARNED_ORIGIN || learned === LEARNED_CUSTOMER || toCustomer ? node : -1;
  }

  /** True when the route on slot a beats the one on slot b at their owner x. */
  private better(x: number, a: number, b: number): boolean {
    const { slots, pool } = this;
    const la = slots.learned[a] as number;
    const lb = slots.learned[b] as number;
    if (la !== lb) return la < lb;
    const na = this.inNode[a] as number;
    const nb = this.inNode[b] as number;
    const lenA = pool.length[na] as number;
    const lenB = pool.length[nb] as number;
    if (lenA !== lenB) return lenA < lenB;
    const ya = slots.neighbor[a] as number;
    const yb = slots.neighbor[b] as number;
    if (this.tie !== 0) {
      const ka = this.key(x, ya, na);
      const kb = this.key(x, yb, nb);
      if (ka !== kb) return ka < kb;
    }
    return ya < yb;
  }

  private key(x: number, from: number, node: number): number {
    if (this.tie === TIE_OLDEST) return this.pool.origin[node] as number;
    if (this.tie === TIE_RANDOM)
      return mix32(this.tieBreak.seed ?? 0, this.graph.asns[x] as number, this.graph.asns[from] as number);
    return 0;
  }

  private usable(s: number): boolean {
    return (this.inNode[s] as number) >= 0 && !this.inLoop[s];
  }

  /** A route arrived at x on slot s: adopt it if it wins, rescan if the best one changed, else nothing. */
  receive(s: number, node: number): void {
    const x = this.slots.owner[s] as number;
    this.inNode[s] = node;
    this.inLoop[s] = node >= 0 && this.pool.contains(node, x) ? 1 : 0;
    this.lastDelivery = this.now;
    if (this.bestSlot[x] === ORIGIN_SLOT) return;
    const current = this.bestSlot[x] as number;
    if (s === current) this.rescan(x);
    else if (this.usable(s) && (current < 0 || this.better(x, s, current))) this.adopt(x, s);
  }

  rescan(x: number): void {
    const k = this.originUp[x] as number;
    if (k >= 0) {
      const prepend = this.origins[k]?.prepend ?? 0;
      this.setBest(x, ORIGIN_SLOT, this.pool.push(x, -1, 1 + prepend, k), LEARNED_ORIGIN);
      return;
    }
    let best = -1;
    for (let s = this.slots.first[x] as number; s < (this.slots.first[x + 1] as number); s++)
      if (this.usable(s) && (best < 0 || this.better(x, s, best))) best = s;
    if (best < 0) this.setBest(x, -1, -1, LEARNED_NONE);
    else this.adopt(x, best);
  }

  private adopt(x: number, s: number): void {
    const via = this.inNode[s] as number;
    const node = this.pool.push(x, via, (this.pool.length[via] as number) + 1, this.pool.origin[via] as number);
    this.setBest(x, s, node, this.slots.learned[s] as number);
  }

  private setBest(x: number, s: number, node: number, learned: number): void {
    this.bestSlot[x] = s;
    this.bestNode[x] = node;
    this.bestLearned[x] = learned;
    this.lastChange[x] = this.now;
    for (let t = this.slots.first[x] as number; t < (this.slots.first[x + 1] as number); t++)
      this.exportTo(this.slots.mirror[t] as number);
  }

  private exportTo(c: number): void {
    const desired = this.exported(c);
    if (desired === this.outNode[c]) {
      this.pending[c] = 0;
      return;
    }
    const limited = desired >= 0 || this.timers.mraiWithdrawals;
    if (!limited || this.timers.mraiEbgp === 0 || this.now >= (this.mraiUntil[c] as number)) {
      this.pending[c] = 0;
      this.send(c, desired);
      if (limited) this.startMrai(c);
      return;
    }
    this.pending[c] = 1;
    if (!this.armed[c]) {
      this.armed[c] = 1;
      this.queue.push(this.mraiUntil[c] as number, { slot: c, node: MRAI_EXPIRED });
    }
  }

  private startMrai(c: number): void {
    this.mraiUntil[c] = this.now + this.timers.mraiEbgp * 1000 * between(this.random, this.timers.mraiJitter);
  }

  mraiExpired(c: number): void {
    this.armed[c] = 0;
    if (!this.pending[c]) return;
    this.pending[c] = 0;
    const desired = this.exported(c);
    if (desired === this.outNode[c]) return;
    this.send(c, desired);
    if (desired >= 0 || this.timers.mraiWithdrawals) this.startMrai(c);
  }

  private send(c: number, node: number): void {
    this.outNode[c] = node;
    if (node >= 0) this.updates++;
    else this.withdrawals++;
    const at = Math.max(this.now + between(this.random, this.timers.processingMs), this.lastArrival[c] as number);
    this.lastArrival[c] = at;
    this.queue.push(at, { slot: c, node });
  }
}

/**
 * Withdraws `withdrawn` (origin ASNs) at t=0 from the stable routing of `origins` on `graph` and
 * simulates until quiet. The final routes equal `propagate` with those origins withdrawn.
 */
export function simulateAsConvergence(
  graph: AsGraph,
  origins: readonly AsOrigin[],
  withdrawn: readonly Asn[],
  options: ConvergenceOptions & { readonly tieBreak?: TieBreak } = {},
): AsConvergenceResult {
  const timers = { ...DEFAULT_TIMERS, ...options.timers };
  const seed = options.seed ?? DEFAULT_SEED;
  const sim = new AsSimulation(
    graph,
    buildSlots(graph),
    origins,
    options.tieBreak ?? DEFAULT_TIE_BREAK,
    timers,
    seededRandom(seed),
  );
  for (const asn of withdrawn) {
    const x = asIndex(graph, asn);
    if (x < 0 || (sim.originUp[x] as number) < 0)
      throw new RequestError(`AS${asn} is not an origin, so it cannot be withdrawn`);
    sim.originUp[x] = -1;
    sim.rescan(x);
  }
  const maxTime = (options.maxTime ?? 3600) * 1000;
  const maxEvents = options.maxEvents ?? 50_000_000;
  let events = 0;
  let unstable: string | undefined;
  for (let next = sim.queue.pop(); next; next = sim.queue.pop()) {
    if (next.time > maxTime || events >= maxEvents) {
      unstable = `no stable routing within ${next.time > maxTime ? `${maxTime / 1000} s simulated` : `${events} events`}`;
      break;
    }
    sim.now = next.time;
    events++;
    if (next.item.node === MRAI_EXPIRED) sim.mraiExpired(next.item.slot);
    else sim.receive(next.item.slot, next.item.node);
  }
  return summarize(sim, events, seed, unstable);
}

function summarize(sim: AsSimulation, events: number, seed: number, unstable: string | undefined): AsConvergenceResult {
  const settle = new Float64Array(sim.n);
  const times: number[] = [];
  const nextHop = new Int32Array(sim.n);
  const originIndex = new Int32Array(sim.n);
  let lost = 0;
  for (let x = 0; x < sim.n; x++) {
    const changed = (sim.lastChange[x] as number) >= 0;
    settle[x] = changed ? round((sim.lastChange[x] as number) / 1000) : -1;
    if (changed) times.push(settle[x] as number);
    const slot = sim.bestSlot[x] as number;
    nextHop[x] = slot === ORIGIN_SLOT ? x : slot < 0 ? -1 : (sim.slots.neighbor[slot] as number);
    const node = sim.bestNode[x] as number;
    originIndex[x] = node < 0 ? -1 : (sim.pool.origin[node] as number);
    if (changed && node < 0) lost++;
  }
  return {
    settle,
    affected: times.length,
    lost,
    quantiles: { p50: percentile(times, 50), p90: percentile(times, 90), max: percentile(times, 100) },
    nextHop,
    originIndex,
    updates: sim.updates,
    withdrawals: sim.withdrawals,
    events,
    lastUpdate: round(sim.lastDelivery / 1000),
    ...(unstable ? { unstable } : {}),
    timers: sim.timers,
    seed,
  };
}

/** Share (0..1) of the affected ASes settled within `seconds`. */
export function settledShare(result: AsConvergenceResult, seconds: number): number {
  if (result.affected === 0) return 1;
  let settled = 0;
  for (const t of result.settle) if (t >= 0 && t <= seconds) settled++;
  return settled / result.affected;
}
