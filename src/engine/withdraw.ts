/**
 * Withdrawing one PoP without resolving again: from the settled routing, forget every route to
 * that PoP and run the same propagation from there, waking only the routers whose choice can
 * change. Where the routing has a single stable state (Gao-Rexford preferences, no route
 * reflectors) the fixed point reached is the one a full resolve reaches; elsewhere, and when the
 * re-settling runs out of budget, it resolves again in full.
 */
import { bestOf, keepsBest } from './decision';
import { clientResults, forward, popResults } from './forwarding';
import { sharedOverIbgp } from './ibgpRoutes';
import { candidatesAt, currentBest, heardFrom, signature, solvePrefix } from './propagation';
import type { PrefixSolution } from './propagation';
import type { Held, Net } from './routerNet';
import { buildNet, toRoute } from './routerNet';
import { announcedPrefixes, explainAt, popsUp, resolve } from './resolve';
import type { ResolveOptions } from './resolve';
import { mayHaveSeveralStableStates } from './stableStates';
import type { AnnouncedPrefix } from './stableStates';
import type { ClientResult, Instability, PopResult, RouterResult, Scenario, Topology } from './types';

/** A settled routing to withdraw PoPs from, one at a time. */
export interface FailureBase {
  readonly topology: Topology;
  readonly scenario: Scenario;
  readonly options: ResolveOptions;
  readonly net: Net;
  readonly popUp: readonly boolean[];
  readonly prefixes: readonly AnnouncedPrefix[];
  readonly solutions: readonly PrefixSolution[];
  readonly maxActivations: number;
  /** Whether some session sets a MED other than 0 (else MED never separates two routes). */
  readonly medMatters: boolean;
  /** Whether withdrawing re-settles from this routing (else it resolves again in full). */
  readonly incremental: boolean;
  /** The clients and PoPs before any withdrawal. */
  readonly before: Withdrawal;
}

/** Where the clients go with one PoP withdrawn: what a resolve under that failure says of clients and PoPs. */
export interface Withdrawal {
  readonly clients: readonly ClientResult[];
  readonly pops: readonly PopResult[];
  readonly unstable?: Instability;
}

/** Settles `topology` under `scenario` once, for `resolveWithout`. */
export function failureBase(topology: Topology, scenario: Scenario = {}, options: ResolveOptions = {}): FailureBase {
  const net = buildNet(topology, scenario);
  const popUp = popsUp(net, scenario);
  const maxActivations = options.maxActivations ?? 200 * topology.routers.length + 1000;
  const prefixes = announcedPrefixes(net, popUp);
  const solutions = prefixes.map((p) => solvePrefix(net, p.text, p.pops, maxActivations));
  const incremental =
    !solutions.some((s) => s.unstable) &&
    !net.reflectorOf.some((r) => r !== undefined) &&
    !mayHaveSeveralStableStates(topology);
  const medMatters = net.adjacencies.some((list) => list.some((adj) => adj.med !== 0));
  const clients = clientsOf({ ...net, warnings: [] }, solutions);
  const before = { clients, pops: popResults(topology, clients, popUp) };
  return {
    topology,
    scenario,
    options,
    net,
    popUp,
    prefixes,
    solutions,
    maxActivations,
    medMatters,
    incremental,
    before,
  };
}

/**
 * The clients and PoPs with PoP `popId` withdrawn on top of the base's scenario: the answer of
 * `resolve(topology, {...scenario, failedPops: [...failedPops, popId]}, {searchStableStates: false})`
 * for each client's PoP, route, forwarding path and RTT; the explanations, the tie-breaks on the
 * path and where the PoP was decided for each client whose PoP or router's route changed.
 */
export function resolveWithout(base: FailureBase, popId: string): Withdrawal {
  const k = base.topology.origins.findIndex((o) => o.id === popId);
  const solutions = base.incremental && k >= 0 ? resettleAll(base, k) : undefined;
  if (!solutions) {
    const failedPops = [...(base.scenario.failedPops ?? []), popId];
    const full = resolve(
      base.topology,
      { ...base.scenario, failedPops },
      { ...base.options, searchStableStates: false },
    );
    return { clients: full.clients, pops: full.pops, ...(full.unstable ? { unstable: full.unstable } : {}) };
  }
  const net: Net = { ...base.net, warnings: [] };
  const popUp = base.popUp.map((up, i) => up && i !== k);
  const clients = clientsOf(net, solutions, base);
  return { clients, pops: popResults(base.topology, clients, popUp) };
}

/** Each PoP's withdrawal from one settled routing, worked out on first ask and kept. */
export interface Withdrawals {
  readonly base: FailureBase;
  without(popId: string): Withdrawal;
}

/**
 * The withdrawals from `base`, shared by the readers of one N-1 question (the clients' impact and
 * the load), so each PoP is withdrawn once however many of them ask.
 */
export function withdrawals(base: FailureBase): Withdrawals {
  const done = new Map<string, Withdrawal>();
  return {
    base,
    without(popId: string): Withdrawal {
      let w = done.get(popId);
      if (!w) done.set(popId, (w = resolveWithout(base, popId)));
      return w;
    },
  };
}

/** Every prefix re-settled without PoP k, or undefined when one runs out of budget. */
function resettleAll(base: FailureBase, k: number): PrefixSolution[] | undefined {
  const out: PrefixSolution[] = [];
  for (const [i, s] of base.solutions.entries()) {
    const next = base.prefixes[i]?.pops.includes(k) ? resettle(base, s, k) : s;
    if (!next) return undefined;
    out.push(next);
  }
  return out;
}

/**
 * The clients' results. A client is explained in full (its router's choice, which routers on its
 * path tie-broke, where its PoP was decided) when its PoP or its router's route differs from
 * `before`, or when there is no before; the others carry their PoP, route, path and RTT only.
 */
function clientsOf(net: Net, solutions: readonly PrefixSolution[], before?: FailureBase): ClientResult[] {
  const routers: RouterResult[] = net.topology.routers.map((spec) => ({ id: spec.id }));
  const held = (r: number): { held: Held; prefix: string } | undefined => {
    const s = solutions.find((p) => p.best[r] !== undefined);
    return s ? { held: s.best[r] as Held, prefix: s.prefix } : undefined;
  };
  const explain = new Set<number>();
  const explained = net.topology.clients.map((c, i) => {
    const r = net.indexOf.get(c.router);
    const own = r === undefined ? undefined : held(r);
    if (r === undefined || !own) return false;
    const walk = forward(solutions, r);
    for (const w of walk.routers) {
      const h = held(w);
      if (h) routers[w] = { id: routers[w]?.id as string, best: toRoute(net, h.held, h.prefix) };
    }
    const pop = walk.pop === undefined ? undefined : net.topology.origins[walk.pop]?.id;
    const was = before?.solutions.find((p) => p.best[r] !== undefined)?.best[r];
    const changed = !before || before.before.clients[i]?.pop !== pop || signature(was) !== signature(own.held);
    if (changed) for (const w of walk.routers) explain.add(w);
    return changed;
  });
  for (const r of explain) {
    const s = solutions.find((p) => p.best[r] !== undefined);
    const e = s ? explainAt(net, r, s) : undefined;
    if (e) routers[r] = { id: routers[r]?.id as string, best: e.route, explanation: e.explanation };
  }
  return clientResults(net, solutions, routers, undefined).map((c, i) => {
    if (explained[i]) return c;
    const { arbitraryAt: _a, decision: _d, explanation: _e, ...rest } = c;
    return rest;
  });
}

/** The routers to recompute, each queued once, first woken first served. */
class Queue {
  readonly items: number[] = [];
  private head = 0;
  private readonly queued: Uint8Array;
  constructor(n: number) {
    this.queued = new Uint8Array(n);
  }
  has(r: number): boolean {
    return this.queued[r] === 1;
  }
  push(r: number): void {
    if (this.queued[r]) return;
    this.queued[r] = 1;
    this.items.push(r);
  }
  shift(): number | undefined {
    const r = this.items[this.head++];
    if (r !== undefined) this.queued[r] = 0;
    return r;
  }
}

/** One prefix's routing without PoP k, or undefined when it does not settle within the budget. */
function resettle(base: FailureBase, s: PrefixSolution, k: number): PrefixSolution | undefined {
  const net = base.net;
  const best = [...s.best];
  const localPops = s.localPops.map((l) => (l.includes(k) ? l.filter((x) => x !== k) : l));
  const queue = new Queue(best.length);
  // Every route to PoP k goes at once: a router whose best leads elsewhere holds a route that
  // stays valid, since the routers along it chose it too.
  const flushed: number[] = [];
  best.forEach((h, r) => {
    if (h?.pop !== k) return;
    best[r] = undefined;
    flushed.push(r);
    queue.push(r);
  });
  for (const r of flushed) wakeNeighbours(base, best, queue, r, s.best[r], undefined);
  for (let activations = 0; ; activations++) {
    const r = queue.shift();
    if (r === undefined) return { prefix: s.prefix, best, localPops, ibgpPeers: exitPeers(net, best) };
    if (activations >= base.maxActivations) return undefined;
    const cands = candidatesAt(net, r, currentBest(net, best), localPops[r] ?? []);
    const chosen = bestOf(net, r, cands);
    const previous = best[r];
    if (signature(chosen) === signature(previous)) continue;
    best[r] = chosen;
    wakeNeighbours(base, best, queue, r, previous, chosen);
  }
}

/** The iBGP peers a router's explanation lists, as the solver's: in an indexed full mesh, the members with an exit. */
function exitPeers(net: Net, best: readonly (Held | undefined)[]): (r: number) => readonly number[] {
  return (r) => (net.ibgp.indexed[r] ? net.siblings(r).filter((q) => sharedOverIbgp(best[q])) : net.siblings(r));
}

/**
 * Queues the neighbours of r whose choice can change now that r offers `now` instead of `before`:
 * those whose best came from r, and those for which the route heard before or the one heard now
 * could unseat their best (`keepsBest`).
 */
function wakeNeighbours(
  { net, medMatters }: FailureBase,
  best: readonly (Held | undefined)[],
  queue: Queue,
  r: number,
  before: Held | undefined,
  now: Held | undefined,
): void {
  const overIbgp = net.reflectorOf[r] !== undefined || sharedOverIbgp(before) || sharedOverIbgp(now);
  const neighbours = overIbgp ? [...(net.ebgpNeighbors[r] ?? []), ...net.siblings(r)] : net.ebgpNeighbors[r];
  for (const q of neighbours ?? []) {
    if (queue.has(q) || net.down[q]) continue;
    const held = best[q];
    const heardBefore = heardFrom(net, q, r, before);
    const heardNow = heardFrom(net, q, r, now);
    const unchanged = held
      ? held.sender !== r &&
        heardBefore.every((c) => keepsBest(net, q, held, c, false, medMatters)) &&
        heardNow.every((c) => keepsBest(net, q, held, c, true, medMatters))
      : heardNow.length === 0;
    if (!unchanged) queue.push(q);
  }
}
