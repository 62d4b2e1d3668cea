/**
 * The catchment palette: 24 hues chosen far apart in CIELAB (every pair at least ΔE 23 apart), and
 * for each of VS Code's four theme kinds the stroke, PoP fill, client fill and a text colour checked
 * to keep WCAG AA contrast (4.5:1) on that fill. One module so the diagram, its exports, the
 * annotated mermaid text and the map draw a catchment in the same colour. Pure.
 */

/** VS Code's four theme kinds, as the webview tells them apart. */
export type ThemeKind = 'light' | 'dark' | 'hc-light' | 'hc-dark';

export const themeKinds: readonly ThemeKind[] = ['light', 'dark', 'hc-light', 'hc-dark'];

/** The hues, strong enough for a stroke on white; the other themes derive theirs from these. */
export const catchmentHues: readonly string[] = [
  '#1f77b4',
  '#e6550d',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#6900ff',
  '#785a2d',
  '#ff00d2',
  '#00a596',
  '#f05a96',
  '#004be1',
  '#a59600',
  '#964b5a',
  '#960fc3',
  '#2d692d',
  '#0087ff',
  '#a50f87',
  '#e1785a',
  '#c3780f',
  '#ff0069',
  '#e100ff',
  '#87964b',
  '#d269f0',
  '#ff0000',
];

/** Palette slots; past this many PoPs a colour is reused, never by two PoPs that share a client AS or region. */
export const paletteSize = catchmentHues.length;

/** How one palette slot is drawn in one theme. */
export interface SlotPaint {
  /** Strokes, route edges, badges, legend swatch borders. */
  readonly stroke: string;
  readonly popFill: string;
  readonly clientFill: string;
  /** Label colour on `popFill` and on `clientFill` (both at least 4.5:1). */
  readonly popText: string;
  readonly clientText: string;
}

/** Colours of what a failure leaves behind, per theme. */
export interface FailurePaint {
  /** A withdrawn PoP, a failed AS, a failed session: grey, dashed. */
  readonly failedFill: string;
  readonly failedStroke: string;
  readonly failedText: string;
  /** A client no PoP reaches: red outline, readable name on a plain fill. */
  readonly alert: string;
  /** A PoP above the load threshold: amber, readable as text on the background. */
  readonly warn: string;
  readonly unreachableFill: string;
  readonly unreachableText: string;
  /** The picture's own background and text. */
  readonly background: string;
  readonly text: string;
}

type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `weight` of `a` mixed with the rest of `b`, in sRGB (as CSS color-mix does by default). */
export function mix(a: string, b: string, weight: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex([0, 1, 2].map((i) => x[i]! * weight + y[i]! * (1 - weight)) as unknown as Rgb);
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a colour given as `#rrggbb`, `#rgb` or `rgb(r, g, b)`. */
export function relativeLuminance(color: string): number {
  const rgb = parseColor(color);
  if (!rgb) return 1;
  const [r, g, b] = rgb.map(channel) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `#rrggbb`, `#rgb`, `rgb()` or `rgba()` to its channels; undefined for anything else (`none`, `url()`). */
export function parseColor(color: string): Rgb | undefined {
  const text = color.trim().toLowerCase();
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/.test(text)) return parseHex(text);
  const match = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The darkest and lightest text we draw: near black and near white read on any fill one of them suits. */
const darkText = '#111111';
const lightText = '#ffffff';

/** Whichever of near black and white reads better on `fill`. */
export function readableText(fill: string): string {
  return contrastRatio(darkText, fill) >= contrastRatio(lightText, fill) ? darkText : lightText;
}

const backgrounds: Readonly<Record<ThemeKind, string>> = {
  light: '#ffffff',
  dark: '#1e1e1e',
  'hc-light': '#ffffff',
  'hc-dark': '#000000',
};

/** How strongly each theme tints fills, and how it adapts the hue for a stroke on its background. */
const recipes: Readonly<Record<ThemeKind, { stroke: (hue: string) => string; pop: number; client: number }>> = {
  light: { stroke: (hue) => hue, pop: 0.42, client: 0.2 },
  dark: { stroke: (hue) => mix(hue, '#ffffff', 0.7), pop: 0.45, client: 0.25 },
  'hc-light': { stroke: (hue) => mix(hue, '#000000', 0.8), pop: 0.3, client: 0.14 },
  'hc-dark': { stroke: (hue) => mix(hue, '#ffffff', 0.6), pop: 0.35, client: 0.2 },
};

/** How palette slot `slot` is drawn in `theme`. */
export function slotPaint(slot: number, theme: ThemeKind): SlotPaint {
  const hue = catchmentHues[((slot % paletteSize) + paletteSize) % paletteSize]!;
  const recipe = recipes[theme];
  const stroke = recipe.stroke(hue);
  const popFill = mix(stroke, backgrounds[theme], recipe.pop);
  const clientFill = mix(stroke, backgrounds[theme], recipe.client);
  return { stroke, popFill, clientFill, popText: readableText(popFill), clientText: readableText(clientFill) };
}

/** Colours of failures and of the picture itself in `theme`. */
export function failurePaint(theme: ThemeKind): FailurePaint {
  const background = backgrounds[theme];
  const darkKind = theme === 'dark' || theme === 'hc-dark';
  const failedFill = darkKind ? mix('#808080', background, 0.3) : mix('#808080', background, 0.2);
  const alert = darkKind ? '#ff6b6b' : '#c50f1f';
  const unreachableFill = background;
  return {
    failedFill,
    failedStroke: darkKind ? '#9d9d9d' : '#707070',
    failedText: darkKind ? '#d0d0d0' : '#3b3b3b',
    alert,
    warn: darkKind ? '#f2b84b' : '#8a5a00',
    unreachableFill,
    unreachableText: readableText(unreachableFill),
    background,
    text: readableText(background),
  };
}
