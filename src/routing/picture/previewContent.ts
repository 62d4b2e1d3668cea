/**
 * A document's analysis and a what-if in, everything the preview and `anycast mermaid` show out:
 * the text mermaid lays out (clients grouped when there are many), the routing annotation painted
 * on it, and the ranges behind clicks and the cursor. Pure and deterministic.
 */
import type { Resolution } from '../../engine/index';
import type { RoutingAnnotation } from './routingAnnotation';
import { annotateRouting } from './routingAnnotation';
import { defaultGroupClientsAbove, groupClients, routingWithGroups } from './clientGroups';
import { withClientsByTheirAs } from './clientPlacement';
import type { DocumentModel } from '../../language/meaning/model';
import { rangeContains } from '../../language/types';
import type { Position, Range } from '../../language/types';
import type { DiagramAnalysis } from '../analysis';
import { isEmptyScenario, noFailures } from '../scenario';
import type { DiagramScenario } from '../scenario';
import { simulationHeadline } from '../words/simulationSummary';
import { loadOfRouting } from '../load';
import type { LoadOptions } from '../load';

export interface DiagramContent {
  readonly kind: 'diagram';
  readonly model: DocumentModel;
  /** What mermaid lays out: the user's own text. Routing is painted on the SVG, so a failure never re-lays out. */
  readonly mermaidText: string;
  readonly routing: RoutingAnnotation;
  readonly edges: readonly { readonly from: string; readonly to: string; readonly id?: string }[];
  /** The node whose id, label or metadata is under `position`, for cursor → picture linking. */
  nodeAt(position: Position): string | undefined;
  /** Where a node is defined (its first occurrence), for picture → source linking. */
  nodeRange(id: string): Range | undefined;
  edgeRange(index: number): Range | undefined;
}

export interface SyntaxErrorContent {
  readonly kind: 'error';
  readonly message: string;
  readonly range: Range;
}

export type PreviewContent = DiagramContent | SyntaxErrorContent;

/** How the preview lays a diagram out, from the user's settings. */
export interface PreviewLayout {
  /** Above this many groupable clients, clients are drawn as one node per access AS (see clientGroups.ts). */
  readonly groupClientsAbove?: number;
  /** The load threshold and whether the attack is simulated. */
  readonly load?: LoadOptions;
}

/** No routing: what the preview paints when the diagram cannot be resolved (the problem says why). */
const unresolved: Resolution = { clients: [], pops: [], routers: [], warnings: [] };

/** What the preview paints for `analysis` under `scenario`: the resolver's answer on the diagram. */
export function routingFor(
  analysis: DiagramAnalysis,
  scenario: DiagramScenario = noFailures,
  loadOptions: LoadOptions = {},
): RoutingAnnotation {
  const routing = analysis.underScenario(scenario);
  const failed = !isEmptyScenario(routing.scenario);
  const load = loadOfRouting(routing, loadOptions);
  const annotated = annotateRouting(analysis.model, {
    resolution: routing.resolution ?? unresolved,
    ...(failed && routing.baseline ? { baseline: routing.baseline } : {}),
    failedPops: routing.engineScenario.failedPops ?? [],
    headline: simulationHeadline(routing),
    nodeOf: routing.nodeOf,
    failedSessions: routing.engineScenario.failedSessions ?? [],
    failedAses: routing.engineScenario.failedAses ?? [],
    sessionEdge: routing.build.mapping.sessionEdge,
    ...(load ? { load: load.after, ...(load.before ? { loadBefore: load.before } : {}) } : {}),
    attackOn: loadOptions.attack ?? false,
  });
  const firstError = analysis.parsed.diagnostics.find((d) => d.severity === 'error');
  const problem = [
    routing.problem,
    firstError ? `${firstError.message} (line ${firstError.range.start.line + 1})` : undefined,
  ]
    .filter((p) => p !== undefined)
    .join('\n');
  return problem ? { ...annotated, problem } : annotated;
}

/** The preview's view of an analysed document under `scenario`. */
export function diagramContent(
  analysis: DiagramAnalysis,
  scenario: DiagramScenario,
  layout: PreviewLayout = {},
): DiagramContent {
  const { model } = analysis;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const grouping = groupClients(analysis.text, model, layout.groupClientsAbove ?? defaultGroupClientsAbove);
  const routing = routingFor(analysis, scenario, layout.load);
  const groupIds = new Map(grouping?.groups.map((g) => [g.id, g]));
  return {
    kind: 'diagram',
    model,
    mermaidText: grouping?.text ?? withClientsByTheirAs(analysis.text, model),
    routing: grouping ? routingWithGroups(routing, grouping) : routing,
    edges: model.edges.map((e) =>
      e.id === undefined ? { from: e.from, to: e.to } : { from: e.from, to: e.to, id: e.id },
    ),
    nodeAt(position) {
      for (const node of model.nodes) {
        if (
          (node.labelRange !== undefined && rangeContains(node.labelRange, position)) ||
          (node.metadataRange !== undefined && rangeContains(node.metadataRange, position)) ||
          node.references.some((r) => rangeContains(r, position))
        ) {
          return grouping?.groupOf.get(node.id)?.id ?? node.id;
        }
      }
      return undefined;
    },
    nodeRange(id) {
      // A group reveals its first member's definition.
      const node = byId.get(groupIds.get(id)?.members[0] ?? id);
      return node?.labelRange ? { start: node.idRange.start, end: node.labelRange.end } : node?.idRange;
    },
    edgeRange(index) {
      return model.edges[index]?.range;
    },
  };
}

/** Everything the preview needs to show `analysis` under `scenario`, or where the text stops being a diagram. */
export function previewContent(
  analysis: DiagramAnalysis,
  scenario: DiagramScenario = noFailures,
  layout: PreviewLayout = {},
): PreviewContent {
  const syntax = analysis.syntaxError;
  if (syntax) return { kind: 'error', message: syntax.message, range: syntax.range };
  return diagramContent(analysis, scenario, layout);
}
