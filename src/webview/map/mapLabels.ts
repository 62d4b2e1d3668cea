/**
 * Collision-aware PoP labels: the biggest catchments are labelled first, each label tries the right
 * of its marker, then the left, above and below, and is hidden when all four overlap a label or a
 * marker already placed. Runs in screen space, again after each zoom, so zooming in reveals more.
 */
import type { MapTransform } from './mapZoom';

export interface LabelCandidate {
  readonly text: SVGTextElement;
  /** The marker's projected position (before zoom). */
  readonly x: number;
  readonly y: number;
  /** Marker radius on screen. */
  readonly r: number;
  /** Higher is labelled first. */
  readonly priority: number;
  /** Approximate width of the label on screen. */
  readonly width: number;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

const lineHeight = 13;
const gap = 3;
const cell = 64;

/** A uniform grid of boxes: overlap tests look only at the cells a box covers. */
class BoxGrid {
  private readonly cells = new Map<string, Box[]>();

  private keys(b: Box): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(b.x0 / cell); i <= Math.floor(b.x1 / cell); i++)
      for (let j = Math.floor(b.y0 / cell); j <= Math.floor(b.y1 / cell); j++) keys.push(`${i},${j}`);
    return keys;
  }

  add(b: Box): void {
    for (const key of this.keys(b)) {
      const list = this.cells.get(key);
      if (list) list.push(b);
      else this.cells.set(key, [b]);
    }
  }

  overlaps(b: Box): boolean {
    for (const key of this.keys(b))
      for (const o of this.cells.get(key) ?? [])
        if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
    return false;
  }
}

/** Width of `text` at the label font, without asking the layout engine. */
export function estimateWidth(text: string): number {
  return text.length * 6.4 + 2;
}

/** A label's box relative to its marker: left, top, right, bottom. */
type Quad = readonly [number, number, number, number];

const placements = [
  {
    anchor: 'start',
    dx: (r: number) => r + gap,
    dy: () => 4,
    box: (r: number, w: number): Quad => [r + gap, -7, r + gap + w, 6],
  },
  {
    anchor: 'end',
    dx: (r: number) => -r - gap,
    dy: () => 4,
    box: (r: number, w: number): Quad => [-r - gap - w, -7, -r - gap, 6],
  },
  {
    anchor: 'middle',
    dx: () => 0,
    dy: (r: number) => -r - gap - 2,
    box: (r: number, w: number): Quad => [-w / 2, -r - gap - lineHeight, w / 2, -r - gap],
  },
  {
    anchor: 'middle',
    dx: () => 0,
    dy: (r: number) => r + gap + 10,
    box: (r: number, w: number): Quad => [-w / 2, r + gap, w / 2, r + gap + lineHeight],
  },
] as const;

function offset([x0, y0, x1, y1]: Quad, x: number, y: number): Box {
  return { x0: x + x0, y0: y + y0, x1: x + x1, y1: y + y1 };
}

/** Shows, places or hides each label for the view `t` within a `width` x `height` panel. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  t: MapTransform,
  width: number,
  height: number,
): void {
  const grid = new BoxGrid();
  const screen = candidates.map((c) => ({ c, sx: c.x * t.k + t.x, sy: c.y * t.k + t.y }));
  for (const { c, sx, sy } of screen) grid.add({ x0: sx - c.r, y0: sy - c.r, x1: sx + c.r, y1: sy + c.r });
  const order = [...screen].sort((a, b) => b.c.priority - a.c.priority);
  for (const { c, sx, sy } of order) {
    const inside = sx > -c.width && sx < width + c.width && sy > -lineHeight && sy < height + lineHeight;
    const chosen = inside
      ? placements.find((p) => {
          const box = offset(p.box(c.r, c.width), sx, sy);
          const onScreen = box.x0 >= 0 && box.y0 >= 0 && box.x1 <= width && box.y1 <= height;
          return onScreen && !grid.overlaps(box);
        })
      : undefined;
    const placed = chosen ? `${chosen.dx(c.r)},${chosen.dy(c.r)},${chosen.anchor}` : 'hidden';
    // Attributes are written only when they change: a zoom step moves few labels.
    if (c.text.dataset['placed'] === placed) {
      if (chosen) grid.add(offset(chosen.box(c.r, c.width), sx, sy));
      continue;
    }
    c.text.dataset['placed'] = placed;
    c.text.classList.toggle('acm-hidden', chosen === undefined);
    if (!chosen) continue;
    grid.add(offset(chosen.box(c.r, c.width), sx, sy));
    c.text.setAttribute('x', String(chosen.dx(c.r)));
    c.text.setAttribute('y', String(chosen.dy(c.r)));
    c.text.setAttribute('text-anchor', chosen.anchor);
  }
}
