/**
 * Turns the SVG on screen into a standalone file that looks the same anywhere: in browsers and in
 * non-browser renderers (resvg, Inkscape, librsvg). Everything the preview's stylesheet and
 * mermaid's <style> painted is written onto each element, so the file needs no CSS cascade; it
 * gets an explicit size from its viewBox, a background, one generic font family and no
 * <foreignObject>. Transient highlights (cursor, hovered path) are left out. Also rasterises to PNG.
 */
import type { ExportBackground } from '../protocol/messages';
import type { SvgLegendInput } from './svgLegend';
import { appendSvgLegend } from './svgLegend';
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
 * A computed value as every renderer reads it: colours in legacy syntax, lengths without `px`
 * (ImageMagick's own SVG renderer refuses units in presentation values), lists without commas.
 */
function portableValue(property: string, value: string): string {
  if (colorProperties.has(property)) return legacyColor(value);
  return value.replace(/(\d)px\b/g, '$1').replace(/,\s*/g, ' ');
}

/** Values every renderer assumes anyway. Written out, some confuse ImageMagick: `fill:none;fill-opacity:1` paints black. */
const defaultValues: Readonly<Record<string, string>> = {
  'fill-opacity': '1',
  'stroke-opacity': '1',
  opacity: '1',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  'stroke-dasharray': 'none',
  'text-decoration-line': 'none',
  'font-style': 'normal',
};

/** A dash pattern with no gaps draws a solid line: say nothing (ImageMagick refuses `0` and `none`). */
function isDefault(property: string, value: string): boolean {
  if (defaultValues[property] === value) return true;
  if (property !== 'stroke-dasharray') return false;
  const lengths = value.split(/[\s,]+/).map((v) => parseFloat(v));
  const pairs = lengths.length % 2 === 0 ? lengths : [...lengths, ...lengths];
  return pairs.every((n) => !(n > 0)) || pairs.every((n, i) => i % 2 === 0 || !(n > 0));
}

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
      .filter(([p, v]) => v !== '' && v !== 'normal' && v !== 'auto' && !isDefault(p, v))
      .map(([p, v]) => `${p === 'text-decoration-line' ? 'text-decoration' : p}:${portableValue(p, v)}`);
    if (el.tagName === 'text' || el.tagName === 'tspan') declarations.push(`font-family:${exportFont}`);
    copy.setAttribute('style', declarations.join(';'));
  });
  for (const el of drop) el.remove();
}

/**
 * What the simplest renderers stumble on, taken out once the paint is inline: classes (ImageMagick
 * reads `class` as a drawing primitive), tspans nested in tspans (too deep for it), mermaid's empty
 * placeholder rectangles (sizeless in browsers, drawn by it) and gapless dash attributes.
 */
function simplify(svg: SVGSVGElement): void {
  for (const el of [...svg.querySelectorAll('tspan')]) {
    if (el.querySelector('tspan')) el.textContent = el.textContent;
  }
  for (const rect of [...svg.querySelectorAll('rect')]) {
    if (!(Number(rect.getAttribute('width')) > 0 && Number(rect.getAttribute('height')) > 0)) rect.remove();
  }
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    el.removeAttribute('class');
    el.removeAttribute('data-ac-author-style');
    const dash = el.getAttribute('stroke-dasharray');
    if (dash !== null && isDefault('stroke-dasharray', dash)) el.removeAttribute('stroke-dasharray');
  }
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
  /** The routing legend to draw into the file beside the picture. */
  readonly legend?: SvgLegendInput | undefined;
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
  for (const ring of [...clone.querySelectorAll('.ac-cursor-ring')]) ring.remove();
  simplify(clone);
  const box = live.viewBox.baseVal;
  const drawn = {
    x: box && box.width > 0 ? box.x : 0,
    y: box && box.height > 0 ? box.y : 0,
    width: Math.ceil(box && box.width > 0 ? box.width : live.getBBox().width),
    height: Math.ceil(box && box.height > 0 ? box.height : live.getBBox().height),
  };
  const whole = options.legend ? appendSvgLegend(clone, drawn, options.legend) : drawn;
  const { x, y } = whole;
  const width = Math.ceil(whole.width);
  const height = Math.ceil(whole.height);
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
    rect.setAttribute('id', 'ac-export-background');
    embedded.after(rect);
  }
  const text = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withFixedIds(text, live.id)}\n`;
}

/**
 * Mermaid prefixes every id in a picture with the SVG's own id, which counts the renders of this
 * page (`anycast-svg-7`): one fixed name instead, so the same picture exports the same bytes
 * whatever was drawn before it.
 */
export function withFixedIds(svgText: string, liveId: string): string {
  if (liveId === '') return svgText;
  const escaped = liveId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return svgText.replace(new RegExp(`${escaped}(?![0-9])`, 'g'), 'anycast-picture');
}

/** The size an SVG file declares. */
export function svgSize(svgText: string): { width: number; height: number } {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
}

/**
 * How large a PNG we draw: Chromium's canvas takes no side above 32,767 pixels (past it the canvas
 * is silently blank and its PNG empty) and at most 2^28 pixels, but encoding that many takes
 * minutes, so we stop at 2^26 (64 megapixels: the cdn example at 2x fits).
 */
export const canvasLimits = { side: 32_767, area: 67_108_864 } as const;

/** The largest scale up to `wanted` at which a `width` x `height` picture fits the canvas limits. */
export function fittingScale(width: number, height: number, wanted: number): number {
  const fit = Math.min(
    canvasLimits.side / Math.max(1, width),
    canvasLimits.side / Math.max(1, height),
    Math.sqrt(canvasLimits.area / Math.max(1, width * height)),
  );
  return Math.min(wanted, Math.floor(fit * 1000) / 1000);
}

export interface Raster {
  /** The PNG, base64. */
  readonly png: string;
  /** The scale drawn at: below the one asked for when the picture would not fit a canvas. */
  readonly scale: number;
}

async function draw(image: HTMLImageElement, width: number, height: number, scale: number): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}

/**
 * Rasterises a standalone SVG at `scale` times its size, or smaller when that would not fit
 * Chromium's canvas (halving until a canvas takes it); fails rather than give an empty PNG.
 */
export async function rasterise(svgText: string, scale: number): Promise<Raster> {
  const { width, height } = svgSize(svgText);
  const image = new Image();
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  image.src = `data:image/svg+xml;base64,${btoa(binary)}`;
  await image.decode();
  for (let tried = fittingScale(width, height, scale); tried * Math.max(width, height) >= 64; tried /= 2) {
    const png = await draw(image, width, height, tried);
    if (png !== '') return { png, scale: tried };
  }
  throw new Error(
    `The picture (${width} x ${height}) is too large for a PNG this browser can draw; export SVG instead`,
  );
}
