/**
 * The resolver for diagrams: a path-vector solver at router granularity with the full RFC 4271
 * section 9.1.2.2 decision process, full-mesh iBGP inside each AS, Gao-Rexford export,
 * communities, prepending and hot-potato exits. It answers which PoP each client reaches, why
 * (explanation by elimination), and reports a dispute wheel instead of looping.
 */
import { greatCircleKm, isValidGeoPoint } from './geo';
import { LOCAL_PREF_CUSTOMER, LOCAL_PREF_PEER, LOCAL_PREF_PROVIDER, mix32 } from './policy';
import { cidrContains, parseAddress, parseCidr } from './prefix';
import { LOCAL_PREF_ORIGIN } from './sweep';
import type {
  Asn,
  ClientResult,
  ClientSpec,
  Community,
  DecisionStep,
  Explanation,
  GeoPoint,
  Instability,
  Origin,
  OriginSpec,
  PopResult,
  Resolution,
  Route,
  RouterResult,
  Scenario,
  TieBreak,
  Topology,
} from './types';
import { DECISION_STEPS } from './types';

/** Light in fibre covers about 200 km per millisecond (refractive index ~1.5). */
export const FIBRE_KM_PER_MS = 200;
/**
 * Real fibre routes are longer than great circles; 1.5 is a middle value of measured path
 * inflation between well-connected cities (it ranges ~1.2 to 2+).
 */
export const PATH_STRETCH = 1.5;
/**
 * No real round trip is shorter than the last mile and the metro network: access (DSL, cable,
 * fibre, mobile) and the switching inside a city add about a millisecond even when client and
 * PoP sit in the same metro, where the great-circle distance says zero.
 */
export const METRO_ACCESS_FLOOR_MS = 1;

export interface ResolveOptions {
  /** Route recomputations before declaring no stable routing. Default 200 per router + 1000. */
  readonly maxActivations?: number;
}

type Learned = 'local' | 'customer' | 'peer' | 'provider';

/** A route held by one router, by index rather than id, with the internal fields the export rules need. */
interface Held extends Omit<Route, 'pop' | 'prefix' | 'routerPath'> {
  readonly pop: number;
  readonly routerPath: readonly number[];
  /** The relationship over which the AS learned it ('local' for its own PoPs), for Gao-Rexford export. */
  readonly learned: Learned;
  /** The router that advertised it to the holder (the holder itself for a local route). */
  readonly sender: number;
  readonly session: number;
}

interface Adjacency {
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

interface Net {
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
  readonly siblings: readonly number[][];
  /** IGP cost between two routers of one AS. */
  readonly igpCost: (a: number, b: number) => number;
  readonly originPref: number;
  readonly tieBreak: TieBreak;
  readonly warnings: string[];
}

/** A location that is not a valid latitude/longitude counts as unknown. */
function placed(point: GeoPoint | undefined): GeoPoint | undefined {
  return point && isValidGeoPoint(point) ? point : undefined;
}

const ORIGIN_RANK: Readonly<Record<Origin, number>> = { igp: 0, egp: 1, incomplete: 2 };

/** An AS_PATH segment holds at most 255 ASNs; more prepends than that cannot be sent. */
export const MAX_PREPEND = 255;

/**
 * A number from the topology, checked: the language layer validates ranges with positions, but
 * the engine must not loop or throw on NaN, Infinity or a negative value that slips through.
 */
function sane(
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

function buildNet(topology: Topology, scenario: Scenario): Net {
  const warnings: string[] = [];
  const routers = topology.routers;
  const indexOf = new Map<string, number>();
  routers.forEach((r, i) => {
    if (indexOf.has(r.id)) warnings.push(`router '${r.id}' is defined twice; the first definition is used`);
    else indexOf.set(r.id, i);
  });
  const failedAses = new Set(scenario.failedAses ?? []);
  const failedRouters = new Set(scenario.failedRouters ?? []);
  const failedSessions = new Set(scenario.failedSessions ?? []);
  const down = routers.map((r) => failedAses.has(r.asn) || failedRouters.has(r.id));
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
    const side = (receiver: 'a' | 'b'): Adjacency => {
      const sender = receiver === 'a' ? 'b' : 'a';
      const learned: Adjacency['learned'] =
        s.relationship === 'peer-peer' ? 'peer' : receiver === 'a' ? 'provider' : 'customer';
      const defaultPref =
        learned === 'customer' ? LOCAL_PREF_CUSTOMER : learned === 'peer' ? LOCAL_PREF_PEER : LOCAL_PREF_PROVIDER;
      const localPref = sane(
        s.localPref?.[receiver],
        defaultPref,
        `session '${s.id}' LOCAL_PREF`,
        warnings,
        4294967295,
      );
      maxPref = Math.max(maxPref, localPref);
      return {
        session: k,
        neighbor: receiver === 'a' ? b : a,
        learned,
        localPref,
        med: sane(s.med?.[sender], 0, `session '${s.id}' MED`, warnings, 4294967295),
        prepend: Math.floor(sane(s.prepend?.[sender], 0, `session '${s.id}' prepend`, warnings, MAX_PREPEND)),
        communities: s.communities?.[sender] ?? [],
        exitCost: sane(s.exitCost?.[receiver], 0, `session '${s.id}' exit cost`, warnings),
      };
    };
    adjacencies[a]?.push(side('a'));
    adjacencies[b]?.push(side('b'));
    ebgpNeighbors[a]?.add(b);
    ebgpNeighbors[b]?.add(a);
  });
  const byAs = new Map<Asn, number[]>();
  routers.forEach((r, i) => {
    if (indexOf.get(r.id) !== i) return;
    const list = byAs.get(r.asn);
    if (list) list.push(i);
    else byAs.set(r.asn, [i]);
  });
  // Anycast sites of one ASN are islands: PoP routers do not speak iBGP with each other (no
  // backbone between sites), so a withdrawn site does not re-announce its siblings' routes, and
  // a route from another site comes back only through other ASes (and is loop-rejected there).
  const site = new Set(topology.origins.map((o) => indexOf.get(o.router)));
  const siblings = routers.map((r, i) =>
    (byAs.get(r.asn) ?? []).filter((j) => j !== i && !(site.has(i) && site.has(j))),
  );
  const igpCost = igpCostModel(topology, indexOf, warnings);
  return {
    topology,
    indexOf,
    asn: routers.map((r) => r.asn),
    point: routers.map((r) => placed(r.point)),
    routerId: routers.map((r, i) => r.routerId ?? i + 1),
    down,
    adjacencies,
    ebgpNeighbors: ebgpNeighbors.map((s) => [...s].sort((x, y) => x - y)),
    siblings,
    igpCost,
    // A router prefers its own announcement over anything learned, as Cisco's weight does.
    originPref: Math.max(LOCAL_PREF_ORIGIN, maxPref + 1),
    tieBreak: topology.tieBreak ?? { model: 'lowest-neighbor-asn' },
    warnings,
  };
}

/**
 * IGP cost between two routers of one AS. Without drawn IGP links an AS is a full mesh whose
 * costs are great-circle km (0 when a location is unknown): the direct distance is already the
 * shortest, so nothing is precomputed. Once an AS has IGP links, they are its IGP: a link costs
 * what it says (else its great-circle length) and routers pay the shortest path over the links,
 * found by Dijkstra from each router on first use; a pair the links do not join falls back to
 * the direct distance.
 */
function igpCostModel(
  topology: Topology,
  indexOf: ReadonlyMap<string, number>,
  warnings: string[],
): (a: number, b: number) => number {
  const points = topology.routers.map((r) => placed(r.point));
  const direct = (a: number, b: number): number => {
    const pa = points[a];
    const pb = points[b];
    return pa && pb ? greatCircleKm(pa, pb) : 0;
  };
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
  const linkedAs = new Set([...links.keys()].map((i) => topology.routers[i]?.asn));
  const distances = new Map<number, Map<number, number>>();
  const shortestFrom = (source: number): Map<number, number> => {
    const known = distances.get(source);
    if (known) return known;
    const dist = new Map<number, number>([[source, 0]]);
    const done = new Set<number>();
    for (;;) {
      let at = -1;
      let atDist = Infinity;
      for (const [r, d] of dist) if (!done.has(r) && (d < atDist || (d === atDist && r < at))) [at, atDist] = [r, d];
      if (at < 0) break;
      done.add(at);
      for (const [next, cost] of links.get(at) ?? [])
        if (atDist + cost < (dist.get(next) ?? Infinity)) dist.set(next, atDist + cost);
    }
    distances.set(source, dist);
    return dist;
  };
  return (a, b) => {
    if (a === b) return 0;
    if (!linkedAs.has(topology.routers[a]?.asn)) return direct(a, b);
    return shortestFrom(a).get(b) ?? direct(a, b);
  };
}

function withCommunities(
  base: readonly Community[],
  ...extra: (readonly Community[] | undefined)[]
): readonly Community[] {
  const all = [...base];
  for (const list of extra) for (const c of list ?? []) if (!all.includes(c)) all.push(c);
  return all;
}

/** Everything router r can choose from for the prefix: its own PoPs and what its neighbours export to it. */
function candidatesAt(net: Net, r: number, best: readonly (Held | undefined)[], localPops: readonly number[]): Held[] {
  if (net.down[r]) return [];
  const out: Held[] = [];
  const myAsn = net.asn[r] as Asn;
  const origins = net.topology.origins;
  for (const k of localPops) {
    out.push({
      pop: k,
      asPath: [myAsn],
      routerPath: [r],
      localPref: net.originPref,
      origin: origins[k]?.origin ?? 'igp',
      med: 0,
      neighborAsn: myAsn,
      learnedFrom: 'local',
      igpCost: 0,
      communities: [],
      learned: 'local',
      sender: r,
      session: -1,
    });
  }
  for (const adj of net.adjacencies[r] ?? []) {
    const m = adj.neighbor;
    const offered = best[m];
    if (!offered || net.down[m]) continue;
    if (offered.communities.includes('no-export') || offered.communities.includes('no-advertise')) continue;
    // Gao-Rexford: routes from peers and providers are exported to customers only.
    if ((offered.learned === 'peer' || offered.learned === 'provider') && adj.learned !== 'provider') continue;
    if (offered.asPath.includes(myAsn)) continue;
    const originated = offered.learned === 'local';
    const pop = origins[offered.pop] as OriginSpec;
    const senderAsn = net.asn[m] as Asn;
    const originPrepend =
      originated && pop.prepend !== undefined && Number.isFinite(pop.prepend)
        ? Math.min(MAX_PREPEND, Math.max(0, Math.floor(pop.prepend)))
        : 0;
    const copies = Math.min(MAX_PREPEND, adj.prepend + originPrepend);
    out.push({
      pop: offered.pop,
      asPath: [myAsn, ...Array<Asn>(copies).fill(senderAsn), ...offered.asPath],
      routerPath: [r, ...offered.routerPath],
      localPref: adj.localPref,
      origin: offered.origin,
      med: adj.med,
      neighborAsn: senderAsn,
      learnedFrom: 'ebgp',
      igpCost: adj.exitCost,
      communities: withCommunities(offered.communities, originated ? pop.communities : undefined, adj.communities),
      learned: adj.learned,
      sender: m,
      session: adj.session,
    });
  }
  for (const q of net.siblings[r] ?? []) {
    const offered = best[q];
    // Full-mesh iBGP: routes learned over iBGP are not passed on over iBGP again.
    if (!offered || net.down[q] || !sharedOverIbgp(offered)) continue;
    out.push({
      ...offered,
      routerPath: [r, ...offered.routerPath],
      learnedFrom: 'ibgp',
      igpCost: net.igpCost(r, q) + offered.igpCost,
      sender: q,
      session: -1,
    });
  }
  return out;
}

/** Tie-break keys, compared in order, lower wins; the sender's index (its "peer address") and session end every key. */
function tieKey(net: Net, r: number, h: Held): number[] {
  const id = net.routerId[h.sender] as number;
  const tail = [h.sender, h.session];
  switch (net.tieBreak.model) {
    case 'lowest-neighbor-asn':
      return [h.neighborAsn, id, ...tail];
    case 'router-id':
      return [id, ...tail];
    case 'oldest':
      // The first PoP announced is the oldest; among its copies, fewer hops arrived first.
      return [h.pop, h.routerPath.length, id, ...tail];
    case 'random':
      return [mix32(net.tieBreak.seed ?? 0, r, h.sender * 65536 + h.session + 1), ...tail];
  }
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return a.length < b.length;
}

/** The elimination of RFC 4271 9.1.2.2 over the given candidate indexes: survivors after each step. */
function eliminate(
  net: Net,
  r: number,
  cands: readonly Held[],
  start: readonly number[],
): { step: DecisionStep; remaining: number[] }[] {
  let remaining = [...start];
  const keep = (pred: (h: Held) => boolean): void => {
    remaining = remaining.filter((i) => pred(cands[i] as Held));
  };
  const at = (i: number): Held => cands[i] as Held;
  return DECISION_STEPS.map((step) => {
    switch (step) {
      case 'local-pref': {
        const top = Math.max(...remaining.map((i) => at(i).localPref));
        keep((h) => h.localPref === top);
        break;
      }
      case 'as-path-length': {
        const shortest = Math.min(...remaining.map((i) => at(i).asPath.length));
        keep((h) => h.asPath.length === shortest);
        break;
      }
      case 'origin': {
        const lowest = Math.min(...remaining.map((i) => ORIGIN_RANK[at(i).origin]));
        keep((h) => ORIGIN_RANK[h.origin] === lowest);
        break;
      }
      case 'med': {
        // MED compares only routes from the same neighbour AS (no always-compare-med).
        const lowest = new Map<Asn, number>();
        for (const i of remaining)
          lowest.set(at(i).neighborAsn, Math.min(lowest.get(at(i).neighborAsn) ?? Infinity, at(i).med));
        keep((h) => h.med === lowest.get(h.neighborAsn));
        break;
      }
      case 'ebgp-over-ibgp':
        if (remaining.some((i) => at(i).learnedFrom !== 'ibgp')) keep((h) => h.learnedFrom !== 'ibgp');
        break;
      case 'igp-cost': {
        const lowest = Math.min(...remaining.map((i) => at(i).igpCost));
        keep((h) => h.igpCost === lowest);
        break;
      }
      case 'tie-break': {
        let winner = remaining[0] as number;
        let winnerKey = tieKey(net, r, at(winner));
        for (const i of remaining.slice(1)) {
          const key = tieKey(net, r, at(i));
          if (lexLess(key, winnerKey)) {
            winner = i;
            winnerKey = key;
          }
        }
        remaining = [winner];
        break;
      }
      default:
        break;
    }
    return { step, remaining };
  });
}

function selectBest(net: Net, r: number, cands: readonly Held[], from: readonly number[]): number {
  const rounds = eliminate(net, r, cands, from);
  return rounds[rounds.length - 1]?.remaining[0] as number;
}

/** The first step at which `b` loses to `a`, comparing the two routes alone. */
function separatingStep(a: Held, b: Held): DecisionStep {
  if (a.localPref !== b.localPref) return 'local-pref';
  if (a.asPath.length !== b.asPath.length) return 'as-path-length';
  if (a.origin !== b.origin) return 'origin';
  if (a.neighborAsn === b.neighborAsn && a.med !== b.med) return 'med';
  if ((a.learnedFrom === 'ibgp') !== (b.learnedFrom === 'ibgp')) return 'ebgp-over-ibgp';
  if (a.igpCost !== b.igpCost) return 'igp-cost';
  return 'tie-break';
}

function sharedOverIbgp(h: Held | undefined): boolean {
  return h !== undefined && h.learnedFrom !== 'ibgp' && !h.communities.includes('no-advertise');
}

function signature(h: Held | undefined): string {
  if (!h) return '';
  return `${h.pop}|${h.routerPath.join(',')}|${h.asPath.join(',')}|${h.localPref}|${h.med}|${h.igpCost}|${h.communities.join(',')}|${h.learned}`;
}

function toRoute(net: Net, h: Held, prefix: string): Route {
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

interface PrefixSolution {
  readonly prefix: string;
  readonly best: (Held | undefined)[];
  readonly localPops: readonly number[][];
  readonly unstable?: Instability;
}

function solvePrefix(net: Net, prefix: string, pops: readonly number[], maxActivations: number): PrefixSolution {
  const n = net.asn.length;
  const localPops: number[][] = Array.from({ length: n }, () => []);
  const routerIndex = net.indexOf;
  for (const k of pops) {
    const r = routerIndex.get((net.topology.origins[k] as OriginSpec).router);
    if (r !== undefined) localPops[r]?.push(k);
  }
  const best: (Held | undefined)[] = Array.from({ length: n }, () => undefined);
  const queue: number[] = [];
  const queued = new Uint8Array(n);
  const enqueue = (r: number): void => {
    if (!queued[r]) {
      queued[r] = 1;
      queue.push(r);
    }
  };
  for (let r = 0; r < n; r++) if ((localPops[r]?.length ?? 0) > 0) enqueue(r);
  let head = 0;
  const step = (): number => {
    const r = queue[head++] as number;
    queued[r] = 0;
    const cands = candidatesAt(net, r, best, localPops[r] ?? []);
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
    for (const l of net.ebgpNeighbors[r] ?? []) enqueue(l);
    // Siblings hear only routes not learned over iBGP: a change between two iBGP routes is news
    // to no one inside the AS (and waking every sibling made large ASes quadratic).
    if (sharedOverIbgp(previous) || sharedOverIbgp(chosen)) for (const q of net.siblings[r] ?? []) enqueue(q);
    return r;
  };
  let activations = 0;
  while (head < queue.length && activations < maxActivations) {
    step();
    activations++;
    // Keep the queue array from growing without bound on long runs.
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head);
      head = 0;
    }
  }
  if (head >= queue.length) return { prefix, best, localPops };
  // No fixed point within the budget: watch a further window and report who keeps changing.
  const seen = new Map<number, Map<string, Held>>();
  for (let w = 0; w < 20 * n + 100 && head < queue.length; w++) {
    const changed = step();
    const h = changed >= 0 ? best[changed] : undefined;
    if (changed < 0) continue;
    let routes = seen.get(changed);
    if (!routes) seen.set(changed, (routes = new Map()));
    if (h && routes.size < 8) routes.set(signature(h), h);
  }
  // A slow convergence that settled inside the window is not a dispute wheel.
  if (head >= queue.length) return { prefix, best, localPops };
  const cycling = [...seen.keys()].sort((a, b) => a - b);
  const ids = cycling.map((r) => (net.topology.routers[r] as { id: string }).id);
  return {
    prefix,
    best,
    localPops,
    unstable: {
      routers: ids,
      cycle: cycling.map((r, i) => ({
        router: ids[i] as string,
        routes: [...(seen.get(r) as Map<string, Held>).values()].map((h) => toRoute(net, h, prefix)),
      })),
      message:
        `no stable routing for ${prefix}: after ${activations} route recomputations, ${ids.join(', ')} keep changing their choice ` +
        `(a dispute wheel: each prefers a route through the next, e.g. by LOCAL_PREF overrides that break customer > peer > provider)`,
    },
  };
}

function explain(
  net: Net,
  r: number,
  solution: PrefixSolution,
): { held: Held; explanation: Explanation; route: Route } | undefined {
  const held = solution.best[r];
  if (!held) return undefined;
  const cands = candidatesAt(net, r, solution.best, solution.localPops[r] ?? []);
  const all = cands.map((_, i) => i);
  const survivors = eliminate(net, r, cands, all);
  const best = survivors[survivors.length - 1]?.remaining[0] as number;
  const rest = all.filter((i) => i !== best);
  const runnerUp = rest.length > 0 ? selectBest(net, r, cands, rest) : undefined;
  const decidedBy =
    runnerUp === undefined ? 'only-route' : separatingStep(cands[best] as Held, cands[runnerUp] as Held);
  const explanation: Explanation = {
    candidates: cands.map((h) => toRoute(net, h, solution.prefix)),
    survivors,
    best,
    ...(runnerUp !== undefined ? { runnerUp } : {}),
    decidedBy,
    arbitrary: decidedBy === 'tie-break',
  };
  return { held, explanation, route: explanation.candidates[best] as Route };
}

/**
 * Great-circle RTT along the points, skipping unknown ones, never below the metro access floor;
 * undefined without both ends.
 */
function estimateRttMs(points: readonly (GeoPoint | undefined)[]): number | undefined {
  const known = points.filter((p): p is GeoPoint => p !== undefined);
  if (
    known.length < 2 ||
    points[points.length - 1] === undefined ||
    (points[0] === undefined && points[1] === undefined)
  )
    return undefined;
  let km = 0;
  for (let i = 1; i < known.length; i++) km += greatCircleKm(known[i - 1] as GeoPoint, known[i] as GeoPoint);
  return Math.max(METRO_ACCESS_FLOOR_MS, Math.round(((2 * km * PATH_STRETCH) / FIBRE_KM_PER_MS) * 10) / 10);
}

/**
 * Resolves a topology: every router's best route and its explanation, the PoP each client
 * reaches with the route, explanation and estimated RTT, and each PoP's catchment. Clients follow
 * the longest announced prefix that covers the service address and has a route at their router.
 */
export function resolve(topology: Topology, scenario: Scenario = {}, options: ResolveOptions = {}): Resolution {
  const net = buildNet(topology, scenario);
  const n = topology.routers.length;
  const failedPops = new Set(scenario.failedPops ?? []);
  const routerIndex = net.indexOf;
  const popUp = topology.origins.map((o) => {
    const r = routerIndex.get(o.router);
    if (r === undefined) net.warnings.push(`PoP '${o.id}' names unknown router '${o.router}'`);
    return o.state !== 'down' && !failedPops.has(o.id) && r !== undefined && !net.down[r];
  });
  for (const id of failedPops)
    if (!topology.origins.some((o) => o.id === id)) net.warnings.push(`no PoP '${id}' to withdraw`);

  const service = topology.serviceAddress === undefined ? undefined : parseAddress(topology.serviceAddress);
  if (service && !service.ok) net.warnings.push(`service address '${topology.serviceAddress}': ${service.error}`);
  const prefixes: { text: string; length: number; pops: number[] }[] = [];
  topology.origins.forEach((o, k) => {
    for (const text of o.prefixes) {
      const cidr = parseCidr(text);
      if (!cidr.ok) {
        net.warnings.push(`PoP '${o.id}' prefix '${text}': ${cidr.error}`);
        continue;
      }
      if (service?.ok && !cidrContains(cidr.value, service.value)) continue;
      let entry = prefixes.find((p) => p.text === cidr.value.text);
      if (!entry) prefixes.push((entry = { text: cidr.value.text, length: cidr.value.length, pops: [] }));
      if (popUp[k] && !entry.pops.includes(k)) entry.pops.push(k);
    }
  });
  // Longest first, then announcement order: the first prefix with a route at a router is the one it forwards on.
  const ordered = prefixes.map((p, i) => ({ ...p, order: i })).sort((a, b) => b.length - a.length || a.order - b.order);
  const maxActivations = options.maxActivations ?? 200 * n + 1000;
  const solutions = ordered.map((p) => solvePrefix(net, p.text, p.pops, maxActivations));
  const forwarding = (r: number): PrefixSolution | undefined => solutions.find((s) => s.best[r] !== undefined);
  const unstable = solutions.find((s) => s.unstable)?.unstable;
  // Packets follow longest-prefix match at every router, which can leave the path of the route
  // the client's router chose: a router further on may hold a more-specific prefix (sent to it
  // with NO_EXPORT, say) that never reached the client's router.
  const forward = (start: number): { pop?: number; routers: number[] } => {
    const crossed = [start];
    for (let at = start; ;) {
      const held = forwarding(at)?.best[at];
      if (!held) return { routers: crossed };
      if (held.learnedFrom === 'local') return { pop: held.pop, routers: crossed };
      at = held.routerPath[1] as number;
      if (crossed.includes(at)) return { routers: [...crossed, at] };
      crossed.push(at);
    }
  };

  const routers: RouterResult[] = topology.routers.map((spec, r) => {
    const solution = forwarding(r);
    const e = solution ? explain(net, r, solution) : undefined;
    return e ? { id: spec.id, best: e.route, explanation: e.explanation } : { id: spec.id };
  });

  const clients: ClientResult[] = topology.clients.map((c) => {
    const r = routerIndex.get(c.router);
    if (r === undefined) {
      net.warnings.push(`client '${c.id}' names unknown router '${c.router}'`);
      return { id: c.id };
    }
    const result = routers[r] as RouterResult;
    if (!result.best || !result.explanation) return { id: c.id };
    // An unstable snapshot mixes routes of different moments: walking it hop by hop would invent
    // paths, so only the client router's own route is shown then.
    const walk = unstable
      ? {
          pop: topology.origins.findIndex((o) => o.id === result.best?.pop),
          routers: result.best.routerPath.map((id) => routerIndex.get(id) as number),
        }
      : forward(r);
    if (walk.pop === undefined) {
      net.warnings.push(
        `traffic of client '${c.id}' loops between ${walk.routers.map((i) => topology.routers[i]?.id).join(', ')} (more-specific prefixes heard on different paths)`,
      );
      return { id: c.id, route: result.best, explanation: result.explanation };
    }
    const forwardingPath = walk.routers.map((i) => (topology.routers[i] as { id: string }).id);
    const diverted = forwardingPath.join(' ') !== result.best.routerPath.join(' ');
    const arbitraryAt = walk.routers
      .filter((i) => routers[i]?.explanation?.arbitrary)
      .map((i) => (topology.routers[i] as { id: string }).id);
    const rttMs = estimateRttMs([placed(c.point), ...walk.routers.map((i) => net.point[i])]);
    return {
      id: c.id,
      pop: (topology.origins[walk.pop] as OriginSpec).id,
      route: result.best,
      explanation: result.explanation,
      ...(diverted ? { forwardingPath } : {}),
      arbitraryAt,
      ...(rttMs !== undefined ? { rttMs } : {}),
    };
  });

  const weightOf = (c: ClientSpec): number => sane(c.weight, 1, `client '${c.id}' weight`, []);
  const totalWeight = topology.clients.reduce((sum, c) => sum + weightOf(c), 0);
  const pops: PopResult[] = topology.origins.map((o, k) => {
    const members = topology.clients.filter((_, i) => clients[i]?.pop === o.id);
    const weight = members.reduce((sum, c) => sum + weightOf(c), 0);
    let rttWeight = 0;
    let rttSum = 0;
    topology.clients.forEach((c, i) => {
      const rtt = clients[i]?.pop === o.id ? clients[i]?.rttMs : undefined;
      if (rtt === undefined) return;
      rttWeight += weightOf(c);
      rttSum += weightOf(c) * rtt;
    });
    return {
      id: o.id,
      ...(o.name !== undefined ? { name: o.name } : {}),
      state: popUp[k] ? 'up' : 'down',
      clients: members.map((c) => c.id),
      trafficShare: totalWeight > 0 ? weight / totalWeight : 0,
      ...(rttWeight > 0 ? { meanRttMs: Math.round((rttSum / rttWeight) * 10) / 10 } : {}),
    };
  });
  return { clients, pops, routers, ...(unstable ? { unstable } : {}), warnings: net.warnings };
}
