/**
 * From syntax to meaning: builds the DocumentModel (roles, ASNs, locations, prefixes, sessions and
 * policy, each fact with its source and range) and the diagnostics about it. Pure and linear apart
 * from "did you mean" suggestions, which are computed for a bounded number of problems.
 *
 * The steps, in order: front matter, node drafts, node meaning, id checks, edge meaning, the
 * service address and prefix, defaults, then the whole-graph checks.
 */
import { AnalysisContext } from './context';
import { fillDefaults } from './defaults';
import { checkFarSessions } from './distanceChecks';
import { buildEdge } from './edges';
import { readFrontMatter } from './frontMatter';
import { checkProviderCycles, checkReachability } from './graphChecks';
import { checkReferences } from './idChecks';
import { mermaidLimitDiagnostics } from './mermaidLimits';
import type { Direction, DocumentModel, DocumentSettings, EdgeModel, NodeModel, SubgraphModel } from './model';
import { checkLoadFacts } from './loadFacts';
import { buildNode } from './nodes';
import { reportIgnoredRendererSettings } from './rendererSettings';
import { collectEdgeIds, collectNodes } from './occurrences';
import { checkPrefixes, inferService, inferServicePrefix } from './service';
import { parseSyntax } from '../syntax/flowchart';
import type { Diagnostic } from '../types';
import { compareRanges } from '../types';

/**
 * Line ends as editors and mermaid count them: `\r\n` and a lone `\r` end a line as `\n` does.
 * Each line keeps its characters, so positions read on this text are the editor's, and no range
 * or message ever holds a `\r`.
 */
function withNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Parses and analyses a whole document text. */
export function analyzeDocument(source: string): { model: DocumentModel; diagnostics: Diagnostic[] } {
  const text = withNewlines(source);
  const cx = new AnalysisContext(text, parseSyntax(text));
  for (const e of cx.syntax.errors) cx.report(e, 'error', e.code, e.message, e.suggestions);
  const settings = readFrontMatter(cx);
  reportIgnoredRendererSettings(cx);
  const edgeIds = collectEdgeIds(cx);
  const subgraphIds = new Set(cx.syntax.subgraphs.map((s) => s.id.text));
  const { drafts, edgeMetadata } = collectNodes(cx, edgeIds, subgraphIds);
  const nodes = drafts.map((d) => buildNode(cx, d, settings));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  checkReferences(cx, byId, edgeIds, subgraphIds);
  const edges = cx.syntax.edges.map((e, index) => buildEdge(cx, e, index, byId, edgeMetadata));
  const implicitTransit = !edges.some((e) => e.meaning.kind === 'session');
  const finalSettings = inferServicePrefix(cx, nodes, inferService(cx, nodes, settings));
  fillDefaults(cx, nodes, edges, implicitTransit);
  checkPrefixes(cx, nodes, finalSettings);
  checkLoadFacts(cx, nodes, finalSettings);
  checkProviderCycles(cx, nodes, edges);
  checkFarSessions(cx, nodes, edges);
  checkReachability(cx, nodes, edges, implicitTransit, cx.announceWritten);
  for (const i of cx.inferred)
    cx.diagnostics.push({ range: i.range, severity: 'hint', code: 'inferred', message: i.message });
  const model = assembleModel(cx, finalSettings, nodes, edges, implicitTransit);
  cx.diagnostics.push(...mermaidLimitDiagnostics(text, model));
  cx.diagnostics.sort((a, b) => compareRanges(a.range, b.range));
  return { model, diagnostics: cx.diagnostics };
}

function assembleModel(
  cx: AnalysisContext,
  settings: DocumentSettings,
  nodes: readonly NodeModel[],
  edges: readonly EdgeModel[],
  implicitTransit: boolean,
): DocumentModel {
  const { syntax, lines } = cx;
  const header = syntax.header;
  const dir = header?.direction?.text;
  const direction: Direction | undefined =
    dir === 'TD' || dir === 'TB' || dir === 'BT' || dir === 'LR' || dir === 'RL' ? dir : undefined;
  const subgraphs: SubgraphModel[] = syntax.subgraphs.map((s) => ({
    id: s.id.text,
    idRange: cx.range(s.id),
    title: s.title.text,
    range: lines.range(s.start, s.end),
    ...(s.parent !== undefined ? { parent: s.parent } : {}),
  }));
  return {
    ...(direction ? { direction } : {}),
    ...(header ? { headerRange: lines.range(header.keyword.start, header.direction?.end ?? header.keyword.end) } : {}),
    ...(syntax.frontMatter
      ? { frontMatterRange: lines.range(0, syntax.frontMatterEnd ?? syntax.frontMatter.end) }
      : {}),
    settings,
    nodes,
    edges,
    subgraphs,
    classDefs: syntax.classDefs.flatMap((c) => c.names.map((n) => ({ name: n.text, range: cx.range(n) }))),
    implicitTransit,
    inferred: cx.inferred,
  };
}
