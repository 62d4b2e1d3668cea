/**
 * Finds the SVG elements mermaid drew for each diagram node and edge, so restyling, clicks and
 * hovers work on the picture already on screen without laying it out again.
 */
import type { DiagramEdge } from '../protocol/messages';

export interface DiagramIndex {
  /** Mermaid node id → the node's `<g>`. */
  readonly nodes: ReadonlyMap<string, SVGGElement>;
  /** Edge index in document order → its path and, when labelled, its label group. */
  readonly edges: ReadonlyMap<number, { readonly path: SVGPathElement; readonly label?: SVGGElement }>;
  /** The reverse of `edges`, for clicks. */
  readonly edgeOfElement: WeakMap<Element, number>;
  readonly nodeOfElement: WeakMap<Element, string>;
}

/**
 * Mermaid names a node `<svgId>-flowchart-<nodeId>-<n>` (deterministicIds) and an edge
 * `L_<from>_<to>_<n>` or the author's own edge id; same-pair edges appear in document order.
 */
export function indexDiagram(svg: SVGSVGElement, edges: readonly DiagramEdge[]): DiagramIndex {
  const nodes = new Map<string, SVGGElement>();
  const nodeOfElement = new WeakMap<Element, string>();
  const nodePrefix = `${svg.id}-flowchart-`;
  for (const g of svg.querySelectorAll<SVGGElement>('g.node')) {
    if (!g.id.startsWith(nodePrefix)) continue;
    const id = g.id.slice(nodePrefix.length).replace(/-\d+$/, '');
    nodes.set(id, g);
    nodeOfElement.set(g, id);
  }

  const pathsById = new Map<string, SVGPathElement>();
  for (const path of svg.querySelectorAll<SVGPathElement>('path[data-edge="true"]')) {
    const id = path.dataset['id'];
    if (id !== undefined) pathsById.set(id, path);
  }
  const labelsById = new Map<string, SVGGElement>();
  for (const label of svg.querySelectorAll<SVGGElement>('g.edgeLabel g.label[data-id]')) {
    const id = label.dataset['id'];
    if (id !== undefined) labelsById.set(id, label);
  }

  const result = new Map<number, { path: SVGPathElement; label?: SVGGElement }>();
  const edgeOfElement = new WeakMap<Element, number>();
  const taken = new Set<string>();
  const remainingByPair = new Map<string, string[]>();
  for (const id of pathsById.keys()) {
    const match = /^L_(.*)_\d+$/.exec(id);
    if (!match?.[1]) continue;
    const list = remainingByPair.get(match[1]) ?? [];
    list.push(id);
    remainingByPair.set(match[1], list);
  }
  edges.forEach((edge, index) => {
    let id: string | undefined;
    if (edge.id !== undefined && pathsById.has(edge.id)) id = edge.id;
    else id = remainingByPair.get(`${edge.from}_${edge.to}`)?.find((candidate) => !taken.has(candidate));
    if (id === undefined) return;
    taken.add(id);
    const path = pathsById.get(id);
    if (!path) return;
    const label = labelsById.get(id);
    result.set(index, label ? { path, label } : { path });
    edgeOfElement.set(path, index);
    if (label) edgeOfElement.set(label, index);
  });
  return { nodes, edges: result, edgeOfElement, nodeOfElement };
}

/** What a pointer event is on: a node (by mermaid id) or an edge (by document index). */
export function targetOf(
  index: DiagramIndex,
  event: Event,
): { kind: 'node'; id: string } | { kind: 'edge'; index: number } | undefined {
  if (!(event.target instanceof Element)) return undefined;
  const node = event.target.closest('g.node');
  const nodeId = node ? index.nodeOfElement.get(node) : undefined;
  if (nodeId !== undefined) return { kind: 'node', id: nodeId };
  const edge = event.target.closest('path[data-edge="true"], g.edgeLabel g.label');
  const edgeIndex = edge ? index.edgeOfElement.get(edge) : undefined;
  if (edgeIndex !== undefined) return { kind: 'edge', index: edgeIndex };
  return undefined;
}
