/**
 * A convergence run as the preview plays it: per client node the states it went through, in
 * diagram node ids, and for any moment the routing annotation of that moment (clients without
 * service marked, clients on an interim PoP in that PoP's colour). Only styles change between
 * moments, so nothing is laid out again while scrubbing. Pure.
 */
import type { ConvergenceResult } from '../../engine/convergence/index';
import type { GeoPoint } from '../../engine/types';
import type { NodeAnnotation, RoutingAnnotation } from './routingAnnotation';

export interface PlaybackState {
  /** Seconds since the failure. */
  readonly at: number;
  /** The PoP node serving the client then; absent when it has no service. */
  readonly pop?: string;
  /** Diagram nodes its traffic crosses, from the client on. */
  readonly path: readonly string[];
  /** The places of the located routers its traffic crosses (consecutive repeats folded), for the map. */
  readonly points: readonly GeoPoint[];
}

export interface ConvergencePlayback {
  /** The last moment worth showing: the last client change (at least the last routing message). */
  readonly end: number;
  /** The scrubber runs on a log scale when the run is long, so milliseconds and minutes both show. */
  readonly logScale: boolean;
  readonly clients: readonly {
    readonly node: string;
    /** The client's share of all client weight, 0..1 (the map sizes PoPs by their catchment's share). */
    readonly share: number;
    readonly states: readonly PlaybackState[];
  }[];
}

/** Runs longer than this play on a log scale. */
const LINEAR_UP_TO_S = 10;
/** The log scale's resolution at its start: one millisecond. */
const LOG_FLOOR_S = 0.001;

/** The run in diagram terms: client and PoP node ids, paths folded to the nodes and places they cross. */
export function convergencePlayback(
  result: ConvergenceResult,
  nodeOf: (engineId: string) => string | undefined,
  routerPoint: (routerId: string) => GeoPoint | undefined = () => undefined,
): ConvergencePlayback {
  const totalWeight = result.clients.reduce((sum, c) => sum + c.weight, 0);
  const clients = result.clients.flatMap((c) => {
    const node = nodeOf(c.id);
    if (node === undefined || c.states.length <= 1) return [];
    const states = c.states.map((s): PlaybackState => {
      const path = [node];
      const points: GeoPoint[] = [];
      for (const router of s.path) {
        const at = nodeOf(router);
        if (at !== undefined && at !== path[path.length - 1]) path.push(at);
        const point = routerPoint(router);
        const last = points[points.length - 1];
        if (point && (point.lat !== last?.lat || point.lon !== last.lon)) points.push(point);
      }
      const pop = s.pop === undefined ? undefined : nodeOf(s.pop);
      return { at: s.at, ...(pop !== undefined ? { pop } : {}), path, points };
    });
    return [{ node, share: totalWeight > 0 ? c.weight / totalWeight : 0, states }];
  });
  const end = Math.max(result.settle.max, ...clients.map((c) => c.states[c.states.length - 1]?.at ?? 0));
  return { end, logScale: end > LINEAR_UP_TO_S, clients };
}

/** The moment a scrubber position (0..1) stands for. */
export function timeAt(playback: ConvergencePlayback, position: number): number {
  const p = Math.min(1, Math.max(0, position));
  if (!playback.logScale) return p * playback.end;
  return LOG_FLOOR_S * ((1 + playback.end / LOG_FLOOR_S) ** p - 1);
}

/** The scrubber position (0..1) of a moment; the inverse of `timeAt`. */
export function positionAt(playback: ConvergencePlayback, seconds: number): number {
  if (playback.end <= 0) return 1;
  const t = Math.min(playback.end, Math.max(0, seconds));
  if (!playback.logScale) return t / playback.end;
  return Math.log1p(t / LOG_FLOOR_S) / Math.log1p(playback.end / LOG_FLOOR_S);
}

/** The client's state at `seconds`: the last change at or before it. */
export function stateAt(states: readonly PlaybackState[], seconds: number): PlaybackState | undefined {
  let found: PlaybackState | undefined;
  for (const s of states) {
    if (s.at > seconds) break;
    found = s;
  }
  return found;
}

/**
 * `routing` (the settled state after the failure) as it stood at `seconds`: each affected client
 * in the colour of the PoP serving it then, or marked without service.
 */
export function annotationAt(
  routing: RoutingAnnotation,
  playback: ConvergencePlayback,
  seconds: number,
): RoutingAnnotation {
  const colorOf = new Map(routing.legend.map((l) => [l.pop, l.color]));
  const moments = new Map(playback.clients.map((c) => [c.node, stateAt(c.states, seconds)]));
  const nodes = routing.nodes.map((n): NodeAnnotation => {
    const state = moments.get(n.id);
    if (!state) return n;
    const { color: _color, pop: _pop, unreachable: _unreachable, path: _path, ...rest } = n;
    const color = state.pop === undefined ? undefined : colorOf.get(state.pop);
    return {
      ...rest,
      ...(state.pop !== undefined ? { pop: state.pop } : { unreachable: true }),
      ...(color !== undefined ? { color } : {}),
      path: state.path,
    };
  });
  return { ...routing, nodes };
}
