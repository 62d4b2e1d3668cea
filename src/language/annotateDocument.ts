/**
 * A document's text and a what-if scenario in, everything the preview and `anycast mermaid` show
 * out: parse, build the engine topology, resolve (and resolve again with nothing failed to see
 * what moved), annotate. Pure and deterministic.
 */
import type { Resolution } from '../engine/index';
import { resolve } from '../engine/index';
import type { RoutingAnnotation } from './annotate';
import { annotateRouting } from './annotate';
import { parseDocument } from './index';
import type { DocumentModel } from './model';
import { toTopology } from './topology';
import type { Diagnostic, Position, Range } from './types';

export interface PreviewScenario {
  /** PoP node ids to fail. */
  readonly failedPops?: readonly string[];
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
  return code === 'syntax' || code === 'missing-header' || code === 'label-needs-quotes' || code === 'unmatched-end' || code.startsWith('unclosed-') || code.startsWith('yaml');
}

function contains(range: Range | undefined, p: Position): boolean {
  if (!range) return false;
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Resolves the model under `scenario`; the baseline (nothing failed) only when something failed. */
function resolveModel(model: DocumentModel, scenario: PreviewScenario): { routing: RoutingAnnotation } {
  const { topology, mapping } = toTopology(model);
  const nodeIds = new Set(model.nodes.map((n) => n.id));
  const nodeOf = (engineId: string): string | undefined => {
    if (Object.prototype.hasOwnProperty.call(mapping.routerNode, engineId)) return mapping.routerNode[engineId];
    return nodeIds.has(engineId) ? engineId : undefined;
  };
  const origins = new Set(topology.origins.map((o) => o.id));
  const failedPops = (scenario.failedPops ?? []).filter((p) => origins.has(p));
  const resolution: Resolution = resolve(topology, { failedPops });
  const baseline = failedPops.length > 0 ? resolve(topology, {}) : undefined;
  return { routing: annotateRouting(model, { resolution, ...(baseline ? { baseline } : {}), failedPops, nodeOf }) };
}

/** Everything the preview needs to show `text` under `scenario`. */
export function previewDocument(text: string, scenario: PreviewScenario = {}): PreviewContent {
  const { model, diagnostics } = parseDocument(text);
  const syntax = diagnostics.find(isSyntaxError);
  if (syntax) return { kind: 'error', message: syntax.message, range: syntax.range };
  const { routing } = resolveModel(model, scenario);
  const firstError = diagnostics.find((d) => d.severity === 'error');
  const problem = [routing.problem, firstError ? `${firstError.message} (line ${firstError.range.start.line + 1})` : undefined].filter((p) => p !== undefined).join('\n');
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  return {
    kind: 'diagram',
    model,
    mermaidText: text,
    routing: problem ? { ...routing, problem } : routing,
    edges: model.edges.map((e) => (e.id === undefined ? { from: e.from, to: e.to } : { from: e.from, to: e.to, id: e.id })),
    nodeAt(position) {
      for (const node of model.nodes) {
        if (contains(node.labelRange, position) || contains(node.metadataRange, position) || node.references.some((r) => contains(r, position))) return node.id;
      }
      return undefined;
    },
    nodeRange(id) {
      const node = byId.get(id);
      return node?.labelRange ? { start: node.idRange.start, end: node.labelRange.end } : node?.idRange;
    },
    edgeRange(index) {
      return model.edges[index]?.range;
    },
  };
}
