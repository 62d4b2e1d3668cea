/**
 * Turns the SVG on screen into a standalone file that looks the same anywhere: in browsers and in
 * non-browser renderers (resvg, Inkscape, librsvg). Everything the preview's stylesheet and
 * mermaid's <style> painted is written onto each element, so the file needs no CSS cascade; it
 * gets an explicit size from its viewBox, a background, one generic font family and no
 * <foreignObject>. Transient highlights (cursor, hovered path) are left out. Also rasterises to PNG.
 */
import type { ExportBackground } from '../protocol/messages';
import { diagramFont } from './mermaidRenderer';

const svgNs = 'http://www.w3.org/2000/svg';

/** The file names the font mermaid measured with: generic, so no renderer needs to fetch or embed one. */
const exportFont = diagramFont;

/** Fixed colours for an explicit background; 'auto' takes the preview's own. */
export const backgroundColors: Readonly<Record<'light' | 'dark', string>> = { light: '#ffffff', dark: '#1e1e1e' };

/** Classes that mark the cursor, a hovered path or catchment: what the user is pointing at, not the picture. */
const transientClasses = ['ac-cursor', 'ac-on-path', 'ac-in-catchment', 'ac-path-shown', 'ac-catchment-shown'];

/** The properties that decide how SVG shapes and text look (not visibility: an off-screen copy is hidden). */
const paintProperties = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'text-decoration-line',
];

const colorProperties = new Set(['fill', 'stroke']);

/**
 * Colours as every renderer reads them: Chromium reports `color-mix()` results as
 * `color(srgb r g b)`, which resvg and librsvg do not parse (they paint black).
 */
export function legacyColor(value: string): string {
  const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.e-]+%?))?\)$/.exec(value.trim());
  if (!srgb) return value;
  const [r, g, b] = [srgb[1], srgb[2], srgb[3]].map((c) => Math.round(Math.min(1, Math.max(0, Number(c))) * 255));
  const alphaText = srgb[4];
  if (alphaText === undefined) return `rgb(${r}, ${g}, ${b})`;
  const alpha = alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  return alpha >= 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** Removes transient classes from `root`'s subtree and returns how to put them back. */
function withoutTransient(root: Element): () => void {
  const removed: [Element, string][] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of transientClasses) {
      if (el.classList.contains(name)) {
        el.classList.remove(name);
        removed.push([el, name]);
      }
    }
  }
  return () => removed.forEach(([el, name]) => el.classList.add(name));
}

function isTransparent(color: string): boolean {
  return color === '' || color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color);
}

/** The colour to paint behind the picture, or undefined for none. */
export function resolveBackground(background: ExportBackground, fallbackFrom: Element | undefined): string | undefined {
  if (background === 'transparent') return undefined;
  if (background === 'light' || background === 'dark') return backgroundColors[background];
  for (let el: Element | null = fallbackFrom ?? null; el; el = el.parentElement) {
    const color = getComputedStyle(el).backgroundColor;
    if (!isTransparent(color)) return color;
  }
  return backgroundColors.light;
}

/** Copies computed paint onto the clone's elements as inline style, element by element. */
function inlinePaint(live: SVGSVGElement, clone: SVGSVGElement): void {
  const liveEls = [live, ...live.querySelectorAll('*')];
  const cloneEls = [clone, ...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  liveEls.forEach((el, i) => {
    const copy = cloneEls[i];
    if (!copy || el.namespaceURI !== svgNs) return;
    const style = getComputedStyle(el);
    if (style.display === 'none') {
      drop.push(copy);
      return;
    }
    const declarations = paintProperties
      .map((p) => [p, style.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
      .map(
        ([p, v]) =>
          `${p === 'text-decoration-line' ? 'text-decoration' : p}:${colorProperties.has(p) ? legacyColor(v) : v}`,
      );
    if (el.tagName === 'text' || el.tagName === 'tspan') declarations.push(`font-family:${exportFont}`);
    copy.setAttribute('style', declarations.join(';'));
  });
  for (const el of drop) el.remove();
}

/** HTML inside <foreignObject> does not render outside browsers: keep its words as SVG text. */
function replaceForeignObjects(svg: SVGSVGElement): void {
  for (const fo of [...svg.querySelectorAll('foreignObject')]) {
    const text = document.createElementNS(svgNs, 'text');
    const x = Number(fo.getAttribute('x') ?? 0) + Number(fo.getAttribute('width') ?? 0) / 2;
    const y = Number(fo.getAttribute('y') ?? 0) + Number(fo.getAttribute('height') ?? 0) / 2;
    text.setAttribute('x', String(x));
    text.setAttribute('y', String(y));
    text.setAttribute('text-anchor', 'middle');
    text.setAttribute('dominant-baseline', 'central');
    text.setAttribute('style', `font-family:${exportFont};font-size:14px`);
    text.textContent = (fo.textContent ?? '').trim();
    fo.replaceWith(text);
  }
}

export interface PortableSvgOptions {
  readonly background: ExportBackground;
}

/** The standalone SVG file text for the picture `live` shows now. */
export function portableSvg(live: SVGSVGElement, options: PortableSvgOptions): string {
  const restore = withoutTransient(live);
  let clone: SVGSVGElement;
  try {
    clone = live.cloneNode(true) as SVGSVGElement;
    inlinePaint(live, clone);
  } finally {
    restore();
  }
  replaceForeignObjects(clone);
  for (const style of [...clone.querySelectorAll('style')]) style.remove();
  const box = live.viewBox.baseVal;
  const width = Math.ceil(box && box.width > 0 ? box.width : live.getBBox().width);
  const height = Math.ceil(box && box.height > 0 ? box.height : live.getBBox().height);
  const x = box && box.width > 0 ? box.x : 0;
  const y = box && box.height > 0 ? box.y : 0;
  clone.setAttribute('xmlns', svgNs);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `${x} ${y} ${width} ${height}`);
  clone.removeAttribute('class');
  clone.setAttribute('style', `font-family:${exportFont}`);
  const embedded = document.createElementNS(svgNs, 'style');
  embedded.textContent = `text, tspan { font-family: ${exportFont}; }`;
  clone.insertBefore(embedded, clone.firstChild);
  const color = resolveBackground(options.background, live.parentElement ?? undefined);
  if (color !== undefined) {
    const rect = document.createElementNS(svgNs, 'rect');
    rect.setAttribute('x', String(x));
    rect.setAttribute('y', String(y));
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', color);
    rect.setAttribute('class', 'ac-export-background');
    embedded.after(rect);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** The size an SVG file declares. */
export function svgSize(svgText: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
}

/** Rasterises a standalone SVG at `scale` times its size; resolves with the PNG as base64. */
export async function rasterise(svgText: string, scale: number): Promise<string> {
  const { width, height } = svgSize(svgText);
  const image = new Image();
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This webview cannot draw on a canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
