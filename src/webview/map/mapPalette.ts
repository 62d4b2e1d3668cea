/**
 * The catchment colours of the map, one per palette slot of src/routing/map/mapColours.ts: strong
 * colours that stay apart on a light basemap, and lifted copies of the darker ones for dark themes.
 */
import { mapPaletteSize } from '../../routing/map/mapColours';

const onLight: readonly string[] = [
  '#1f77b4',
  '#e6550d',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#ff9896',
  '#637939',
  '#fdae6b',
  '#7b4173',
  '#0b6e4f',
  '#6baed6',
  '#c49c94',
  '#9c9ede',
  '#843c39',
  '#e7ba52',
  '#5254a3',
  '#ce6dbd',
  '#74c476',
  '#b15928',
];

function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function towardWhite(hex: string, amount: number): string {
  const mixed = channels(hex).map((c) => Math.round(c + (255 - c) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Dark colours are lifted until they read on a dark basemap; the hue stays. */
const onDark = onLight.map((c) => {
  let lifted = c;
  for (let amount = 0.15; luminance(lifted) < 0.18 && amount < 0.8; amount += 0.1) lifted = towardWhite(c, amount);
  return lifted;
});

/** The palette for a light or a dark basemap; `mapPaletteSize` colours. */
export function mapPalette(dark: boolean): readonly string[] {
  return dark ? onDark : onLight;
}

if (onLight.length !== mapPaletteSize) throw new Error('the map palette needs one colour per slot');
