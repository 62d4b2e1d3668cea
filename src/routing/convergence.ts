/**
 * A diagram's failover as it plays out over time: the simulated failure of the editor and the CLI
 * (PoPs, links, ASes) turned into convergence events on the diagram's topology, and the names of
 * the engine's routers, PoPs and clients in the diagram's words.
 */
import { simulateConvergence } from '../engine/convergence/index';
import type { ConvergenceEvent, ConvergenceOptions, ConvergenceResult } from '../engine/convergence/index';
import type { DocumentModel } from '../language/meaning/model';
import type { ScenarioRouting } from './analysis';
import { displayName, toEngineScenario } from './scenario';
import type { DiagramScenario } from './scenario';
import type { TopologyBuild } from './topology';
import { IMPLICIT_TRANSIT_NAME } from './topology';

/** How the failed PoPs go down: they withdraw, they crash (sessions time out), or they drain first (RFC 8326). */
export type FailureMode =
  | { readonly kind: 'withdraw' }
  | { readonly kind: 'crash' }
  | { readonly kind: 'drain'; readonly withdrawAfter: number };

/** The convergence events for a diagram scenario: PoPs per `mode`, links and ASes fail silently. */
export function convergenceEvents(
  scenario: DiagramScenario,
  model: DocumentModel,
  build: TopologyBuild,
  mode: FailureMode,
): ConvergenceEvent[] {
  const engine = toEngineScenario(scenario, model, build);
  const pops = scenario.failedPops.map((pop): ConvergenceEvent => {
    if (mode.kind === 'crash') return { kind: 'crash-pop', pop };
    if (mode.kind === 'drain') return { kind: 'drain-pop', pop, withdrawAfter: mode.withdrawAfter };
    return { kind: 'withdraw-pop', pop };
  });
  return [
    ...pops,
    ...(engine.failedSessions ?? []).map((session): ConvergenceEvent => ({ kind: 'fail-session', session })),
    ...(engine.failedAses ?? []).map((asn): ConvergenceEvent => ({ kind: 'fail-as', asn })),
  ];
}

/** The diagram name of an engine id (router, PoP or client): `US-East`, `AS174 Cogent`, `Internet`. */
export function engineNames(model: DocumentModel, build: TopologyBuild): (engineId: string) => string {
  const byId = new Map(model.nodes.map((n) => [n.id, displayName(n)]));
  const routerNode = build.mapping.routerNode;
  return (id) => {
    if (id in routerNode) {
      const node = routerNode[id];
      return node === undefined ? IMPLICIT_TRANSIT_NAME : (byId.get(node) ?? node);
    }
    return byId.get(id) ?? id;
  };
}

/**
 * The simulation's options for a diagram: the timers and seed of its front matter (`anycast:
 * convergence:`), each overridden by `options` where it says (the CLI's flags).
 */
export function convergenceOptions(model: DocumentModel, options: ConvergenceOptions = {}): ConvergenceOptions {
  const file = model.settings.convergence;
  const seed = options.seed ?? file?.seed;
  return {
    ...options,
    timers: { ...file?.timers, ...options.timers },
    ...(seed !== undefined ? { seed } : {}),
  };
}

/** Simulates the diagram scenario's failure over time on the diagram's topology, with the file's timers unless `options` say otherwise. */
export function simulateDiagramConvergence(
  scenario: DiagramScenario,
  model: DocumentModel,
  build: TopologyBuild,
  mode: FailureMode,
  options: ConvergenceOptions = {},
): ConvergenceResult {
  const events = convergenceEvents(scenario, model, build, mode);
  return simulateConvergence(build.topology, events, convergenceOptions(model, options));
}

/** How long a drained PoP keeps announcing (with GRACEFUL_SHUTDOWN) before it withdraws, when nothing says. */
export const DEFAULT_DRAIN_SECONDS = 30;

/** The failure mode the preview's menu names. */
export function failureMode(kind: FailureMode['kind']): FailureMode {
  return kind === 'drain' ? { kind, withdrawAfter: DEFAULT_DRAIN_SECONDS } : { kind };
}

/** The convergence of a what-if the editor simulates (its analysis under the scenario). */
export function convergenceOf(
  routing: ScenarioRouting,
  mode: FailureMode,
  options: ConvergenceOptions = {},
): ConvergenceResult {
  return simulateDiagramConvergence(routing.scenario, routing.model, routing.build, mode, options);
}
