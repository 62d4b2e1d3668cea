/** Export on a chosen background: the same mermaid layout repainted, or drawn off screen in the other theme, painted with the routing, made portable. Runs in the webview. */
import type { DiagramEdge, ExportBackground, RoutingAnnotation } from '../protocol/messages';
import type { MermaidRenderer, MermaidTheme } from './mermaidRenderer';
import type { EffectiveTheme } from './theme';
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

/** The diagram on screen and what the export needs of the preview around it. */
export interface ExportSource {
  readonly shown:
    | {
        readonly text: string;
        readonly theme: MermaidTheme;
        readonly index: DiagramIndex;
        readonly edges: readonly DiagramEdge[];
      }
    | undefined;
  readonly routing: RoutingAnnotation | undefined;
  /** The theme on screen. */
  readonly theme: EffectiveTheme;
  readonly maxEdges: number;
  readonly renderer: MermaidRenderer;
  readonly canvas: HTMLElement;
  readonly body: HTMLElement;
  size(svg: SVGSVGElement): void;
  /** Paints the screen again after the picture was repainted for the file. */
  restyle(): void;
  /** The off-screen layout is done: it may have superseded a preview layout still queued. */
  laidOut(): void;
}

/**
 * A light or dark background needs the picture drawn in that theme: when the screen shows the
 * other one, lay the same text out again off screen, paint the routing on it, and export that.
 */
export async function exportableSvg(
  svg: SVGSVGElement,
  background: ExportBackground,
  source: ExportSource,
): Promise<string> {
  const { shown, routing } = source;
  const wantedTheme: MermaidTheme | undefined =
    background === 'light' ? 'default' : background === 'dark' ? 'dark' : undefined;
  const theme: EffectiveTheme = background === 'light' || background === 'dark' ? background : source.theme;
  const legend = routing ? { routing, theme } : undefined;
  if (!shown || wantedTheme === undefined || wantedTheme === shown.theme) {
    if (!shown || !routing || theme === source.theme) return portableSvg(svg, { background, legend });
    const { index, edges } = shown;
    return repaintedSvg(svg, { index, edges, routing, theme, background }, () => source.restyle());
  }
  const outcome = await source.renderer.render({ text: shown.text, theme: wantedTheme, maxEdges: source.maxEdges });
  source.laidOut();
  if (outcome.kind !== 'done')
    throw new Error(outcome.kind === 'failed' ? outcome.message : 'The picture changed during the export; try again');
  const { canvas, body, size } = source;
  return paintOffscreen(outcome.svg, { canvas, body, background, edges: shown.edges, routing, theme, legend, size });
}
