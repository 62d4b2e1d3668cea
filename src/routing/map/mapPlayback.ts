/**
 * The catchment map at a moment of a convergence run: each affected client at the PoP serving it
 * then (its arc drawn there, the PoP it used before the failure as a ghost) or without service,
 * and each PoP's catchment as it stood then. Only routing changes, never a place, so the map on
 * screen restyles and nothing is projected again while scrubbing. Pure.
 */
import type { GeoPoint } from '../../engine/types';
import type { ConvergencePlayback } from '../picture/convergencePlayback';
import { stateAt } from '../picture/convergencePlayback';
import type { MapClientState, MapPopState, MapRouting } from './mapRouting';

/** `start` then `points`, consecutive repeats folded. */
function pathFrom(start: GeoPoint | undefined, points: readonly GeoPoint[]): GeoPoint[] {
  const path: GeoPoint[] = start ? [start] : [];
  for (const p of points) {
    const last = path[path.length - 1];
    if (p.lat !== last?.lat || p.lon !== last.lon) path.push(p);
  }
  return path;
}

/** `settled` (the map once the run is over) as it stood `seconds` after the failure. */
export function mapRoutingAt(settled: MapRouting, playback: ConvergencePlayback, seconds: number): MapRouting {
  const runs = new Map(playback.clients.map((c) => [c.node, c]));
  const moved = new Map<string, { share: number; clients: number }>();
  const move = (pop: string | undefined, share: number, clients: number): void => {
    if (pop === undefined) return;
    const was = moved.get(pop) ?? { share: 0, clients: 0 };
    moved.set(pop, { share: was.share + share, clients: was.clients + clients });
  };
  const clients = settled.clients.map((client): MapClientState => {
    const run = runs.get(client.id);
    const state = run && stateAt(run.states, seconds);
    if (!run || !state) return client;
    move(client.pop, -run.share, -1);
    move(state.pop, run.share, 1);
    const before = run.states[0]?.pop;
    return {
      id: client.id,
      ...(state.pop !== undefined ? { pop: state.pop } : {}),
      ...(before !== undefined && before !== state.pop ? { previousPop: before } : {}),
      path: pathFrom(client.path[0], state.pop === undefined ? [] : state.points),
    };
  });
  const pops = settled.pops.map((pop): MapPopState => {
    const change = moved.get(pop.id);
    if (!change) return pop;
    return { ...pop, share: Math.max(0, pop.share + change.share), clients: Math.max(0, pop.clients + change.clients) };
  });
  return { ...settled, pops, clients };
}
