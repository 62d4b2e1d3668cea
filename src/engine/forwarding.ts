/**
 * Where packets go once routes are chosen: hop by hop by longest-prefix match from each client's
 * router, with an estimated round-trip time, and each PoP's catchment and traffic share.
 */
import { greatCircleKm } from './geo';
import type { Net } from './routerNet';
import { placed, sane } from './routerNet';
import type { PrefixSolution } from './propagation';
import { popDecisionAlong } from './popDecision';
import type {
  ClientResult,
  ClientSpec,
  GeoPoint,
  Instability,
  OriginSpec,
  PopResult,
  RouterResult,
  Topology,
} from './types';

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

/** The solution a router forwards on: the first prefix, longest first, it holds a route for. */
export function forwardingSolution(solutions: readonly PrefixSolution[], r: number): PrefixSolution | undefined {
  return solutions.find((s) => s.best[r] !== undefined);
}

/**
 * Packets follow longest-prefix match at every router, which can leave the path of the route
 * the client's router chose: a router further on may hold a more-specific prefix (sent to it
 * with NO_EXPORT, say) that never reached the client's router. No PoP when the packets loop.
 */
export function forward(solutions: readonly PrefixSolution[], start: number): { pop?: number; routers: number[] } {
  const crossed = [start];
  for (let at = start; ;) {
    const held = forwardingSolution(solutions, at)?.best[at];
    if (!held) return { routers: crossed };
    if (held.learnedFrom === 'local') return { pop: held.pop, routers: crossed };
    at = held.routerPath[1] as number;
    if (crossed.includes(at)) return { routers: [...crossed, at] };
    crossed.push(at);
  }
}

/** The routers packets cross, with every hop inside an AS expanded to the IGP path it takes. */
function alongIgp(net: Net, routers: readonly number[]): number[] {
  const out = routers.slice(0, 1);
  for (let i = 1; i < routers.length; i++) {
    const a = routers[i - 1] as number;
    const b = routers[i] as number;
    out.push(...(net.asn[a] === net.asn[b] ? net.igpPath(a, b).slice(1) : [b]));
  }
  return out;
}

/** The PoP each client reaches, by which route and path, and an estimated RTT. */
export function clientResults(
  net: Net,
  solutions: readonly PrefixSolution[],
  routers: readonly RouterResult[],
  unstable: Instability | undefined,
): ClientResult[] {
  const topology = net.topology;
  return topology.clients.map((c) => {
    const r = net.indexOf.get(c.router);
    if (r === undefined) {
      net.warnings.push(`client '${c.id}' names unknown router '${c.router}'`);
      return { id: c.id };
    }
    const result = routers[r] as RouterResult;
    if (!result.best) return { id: c.id };
    const explained = result.explanation ? { explanation: result.explanation } : {};
    // An unstable snapshot mixes routes of different moments: walking it hop by hop would invent
    // paths, so only the client router's own route is shown then.
    const walk = unstable
      ? {
          pop: topology.origins.findIndex((o) => o.id === result.best?.pop),
          routers: result.best.routerPath.map((id) => net.indexOf.get(id) as number),
        }
      : forward(solutions, r);
    if (walk.pop === undefined) {
      net.warnings.push(
        `traffic of client '${c.id}' loops between ${walk.routers.map((i) => topology.routers[i]?.id).join(', ')} (more-specific prefixes heard on different paths)`,
      );
      return { id: c.id, route: result.best, ...explained };
    }
    const forwardingPath = walk.routers.map((i) => (topology.routers[i] as { id: string }).id);
    const diverted = forwardingPath.join(' ') !== result.best.routerPath.join(' ');
    const arbitraryAt = walk.routers
      .filter((i) => routers[i]?.explanation?.arbitrary)
      .map((i) => (topology.routers[i] as { id: string }).id);
    const rttMs = estimateRttMs([placed(c.point), ...alongIgp(net, walk.routers).map((i) => net.point[i])]);
    const decision =
      unstable || !result.explanation ? undefined : popDecisionAlong(net, solutions, routers, walk.routers, walk.pop);
    return {
      id: c.id,
      pop: (topology.origins[walk.pop] as OriginSpec).id,
      route: result.best,
      ...explained,
      ...(diverted ? { forwardingPath } : {}),
      arbitraryAt,
      ...(decision ? { decision } : {}),
      ...(rttMs !== undefined ? { rttMs } : {}),
    };
  });
}

/** Each PoP's state, catchment, traffic share and weighted mean RTT. */
export function popResults(
  topology: Topology,
  clients: readonly ClientResult[],
  popUp: readonly boolean[],
): PopResult[] {
  const weights = topology.clients.map((c) => sane(c.weight, 1, `client '${c.id}' weight`, []));
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const byPop = new Map<string, number[]>();
  clients.forEach((c, i) => {
    if (c.pop === undefined) return;
    const list = byPop.get(c.pop);
    if (list) list.push(i);
    else byPop.set(c.pop, [i]);
  });
  return topology.origins.map((o, k) => {
    const members = byPop.get(o.id) ?? [];
    let weight = 0;
    let rttWeight = 0;
    let rttSum = 0;
    for (const i of members) {
      const w = weights[i] as number;
      weight += w;
      const rtt = clients[i]?.rttMs;
      if (rtt === undefined) continue;
      rttWeight += w;
      rttSum += w * rtt;
    }
    return {
      id: o.id,
      ...(o.name !== undefined ? { name: o.name } : {}),
      state: popUp[k] ? 'up' : 'down',
      clients: members.map((i) => (topology.clients[i] as ClientSpec).id),
      trafficShare: totalWeight > 0 ? weight / totalWeight : 0,
      ...(rttWeight > 0 ? { meanRttMs: Math.round((rttSum / rttWeight) * 10) / 10 } : {}),
    };
  });
}
