/**
 * Where everything of a diagram stands on the world, for the catchment map: PoPs, clients, the
 * routers of ASes and the sessions between them, each with its place, and the nodes that could not
 * be placed with the reason. Depends on the text alone (not on a what-if), so a failure toggle never
 * moves anything on the map. Pure.
 */
import type { GeoPoint } from '../../engine/types';
import type { DocumentModel, NodeModel } from '../../language/meaning/model';
import type { Range } from '../../language/types';
import type { TopologyBuild } from '../topology';

export interface MapPop {
  readonly id: string;
  readonly name: string;
  readonly point: GeoPoint;
  /** What the place was taken to mean: `IAD: Washington Dulles International Airport, Washington, United States`. */
  readonly place: string;
  /** Palette slot, from 0; no PoP near it wears the same one. */
  readonly colour: number;
}

export interface MapClient {
  readonly id: string;
  readonly name: string;
  readonly point: GeoPoint;
  readonly place: string;
  readonly weight: number;
}

/** A located router of an AS node (an AS with several locations has one per place). */
export interface MapRouter {
  /** The engine's router id. */
  readonly id: string;
  /** The AS node it belongs to. */
  readonly node: string;
  readonly name: string;
  readonly point: GeoPoint;
}

/** A BGP session between two located routers (of AS or PoP nodes). */
export interface MapSession {
  /** The engine's session id. */
  readonly id: string;
  readonly from: GeoPoint;
  readonly to: GeoPoint;
  readonly peer: boolean;
  /** Written down in the diagram. */
  readonly down: boolean;
}

export type UnplacedRole = 'pop' | 'client' | 'as';

export interface UnplacedNode {
  readonly id: string;
  readonly name: string;
  readonly role: UnplacedRole;
  /** Short, for the list: `unknown location 'QWJ'`, `no location`. */
  readonly reason: string;
  /** Where to reveal it in the source. */
  readonly range: Range;
}

export interface MapPlaces {
  readonly pops: readonly MapPop[];
  readonly clients: readonly MapClient[];
  readonly routers: readonly MapRouter[];
  readonly sessions: readonly MapSession[];
  readonly unplaced: readonly UnplacedNode[];
}

function placeText(node: NodeModel): string {
  const loc = node.locations.find((l) => l.point);
  if (!loc) return '';
  return loc.resolvedName ?? loc.text;
}

function unplacedReason(node: NodeModel): string {
  const unknown = node.locations.find((l) => l.kind === 'unknown');
  if (unknown) return `unknown location '${unknown.text}'`;
  if (node.locations.length > 0) return 'location not understood';
  return node.role === 'client' && node.inAs ? 'no location, and its AS has none' : 'no location';
}

/** Where the nodes of a build stand: an AS's located routers, a PoP's or client's own point (a client's else its router's). */
function locator(build: TopologyBuild): {
  located: (asNode: string) => string[];
  pointOf: (node: NodeModel) => GeoPoint | undefined;
  routerPoint: ReadonlyMap<string, GeoPoint | undefined>;
} {
  const { topology, mapping } = build;
  const routerPoint = new Map(topology.routers.map((r) => [r.id, r.point]));
  const clientRouter = new Map(topology.clients.map((c) => [c.id, c.router]));
  return {
    located: (asNode) => (mapping.nodeRouters[asNode] ?? []).filter((r) => routerPoint.get(r)),
    pointOf: (node) => {
      const own = node.locations.find((l) => l.point)?.point;
      const router = node.role === 'client' ? clientRouter.get(node.id) : undefined;
      return own ?? (router !== undefined ? routerPoint.get(router) : undefined);
    },
    routerPoint,
  };
}

/** The PoPs, clients and ASes that have no place, so no distance: the map cannot show them. */
export function unplacedNodes(model: DocumentModel, build: TopologyBuild): UnplacedNode[] {
  const { located, pointOf } = locator(build);
  const out: UnplacedNode[] = [];
  for (const node of model.nodes) {
    const role = node.role;
    if (role !== 'pop' && role !== 'client' && role !== 'as') continue;
    if (role === 'as' ? located(node.id).length === 0 : !pointOf(node)) out.push(unplacedOf(node, role));
  }
  return out;
}

/** Places every node of `model`; each PoP wears its slot in `colours` (the diagram's, src/routing/picture/popColors.ts). */
export function placeNodes(
  model: DocumentModel,
  build: TopologyBuild,
  colours: ReadonlyMap<string, number>,
): MapPlaces {
  const { located, pointOf, routerPoint } = locator(build);
  const popNodes: { node: NodeModel; point: GeoPoint }[] = [];
  const clients: MapClient[] = [];
  const routers: MapRouter[] = [];
  const nodeOfRouter = build.mapping.routerNode;
  for (const node of model.nodes) {
    const role = node.role;
    if (role !== 'pop' && role !== 'client' && role !== 'as') continue;
    const own = node.locations.find((l) => l.point)?.point;
    if (node.role === 'as') {
      for (const r of located(node.id))
        routers.push({ id: r, node: node.id, name: node.name, point: routerPoint.get(r)! });
      continue;
    }
    const point = pointOf(node);
    if (!point) continue;
    if (node.role === 'pop') {
      popNodes.push({ node, point });
    } else {
      const place = own ? placeText(node) : `at its access router in ${node.inAs?.value ?? 'its AS'}`;
      clients.push({ id: node.id, name: node.name, point, place, weight: node.weight?.value ?? 1 });
    }
  }
  const pops = popNodes.map(({ node, point }) => ({
    id: node.id,
    name: node.name,
    point,
    place: placeText(node),
    colour: colours.get(node.id) ?? 0,
  }));
  const sessions: MapSession[] = [];
  for (const s of build.topology.sessions) {
    const from = routerPoint.get(s.a);
    const to = routerPoint.get(s.b);
    if (!from || !to || nodeOfRouter[s.a] === undefined || nodeOfRouter[s.b] === undefined) continue;
    sessions.push({ id: s.id, from, to, peer: s.relationship === 'peer-peer', down: s.state === 'down' });
  }
  return { pops, clients, routers, sessions, unplaced: unplacedNodes(model, build) };
}

function unplacedOf(node: NodeModel, role: UnplacedRole): UnplacedNode {
  return { id: node.id, name: node.name, role, reason: unplacedReason(node), range: node.idRange };
}
