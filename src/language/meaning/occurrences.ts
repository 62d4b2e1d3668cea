/**
 * A node may appear many times (defined once with a label, then referenced by id): this gathers its
 * occurrences into one draft, and the `e1@{ ... }` metadata written on edge ids.
 */
import type { AnalysisContext } from './context';
import type { NodeShape } from './model';
import type { MetadataEntry } from '../syntax/metadata';
import { readMetadata } from '../syntax/metadata';
import type { SyntaxNode } from '../syntax/flowchart';
import type { Span } from '../text';

/** Everything written about one node id, before it is given meaning. */
export interface Draft {
  readonly id: string;
  idSpan: Span;
  /** True once an occurrence with a label was seen: that one is the definition. */
  defined: boolean;
  readonly refs: Span[];
  label?: Span;
  labelQuoted: boolean;
  shape: NodeShape;
  readonly classes: Span[];
  metadataSpan?: Span;
  readonly metadata: MetadataEntry[];
  subgraph?: string;
}

/** The metadata written on an edge id, by that id. */
export type EdgeMetadata = Map<string, { span: Span; entries: MetadataEntry[] }>;

/** Reports the edge ids used twice and returns each id's first use. */
export function collectEdgeIds(cx: AnalysisContext): Map<string, Span> {
  const edgeIds = new Map<string, Span>();
  for (const e of cx.syntax.edges) {
    if (!e.id) continue;
    if (edgeIds.has(e.id.text))
      cx.report(e.id, 'error', 'duplicate-id', `Edge id '${e.id.text}' is already used by another edge`);
    else edgeIds.set(e.id.text, e.id);
  }
  return edgeIds;
}

/** One draft per node id in order of first appearance, and the metadata of edges by id. */
export function collectNodes(
  cx: AnalysisContext,
  edgeIds: ReadonlyMap<string, Span>,
  subgraphIds: ReadonlySet<string>,
): { drafts: Draft[]; edgeMetadata: EdgeMetadata } {
  const drafts = new Map<string, Draft>();
  const edgeMetadata: EdgeMetadata = new Map();
  const readMeta = (span: Span): MetadataEntry[] => {
    const { entries, errors } = readMetadata(cx.text, span);
    for (const e of errors) cx.report(e, 'error', 'metadata-syntax', `Metadata: ${e.message}`);
    return entries;
  };
  for (const occurrence of cx.syntax.nodes) {
    const id = occurrence.id.text;
    if (edgeIds.has(id)) {
      if (occurrence.alone && occurrence.metadata && !occurrence.label) {
        const previous = edgeMetadata.get(id);
        const entries = readMeta(occurrence.metadata);
        edgeMetadata.set(id, { span: occurrence.metadata, entries: [...(previous?.entries ?? []), ...entries] });
      } else {
        cx.report(occurrence.id, 'error', 'duplicate-id', `'${id}' is already an edge id; a node needs a different id`);
      }
      continue;
    }
    if (subgraphIds.has(id) && !occurrence.label && !occurrence.metadata) continue;
    let draft = drafts.get(id);
    if (!draft) {
      draft = newDraft(id, occurrence.id);
      drafts.set(id, draft);
    }
    mergeOccurrence(cx, draft, occurrence, readMeta);
  }
  addClassesAndReferences(cx, drafts);
  return { drafts: [...drafts.values()], edgeMetadata };
}

function newDraft(id: string, idSpan: Span): Draft {
  return { id, idSpan, defined: false, refs: [], labelQuoted: false, shape: 'none', classes: [], metadata: [] };
}

/** `class A,B pop` lines and the ids of `style` and `click` lines name nodes too. */
function addClassesAndReferences(cx: AnalysisContext, drafts: ReadonlyMap<string, Draft>): void {
  for (const assign of cx.syntax.classAssigns) {
    for (const idSpan of assign.ids) {
      const draft = drafts.get(idSpan.text);
      if (draft) {
        draft.refs.push(idSpan);
        draft.classes.push(assign.className);
      }
    }
  }
  for (const ref of cx.syntax.idReferences) drafts.get(ref.text)?.refs.push(ref);
}

function mergeOccurrence(
  cx: AnalysisContext,
  draft: Draft,
  occurrence: SyntaxNode,
  readMeta: (span: Span) => MetadataEntry[],
): void {
  draft.refs.push(occurrence.id);
  if (occurrence.label) {
    if (draft.label && draft.label.text !== occurrence.label.text) {
      cx.report(
        occurrence.label,
        'warning',
        'redefined-node',
        `Node '${draft.id}' was already given the label '${draft.label.text}'; mermaid shows this later one`,
      );
    }
    draft.label = occurrence.label;
    draft.labelQuoted = occurrence.labelQuoted;
    draft.shape = occurrence.shape;
    if (!draft.defined) {
      draft.idSpan = occurrence.id;
      draft.defined = true;
    }
  } else if (occurrence.shape === 'metadata' && draft.shape === 'none') {
    draft.shape = 'metadata';
  }
  if (occurrence.metadata) {
    draft.metadataSpan = occurrence.metadata;
    draft.metadata.push(...readMeta(occurrence.metadata));
  }
  draft.classes.push(...occurrence.classes);
  if (draft.subgraph === undefined && occurrence.subgraph !== undefined) draft.subgraph = occurrence.subgraph;
}
