/**
 * Path-vector propagation of one prefix: each router's candidates (its own PoPs, what eBGP
 * neighbours export to it under Gao-Rexford and communities, what iBGP siblings pass on), and a
 * work queue run to a fixed point, or to a report of the routers that never settle.
 */
import { bestOf } from './decision';
import { instability } from './disputeWheel';
import { ExitIndex, chooseInMesh } from './exitIndex';
import type { IbgpGroup } from './ibgpLayout';
import { overIbgp, sharedOverIbgp } from './ibgpRoutes';
import type { Adjacency, Held, Net } from './routerNet';
import { MAX_PREPEND } from './routerNet';
import { RouterQueue } from './routerQueue';
import type { Asn, Community, Instability, OriginSpec } from './types';

function withCommunities(
  base: readonly Community[],
  ...extra: (readonly Community[] | undefined)[]
): readonly Community[] {
  // Routes share their (never mutated) list when nothing is added: most routes carry none.
  if (extra.every((list) => !list || list.every((c) => base.includes(c)))) return base;
  const all = [...base];
  for (const list of extra) for (const c of list ?? []) if (!all.includes(c)) all.push(c);
  return all;
}

/** RFC 8326 GRACEFUL_SHUTDOWN (65535:0): a receiver lowers the route's LOCAL_PREF to 0, so any alternative wins. */
export const GRACEFUL_SHUTDOWN: Community = '65535:0';

/**
 * What a router hears: the route `neighbor` advertises to it over eBGP session `session`, or over
 * iBGP when `session` is -1; undefined when it advertises none (or is down). The static solver
 * offers each neighbour's current best; the convergence simulation what last arrived.
 */
export type Offers = (neighbor: number, session: number) => Held | undefined;

/** The static view: every neighbour offers its current best route (none when it is down). */
export function currentBest(net: Net, best: readonly (Held | undefined)[]): Offers {
  return (m) => (net.down[m] ? undefined : best[m]);
}

/** The route router r originates for PoP k; a draining PoP's carries GRACEFUL_SHUTDOWN. */
function localRoute(net: Net, r: number, k: number, draining: boolean): Held {
  const myAsn = net.asn[r] as Asn;
  return {
    pop: k,
    asPath: [myAsn],
    routerPath: [r],
    localPref: net.originPref,
    origin: net.topology.origins[k]?.origin ?? 'igp',
    med: 0,
    neighborAsn: myAsn,
    learnedFrom: 'local',
    igpCost: 0,
    communities: draining ? [GRACEFUL_SHUTDOWN] : [],
    learned: 'local',
    sender: r,
    session: -1,
    originator: r,
    clusterList: [],
  };
}

/**
 * Everything router r can choose from for the prefix: its own PoPs (`draining` ones marked for
 * graceful shutdown) and what its neighbours export to it (over iBGP, what `peers` send).
 */
export function candidatesAt(
  net: Net,
  r: number,
  offers: Offers,
  localPops: readonly number[],
  draining?: ReadonlySet<number>,
  peers: readonly number[] = net.siblings(r),
): Held[] {
  if (net.down[r]) return [];
  const out: Held[] = localPops.map((k) => localRoute(net, r, k, draining?.has(k) ?? false));
  for (const adj of net.adjacencies[r] ?? []) {
    const heard = overEbgp(net, r, adj, offers(adj.neighbor, adj.session));
    if (heard) out.push(heard);
  }
  for (const q of peers) {
    const heard = overIbgp(net, r, q, offers(q, -1));
    if (heard) out.push(heard);
  }
  return out;
}

/** The routes router q hears from router r when r offers `offered` (one per eBGP session, or one over iBGP). */
export function heardFrom(net: Net, q: number, r: number, offered: Held | undefined): Held[] {
  if (!offered || net.down[q] || net.down[r]) return [];
  if (net.asn[q] === net.asn[r]) {
    const heard = overIbgp(net, q, r, offered);
    return heard ? [heard] : [];
  }
  const out: Held[] = [];
  for (const adj of net.adjacencies[q] ?? []) {
    const heard = adj.neighbor === r ? overEbgp(net, q, adj, offered) : undefined;
    if (heard) out.push(heard);
  }
  return out;
}

/** Whether a route may be sent over an eBGP session to a neighbour that learns it as `learned` (communities, Gao-Rexford). */
export function exportableOverEbgp(offered: Held, learned: Held['learned']): boolean {
  if (offered.communities.includes('no-export') || offered.communities.includes('no-advertise')) return false;
  // Gao-Rexford: routes from peers and providers are exported to customers only.
  return !((offered.learned === 'peer' || offered.learned === 'provider') && learned !== 'provider');
}

/**
 * The route router r hears over one eBGP adjacency, given what the neighbour offers: none if it
 * may not export it (communities, Gao-Rexford) or r's AS is already on its path. A route carrying
 * GRACEFUL_SHUTDOWN arrives with LOCAL_PREF 0.
 */
function overEbgp(net: Net, r: number, adj: Adjacency, offered: Held | undefined): Held | undefined {
  const m = adj.neighbor;
  const myAsn = net.asn[r] as Asn;
  if (!offered || !exportableOverEbgp(offered, adj.learned) || offered.asPath.includes(myAsn)) return undefined;
  const originated = offered.learned === 'local';
  const pop = net.topology.origins[offered.pop] as OriginSpec;
  const senderAsn = net.asn[m] as Asn;
  const originPrepend =
    originated && pop.prepend !== undefined && Number.isFinite(pop.prepend)
      ? Math.min(MAX_PREPEND, Math.max(0, Math.floor(pop.prepend)))
      : 0;
  const copies = Math.min(MAX_PREPEND, adj.prepend + originPrepend);
  return {
    pop: offered.pop,
    asPath:
      copies === 0 ? [myAsn, ...offered.asPath] : [myAsn, ...Array<Asn>(copies).fill(senderAsn), ...offered.asPath],
    routerPath: [r, ...offered.routerPath],
    localPref: offered.communities.includes(GRACEFUL_SHUTDOWN) ? 0 : adj.localPref,
    origin: offered.origin,
    med: adj.med,
    neighborAsn: senderAsn,
    learnedFrom: 'ebgp',
    igpCost: adj.exitCost,
    communities: withCommunities(offered.communities, originated ? pop.communities : undefined, adj.communities),
    learned: adj.learned,
    sender: m,
    session: adj.session,
    originator: r,
    clusterList: [],
  };
}

/** What tells two choices apart: a change of any of these is news to the neighbours. */
export function signature(h: Held | undefined): string {
  if (!h) return '';
  return `${h.pop}|${h.routerPath.join(',')}|${h.asPath.join(',')}|${h.localPref}|${h.med}|${h.igpCost}|${h.communities.join(',')}|${h.learned}|${h.session}|${h.originator}|${h.clusterList.join(',')}`;
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether two choices have the same signature, compared field by field (the solver's hot path). */
function sameChoice(a: Held | undefined, b: Held | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.pop === b.pop &&
    a.localPref === b.localPref &&
    a.med === b.med &&
    a.igpCost === b.igpCost &&
    a.learned === b.learned &&
    a.session === b.session &&
    a.originator === b.originator &&
    sameList(a.routerPath, b.routerPath) &&
    sameList(a.asPath, b.asPath) &&
    sameList(a.communities, b.communities) &&
    sameList(a.clusterList, b.clusterList)
  );
}

export interface PrefixSolution {
  readonly prefix: string;
  readonly best: (Held | undefined)[];
  readonly localPops: readonly number[][];
  /** The iBGP peers whose routes router r hears (for a full mesh, only those with an exit). */
  readonly ibgpPeers: (r: number) => readonly number[];
  readonly unstable?: Instability;
}

/**
 * The order of events a propagation follows: the PoPs announced in stages (each stage settles
 * before the next announces), and with a seed, routers woken in a seeded random order instead of
 * the order they were queued. The default is every PoP at once, first queued first served.
 */
export interface ActivationOrder {
  readonly stages?: readonly (readonly number[])[];
  readonly seed?: number;
}

/** The state of one prefix's propagation. */
interface Propagation {
  readonly net: Net;
  readonly best: (Held | undefined)[];
  readonly localPops: readonly number[][];
  readonly queue: RouterQueue;
  /** Each full-mesh AS's exits (by iBGP group), made on first use. */
  readonly exits: (ExitIndex | undefined)[];
  /**
   * Each full-mesh AS's readers that read its exits (no route of their own wins) and may not be
   * queued: the routers a change among the surviving exits wakes, each once, not the whole AS.
   */
  readonly idle: (Set<number> | undefined)[];
}

/** Router r's choice: through its AS's exit index in a full mesh, else over its whole candidate list. */
function choose({ net, best, localPops, exits }: Propagation, r: number): Held | undefined {
  if (net.down[r]) return undefined;
  const offers = currentBest(net, best);
  if (net.ibgp.indexed[r]) {
    const own = candidatesAt(net, r, offers, localPops[r] ?? [], undefined, []);
    return chooseInMesh(net, r, own, exits[net.ibgp.groupOf[r] as number]);
  }
  const cands = candidatesAt(net, r, offers, localPops[r] ?? []);
  return bestOf(net, r, cands);
}

/** Whether a router's choice reads its AS's exits beyond their best level: it has none of its own that wins. */
const readsExits = (h: Held | undefined): boolean => !h || h.learnedFrom === 'ibgp';

/** The exit index of group g, made with every reader idle on first use. */
function meshOf(state: Propagation, g: number): { exits: ExitIndex; idle: Set<number> } {
  const group = state.net.ibgp.groups[g] as IbgpGroup;
  const exits = (state.exits[g] ??= new ExitIndex());
  const idle = (state.idle[g] ??= new Set(group.readers.filter((q) => state.net.ibgp.indexed[q])));
  return { exits, idle };
}

/**
 * Wakes the routers of r's AS that may choose differently now that r chose `chosen`. Inside a
 * full mesh only a change of r's exit is news, and only to the routers that can notice it (see
 * ExitIndex.set): every reader when the best level or a lowest MED moved, the idle readers of
 * exits when a surviving exit came or went, and always the routers that read their own subset;
 * with route reflectors, r's iBGP peers when it passes on something new.
 */
function wakeInsideAs(state: Propagation, r: number, previous: Held | undefined, chosen: Held | undefined): void {
  const { net, queue } = state;
  const g = net.ibgp.groupOf[r] as number;
  const group = net.ibgp.groups[g] as IbgpGroup;
  const wasExit = sharedOverIbgp(previous);
  const isExit = sharedOverIbgp(chosen);
  if (!group.mesh) {
    if (net.reflectorOf[r] || wasExit || isExit) for (const q of net.siblings(r)) queue.push(q);
    return;
  }
  // A router alone in its AS has no one to tell.
  if ((!wasExit && !isExit) || group.readers.length === 1) return;
  const { exits, idle } = meshOf(state, g);
  const change = exits.set(r, isExit ? chosen : undefined);
  const wake = (q: number): void => {
    if (q !== r && !net.down[q]) queue.push(q);
  };
  if (change === 'preference') group.readers.forEach(wake);
  else for (const q of group.apart) wake(q);
  if (change === 'survivors') [...idle].sort((a, b) => a - b).forEach(wake);
  if (change !== 'none') idle.clear();
}

/** Keeps r's AS's idle readers current once r has been recomputed (it is no longer queued). */
function noteIdle(state: Propagation, r: number): void {
  const idle = state.net.ibgp.indexed[r] ? state.idle[state.net.ibgp.groupOf[r] as number] : undefined;
  if (idle && readsExits(state.best[r]) && !state.net.down[r]) idle.add(r);
  else idle?.delete(r);
}

/** Recomputes the next queued router's choice; returns it if the choice changed (waking its neighbours), else -1. */
function activateNext(state: Propagation): number {
  const { net, best, queue } = state;
  const r = queue.shift();
  const chosen = choose(state, r);
  if (sameChoice(chosen, best[r])) {
    noteIdle(state, r);
    return -1;
  }
  const previous = best[r];
  best[r] = chosen;
  for (const l of net.ebgpNeighbors[r] ?? []) queue.push(l);
  wakeInsideAs(state, r, previous, chosen);
  noteIdle(state, r);
  return r;
}

/** The peers router r's explanation lists: for a full mesh, the members with an exit. */
function peersOf(state: Propagation): (r: number) => readonly number[] {
  const { net, exits } = state;
  return (r) => {
    if (!net.ibgp.indexed[r]) return net.siblings(r);
    const all = exits[net.ibgp.groupOf[r] as number]?.exporters() ?? [];
    return all.includes(r) ? all.filter((q) => q !== r) : all;
  };
}

/**
 * Runs one prefix to a fixed point, or reports the routers that keep changing (a dispute wheel).
 * The order of events decides which stable state is reached when there are several.
 */
export function solvePrefix(
  net: Net,
  prefix: string,
  pops: readonly number[],
  maxActivations: number,
  order: ActivationOrder = {},
): PrefixSolution {
  const n = net.asn.length;
  const localPops: number[][] = Array.from({ length: n }, () => []);
  const state: Propagation = {
    net,
    best: Array.from({ length: n }, () => undefined),
    localPops,
    queue: new RouterQueue(n, order.seed),
    exits: [],
    idle: [],
  };
  let activations = 0;
  for (const stage of order.stages ?? [pops]) {
    const announcing: number[] = [];
    for (const k of stage) {
      const r = pops.includes(k) ? net.indexOf.get((net.topology.origins[k] as OriginSpec).router) : undefined;
      if (r === undefined) continue;
      localPops[r]?.push(k);
      announcing.push(r);
    }
    for (const r of announcing.sort((a, b) => a - b)) state.queue.push(r);
    while (!state.queue.empty && activations < maxActivations) {
      activateNext(state);
      activations++;
    }
  }
  const solution = { prefix, best: state.best, localPops, ibgpPeers: peersOf(state) };
  if (state.queue.empty) return solution;
  // No fixed point within the budget: watch a further window and report who keeps changing.
  const seen = new Map<number, Map<string, Held>>();
  for (let w = 0; w < 20 * n + 100 && !state.queue.empty; w++) {
    const changed = activateNext(state);
    const h = changed >= 0 ? state.best[changed] : undefined;
    if (changed < 0) continue;
    let routes = seen.get(changed);
    if (!routes) seen.set(changed, (routes = new Map()));
    if (h && routes.size < 8) routes.set(signature(h), h);
  }
  // A slow convergence that settled inside the window is not a dispute wheel.
  if (state.queue.empty) return solution;
  return { ...solution, unstable: instability(net, prefix, seen, activations) };
}
