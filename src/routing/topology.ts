/**
 * The bridge from a document's model to the engine's `Topology`, and back: which node or edge each
 * engine router, session, origin and client stands for, so results can be drawn on the diagram.
 *
 * A plain diagram with no BGP sessions gets the implicit transit of docs/language.md: one AS,
 * 'Internet', with a router at every PoP and client location; each PoP its customer at its own
 * location; each client on the Internet router at its location. Routes then tie until IGP cost
 * (distance), so clients reach the geographically nearest PoP. A PoP without a location is left
 * out of these sessions: it has no distance to win on, and serves no one.
 */
import { greatCircleKm } from '../engine/geo';
import type {
  ClientSpec,
  Community,
  GeoPoint,
  IgpLinkSpec,
  OriginSpec,
  PerSide,
  RouterSpec,
  SessionSpec,
  Topology,
} from '../engine/types';
import type { DocumentModel, EdgeModel, EdgeSession, Fact, NodeModel, SessionPolicy } from '../language/meaning/model';

/** The implicit transit AS of plain diagrams; from the documentation range (RFC 5398) so it never clashes with a real one. */
export const IMPLICIT_TRANSIT_ASN = 64496;
export const IMPLICIT_TRANSIT_NAME = 'Internet';

export interface TopologyMapping {
  /** Engine router id → the node it belongs to; undefined for routers of the implicit transit AS. */
  readonly routerNode: Readonly<Record<string, string | undefined>>;
  /** Node id → its engine routers (an AS with several locations has one per location). */
  readonly nodeRouters: Readonly<Record<string, readonly string[]>>;
  /** Engine session id → index of the edge it came from; undefined for implicit sessions. */
  readonly sessionEdge: Readonly<Record<string, number | undefined>>;
  /** Origins and clients keep their node ids as engine ids. */
  readonly implicitTransit: boolean;
}

export interface TopologyBuild {
  readonly topology: Topology;
  readonly mapping: TopologyMapping;
}

interface Site {
  readonly id: string;
  readonly point?: GeoPoint;
}

function nearest(sites: readonly Site[], to: GeoPoint | undefined): Site | undefined {
  if (!to) return sites[0];
  let best: Site | undefined;
  let bestKm = Infinity;
  for (const s of sites) {
    if (!s.point) continue;
    const km = greatCircleKm(s.point, to);
    if (km < bestKm) {
      best = s;
      bestKm = km;
    }
  }
  return best ?? sites[0];
}

function pointOf(node: NodeModel): GeoPoint | undefined {
  return node.locations.find((l) => l.point)?.point;
}

const value = <T>(f: Fact<T> | undefined): T | undefined => f?.value;

function perSide<T>(aSends: T | undefined, bSends: T | undefined): PerSide<T> | undefined {
  if (aSends === undefined && bSends === undefined) return undefined;
  return { ...(aSends !== undefined ? { a: aSends } : {}), ...(bSends !== undefined ? { b: bSends } : {}) };
}

/** Builds the engine topology for a model. Nodes with errors that make them unusable are left out. */
export function toTopology(model: DocumentModel): TopologyBuild {
  const routers: RouterSpec[] = [];
  const sessions: SessionSpec[] = [];
  const igpLinks: IgpLinkSpec[] = [];
  const reflection: { client: string; reflector: string; clusterId?: number }[] = [];
  const clients: ClientSpec[] = [];
  const routerNode: Record<string, string | undefined> = {};
  const nodeRouters: Record<string, string[]> = {};
  const sessionEdge: Record<string, number | undefined> = {};
  const taken = new Set(model.nodes.map((n) => n.id));

  const used = new Set<string>();
  const addRouter: AddRouter = (id, asn, point, node) => {
    let unique = id;
    for (let k = 2; used.has(unique) || (taken.has(unique) && unique !== node); k++) unique = `${id}#${k}`;
    used.add(unique);
    routers.push(point ? { id: unique, asn, point } : { id: unique, asn });
    routerNode[unique] = node;
    if (node !== undefined) (nodeRouters[node] ??= []).push(unique);
    return point ? { id: unique, point } : { id: unique };
  };

  const { sitesOf, origins, asNames } = placeNodes(model, addRouter);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const isDown = (id: string): boolean => byId.get(id)?.role === 'as' && byId.get(id)?.state?.value === 'down';

  if (model.implicitTransit) {
    asNames[IMPLICIT_TRANSIT_ASN] = IMPLICIT_TRANSIT_NAME;
    const transit = implicitTransit(model, sitesOf, addRouter);
    for (const spec of transit.sessions) {
      sessions.push(spec);
      sessionEdge[spec.id] = undefined;
    }
    clients.push(...transit.clients);
  } else {
    for (const e of model.edges) {
      const m = e.meaning;
      if (m.kind === 'session') {
        const tailSites = sitesOf.get(e.from);
        const headSites = sitesOf.get(e.to);
        if (!tailSites || !headSites) continue;
        const down = m.state?.value === 'down' || isDown(e.from) || isDown(e.to);
        for (const spec of edgeSessions(e, m, tailSites, headSites, down)) {
          sessionEdge[spec.id] = e.index;
          sessions.push(spec);
        }
      } else if (m.kind === 'igp') {
        // A drawn link without a cost costs its great-circle length (the engine's default).
        const cost = m.cost?.value;
        const rr = m.reflectorClient;
        for (const [a, b] of sessionSites(sitesOf.get(e.from) ?? [], sitesOf.get(e.to) ?? [])) {
          igpLinks.push(cost === undefined ? { a: a.id, b: b.id } : { a: a.id, b: b.id, cost });
          if (rr)
            reflection.push({ client: a.id, reflector: b.id, ...(rr.clusterId ? { clusterId: rr.clusterId } : {}) });
        }
      }
    }
    for (const n of model.nodes) {
      if (n.role !== 'client' || !n.inAs) continue;
      const site = nearest(sitesOf.get(n.inAs.value) ?? [], pointOf(n));
      if (site) clients.push(clientSpec(n, site.id));
    }
  }

  const topology: Topology = {
    routers,
    sessions,
    ...(igpLinks.length > 0 ? { igpLinks } : {}),
    ...(reflection.length > 0 ? { reflection } : {}),
    origins,
    clients,
    ...documentSettings(model),
    asNames,
  };
  return { topology, mapping: { routerNode, nodeRouters, sessionEdge, implicitTransit: model.implicitTransit } };
}

/** The service address and tie-break the front matter sets. */
function documentSettings(model: DocumentModel): Pick<Topology, 'serviceAddress' | 'tieBreak'> {
  const settings = model.settings;
  return {
    ...(settings.serviceAddress ? { serviceAddress: settings.serviceAddress.value } : {}),
    ...(settings.tieBreak
      ? {
          tieBreak: {
            model: settings.tieBreak.value,
            ...(settings.tieBreakSeed ? { seed: settings.tieBreakSeed.value } : {}),
          },
        }
      : {}),
  };
}

/** Each PoP's and AS's routers (an AS has one per location), and each PoP's origin. */
function placeNodes(
  model: DocumentModel,
  addRouter: AddRouter,
): { sitesOf: Map<string, Site[]>; origins: OriginSpec[]; asNames: Record<number, string> } {
  const sitesOf = new Map<string, Site[]>();
  const origins: OriginSpec[] = [];
  const asNames: Record<number, string> = {};
  for (const n of model.nodes) {
    if ((n.role !== 'pop' && n.role !== 'as') || !n.asn) continue;
    const asn = n.asn.value;
    if (n.role === 'as' && asNames[asn] === undefined) asNames[asn] = n.asName ?? n.name;
    const placed = n.locations.filter((l) => l.point);
    const sites: Site[] =
      n.role === 'pop' || placed.length <= 1
        ? [addRouter(n.id, asn, pointOf(n), n.id)]
        : placed.map((l) => addRouter(`${n.id}@${l.text}`, asn, l.point, n.id));
    sitesOf.set(n.id, sites);
    if (n.role === 'pop') {
      origins.push({
        id: n.id,
        router: sites[0]?.id ?? n.id,
        prefixes: n.announces.map((p) => p.value),
        ...(n.communities.length > 0 ? { communities: n.communities.map((c) => c.value) } : {}),
        ...(n.prepend ? { prepend: n.prepend.value } : {}),
        ...(n.state ? { state: n.state.value } : {}),
      });
    }
  }
  return { sitesOf, origins, asNames };
}

type AddRouter = (id: string, asn: number, point: GeoPoint | undefined, node: string | undefined) => Site;

/**
 * The implicit transit of a plain diagram: one 'Internet' router per distinct place (to 0.01°,
 * about 1 km, named after the first name written there), each PoP its customer, each client on it.
 */
function implicitTransit(
  model: DocumentModel,
  sitesOf: ReadonlyMap<string, readonly Site[]>,
  addRouter: AddRouter,
): { readonly sessions: SessionSpec[]; readonly clients: ClientSpec[] } {
  const internet = new Map<string, Site>();
  const transitAt = (node: NodeModel): Site => {
    const loc = node.locations.find((l) => l.point);
    const key = loc?.point ? `${loc.point.lat.toFixed(2)},${loc.point.lon.toFixed(2)}` : '';
    let site = internet.get(key);
    if (!site) {
      site = addRouter(
        loc ? `${IMPLICIT_TRANSIT_NAME}@${loc.text}` : IMPLICIT_TRANSIT_NAME,
        IMPLICIT_TRANSIT_ASN,
        loc?.point,
        undefined,
      );
      internet.set(key, site);
    }
    return site;
  };
  const sessions: SessionSpec[] = [];
  for (const n of model.nodes) {
    if (n.role !== 'pop') continue;
    const pop = sitesOf.get(n.id)?.[0];
    // Nearest-PoP routing needs the PoP's place: an unplaced PoP gets no session (and a warning).
    if (!pop?.point) continue;
    sessions.push({ id: `transit:${n.id}`, a: pop.id, b: transitAt(n).id, relationship: 'customer-provider' });
  }
  const clients = model.nodes.filter((n) => n.role === 'client').map((n) => clientSpec(n, transitAt(n).id));
  return { sessions, clients };
}

/** The sessions one BGP edge becomes (one per metro the two ends share), with each side's policy. */
function edgeSessions(
  e: EdgeModel,
  m: EdgeSession,
  tailSites: readonly Site[],
  headSites: readonly Site[],
  down: boolean,
): SessionSpec[] {
  const tailIsA = m.relationship === 'peer-peer' || m.customer === e.from;
  const aDoes: SessionPolicy = tailIsA ? m.tail : m.head;
  const bDoes: SessionPolicy = tailIsA ? m.head : m.tail;
  const prepend = perSide(value(aDoes.prepend), value(bDoes.prepend));
  const med = perSide(value(aDoes.med), value(bDoes.med));
  const localPref = perSide(value(aDoes.localPref), value(bDoes.localPref));
  const exitCost = perSide(value(aDoes.exitCost), value(bDoes.exitCost));
  const communitiesOf = (p: SessionPolicy): readonly Community[] | undefined =>
    p.communities.length > 0 ? p.communities.map((c) => c.value) : undefined;
  const communities = perSide(communitiesOf(aDoes), communitiesOf(bDoes));
  const base = e.id ?? `e${e.index}`;
  return sessionSites(tailSites, headSites).map(([tail, head], k) => ({
    id: k === 0 ? base : `${base}#${k + 1}`,
    a: (tailIsA ? tail : head).id,
    b: (tailIsA ? head : tail).id,
    relationship: m.relationship,
    ...(localPref ? { localPref } : {}),
    ...(med ? { med } : {}),
    ...(prepend ? { prepend } : {}),
    ...(communities ? { communities } : {}),
    ...(exitCost ? { exitCost } : {}),
    ...(down ? { state: 'down' as const } : {}),
  }));
}

function clientSpec(n: NodeModel, router: string): ClientSpec {
  const point = pointOf(n);
  return { id: n.id, router, ...(point ? { point } : {}), ...(n.weight ? { weight: n.weight.value } : {}) };
}

/** Two routers this close are in one metro: networks present in both interconnect there. */
const SAME_METRO_KM = 100;

/**
 * Where an edge between two nodes becomes sessions: in every metro where both have a router, as
 * networks interconnect wherever they meet; when they share none, at the closest pair.
 */
function sessionSites(a: readonly Site[], b: readonly Site[]): [Site, Site][] {
  const first = a[0];
  const second = b[0];
  if (!first || !second) return [];
  if (a.length === 1 && b.length === 1) return [[first, second]];
  const pairs: [Site, Site][] = [];
  let closest: [Site, Site] = [first, second];
  let closestKm = Infinity;
  for (const x of a) {
    for (const y of b) {
      if (!x.point || !y.point) continue;
      const km = greatCircleKm(x.point, y.point);
      if (km <= SAME_METRO_KM) pairs.push([x, y]);
      if (km < closestKm) {
        closestKm = km;
        closest = [x, y];
      }
    }
  }
  return pairs.length > 0 ? pairs : [closest];
}
