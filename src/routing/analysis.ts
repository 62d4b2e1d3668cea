/**
 * One analysis per document version: the parse, the engine topology built from it, the node each
 * engine id stands for, the resolution with nothing failed, and the diagnostics (the parse's and
 * the routing's). Each what-if on top costs one more resolve, once: `underScenario` remembers its
 * answers by the scenario's canonical form. Every view (diagnostics, hover, lenses, preview,
 * summary, export, the CLI, the N-1 view) reads the same analysis. Pure; the resolves run lazily.
 */
import { diffResolutions, resolve } from '../engine/index';
import type { Resolution, ResolutionDiff, Scenario, Topology } from '../engine/types';
import { parseDocument } from '../language/index';
import type { Diagnostic, ParsedDocument } from '../language/index';
import type { DocumentModel } from '../language/meaning/model';
import { n1Capacity } from './n1Capacity';
import type { N1Capacity } from './n1Capacity';
import { checkedDiagnostics } from './routingChecks';
import { isEmptyScenario, noFailures, pruneScenario, scenarioKey, toEngineScenario } from './scenario';
import type { DiagramScenario } from './scenario';
import { withPolicyChanges } from './plan/policyChanges';
import { toTopology } from './topology';
import type { TopologyBuild } from './topology';

export interface AnalysisOptions {
  /** Beyond this many routers plus sessions nothing is resolved (the editor's limit); no limit by default. */
  readonly maxTopologySize?: number;
  /** Called before each run of the resolver, so a caller can count them. */
  readonly onResolve?: () => void;
}

/** The routing of one document version under one what-if. */
export interface ScenarioRouting {
  readonly model: DocumentModel;
  /** The what-if, less what the text no longer has. */
  readonly scenario: DiagramScenario;
  /** The engine's scenario for `scenario` (session ids and ASNs of this version of the text). */
  readonly engineScenario: Scenario;
  readonly build: TopologyBuild;
  /** With nothing failed in the simulation (PoPs written down in the text stay down). */
  readonly baseline?: Resolution;
  /** Under the what-if; the baseline itself when nothing is failed. */
  readonly resolution?: Resolution;
  /** Present when something is failed. */
  readonly diff?: ResolutionDiff;
  /** Why there is no resolution (too large, the resolver failed), or that routing is unstable. */
  readonly problem?: string;
  /** The diagram node an engine id (router, origin, client) stands for. */
  nodeOf(engineId: string): string | undefined;
}

/** Diagnostics that mean the text is not a diagram yet (as opposed to a diagram with a problem). */
export function isSyntaxError(diagnostic: Diagnostic): boolean {
  if (diagnostic.severity !== 'error') return false;
  const code = diagnostic.code;
  return (
    code === 'syntax' ||
    code === 'missing-header' ||
    code === 'label-needs-quotes' ||
    code === 'unmatched-end' ||
    code === 'too-large' ||
    code.startsWith('unclosed-') ||
    code.startsWith('yaml')
  );
}

type Run = { readonly resolution?: Resolution; readonly problem?: string };

export class DiagramAnalysis {
  readonly model: DocumentModel;
  private topologyBuild: TopologyBuild | undefined;
  private baselineRun: Run | undefined;
  private allDiagnostics: readonly Diagnostic[] | undefined;
  private n1Rows: readonly N1Capacity[] | undefined;
  private readonly scenarios = new Map<string, ScenarioRouting>();
  private readonly nodeIds: ReadonlySet<string>;

  constructor(
    readonly text: string,
    readonly parsed: ParsedDocument = parseDocument(text),
    private readonly options: AnalysisOptions = {},
  ) {
    this.model = parsed.model;
    this.nodeIds = new Set(this.model.nodes.map((n) => n.id));
  }

  /** The engine topology and how its ids map back to the diagram. */
  get build(): TopologyBuild {
    return (this.topologyBuild ??= toTopology(this.model));
  }

  /** The diagram node an engine id (router, origin, client) stands for. */
  readonly nodeOf = (engineId: string): string | undefined => {
    const routerNode = this.build.mapping.routerNode;
    if (Object.prototype.hasOwnProperty.call(routerNode, engineId)) return routerNode[engineId];
    return this.nodeIds.has(engineId) ? engineId : undefined;
  };

  /** The first diagnostic that says the text is not a diagram yet. */
  get syntaxError(): Diagnostic | undefined {
    return this.parsed.diagnostics.find(isSyntaxError);
  }

  /** The resolution with nothing failed; undefined when the diagram is too large or the resolver failed. */
  get baseline(): Resolution | undefined {
    return this.baselineResult().resolution;
  }

  /** Every problem with the document: the parse's, then what the baseline resolution shows, in document order. */
  get diagnostics(): readonly Diagnostic[] {
    return (this.allDiagnostics ??= checkedDiagnostics(
      this.model,
      this.parsed.diagnostics,
      this.build.topology.routers.length,
      () => this.baseline,
      this,
    ));
  }

  /**
   * N-1 capacity of the diagram as written: each PoP withdrawn in turn, worst utilisation first;
   * worked out on first read and kept, so the n1-overload warning and the N-1 view read one answer.
   */
  get n1Capacity(): readonly N1Capacity[] {
    return (this.n1Rows ??= n1Capacity(this.model, this.build));
  }

  /** The routing under `scenario`, computed once per distinct scenario. */
  underScenario(scenario: DiagramScenario = noFailures): ScenarioRouting {
    const kept = pruneScenario(scenario, this.model);
    const key = scenarioKey(kept);
    let routing = this.scenarios.get(key);
    if (!routing) {
      routing = this.route(kept);
      this.scenarios.set(key, routing);
    }
    return routing;
  }

  private route(scenario: DiagramScenario): ScenarioRouting {
    const engineScenario = toEngineScenario(scenario, this.model, this.build);
    const base = { model: this.model, scenario, engineScenario, build: this.build, nodeOf: this.nodeOf };
    const before = this.baselineResult();
    const baseline = before.resolution;
    if (!baseline) return { ...base, ...(before.problem ? { problem: before.problem } : {}) };
    if (isEmptyScenario(scenario)) return { ...base, baseline, resolution: baseline, ...problemOf(baseline) };
    const after = this.run(engineScenario, withPolicyChanges(this.build, this.model, scenario.changes ?? []));
    if (!after.resolution) return { ...base, baseline, ...(after.problem ? { problem: after.problem } : {}) };
    const resolution = after.resolution;
    return { ...base, baseline, resolution, diff: diffResolutions(baseline, resolution), ...problemOf(resolution) };
  }

  private baselineResult(): Run {
    return (this.baselineRun ??= this.run({}));
  }

  private run(scenario: Scenario, topology: Topology = this.build.topology): Run {
    const size = topology.routers.length + topology.sessions.length;
    const limit = this.options.maxTopologySize;
    if (limit !== undefined && size > limit)
      return {
        problem: `This diagram has ${size} routers and sessions; the editor resolves at most ${limit} (use \`anycast resolve\` in a terminal).`,
      };
    try {
      this.options.onResolve?.();
      return { resolution: resolve(topology, scenario) };
    } catch (error) {
      return {
        problem: `The routing could not be computed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
}

function problemOf(resolution: Resolution): { readonly problem?: string } {
  return resolution.unstable ? { problem: resolution.unstable.message } : {};
}
