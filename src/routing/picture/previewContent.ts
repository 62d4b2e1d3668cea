/**
 * A document's text and a what-if scenario in, everything the preview and `anycast mermaid` show
 * out: parse, build the engine topology and resolve once per edit (`analyzeDocument`), then per
 * what-if resolve again and annotate (`diagramContent`). Pure and deterministic.
 */
import type { Resolution } from '../../engine/index';
import { resolve } from '../../engine/index';
import type { RoutingAnnotation } from './annotate';
import { annotateRouting } from './annotate';
import { defaultGroupClientsAbove, groupClients, routingWithGroups } from './clientGroups';
import { parseDocument } from '../../language/index';
import type { ParsedDocument } from '../../language/index';
import type { DocumentModel } from '../../language/meaning/model';
import type { TopologyBuild } from '../topology';
import { toTopology } from '../topology';
import type { Diagnostic, Position, Range } from '../../language/types';

export interface PreviewScenario {
  /** PoP node ids to fail. */
  readonly failedPops?: readonly string[];
  /** Engine session ids and ASNs to fail too (the editor's simulation of links and ASes). */
  readonly failedSessions?: readonly string[];
  readonly failedAses?: readonly number[];
  /** The simulation's own one-line summary, when it says more than the failed PoPs (links, ASes). */
  readonly headline?: string;
}

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

/** Diagnostics that mean the text is not a diagram yet (as opposed to a diagram with a problem). */
export function isSyntaxError(diagnostic: Diagnostic): boolean {
  if (diagnostic.severity !== 'error') return false;
  const code = diagnostic.code;
  return (
    code === 'syntax' ||
    code === 'missing-header' ||
    code === 'label-needs-quotes' ||
    code === 'unmatched-end' ||
    code.startsWith('unclosed-') ||
    code.startsWith('yaml')
  );
}

function contains(range: Range | undefined, p: Position): boolean {
  if (!range) return false;
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/**
 * A parsed document with its engine topology and its resolution with nothing failed: everything
 * that depends on the text alone, computed once per edit. A what-if then costs one resolve.
 */
export interface DocumentAnalysis {
  readonly text: string;
  readonly model: DocumentModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly topology: TopologyBuild['topology'];
  readonly nodeOf: (engineId: string) => string | undefined;
  readonly baseline: Resolution;
}

/** Parses (or takes the shared parse of) `text` and resolves it, or says where it stops being a diagram. */
export function analyzeDocument(
  text: string,
  parsed: ParsedDocument = parseDocument(text),
): DocumentAnalysis | SyntaxErrorContent {
  const { model, diagnostics } = parsed;
  const syntax = diagnostics.find(isSyntaxError);
  if (syntax) return { kind: 'error', message: syntax.message, range: syntax.range };
  const { topology, mapping } = toTopology(model);
  const nodeIds = new Set(model.nodes.map((n) => n.id));
  const nodeOf = (engineId: string): string | undefined => {
    if (Object.prototype.hasOwnProperty.call(mapping.routerNode, engineId)) return mapping.routerNode[engineId];
    return nodeIds.has(engineId) ? engineId : undefined;
  };
  return { text, model, diagnostics, topology, nodeOf, baseline: resolve(topology, {}) };
}

/** How the preview lays a diagram out, from the user's settings. */
export interface PreviewLayout {
  /** Above this many groupable clients, clients are drawn as one node per access AS (see annotateGroup.ts). */
  readonly groupClientsAbove?: number;
}

/** What the preview paints for `analysis` under `scenario`: the resolver's answer on the diagram. */
export function routingFor(analysis: DocumentAnalysis, scenario: PreviewScenario = {}): RoutingAnnotation {
  const origins = new Set(analysis.topology.origins.map((o) => o.id));
  const failedPops = (scenario.failedPops ?? []).filter((p) => origins.has(p));
  const { model, nodeOf, baseline } = analysis;
  const failedSessions = scenario.failedSessions ?? [];
  const failedAses = scenario.failedAses ?? [];
  const annotated =
    failedPops.length === 0 && failedSessions.length === 0 && failedAses.length === 0
      ? annotateRouting(model, { resolution: baseline, nodeOf })
      : annotateRouting(model, {
          resolution: resolve(analysis.topology, { failedPops, failedSessions, failedAses }),
          baseline,
          failedPops,
          nodeOf,
        });
  const routing = scenario.headline ? { ...annotated, headline: scenario.headline } : annotated;
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  const problem = [
    routing.problem,
    firstError ? `${firstError.message} (line ${firstError.range.start.line + 1})` : undefined,
  ]
    .filter((p) => p !== undefined)
    .join('\n');
  return problem ? { ...routing, problem } : routing;
}

/** The preview's view of an analysed document under `scenario`. */
export function diagramContent(
  analysis: DocumentAnalysis,
  scenario: PreviewScenario = {},
  layout: PreviewLayout = {},
): DiagramContent {
  const { model } = analysis;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const grouping = groupClients(analysis.text, model, layout.groupClientsAbove ?? defaultGroupClientsAbove);
  const routing = routingFor(analysis, scenario);
  const groupIds = new Map(grouping?.groups.map((g) => [g.id, g]));
  return {
    kind: 'diagram',
    model,
    mermaidText: grouping?.text ?? analysis.text,
    routing: grouping ? routingWithGroups(routing, grouping) : routing,
    edges: model.edges.map((e) =>
      e.id === undefined ? { from: e.from, to: e.to } : { from: e.from, to: e.to, id: e.id },
    ),
    nodeAt(position) {
      for (const node of model.nodes) {
        if (
          contains(node.labelRange, position) ||
          contains(node.metadataRange, position) ||
          node.references.some((r) => contains(r, position))
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

/** Everything the preview needs to show `text` under `scenario`. */
export function previewDocument(
  text: string,
  scenario: PreviewScenario = {},
  layout: PreviewLayout = {},
): PreviewContent {
  const analysis = analyzeDocument(text);
  return 'kind' in analysis ? analysis : diagramContent(analysis, scenario, layout);
}
