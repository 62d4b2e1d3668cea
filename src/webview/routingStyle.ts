/**
 * Paints the resolver's answer onto the SVG mermaid drew: classes and small badges on existing
 * elements, never a new layout, so a failure toggle leaves every node where it was.
 */
import type { DiagramEdge, NodeAnnotation, RoutingAnnotation } from '../protocol/messages';
import { paletteSize } from '../routing/picture/routingAnnotation';
import type { DiagramIndex } from './diagramIndex';

const svgNs = 'http://www.w3.org/2000/svg';

const routingClasses = ['ac-pop', 'ac-client', 'ac-as', 'ac-withdrawn', 'ac-moved', 'ac-unreachable'];

function colorClass(color: number): string {
  return `ac-c${color % paletteSize}`;
}

function clearRouting(g: SVGGElement): void {
  for (const name of [...g.classList]) {
    if (routingClasses.includes(name) || /^ac-c\d+$/.test(name)) g.classList.remove(name);
  }
  for (const badge of g.querySelectorAll(':scope > .ac-badge')) badge.remove();
}

/** A short word beside the node, placed from its box so that nothing else moves. */
function addBadge(g: SVGGElement, text: string, kind: string): void {
  const box = g.getBBox();
  const badge = document.createElementNS(svgNs, 'text');
  badge.setAttribute('class', `ac-badge ac-badge-${kind}`);
  badge.setAttribute('x', String(box.x + box.width));
  badge.setAttribute('y', String(box.y - 3));
  badge.setAttribute('text-anchor', 'end');
  badge.textContent = text;
  g.appendChild(badge);
}

function styleNode(g: SVGGElement, node: NodeAnnotation): void {
  if (node.role === 'pop' || node.role === 'client' || node.role === 'as') g.classList.add(`ac-${node.role}`);
  if (node.color !== undefined) g.classList.add(colorClass(node.color));
  if (node.withdrawn) {
    g.classList.add('ac-withdrawn');
    addBadge(g, 'withdrawn', 'withdrawn');
  }
  if (node.unreachable) {
    g.classList.add('ac-unreachable');
    addBadge(g, 'no route', 'unreachable');
  } else if (node.moved) {
    g.classList.add('ac-moved');
    addBadge(g, 'moved', 'moved');
  }
}

/** Keys of the diagram edges joining consecutive nodes of `path`, in either direction. */
function pathSteps(path: readonly string[]): Set<string> {
  const steps = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) {
    steps.add(`${path[i]}\u0000${path[i + 1]}`);
    steps.add(`${path[i + 1]}\u0000${path[i]}`);
  }
  return steps;
}

/** Replaces whatever routing styles the picture had with those of `routing`. */
export function applyRouting(index: DiagramIndex, edges: readonly DiagramEdge[], routing: RoutingAnnotation): void {
  const byId = new Map(routing.nodes.map((n) => [n.id, n]));
  for (const [id, g] of index.nodes) {
    clearRouting(g);
    const node = byId.get(id);
    if (node) styleNode(g, node);
  }
  for (const { path, label } of index.edges.values()) {
    for (const el of label ? [path, label] : [path]) {
      for (const name of [...el.classList]) if (name.startsWith('ac-')) el.classList.remove(name);
    }
  }
  // Edges a client's traffic actually takes wear its PoP's colour, so a catchment reads as one colour.
  const routeColor = new Map<string, number>();
  for (const node of routing.nodes) {
    if (node.role !== 'client' || node.color === undefined || !node.path) continue;
    for (const step of pathSteps(node.path)) routeColor.set(step, node.color);
  }
  edges.forEach((edge, i) => {
    const color = routeColor.get(`${edge.from}\u0000${edge.to}`);
    const drawn = index.edges.get(i);
    if (color === undefined || !drawn) return;
    drawn.path.classList.add('ac-route', colorClass(color));
  });
}

/**
 * Emphasises a client's path (nodes and the diagram edges joining consecutive path nodes) and dims
 * the rest; `undefined` clears it.
 */
export function showPath(
  index: DiagramIndex,
  edges: readonly DiagramEdge[],
  svg: SVGSVGElement,
  path: readonly string[] | undefined,
): void {
  for (const el of svg.querySelectorAll('.ac-on-path')) el.classList.remove('ac-on-path');
  svg.classList.toggle('ac-path-shown', path !== undefined && path.length > 0);
  if (!path || path.length === 0) return;
  const onPath = new Set(path);
  for (const id of onPath) index.nodes.get(id)?.classList.add('ac-on-path');
  const steps = pathSteps(path);
  edges.forEach((edge, i) => {
    if (!steps.has(`${edge.from}\u0000${edge.to}`)) return;
    const drawn = index.edges.get(i);
    drawn?.path.classList.add('ac-on-path');
    drawn?.label?.classList.add('ac-on-path');
  });
}

/** Marks the node the cursor is on in the source; `undefined` clears the mark. */
export function showCursor(index: DiagramIndex, nodeId: string | undefined): SVGGElement | undefined {
  for (const g of index.nodes.values()) g.classList.remove('ac-cursor');
  const g = nodeId === undefined ? undefined : index.nodes.get(nodeId);
  g?.classList.add('ac-cursor');
  return g;
}

/** Emphasises one PoP's catchment (legend hover); `undefined` clears it. */
export function showCatchment(
  index: DiagramIndex,
  routing: RoutingAnnotation,
  svg: SVGSVGElement,
  pop: string | undefined,
): void {
  for (const el of svg.querySelectorAll('.ac-in-catchment')) el.classList.remove('ac-in-catchment');
  svg.classList.toggle('ac-catchment-shown', pop !== undefined);
  if (pop === undefined) return;
  for (const node of routing.nodes) {
    if (node.id === pop || node.pop === pop) index.nodes.get(node.id)?.classList.add('ac-in-catchment');
  }
}
