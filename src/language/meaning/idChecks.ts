/**
 * Checks on ids once every node is known: references that name nothing, `linkStyle` indexes beyond
 * the edges (mermaid refuses those), and subgraph ids used twice.
 */
import type { AnalysisContext } from './context';
import type { NodeModel } from './model';
import type { Span } from '../text';

export function checkReferences(
  cx: AnalysisContext,
  byId: ReadonlyMap<string, NodeModel>,
  edgeIds: ReadonlyMap<string, Span>,
  subgraphIds: ReadonlySet<string>,
): void {
  const known = (id: string): boolean => byId.has(id) || edgeIds.has(id) || subgraphIds.has(id);
  const refs = [...cx.syntax.idReferences, ...cx.syntax.classAssigns.flatMap((c) => c.ids)];
  for (const ref of refs) {
    if (!known(ref.text))
      cx.report(
        ref,
        'warning',
        'unknown-id',
        `No node, edge or subgraph has the id '${ref.text}'`,
        cx.suggest(ref.text, byId.keys()),
      );
  }
  checkLinkStyleIndexes(cx);
  const subgraphSeen = new Set<string>();
  for (const s of cx.syntax.subgraphs) {
    if (subgraphSeen.has(s.id.text))
      cx.report(s.id, 'error', 'duplicate-id', `Subgraph id '${s.id.text}' is used twice`);
    subgraphSeen.add(s.id.text);
  }
}

function checkLinkStyleIndexes(cx: AnalysisContext): void {
  const edgeCount = cx.syntax.edges.length;
  for (const ls of cx.syntax.linkStyles) {
    for (const index of ls.indexes) {
      const n = Number(index.text);
      if (!Number.isInteger(n) || n < 0 || n >= edgeCount) {
        cx.report(
          index,
          'error',
          'unknown-edge-index',
          `linkStyle ${index.text}: the diagram has ${edgeCount} edge${edgeCount === 1 ? '' : 's'}, numbered 0 to ${edgeCount - 1}; mermaid refuses to render this`,
        );
      }
    }
  }
}
