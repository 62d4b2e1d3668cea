/**
 * Attack traffic sent along the routing: each source (a client, an AS's routers, or the clients
 * or ASes inside a subgraph) follows the route its client or router holds, so an attack lands
 * where that source's legitimate traffic would. Also how much of it stays in the continent it
 * comes from. Pure.
 */
import type { GeoPoint, Resolution } from '../engine/types';
import type { DocumentModel, NodeModel, RateUnit } from '../language/meaning/model';
import type { Continent } from '../language/places/continents';
import { continentOf } from '../language/places/continents';
import { inUnit } from '../language/meaning/loadFacts';
import type { TopologyBuild } from './topology';

/** One stream of attack traffic from one client or router. */
export interface AttackFlow {
  /** The node that sends it (a client or an AS node). */
  readonly source: string;
  /** The subgraph whose front matter attack this is a share of. */
  readonly group?: string;
  /** In the load report's unit. */
  readonly rate: number;
  /** The PoP it lands on; undefined when the source has no route. */
  readonly pop?: string;
  /** The continent of the source, where known. */
  readonly region?: Continent;
}

export interface AttackSummary {
  readonly total: number;
  /** Traffic that reaches no PoP (its source has no route). */
  readonly unrouted: number;
  /** Attack traffic landing on a PoP in the continent it comes from. */
  readonly inRegion: number;
  /** `inRegion` over the routed attack whose source and PoP continents are both known. */
  readonly inRegionShare?: number;
  /** PoPs whose load (traffic and attack) is over their capacity, in document order. */
  readonly overwhelmed: readonly string[];
  readonly flows: readonly AttackFlow[];
}

interface Sender {
  readonly engineId: string;
  readonly kind: 'client' | 'router';
  readonly share: number;
  readonly point?: GeoPoint;
}

function pointOf(node: NodeModel | undefined): GeoPoint | undefined {
  return node?.locations.find((l) => l.point)?.point;
}

/** The clients or routers a node's attack leaves from, each with its share. */
function sendersOf(node: NodeModel, build: TopologyBuild): Sender[] {
  if (node.role === 'client') return [{ engineId: node.id, kind: 'client', share: 1, ...withPoint(pointOf(node)) }];
  const routers = build.mapping.nodeRouters[node.id] ?? [];
  const byId = new Map(build.topology.routers.map((r) => [r.id, r]));
  return routers.map((r) => ({
    engineId: r,
    kind: 'router' as const,
    share: 1 / routers.length,
    ...withPoint(byId.get(r)?.point),
  }));
}

const withPoint = (point: GeoPoint | undefined): { point?: GeoPoint } => (point ? { point } : {});

/** Nodes inside a subgraph or the subgraphs nested in it. */
function membersOf(model: DocumentModel, subgraph: string): NodeModel[] {
  const parent = new Map(model.subgraphs.map((s) => [s.id, s.parent]));
  const inside = (id: string | undefined): boolean => {
    for (let s = id, steps = 0; s !== undefined && steps <= model.subgraphs.length; s = parent.get(s), steps++)
      if (s === subgraph) return true;
    return false;
  };
  return model.nodes.filter((n) => inside(n.subgraph));
}

/** A subgraph's attack: over its clients by weight, or evenly over its ASes when it holds no client. */
function groupSenders(model: DocumentModel, subgraph: string, build: TopologyBuild): Sender[] {
  const members = membersOf(model, subgraph);
  const clients = members.filter((n) => n.role === 'client');
  if (clients.length > 0) {
    const total = clients.reduce((sum, c) => sum + (c.weight?.value ?? 1), 0);
    return clients.map((c) => ({
      engineId: c.id,
      kind: 'client' as const,
      share: total > 0 ? (c.weight?.value ?? 1) / total : 1 / clients.length,
      ...withPoint(pointOf(c)),
    }));
  }
  const ases = members.filter((n) => n.role === 'as');
  return ases.flatMap((a) => sendersOf(a, build).map((s) => ({ ...s, share: s.share / ases.length })));
}

/** Every attack stream of the document, landing where the resolution sends it. */
export function attackFlows(
  model: DocumentModel,
  build: TopologyBuild,
  resolution: Pick<Resolution, 'clients' | 'routers'>,
  unit: RateUnit,
): AttackFlow[] {
  const clientPop = new Map(resolution.clients.map((c) => [c.id, c.pop]));
  const routerPop = new Map(resolution.routers.map((r) => [r.id, r.best?.pop]));
  const flow = (source: string, s: Sender, rate: number, group?: string): AttackFlow => {
    const pop = s.kind === 'client' ? clientPop.get(s.engineId) : routerPop.get(s.engineId);
    const region = s.point ? continentOf(s.point) : undefined;
    return {
      source,
      ...(group !== undefined ? { group } : {}),
      rate: rate * s.share,
      ...(pop !== undefined ? { pop } : {}),
      ...(region ? { region } : {}),
    };
  };
  const flows: AttackFlow[] = [];
  for (const n of model.nodes) {
    const rate = inUnit(n.attack, unit);
    if (rate > 0) for (const s of sendersOf(n, build)) flows.push(flow(n.id, s, rate));
  }
  for (const g of model.settings.groupAttacks ?? []) {
    const rate = inUnit(g.rate, unit);
    if (rate > 0)
      for (const s of groupSenders(model, g.subgraph.value, build))
        flows.push(
          flow(
            s.kind === 'client' ? s.engineId : (build.mapping.routerNode[s.engineId] ?? s.engineId),
            s,
            rate,
            g.subgraph.value,
          ),
        );
  }
  return flows;
}

/** Totals of the attack, with the share absorbed in the continent it comes from. */
export function summariseAttack(
  model: DocumentModel,
  flows: readonly AttackFlow[],
  overwhelmed: readonly string[],
): AttackSummary {
  const popRegion = new Map<string, Continent | undefined>();
  const regionOfPop = (pop: string): Continent | undefined => {
    if (!popRegion.has(pop)) {
      const point = pointOf(model.nodes.find((n) => n.id === pop));
      popRegion.set(pop, point ? continentOf(point) : undefined);
    }
    return popRegion.get(pop);
  };
  let total = 0;
  let unrouted = 0;
  let inRegion = 0;
  let placed = 0;
  for (const f of flows) {
    total += f.rate;
    if (f.pop === undefined) {
      unrouted += f.rate;
      continue;
    }
    const popContinent = regionOfPop(f.pop);
    if (!f.region || !popContinent) continue;
    placed += f.rate;
    if (f.region === popContinent) inRegion += f.rate;
  }
  return {
    total,
    unrouted,
    inRegion,
    ...(placed > 0 ? { inRegionShare: inRegion / placed } : {}),
    overwhelmed,
    flows,
  };
}
