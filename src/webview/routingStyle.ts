/**
 * Paints the resolver's answer onto the SVG mermaid drew: inline colours (see paint.ts), classes
 * for hover and small badges on existing elements, never a new layout, so a failure toggle leaves
 * every node where it was.
 */
import type { DiagramEdge, NodeAnnotation, RoutingAnnotation } from '../protocol/messages';
import type { ThemeKind } from '../routing/picture/palette';
import { failurePaint, slotPaint } from '../routing/picture/palette';
import type { DiagramIndex } from './diagramIndex';
import type { Paint } from './paint';
import { ensureReadableLabels, nodeShapes, paintNode, paintStyle, restoreAll } from './paint';

const svgNs = 'http://www.w3.org/2000/svg';

const routingClasses = [
  'ac-pop',
  'ac-client',
  'ac-as',
  'ac-withdrawn',
  'ac-failed',
  'ac-moved',
  'ac-unreachable',
  'ac-load-warn',
  'ac-load-over',
];

function clearRouting(g: SVGGElement): void {
  for (const name of [...g.classList]) {
    if (routingClasses.includes(name) || /^ac-c\d+$/.test(name)) g.classList.remove(name);
  }
  for (const badge of g.querySelectorAll(':scope > .ac-badge')) badge.remove();
}

/** A short word beside the node, placed from its box so that nothing else moves. */
function addBadge(g: SVGGElement, text: string, kind: string, color: string): void {
  const box = g.getBBox();
  const badge = document.createElementNS(svgNs, 'text');
  badge.setAttribute('class', `ac-badge ac-badge-${kind}`);
  badge.setAttribute('x', String(box.x + box.width));
  badge.setAttribute('y', String(box.y - 3));
  badge.setAttribute('text-anchor', 'end');
  // Inline and important, as paint.ts paints: an author's classDef reaches every shape inside the node.
  badge.setAttribute('style', `fill:${color} !important;font-size:11px;font-weight:700`);
  badge.textContent = text;
  g.appendChild(badge);
}

/** Wider strokes in high contrast, where outlines carry the picture. */
function strokeWidth(theme: ThemeKind, base: number): number {
  return theme.startsWith('hc-') ? base + 1 : base;
}

/** How a node with these routing facts is drawn in `theme`; undefined leaves the author's colours. */
export function nodePaint(node: NodeAnnotation, theme: ThemeKind): Paint | undefined {
  const failure = failurePaint(theme);
  if (node.withdrawn || node.failed) {
    const stroke = failure.failedStroke;
    return {
      fill: failure.failedFill,
      stroke,
      strokeWidth: strokeWidth(theme, 2),
      dash: '6 4',
      text: failure.failedText,
    };
  }
  if (node.unreachable) {
    const text = failure.unreachableText;
    return {
      fill: failure.unreachableFill,
      stroke: failure.alert,
      strokeWidth: strokeWidth(theme, 3),
      dash: '4 3',
      text,
    };
  }
  if (node.color === undefined || (node.role !== 'pop' && node.role !== 'client')) return undefined;
  const slot = slotPaint(node.color, theme);
  if (node.role === 'pop') {
    // Over capacity or above the threshold: a red or amber ring instead of the PoP's own stroke.
    const ring = node.load ? (node.load.level === 'over' ? failure.alert : failure.warn) : undefined;
    const width = strokeWidth(theme, ring ? 5 : 3.5);
    return { fill: slot.popFill, stroke: ring ?? slot.stroke, strokeWidth: width, text: slot.popText };
  }
  const dash = node.moved ? '8 3' : undefined;
  const paint = {
    fill: slot.clientFill,
    stroke: slot.stroke,
    strokeWidth: strokeWidth(theme, 2),
    text: slot.clientText,
  };
  return dash === undefined ? paint : { ...paint, dash };
}

function styleNode(g: SVGGElement, node: NodeAnnotation, theme: ThemeKind): void {
  if (node.role === 'pop' || node.role === 'client' || node.role === 'as') g.classList.add(`ac-${node.role}`);
  if (node.color !== undefined) g.classList.add(`ac-c${node.color}`);
  const paint = nodePaint(node, theme);
  if (paint) paintNode(g, paint);
  const failure = failurePaint(theme);
  if (node.withdrawn) {
    g.classList.add('ac-withdrawn');
    addBadge(g, 'withdrawn', 'withdrawn', failure.text);
  } else if (node.failed) {
    g.classList.add('ac-failed');
    addBadge(g, 'failed', 'failed', failure.text);
  }
  if (node.load && !node.withdrawn) {
    g.classList.add(`ac-load-${node.load.level}`);
    addBadge(g, node.load.badge, 'load', node.load.level === 'over' ? failure.alert : failure.warn);
  }
  if (node.unreachable) {
    g.classList.add('ac-unreachable');
    addBadge(g, 'no service', 'unreachable', failure.alert);
  } else if (node.moved) {
    g.classList.add('ac-moved');
    addBadge(g, 'moved', 'moved', failure.text);
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

/** A cross at the middle of a failed edge, so it reads as cut even where dashes are hard to see. */
function addCross(path: SVGPathElement, color: string, width: number): void {
  const length = path.getTotalLength();
  if (!(length > 0)) return;
  const { x, y } = path.getPointAtLength(length / 2);
  const cross = document.createElementNS(svgNs, 'path');
  const r = 6;
  cross.setAttribute('d', `M${x - r} ${y - r}L${x + r} ${y + r}M${x - r} ${y + r}L${x + r} ${y - r}`);
  cross.setAttribute('class', 'ac-cross');
  cross.setAttribute('style', `fill:none;stroke:${color};stroke-width:${width}`);
  path.after(cross);
}

function styleEdges(
  index: DiagramIndex,
  edges: readonly DiagramEdge[],
  routing: RoutingAnnotation,
  theme: ThemeKind,
): void {
  // Edges a client's traffic actually takes wear its PoP's colour, so a catchment reads as one colour.
  const routeColor = new Map<string, number>();
  for (const node of routing.nodes) {
    if (node.role !== 'client' || node.color === undefined || !node.path) continue;
    for (const step of pathSteps(node.path)) routeColor.set(step, node.color);
  }
  const failed = new Set(routing.failedEdges ?? []);
  const failure = failurePaint(theme);
  edges.forEach((edge, i) => {
    const drawn = index.edges.get(i);
    if (!drawn) return;
    if (failed.has(i)) {
      drawn.path.classList.add('ac-failed');
      paintStyle(drawn.path, { stroke: failure.failedStroke, 'stroke-dasharray': '6 4' });
      addCross(drawn.path, failure.alert, strokeWidth(theme, 2));
      return;
    }
    const color = routeColor.get(`${edge.from}\u0000${edge.to}`);
    if (color === undefined) return;
    drawn.path.classList.add('ac-route', `ac-c${color}`);
    paintStyle(drawn.path, { stroke: slotPaint(color, theme).stroke, 'stroke-width': `${strokeWidth(theme, 2.5)}px` });
  });
}

/** Replaces whatever routing styles the picture had with those of `routing`, drawn for `theme`. */
export function applyRouting(
  index: DiagramIndex,
  edges: readonly DiagramEdge[],
  routing: RoutingAnnotation,
  theme: ThemeKind,
  svg: SVGSVGElement,
): void {
  restoreAll(svg);
  for (const cross of svg.querySelectorAll('.ac-cross')) cross.remove();
  const byId = new Map(routing.nodes.map((n) => [n.id, n]));
  for (const [id, g] of index.nodes) {
    clearRouting(g);
    const node = byId.get(id);
    if (node) styleNode(g, node, theme);
  }
  for (const { path, label } of index.edges.values()) {
    for (const el of label ? [path, label] : [path]) {
      for (const name of [...el.classList]) if (name.startsWith('ac-')) el.classList.remove(name);
    }
  }
  styleEdges(index, edges, routing, theme);
  ensureReadableLabels(svg, theme);
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
  for (const g of index.nodes.values()) {
    g.classList.remove('ac-cursor');
    g.querySelector(':scope > .ac-cursor-ring')?.remove();
  }
  const g = nodeId === undefined ? undefined : index.nodes.get(nodeId);
  if (!g) return undefined;
  g.classList.add('ac-cursor');
  // A ring around the node rather than a restyled outline: the outline carries the routing colour.
  const box = (nodeShapes(g).stroke[0] as SVGGraphicsElement | undefined)?.getBBox() ?? g.getBBox();
  const ring = document.createElementNS(svgNs, 'rect');
  const gap = 5;
  ring.setAttribute('class', 'ac-cursor-ring');
  // Mermaid turns an author's classDef into `.pop rect { fill: … !important }`, which reaches this rect
  // too: only an inline important style keeps the ring hollow, so it never hides the node's label.
  ring.setAttribute('style', 'fill:none !important;stroke:var(--ac-focus) !important;stroke-width:3px !important');
  ring.setAttribute('x', String(box.x - gap));
  ring.setAttribute('y', String(box.y - gap));
  ring.setAttribute('width', String(box.width + 2 * gap));
  ring.setAttribute('height', String(box.height + 2 * gap));
  ring.setAttribute('rx', '4');
  g.appendChild(ring);
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
