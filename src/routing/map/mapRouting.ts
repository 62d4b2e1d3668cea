/**
 * Who goes where on the map under one what-if: each PoP's catchment share, each client's serving
 * PoP and the located routers its traffic crosses, what moved and what lost service. Everything
 * here may change with a failure toggle; nothing here moves a marker (see mapPlaces.ts). Pure.
 */
import type { ClientResult, GeoPoint, Resolution, Topology } from '../../engine/types';
import type { MapPlaces } from './mapPlaces';
import type { LoadReport } from '../load';
import { nodeLoad } from '../picture/loadAnnotation';
import type { NodeLoad } from '../picture/loadAnnotation';

export interface MapPopState {
  readonly id: string;
  /** Share of total client weight, 0..1. */
  readonly share: number;
  readonly clients: number;
  /** Failed in the what-if or written down in the diagram. */
  readonly withdrawn: boolean;
  /** The file marks it `state: down` (the what-if may show it up). */
  readonly writtenDown?: boolean;
  /** Above the load threshold or over capacity: its marking in words. */
  readonly load?: NodeLoad;
}

export interface MapClientState {
  readonly id: string;
  /** The PoP node that serves it; absent when none is reachable. */
  readonly pop?: string;
  /** The PoP that served it with nothing failed, when that was another one (or it lost service). */
  readonly previousPop?: string;
  /** The places its traffic crosses, from the client to its PoP (consecutive repeats folded). */
  readonly path: readonly GeoPoint[];
}

export interface MapRouting {
  readonly pops: readonly MapPopState[];
  readonly clients: readonly MapClientState[];
  /** AS node ids failed in the what-if or written down: their routers are drawn grey. */
  readonly downAses: readonly string[];
  /** Engine session ids down in the what-if (the map's session ids). */
  readonly downSessions: readonly string[];
}

export interface MapRoutingInput {
  readonly topology: Topology;
  readonly resolution: Resolution;
  /** The resolution with nothing failed; omit when nothing is failed. */
  readonly baseline?: Resolution;
  /** Maps an engine id (router, origin, client) to the diagram node it stands for. */
  readonly nodeOf: (engineId: string) => string | undefined;
  readonly failedPops?: readonly string[];
  readonly downAses?: readonly string[];
  readonly downSessions?: readonly string[];
  /** The load under `resolution`, when the diagram states traffic. */
  readonly load?: LoadReport;
}

function pathOf(start: GeoPoint, result: ClientResult | undefined, routerPoint: ReadonlyMap<string, GeoPoint>) {
  const path: GeoPoint[] = [start];
  for (const router of result?.forwardingPath ?? result?.route?.routerPath ?? []) {
    const point = routerPoint.get(router);
    const last = path[path.length - 1]!;
    if (point && (point.lat !== last.lat || point.lon !== last.lon)) path.push(point);
  }
  return path;
}

/** The map's catchments for `places` under one resolution. */
export function mapRouting(places: MapPlaces, input: MapRoutingInput): MapRouting {
  const { resolution, baseline, nodeOf } = input;
  const routerPoint = new Map<string, GeoPoint>();
  for (const r of input.topology.routers) if (r.point) routerPoint.set(r.id, r.point);
  const node = (engineId: string | undefined): string | undefined =>
    engineId === undefined ? undefined : (nodeOf(engineId) ?? engineId);
  const popResult = new Map(resolution.pops.map((p) => [node(p.id), p]));
  const failed = new Set(input.failedPops ?? []);
  const writtenDown = new Set(input.topology.origins.filter((o) => o.state === 'down').map((o) => node(o.id)));
  const pops = places.pops.map((pop): MapPopState => {
    const result = popResult.get(pop.id);
    const withdrawn = failed.has(pop.id) || result?.state === 'down';
    const load = input.load && !withdrawn ? nodeLoad(input.load, pop.id) : undefined;
    return {
      id: pop.id,
      share: result?.trafficShare ?? 0,
      clients: result?.clients.length ?? 0,
      withdrawn,
      ...(writtenDown.has(pop.id) ? { writtenDown: true } : {}),
      ...(load ? { load } : {}),
    };
  });
  const clientResult = new Map(resolution.clients.map((c) => [node(c.id), c]));
  const before = new Map((baseline?.clients ?? []).map((c) => [node(c.id), node(c.pop)]));
  const clients = places.clients.map((client): MapClientState => {
    const result = clientResult.get(client.id);
    const pop = node(result?.pop);
    const previous = baseline ? before.get(client.id) : undefined;
    return {
      id: client.id,
      ...(pop !== undefined ? { pop } : {}),
      ...(previous !== undefined && previous !== pop ? { previousPop: previous } : {}),
      path: pop === undefined ? [client.point] : pathOf(client.point, result, routerPoint),
    };
  });
  return { pops, clients, downAses: input.downAses ?? [], downSessions: input.downSessions ?? [] };
}
