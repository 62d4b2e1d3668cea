/**
 * The run the host sends for the seed with US-East crashed (seed 1), computed by the real engine
 * as the host does, with the places of the routers for the map.
 */
import type { ConvergenceMessage } from '../../src/protocol/messages';
import { DiagramAnalysis } from '../../src/routing/analysis';
import { convergenceOf, failureMode } from '../../src/routing/convergence';
import { mapScene } from '../../src/routing/map/mapScene';
import type { MapScene } from '../../src/routing/map/mapScene';
import { convergencePlayback } from '../../src/routing/picture/convergencePlayback';
import { convergenceHeadline } from '../../src/routing/words/convergenceWords';
import { seedText, seedUri } from './seedMessages';

const crashed = new DiagramAnalysis(seedText).underScenario({ failedPops: ['PoPUS'], failedLinks: [], failedAses: [] });

export function crashRun(version: number): ConvergenceMessage {
  const result = convergenceOf(crashed, failureMode('crash'), { seed: 1 });
  const points = new Map(crashed.build.topology.routers.map((r) => [r.id, r.point]));
  return {
    type: 'convergence',
    uri: seedUri,
    version,
    mode: 'crash',
    playback: convergencePlayback(result, crashed.nodeOf, (router) => points.get(router)),
    summary: convergenceHeadline(result),
  };
}

/** The map once the crash has settled: New York at EU-West. */
export function crashedMap(): MapScene {
  const scene = mapScene(crashed);
  if (!scene) throw new Error('the seed has a map');
  return scene;
}
