/**
 * The map on screen as a standalone SVG file: what the user sees (zoom included), with every style
 * written onto its element, strokes that VS Code keeps thin at any zoom written at their true width,
 * counter-scaled markers as plain transforms, an explicit size, a background, a generic font, no
 * <foreignObject>, and the legend drawn beside it in SVG. Opens in browsers, resvg, Inkscape.
 */
import type { ExportBackground } from '../../protocol/messages';
import type { MapScene } from '../../routing/map/mapScene';
import { diagramFont as exportFont } from '../mermaidRenderer';
import { backgroundColors, legacyColor } from '../portableSvg';
import { drawLegend, legendWidth } from './mapExportLegend';
import { svgElement, svgNs } from './mapDraw';

export interface MapOnScreen {
  readonly root: HTMLElement;
  readonly svg: SVGSVGElement;
  readonly scene: MapScene;
  /** The zoom scale. */
  readonly k: number;
  readonly size: { readonly width: number; readonly height: number };
}

const painted = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'text-anchor',
  'paint-order',
] as const;

/** One element's look as an inline style; strokes kept thin on screen get their width at this zoom. */
function styleOf(style: CSSStyleDeclaration, k: number, isText: boolean): string {
  const thin = style.getPropertyValue('vector-effect') === 'non-scaling-stroke';
  const scaled = (v: string): string => (thin ? v.replace(/[\d.]+/g, (n) => String(Number(n) / k)) : v);
  const declarations = painted
    .map((p) => [p, style.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
    .map(([p, v]) => `${p}:${p === 'fill' || p === 'stroke' ? legacyColor(v) : v}`);
  const width = style.getPropertyValue('stroke-width');
  if (width) declarations.push(`stroke-width:${scaled(width)}`);
  const dashes = style.getPropertyValue('stroke-dasharray');
  if (dashes && dashes !== 'none') declarations.push(`stroke-dasharray:${scaled(dashes)}`);
  const decoration = style.getPropertyValue('text-decoration-line');
  if (decoration && decoration !== 'none') declarations.push(`text-decoration:${decoration}`);
  if (isText) declarations.push(`font-family:${exportFont}`);
  return declarations.join(';');
}

/** Copies the computed look of `live`'s elements onto `clone`'s, dropping what is not displayed. */
function inline(live: SVGSVGElement, clone: SVGSVGElement, k: number): void {
  const liveEls = [...live.querySelectorAll('*')];
  const cloneEls = [...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  liveEls.forEach((el, i) => {
    const copy = cloneEls[i];
    if (!copy) return;
    const style = getComputedStyle(el);
    if (style.display === 'none' || el.getAttribute('display') === 'none') {
      drop.push(copy);
      return;
    }
    if (el.classList.contains('acm-s')) copy.setAttribute('transform', `scale(${1 / k})`);
    copy.setAttribute('style', styleOf(style, k, el.tagName === 'text'));
    copy.removeAttribute('class');
  });
  for (const el of drop) el.remove();
}

/** The SVG file for the map on screen, drawn for `background` (light, dark, transparent or the preview's own). */
export function portableMapSvg(map: MapOnScreen, background: ExportBackground): string {
  const { root, svg, k, size } = map;
  const fixed = background === 'light' || background === 'dark';
  if (fixed) root.dataset['export'] = background;
  let clone: SVGSVGElement;
  let fg: string;
  let sea: string;
  try {
    clone = svg.cloneNode(true) as SVGSVGElement;
    inline(svg, clone, k);
    const rootStyle = getComputedStyle(root);
    fg = legacyColor(getComputedStyle(svg).color || rootStyle.getPropertyValue('--acm-fg').trim());
    sea = legacyColor(getComputedStyle(svg).backgroundColor);
  } finally {
    delete root.dataset['export'];
  }
  const dark = background === 'dark' || (!fixed && /dark/.test(root.dataset['theme'] ?? ''));
  const width = size.width + legendWidth;
  const legend = drawLegend(map.scene, { fg, dark, font: exportFont });
  const height = Math.max(size.height, legend.height);
  const file = svgElement('svg', {
    xmlns: svgNs,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    style: `font-family:${exportFont}`,
  });
  if (background !== 'transparent') {
    const colour = fixed ? backgroundColors[background] : sea;
    svgElement('rect', { x: 0, y: 0, width, height, fill: colour }, file);
  }
  // A nested <svg> clips the map to the panel, as on screen.
  const panel = svgElement('svg', { x: 0, y: 0, width: size.width, height: size.height }, file);
  panel.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  panel.append(...clone.childNodes);
  legend.group.setAttribute('transform', `translate(${size.width},0)`);
  file.append(legend.group);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(file)}\n`;
}
