/** Export in the other theme: the same mermaid layout drawn off screen, painted with the routing, made portable. Runs in the webview. */
import type { DiagramEdge, ExportBackground, RoutingAnnotation } from '../protocol/messages';
import { indexDiagram } from './diagramIndex';
import { portableSvg } from './portableSvg';
import { applyRouting } from './routingStyle';

export interface OffscreenTarget {
  /** Where the scratch copy goes: inside the canvas, so the preview's stylesheet paints it as it paints the screen. */
  readonly canvas: HTMLElement;
  /** Carries the theme attribute the stylesheet reads; restored afterwards. */
  readonly body: HTMLElement;
  readonly background: ExportBackground;
  readonly edges: readonly DiagramEdge[];
  readonly routing: RoutingAnnotation | undefined;
  /** Gives the SVG the size the preview gives its picture. */
  size(svg: SVGSVGElement): void;
}

/** The portable file of `svgText` (mermaid's SVG) painted with the routing on `target.background`. */
export function paintOffscreen(svgText: string, target: OffscreenTarget): string {
  const { body, background, edges, routing } = target;
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
    if (routing) applyRouting(indexDiagram(offscreen, edges), edges, routing);
    return portableSvg(offscreen, { background });
  } finally {
    if (previousTheme === undefined) delete body.dataset['acTheme'];
    else body.dataset['acTheme'] = previousTheme;
    scratch.remove();
  }
}
