/**
 * The resolver's view of a topology: routers by index, eBGP adjacencies with each end's policy,
 * iBGP siblings inside each AS, and IGP costs. Numbers from the topology are checked here, so the
 * solver never loops or throws on a bad one.
 */
import { greatCircleKm, isValidGeoPoint } from './geo';
import type { IbgpLayout, ReflectorOf } from './ibgpLayout';
import { ibgpLayout, reflectors } from './ibgpLayout';
import { LOCAL_PREF_CUSTOMER, LOCAL_PREF_PEER, LOCAL_PREF_PROVIDER } from './policy';
import { LOCAL_PREF_ORIGIN } from './sweep';
import type { Asn, Community, GeoPoint, OriginSpec, Route, Scenario, SessionSpec, TieBreak, Topology } from './types';

export type Learned = 'local' | 'customer' | 'peer' | 'provider';

/** A route held by one router, by index rather than id, with the internal fields the export rules need. */
export interface Held extends Omit<Route, 'pop' | 'prefix' | 'routerPath'> {
  readonly pop: number;
  readonly routerPath: readonly number[];
  /** The relationship over which the AS learned it ('local' for its own PoPs), for Gao-Rexford export. */
  readonly learned: Learned;
  /** The router that advertised it to the holder (the holder itself for a local route). */
  readonly sender: number;
  readonly session: number;
  /** The router that brought it into the AS (ORIGINATOR_ID, RFC 4456); the holder for an eBGP or local route. */
  readonly originator: number;
  /** The clusters of the route reflectors it crossed, latest first (CLUSTER_LIST). */
  readonly clusterList: readonly number[];
}

export interface Adjacency {
  readonly session: number;
  readonly neighbor: number;
  /** How the receiver classifies routes from this neighbour. */
  readonly learned: Exclude<Learned, 'local'>;
  readonly localPref: number;
  readonly med: number;
  readonly prepend: number;
  readonly communities: readonly Community[];
  readonly exitCost: number;
}

export interface Net {
  readonly topology: Topology;
  /** Router id to index; the first definition of a repeated id wins. */
  readonly indexOf: ReadonlyMap<string, number>;
  readonly asn: readonly Asn[];
  readonly point: readonly (GeoPoint | undefined)[];
  readonly routerId: readonly number[];
  readonly down: readonly boolean[];
  readonly adjacencies: readonly Adjacency[][];
  /** The routers across a router's eBGP sessions, each once, in index order. */
  readonly ebgpNeighbors: readonly number[][];
  /** Each router's iBGP peers: its whole AS (full mesh), or its reflectors, clients and non-clients. */
  readonly siblings: (r: number) => readonly number[];
  /** The iBGP groups (one per AS) the solver indexes exits by. */
  readonly ibgp: IbgpLayout;
  /** For a route reflector, its clients and its cluster id. */
  readonly reflectorOf: ReflectorOf;
  /** IGP cost between two routers of one AS. */
  readonly igpCost: (a: number, b: number) => number;
  /** The routers the IGP crosses from a to b (both included): the drawn links' shortest path, else direct. */
  readonly igpPath: (a: number, b: number) => readonly number[];
  readonly originPref: number;
  readonly tieBreak: TieBreak;
  readonly warnings: string[];
}

/** A location that is not a valid latitude/longitude counts as unknown. */
export function placed(point: GeoPoint | undefined): GeoPoint | undefined {
  return point && isValidGeoPoint(point) ? point : undefined;
}

/** An AS_PATH segment holds at most 255 ASNs; more prepends than that cannot be sent. */
export const MAX_PREPEND = 255;

/**
 * A number from the topology, checked: the language layer validates ranges with positions, but
 * the engine must not loop or throw on NaN, Infinity or a negative value that slips through.
 */
export function sane(
  value: number | undefined,
  fallback: number,
  what: string,
  warnings: string[],
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || value > max) {
    warnings.push(`${what} ${value} is not a number from 0 to ${max}; ${fallback} is used`);
    return fallback;
  }
  return value;
}

/** The network a resolution runs on: the topology with the scenario's failures applied. */
export function buildNet(topology: Topology, scenario: Scenario): Net {
  const warnings: string[] = [];
  const routers = topology.routers;
  const indexOf = new Map<string, number>();
  routers.forEach((r, i) => {
    if (indexOf.has(r.id)) warnings.push(`router '${r.id}' is defined twice; the first definition is used`);
    else indexOf.set(r.id, i);
  });
  const failedAses = new Set(scenario.failedAses ?? []);
  const failedRouters = new Set(scenario.failedRouters ?? []);
  const down = routers.map((r) => failedAses.has(r.asn) || failedRouters.has(r.id));
  const { adjacencies, ebgpNeighbors, maxPref } = ebgpSessions(topology, indexOf, scenario, warnings);
  const igp = igpModel(topology, indexOf, warnings);
  const reflectorOf = reflectors(topology, indexOf, warnings);
  const ibgp = ibgpLayout(topology, indexOf, igp.backbone, reflectorOf);
  return {
    topology,
    indexOf,
    asn: routers.map((r) => r.asn),
    point: routers.map((r) => placed(r.point)),
    routerId: routers.map((r, i) => r.routerId ?? i + 1),
    down,
    adjacencies,
    ebgpNeighbors,
    siblings: ibgp.siblings,
    ibgp,
    reflectorOf,
    igpCost: igp.cost,
    igpPath: igp.path,
    // A router prefers its own announcement over anything learned, as Cisco's weight does.
    originPref: Math.max(LOCAL_PREF_ORIGIN, maxPref + 1),
    tieBreak: topology.tieBreak ?? { model: 'lowest-neighbor-asn' },
    warnings,
  };
}

/** Each router's eBGP adjacencies and neighbours, from the sessions that are up; the highest LOCAL_PREF seen. */
function ebgpSessions(
  topology: Topology,
  indexOf: ReadonlyMap<string, number>,
  scenario: Scenario,
  warnings: string[],
): { adjacencies: Adjacency[][]; ebgpNeighbors: number[][]; maxPref: number } {
  const routers = topology.routers;
  const failedSessions = new Set(scenario.failedSessions ?? []);
  const adjacencies: Adjacency[][] = routers.map(() => []);
  const ebgpNeighbors: Set<number>[] = routers.map(() => new Set());
  let maxPref = LOCAL_PREF_CUSTOMER;
  topology.sessions.forEach((s, k) => {
    const a = indexOf.get(s.a);
    const b = indexOf.get(s.b);
    if (a === undefined || b === undefined) {
      warnings.push(`session '${s.id}' names unknown router '${a === undefined ? s.a : s.b}'; ignored`);
      return;
    }
    if (routers[a]?.asn === routers[b]?.asn) {
      warnings.push(
        `session '${s.id}' joins two routers of AS${routers[a]?.asn}; routers of one AS already speak iBGP, so it is ignored`,
      );
      return;
    }
    if (s.state === 'down' || failedSessions.has(s.id)) return;
    const atA = sessionEnd(s, k, 'a', b, warnings);
    maxPref = Math.max(maxPref, atA.localPref);
    const atB = sessionEnd(s, k, 'b', a, warnings);
    maxPref = Math.max(maxPref, atB.localPref);
    adjacencies[a]?.push(atA);
    adjacencies[b]?.push(atB);
    ebgpNeighbors[a]?.add(b);
    ebgpNeighbors[b]?.add(a);
  });
  return { adjacencies, ebgpNeighbors: ebgpNeighbors.map((s) => [...s].sort((x, y) => x - y)), maxPref };
}

/** The session as its `receiver` end sees it: how it classifies and prefers routes from `neighbor`. */
function sessionEnd(s: SessionSpec, k: number, receiver: 'a' | 'b', neighbor: number, warnings: string[]): Adjacency {
  const sender = receiver === 'a' ? 'b' : 'a';
  const learned: Adjacency['learned'] =
    s.relationship === 'peer-peer' ? 'peer' : receiver === 'a' ? 'provider' : 'customer';
  const defaultPref =
    learned === 'customer' ? LOCAL_PREF_CUSTOMER : learned === 'peer' ? LOCAL_PREF_PEER : LOCAL_PREF_PROVIDER;
  return {
    session: k,
    neighbor,
    learned,
    localPref: sane(s.localPref?.[receiver], defaultPref, `session '${s.id}' LOCAL_PREF`, warnings, 4294967295),
    med: sane(s.med?.[sender], 0, `session '${s.id}' MED`, warnings, 4294967295),
    prepend: Math.floor(sane(s.prepend?.[sender], 0, `session '${s.id}' prepend`, warnings, MAX_PREPEND)),
    communities: s.communities?.[sender] ?? [],
    exitCost: sane(s.exitCost?.[receiver], 0, `session '${s.id}' exit cost`, warnings),
  };
}

/** Each router's drawn IGP links, with their costs; warnings for links that cannot be. */
function drawnLinks(
  topology: Topology,
  indexOf: ReadonlyMap<string, number>,
  direct: (a: number, b: number) => number,
  warnings: string[],
): Map<number, [number, number][]> {
  const links = new Map<number, [number, number][]>();
  for (const link of topology.igpLinks ?? []) {
    const a = indexOf.get(link.a);
    const b = indexOf.get(link.b);
    if (a === undefined || b === undefined || a === b || topology.routers[a]?.asn !== topology.routers[b]?.asn) {
      warnings.push(`IGP link ${link.a}-${link.b} must join two known routers of one AS; ignored`);
      continue;
    }
    const cost = sane(link.cost, direct(a, b), `IGP link ${link.a}-${link.b} cost`, warnings);
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = links.get(x);
      if (list) list.push([y, cost]);
      else links.set(x, [[y, cost]]);
    }
  }
  return links;
}

/** Dijkstra over the drawn links from one router: the cost to each router it reaches and the hop before it. */
function shortestPaths(
  links: ReadonlyMap<number, readonly [number, number][]>,
  source: number,
): { dist: Map<number, number>; previous: Map<number, number> } {
  const dist = new Map<number, number>([[source, 0]]);
  const previous = new Map<number, number>();
  const done = new Set<number>();
  for (;;) {
    let at = -1;
    let atDist = Infinity;
    for (const [r, d] of dist) if (!done.has(r) && (d < atDist || (d === atDist && r < at))) [at, atDist] = [r, d];
    if (at < 0) break;
    done.add(at);
    // A link of unknown length (NaN) never relaxes: no cost through it is known.
    for (const [next, cost] of links.get(at) ?? [])
      if (atDist + cost < (dist.get(next) ?? Infinity)) {
        dist.set(next, atDist + cost);
        previous.set(next, at);
      }
  }
  return { dist, previous };
}

/**
 * The IGP inside each AS. Without drawn IGP links an AS is a full mesh whose costs are
 * great-circle km: the direct distance is already the shortest, so nothing is precomputed. A
 * router without a location is never 0 km from anything: its cost is NaN (unknown), which the
 * decision process does not compare. Once an AS has IGP links, they are its IGP: a link costs what it says
 * (else its great-circle length) and routers pay, and packets take, the shortest path over the
 * links, found on first use; a pair the links do not join falls back to the direct distance.
 */
function igpModel(
  topology: Topology,
  indexOf: ReadonlyMap<string, number>,
  warnings: string[],
): {
  cost: (a: number, b: number) => number;
  path: (a: number, b: number) => readonly number[];
  backbone: (a: number, b: number) => boolean;
} {
  const points = topology.routers.map((r) => placed(r.point));
  const direct = (a: number, b: number): number => {
    const pa = points[a];
    const pb = points[b];
    return pa && pb ? greatCircleKm(pa, pb) : NaN;
  };
  const links = drawnLinks(topology, indexOf, direct, warnings);
  const linkedAs = new Set([...links.keys()].map((i) => topology.routers[i]?.asn));
  const trees = new Map<number, ReturnType<typeof shortestPaths>>();
  const from = (source: number): ReturnType<typeof shortestPaths> => {
    let tree = trees.get(source);
    if (!tree) trees.set(source, (tree = shortestPaths(links, source)));
    return tree;
  };
  const drawn = (a: number, b: number): boolean =>
    a !== b && linkedAs.has(topology.routers[a]?.asn) && from(a).dist.has(b);
  // A link of unknown length (an end without a location) costs nothing known, but it is drawn:
  // the routers it joins still speak iBGP over the backbone.
  const island = linkIslands(links);
  return {
    cost: (a, b) => (a === b ? 0 : drawn(a, b) ? (from(a).dist.get(b) as number) : direct(a, b)),
    path: (a, b) => {
      if (!drawn(a, b)) return a === b ? [a] : [a, b];
      const { previous } = from(a);
      const back = [b];
      for (let at = b; at !== a;) back.push((at = previous.get(at) as number));
      return back.reverse();
    },
    backbone: (a, b) => a !== b && island.get(a) !== undefined && island.get(a) === island.get(b),
  };
}

/** Each linked router's island: the lowest router index it reaches over drawn links, whatever their cost. */
function linkIslands(links: ReadonlyMap<number, readonly [number, number][]>): Map<number, number> {
  const island = new Map<number, number>();
  for (const start of [...links.keys()].sort((a, b) => a - b)) {
    if (island.has(start)) continue;
    island.set(start, start);
    for (const stack = [start]; stack.length > 0;)
      for (const [next] of links.get(stack.pop() as number) ?? [])
        if (!island.has(next)) {
          island.set(next, start);
          stack.push(next);
        }
  }
  return island;
}

export function toRoute(net: Net, h: Held, prefix: string): Route {
  const routers = net.topology.routers;
  return {
    pop: (net.topology.origins[h.pop] as OriginSpec).id,
    prefix,
    asPath: h.asPath,
    routerPath: h.routerPath.map((i) => (routers[i] as { id: string }).id),
    localPref: h.localPref,
    origin: h.origin,
    med: h.med,
    neighborAsn: h.neighborAsn,
    learnedFrom: h.learnedFrom,
    igpCost: h.igpCost,
    communities: h.communities,
  };
}
