/** Export in the other theme: the same mermaid layout drawn off screen, painted with the routing, made portable. Runs in the webview. */
import type { DiagramEdge, ExportBackground, RoutingAnnotation } from '../protocol/messages';
import type { ThemeKind } from '../routing/picture/palette';
import type { DiagramIndex } from './diagramIndex';
import { indexDiagram } from './diagramIndex';
import { portableSvg } from './portableSvg';
import type { SvgLegendInput } from './svgLegend';
import { applyRouting } from './routingStyle';

export interface OffscreenTarget {
  /** Where the scratch copy goes: inside the canvas, so the preview's stylesheet paints it as it paints the screen. */
  readonly canvas: HTMLElement;
  /** Carries the theme attribute the stylesheet reads; restored afterwards. */
  readonly body: HTMLElement;
  readonly background: ExportBackground;
  readonly edges: readonly DiagramEdge[];
  readonly routing: RoutingAnnotation | undefined;
  /** The palette the file is painted in. */
  readonly theme: ThemeKind;
  readonly legend: SvgLegendInput | undefined;
  /** Gives the SVG the size the preview gives its picture. */
  size(svg: SVGSVGElement): void;
}

/** The portable file of `svgText` (mermaid's SVG) painted with the routing on `target.background`. */
export function paintOffscreen(svgText: string, target: OffscreenTarget): string {
  const { body, background, edges, routing, theme, legend } = target;
  const scratch = document.createElement('div');
  scratch.style.position = 'absolute';
  scratch.style.visibility = 'hidden';
  scratch.setAttribute('aria-hidden', 'true');
  target.canvas.appendChild(scratch);
  const previousTheme = body.dataset['acTheme'];
  try {
    scratch.innerHTML = svgText;
    const offscreen = scratch.querySelector('svg');
    if (!offscreen) throw new Error('Mermaid drew no SVG');
    target.size(offscreen);
    body.dataset['acTheme'] = background;
    if (routing) applyRouting(indexDiagram(offscreen, edges), edges, routing, theme, offscreen);
    return portableSvg(offscreen, { background, legend });
  } finally {
    if (previousTheme === undefined) delete body.dataset['acTheme'];
    else body.dataset['acTheme'] = previousTheme;
    scratch.remove();
  }
}

export interface Repaint {
  readonly index: DiagramIndex;
  readonly edges: readonly DiagramEdge[];
  readonly routing: RoutingAnnotation;
  readonly theme: ThemeKind;
  readonly background: ExportBackground;
}

/**
 * Export in the other palette of the same layout (a high-contrast preview exported light or dark):
 * the picture on screen repainted for the file, then `restore` paints the screen again.
 */
export function repaintedSvg(svg: SVGSVGElement, paint: Repaint, restore: () => void): string {
  applyRouting(paint.index, paint.edges, paint.routing, paint.theme, svg);
  try {
    return portableSvg(svg, { background: paint.background, legend: { routing: paint.routing, theme: paint.theme } });
  } finally {
    restore();
  }
}
