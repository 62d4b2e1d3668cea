/** The preview page's fixed parts: toolbar, problem line, canvas, legend and tooltip. Runs in the webview. */
import type { PanZoom } from './panZoom';

export interface Elements {
  readonly toolbar: HTMLElement;
  readonly headline: HTMLElement;
  readonly problem: HTMLElement;
  readonly viewport: HTMLElement;
  readonly canvas: HTMLElement;
  readonly placeholder: HTMLElement;
  readonly legend: HTMLElement;
  readonly tooltip: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  id: string,
  parent: HTMLElement,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.id = id;
  parent.appendChild(el);
  return el;
}

export function buildPage(body: HTMLElement): Elements {
  const toolbar = element('div', 'ac-toolbar', body);
  const headline = element('span', 'ac-headline', toolbar);
  const problem = element('div', 'ac-problem', body);
  problem.setAttribute('role', 'alert');
  problem.hidden = true;
  const main = element('div', 'ac-main', body);
  const viewport = element('div', 'ac-viewport', main);
  const canvas = element('div', 'ac-canvas', viewport);
  const placeholder = element('div', 'ac-placeholder', viewport);
  placeholder.textContent = 'Waiting for a diagram…';
  const legend = element('aside', 'ac-legend', main);
  legend.hidden = true;
  const tooltip = element('div', 'ac-tooltip', body);
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  return { toolbar, headline, problem, viewport, canvas, placeholder, legend, tooltip };
}

/** Fit and zoom buttons at the start of the toolbar. */
export function addZoomButtons(toolbar: HTMLElement, panZoom: PanZoom): void {
  const buttons: [string, string, () => void][] = [
    ['Fit', 'Fit the diagram to the window', () => panZoom.fit()],
    ['−', 'Zoom out', () => panZoom.zoomOut()],
    ['+', 'Zoom in', () => panZoom.zoomIn()],
    ['1:1', 'Reset zoom', () => panZoom.reset()],
  ];
  const group = document.createElement('span');
  group.className = 'ac-buttons';
  for (const [label, title, action] of buttons) {
    const button = document.createElement('button');
    button.textContent = label;
    button.title = title;
    button.setAttribute('aria-label', title);
    button.addEventListener('click', action);
    group.appendChild(button);
  }
  toolbar.prepend(group);
}

/** Shows `lines` in the tooltip beside the pointer, kept inside the window; hides it when there are none. */
export function showTooltip(
  tooltip: HTMLElement,
  lines: readonly string[] | undefined,
  event: PointerEvent | undefined,
): void {
  if (!lines || lines.length === 0 || !event) {
    tooltip.hidden = true;
    return;
  }
  tooltip.replaceChildren(
    ...lines.map((line) => {
      const div = document.createElement('div');
      div.textContent = line;
      return div;
    }),
  );
  tooltip.hidden = false;
  const margin = 12;
  const width = tooltip.offsetWidth;
  const height = tooltip.offsetHeight;
  const x = Math.min(event.clientX + margin, window.innerWidth - width - 4);
  const y =
    event.clientY + margin + height > window.innerHeight ? event.clientY - height - margin : event.clientY + margin;
  tooltip.style.left = `${Math.max(4, x)}px`;
  tooltip.style.top = `${Math.max(4, y)}px`;
}

/** Mermaid's SVG sizes itself to its container; the pan/zoom transform needs its natural size. */
export function sizeSvg(svg: SVGSVGElement): void {
  const box = svg.viewBox.baseVal;
  svg.removeAttribute('style');
  svg.setAttribute('width', String(Math.ceil(box.width)));
  svg.setAttribute('height', String(Math.ceil(box.height)));
}
