/**
 * What crosses an iBGP session: the sender's best route, passed on under the rules of a full mesh
 * or of route reflection (RFC 4456), as the receiver hears it.
 */
import type { Held, Net } from './routerNet';

/**
 * The route router r hears from iBGP peer q. Routes learned over iBGP are passed on again only by
 * a route reflector (RFC 4456): what a client sent goes to every peer, what a non-client sent to
 * clients only. A reflected route keeps its exit (the next hop does not change), carries the
 * router that brought it into the AS (ORIGINATOR_ID) and the reflectors' clusters (CLUSTER_LIST),
 * and is dropped by its originator and by a reflector whose cluster is already on the list.
 */
export function overIbgp(net: Net, r: number, q: number, offered: Held | undefined): Held | undefined {
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

/** Full-mesh iBGP: routes learned over iBGP are not passed on over iBGP again. */
export function sharedOverIbgp(h: Held | undefined): boolean {
  return h !== undefined && h.learnedFrom !== 'ibgp' && !h.communities.includes('no-advertise');
}
