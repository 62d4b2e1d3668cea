/**
 * The catchment map of a diagram under a what-if: where everything stands (per text) and who goes
 * where (per what-if). The webview projects and draws it; the CLI exports it. Pure.
 */
import type { RoutingAnalysis } from '../scenario';
import type { MapPlaces } from './mapPlaces';
import { placeNodes } from './mapPlaces';
import type { MapRouting } from './mapRouting';
import { mapRouting } from './mapRouting';

export interface MapScene {
  readonly places: MapPlaces;
  readonly routing: MapRouting;
}

/** Places the analysis' nodes (`places` from an earlier what-if on the same text can be passed back in). */
export function mapScene(analysis: RoutingAnalysis, places?: MapPlaces): MapScene | undefined {
  const { build, resolution, baseline, parsed } = analysis;
  if (!resolution) return undefined;
  const model = parsed.model;
  const placed = places ?? placeNodes(model, build, baseline);
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
  });
  return { places: placed, routing };
}
