/**
 * Path-vector propagation of one prefix: each router's candidates (its own PoPs, what eBGP
 * neighbours export to it under Gao-Rexford and communities, what iBGP siblings pass on), and a
 * work queue run to a fixed point, or to a report of the routers that never settle.
 */
import { selectBest } from './decision';
import type { Adjacency, Held, Net } from './routerNet';
import { MAX_PREPEND, toRoute } from './routerNet';
import { mix32 } from './policy';
import type { Asn, Community, Instability, OriginSpec } from './types';

function withCommunities(
  base: readonly Community[],
  ...extra: (readonly Community[] | undefined)[]
): readonly Community[] {
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
 * graceful shutdown) and what its neighbours export to it.
 */
export function candidatesAt(
  net: Net,
  r: number,
  offers: Offers,
  localPops: readonly number[],
  draining?: ReadonlySet<number>,
): Held[] {
  if (net.down[r]) return [];
  const out: Held[] = localPops.map((k) => localRoute(net, r, k, draining?.has(k) ?? false));
  for (const adj of net.adjacencies[r] ?? []) {
    const heard = overEbgp(net, r, adj, offers(adj.neighbor, adj.session));
    if (heard) out.push(heard);
  }
  for (const q of net.siblings[r] ?? []) {
    const heard = overIbgp(net, r, q, offers(q, -1));
    if (heard) out.push(heard);
  }
  return out;
}

/**
 * The route router r hears from iBGP peer q. Routes learned over iBGP are passed on again only by
 * a route reflector (RFC 4456): what a client sent goes to every peer, what a non-client sent to
 * clients only. A reflected route keeps its exit (the next hop does not change), carries the
 * router that brought it into the AS (ORIGINATOR_ID) and the reflectors' clusters (CLUSTER_LIST),
 * and is dropped by its originator and by a reflector whose cluster is already on the list.
 */
function overIbgp(net: Net, r: number, q: number, offered: Held | undefined): Held | undefined {
  if (!offered || net.down[q] || !sentOverIbgp(net, q, r, offered)) return undefined;
  if (offered.learnedFrom !== 'ibgp')
    return {
      ...offered,
      routerPath: [r, ...offered.routerPath],
      learnedFrom: 'ibgp',
      igpCost: net.igpCost(r, q) + offered.igpCost,
      sender: q,
      session: -1,
      originator: q,
      clusterList: [],
    };
  const reflector = net.reflectorOf[q];
  if (!reflector) return undefined;
  const clusterList = [reflector.clusterId, ...offered.clusterList];
  const own = net.reflectorOf[r]?.clusterId;
  if (offered.originator === r || (own !== undefined && clusterList.includes(own))) return undefined;
  const exit = offered.routerPath[1] as number;
  return {
    ...offered,
    routerPath: [r, ...offered.routerPath.slice(1)],
    igpCost: net.igpCost(r, exit) + offered.igpCost - net.igpCost(q, exit),
    sender: q,
    session: -1,
    clusterList,
  };
}

/**
 * Whether iBGP peer q sends its best route `offered` to r: a route it did not learn over iBGP
 * always (unless NO_ADVERTISE), an iBGP-learned one only as a route reflector (RFC 4456), from a
 * client to every peer and from a non-client to its clients.
 */
export function sentOverIbgp(net: Net, q: number, r: number, offered: Held): boolean {
  if (offered.communities.includes('no-advertise')) return false;
  if (offered.learnedFrom !== 'ibgp') return true;
  const reflector = net.reflectorOf[q];
  return !!reflector && (reflector.clients.has(offered.sender) || reflector.clients.has(r));
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
    asPath: [myAsn, ...Array<Asn>(copies).fill(senderAsn), ...offered.asPath],
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

/** Full-mesh iBGP: routes learned over iBGP are not passed on over iBGP again. */
export function sharedOverIbgp(h: Held | undefined): boolean {
  return h !== undefined && h.learnedFrom !== 'ibgp' && !h.communities.includes('no-advertise');
}

/** What tells two choices apart: a change of any of these is news to the neighbours. */
export function signature(h: Held | undefined): string {
  if (!h) return '';
  return `${h.pop}|${h.routerPath.join(',')}|${h.asPath.join(',')}|${h.localPref}|${h.med}|${h.igpCost}|${h.communities.join(',')}|${h.learned}|${h.session}|${h.originator}|${h.clusterList.join(',')}`;
}

export interface PrefixSolution {
  readonly prefix: string;
  readonly best: (Held | undefined)[];
  readonly localPops: readonly number[][];
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

/**
 * The routers whose choice may have changed, each queued at most once, served in the order they
 * were woken, or with a seed in a reproducible random order.
 */
class RouterQueue {
  private items: number[] = [];
  private head = 0;
  private draws = 0;
  private readonly queued: Uint8Array;

  constructor(
    n: number,
    private readonly seed?: number,
  ) {
    this.queued = new Uint8Array(n);
  }

  get empty(): boolean {
    return this.head >= this.items.length;
  }

  push(r: number): void {
    if (!this.queued[r]) {
      this.queued[r] = 1;
      this.items.push(r);
    }
  }

  shift(): number {
    if (this.seed !== undefined) {
      const pick = this.head + (mix32(this.seed, this.draws++, this.items.length) % (this.items.length - this.head));
      [this.items[this.head], this.items[pick]] = [this.items[pick] as number, this.items[this.head] as number];
    }
    const r = this.items[this.head++] as number;
    this.queued[r] = 0;
    // Keep the array from growing without bound on long runs.
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return r;
  }
}

/** The state of one prefix's propagation. */
interface Propagation {
  readonly net: Net;
  readonly best: (Held | undefined)[];
  readonly localPops: readonly number[][];
  readonly queue: RouterQueue;
}

/** Recomputes the next queued router's choice; returns it if the choice changed (waking its neighbours), else -1. */
function activateNext({ net, best, localPops, queue }: Propagation): number {
  const r = queue.shift();
  const cands = candidatesAt(net, r, currentBest(net, best), localPops[r] ?? []);
  const chosen =
    cands.length === 0
      ? undefined
      : cands[
          selectBest(
            net,
            r,
            cands,
            cands.map((_, i) => i),
          )
        ];
  const previous = best[r];
  if (signature(chosen) === signature(previous)) return -1;
  best[r] = chosen;
  for (const l of net.ebgpNeighbors[r] ?? []) queue.push(l);
  // Siblings hear only routes not learned over iBGP: a change between two iBGP routes is news
  // to no one inside the AS (and waking every sibling made large ASes quadratic).
  // A route reflector passes on iBGP routes too.
  if (net.reflectorOf[r] || sharedOverIbgp(previous) || sharedOverIbgp(chosen))
    for (const q of net.siblings[r] ?? []) queue.push(q);
  return r;
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
  const best: (Held | undefined)[] = Array.from({ length: n }, () => undefined);
  const state: Propagation = { net, best, localPops, queue: new RouterQueue(n, order.seed) };
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
  if (state.queue.empty) return { prefix, best, localPops };
  // No fixed point within the budget: watch a further window and report who keeps changing.
  const seen = new Map<number, Map<string, Held>>();
  for (let w = 0; w < 20 * n + 100 && !state.queue.empty; w++) {
    const changed = activateNext(state);
    const h = changed >= 0 ? best[changed] : undefined;
    if (changed < 0) continue;
    let routes = seen.get(changed);
    if (!routes) seen.set(changed, (routes = new Map()));
    if (h && routes.size < 8) routes.set(signature(h), h);
  }
  // A slow convergence that settled inside the window is not a dispute wheel.
  if (state.queue.empty) return { prefix, best, localPops };
  return { prefix, best, localPops, unstable: instability(net, prefix, seen, activations) };
}

function instability(
  net: Net,
  prefix: string,
  seen: ReadonlyMap<number, ReadonlyMap<string, Held>>,
  activations: number,
): Instability {
  const cycling = [...seen.keys()].sort((a, b) => a - b);
  const ids = cycling.map((r) => (net.topology.routers[r] as { id: string }).id);
  return {
    routers: ids,
    cycle: cycling.map((r, i) => ({
      router: ids[i] as string,
      routes: [...(seen.get(r) as ReadonlyMap<string, Held>).values()].map((h) => toRoute(net, h, prefix)),
    })),
    message:
      `no stable routing for ${prefix}: after ${activations} route recomputations, ${ids.join(', ')} keep changing their choice ` +
      `(a dispute wheel: each prefers a route through the next, e.g. by LOCAL_PREF overrides that break customer > peer > provider, or MED behind route reflectors as in RFC 3345)`,
  };
}
