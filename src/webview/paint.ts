/**
 * Paints colours onto mermaid's SVG as inline `!important` styles. Mermaid writes an author's
 * classDef as an inline `style="fill:… !important"` on the shape, which no stylesheet can beat, so
 * the routing is written the same way, after the author's declarations; the author's own style is
 * kept aside and put back when the routing no longer says anything about the element. Inline
 * styles also travel into exported files unchanged.
 */
import type { ThemeKind } from '../routing/picture/palette';
import { contrastRatio, failurePaint, parseColor, readableText } from '../routing/picture/palette';

const authorStyle = 'data-ac-author-style';

/** What to draw on one node or edge. */
export interface Paint {
  readonly fill?: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  readonly dash?: string;
  /** Label colour. */
  readonly text?: string;
}

/** Puts back the style the element had before we painted it. */
export function restoreStyle(el: Element): void {
  const saved = el.getAttribute(authorStyle);
  if (saved === null) return;
  if (saved === '') el.removeAttribute('style');
  else el.setAttribute('style', saved);
  el.removeAttribute(authorStyle);
}

/** Appends `declarations` (each made `!important`) to the element's own style, remembering the original. */
export function paintStyle(el: Element, declarations: Readonly<Record<string, string | undefined>>): void {
  if (!el.hasAttribute(authorStyle)) el.setAttribute(authorStyle, el.getAttribute('style') ?? '');
  // Appended to what is there: restoreAll runs before a repaint, so this is the author's style plus ours.
  const own = el.getAttribute('style') ?? '';
  const added = Object.entries(declarations)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([property, value]) => `${property}:${value} !important`);
  el.setAttribute('style', [own.replace(/;\s*$/, ''), ...added].filter((part) => part !== '').join(';'));
}

/** The elements that draw a node's outline and fill: mermaid's `label-container`, a shape or a group of paths. */
export function nodeShapes(g: SVGGElement): { fill: Element[]; stroke: Element[] } {
  const single = g.querySelector(':scope > .label-container:not(g)');
  if (single) return { fill: [single], stroke: [single] };
  const paths = [...g.querySelectorAll(':scope > g.label-container > path')];
  if (paths.length === 0) return { fill: [], stroke: [] };
  return { fill: [paths[0]!], stroke: [paths[paths.length - 1]!] };
}

/** Restores every painted element under `root`. */
export function restoreAll(root: Element): void {
  for (const el of root.querySelectorAll(`[${authorStyle}]`)) restoreStyle(el);
}

/** Paints a node's shape and label. */
export function paintNode(g: SVGGElement, paint: Paint): void {
  const { fill, stroke } = nodeShapes(g);
  for (const el of fill) paintStyle(el, { fill: paint.fill });
  for (const el of stroke)
    paintStyle(el, {
      stroke: paint.stroke,
      'stroke-width': paint.strokeWidth === undefined ? undefined : `${paint.strokeWidth}px`,
      'stroke-dasharray': paint.dash,
    });
  if (paint.text !== undefined)
    for (const text of g.querySelectorAll('.label text, .label tspan')) paintStyle(text, { fill: paint.text });
}

/** The colour an element is filled with, or undefined when none or not a plain colour. */
function solidFill(el: Element | null, fallback: string): string {
  if (!el) return fallback;
  const style = getComputedStyle(el);
  const rgb = parseColor(style.fill);
  if (!rgb || (style.fill.startsWith('rgba') && /,\s*0(\.0*)?\)$/.test(style.fill))) return fallback;
  return `rgb(${rgb.join(', ')})`;
}

function fixTexts(texts: Iterable<Element>, background: string): void {
  for (const text of texts) {
    const color = getComputedStyle(text).fill;
    if (parseColor(color) && contrastRatio(color, background) >= 4.5) continue;
    paintStyle(text, { fill: readableText(background) });
  }
}

/**
 * Gives every label that the author's or mermaid's colours left unreadable (below WCAG AA 4.5:1 on
 * the fill behind it) near black or white instead: node labels on their shape, edge labels on their
 * background, subgraph titles on the subgraph box.
 */
export function ensureReadableLabels(svg: SVGSVGElement, theme: ThemeKind): void {
  const background = failurePaint(theme).background;
  for (const g of svg.querySelectorAll<SVGGElement>('g.node')) {
    fixTexts(g.querySelectorAll('.label text'), solidFill(nodeShapes(g).fill[0] ?? null, background));
  }
  for (const label of svg.querySelectorAll('g.edgeLabel')) {
    fixTexts(label.querySelectorAll('text'), solidFill(label.querySelector('rect.background, rect'), background));
  }
  for (const cluster of svg.querySelectorAll('g.cluster')) {
    fixTexts(
      cluster.querySelectorAll('.cluster-label text'),
      solidFill(cluster.querySelector(':scope > rect'), background),
    );
  }
}
