/**
 * Catchment colours for the map: each PoP gets a palette slot so that PoPs near each other never
 * share a colour. Greedy by distance: PoPs are taken biggest catchment first, and each takes the
 * slot whose nearest PoP already wearing it is farthest away (an unused slot is infinitely far).
 * Deterministic: ties go to the lower slot.
 */
import { greatCircleKm } from '../../engine/geo';
import type { GeoPoint } from '../../engine/types';

/** Distinguishable catchment colours on the map (the webview defines one colour per slot and theme). */
export const mapPaletteSize = 24;

export interface ColourablePop {
  readonly id: string;
  readonly point: GeoPoint;
  /** Bigger catchments choose first, so the colours that matter most are the most distinct. */
  readonly share: number;
}

/** Palette slot per PoP id. */
export function colourByDistance(
  pops: readonly ColourablePop[],
  paletteSize: number = mapPaletteSize,
): ReadonlyMap<string, number> {
  const order = pops
    .map((pop, index) => ({ pop, index }))
    .sort((a, b) => b.pop.share - a.pop.share || a.index - b.index)
    .map((o) => o.pop);
  const points = order.map((p) => p.point);
  const slot = new Int32Array(order.length).fill(-1);
  for (let i = 0; i < order.length; i++) slot[i] = farthestSlot(i, points, slot, paletteSize);
  return new Map(order.map((pop, i) => [pop.id, slot[i]!]));
}

/** The slot whose nearest other wearer is farthest from PoP `i` (-1 in `slot`: not coloured yet). */
function farthestSlot(i: number, points: readonly GeoPoint[], slot: Int32Array, paletteSize: number): number {
  const nearest = new Float64Array(paletteSize).fill(Infinity);
  for (let j = 0; j < points.length; j++) {
    const s = slot[j]!;
    if (j === i || s < 0) continue;
    const km = greatCircleKm(points[i]!, points[j]!);
    if (km < nearest[s]!) nearest[s] = km;
  }
  let best = 0;
  for (let s = 1; s < paletteSize; s++) if (nearest[s]! > nearest[best]!) best = s;
  return best;
}
