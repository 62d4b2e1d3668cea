/**
 * The catchment map of a diagram under a what-if: where everything stands (per text) and who goes
 * where (per what-if). The webview projects and draws it; the CLI exports it. Pure.
 */
import type { Resolution, Scenario } from '../../engine/types';
import type { DocumentModel } from '../../language/meaning/model';
import type { DiagramScenario } from '../scenario';
import type { TopologyBuild } from '../topology';
import type { MapPlaces } from './mapPlaces';
import { placeNodes } from './mapPlaces';
import type { MapRouting } from './mapRouting';
import { mapRouting } from './mapRouting';
import { computeLoad, hasLoadFigures } from '../load';
import { baselinePopColors } from '../picture/popColors';
import type { LoadOptions } from '../load';

export interface MapScene {
  readonly places: MapPlaces;
  readonly routing: MapRouting;
}

/** The routing of one text version under one what-if, as the analysis gives it. */
export interface MapSceneInput {
  readonly model: DocumentModel;
  readonly scenario: DiagramScenario;
  /** The engine's scenario for `scenario` (session ids and ASNs of this text). */
  readonly engineScenario: Scenario;
  readonly build: TopologyBuild;
  /** With nothing failed. */
  readonly baseline?: Resolution;
  /** Under the what-if; the baseline itself when nothing is failed. */
  readonly resolution?: Resolution;
  nodeOf(engineId: string): string | undefined;
}

/** The map under `analysis`' what-if; pass the `places` of the same text back in to keep them (and skip placing). */
export function mapScene(
  analysis: MapSceneInput,
  places?: MapPlaces,
  loadOptions: LoadOptions = {},
): MapScene | undefined {
  const { build, resolution, baseline, model } = analysis;
  if (!resolution) return undefined;
  const load = hasLoadFigures(model) ? computeLoad(model, build, resolution, loadOptions) : undefined;
  const placed = places ?? placeNodes(model, build, baselinePopColors(model, baseline ?? resolution, analysis.nodeOf));
  const failedAses = new Set(analysis.scenario.failedAses);
  const downAses = model.nodes
    .filter((n) => n.role === 'as' && (failedAses.has(n.id) || n.state?.value === 'down'))
    .map((n) => n.id);
  const failedAsns = new Set(analysis.engineScenario.failedAses ?? []);
  const asnOf = new Map(build.topology.routers.map((r) => [r.id, r.asn]));
  const downSessions = [
    ...(analysis.engineScenario.failedSessions ?? []),
    ...build.topology.sessions
      .filter((s) => failedAsns.has(asnOf.get(s.a) ?? -1) || failedAsns.has(asnOf.get(s.b) ?? -1))
      .map((s) => s.id),
  ];
  const routing = mapRouting(placed, {
    topology: build.topology,
    resolution,
    ...(resolution !== baseline && baseline ? { baseline } : {}),
    nodeOf: analysis.nodeOf,
    failedPops: analysis.scenario.failedPops,
    downAses,
    downSessions,
    ...(load ? { load } : {}),
  });
  return { places: placed, routing };
}
