/**
 * The map's legend as SVG, for exported files (the on-screen legend is HTML): the biggest
 * catchments with their colour, clients and share (and a PoP's load above the threshold), the rest
 * summed up in a line, the clients left without service and the nodes that are not on the map.
 */
import type { MapScene } from '../../routing/map/mapScene';
import type { MapPopState } from '../../routing/map/mapRouting';
import { percent, plural } from '../../routing/words/figures';
import { svgElement } from './mapDraw';
import { slotPaint } from '../../routing/picture/palette';

export const legendWidth = 260;
const rowHeight = 18;
/** Lines of catchments listed; a PoP whose load is marked takes two, so the legend never outgrows what it was. */
const listedLines = 30;

export interface LegendLook {
  readonly fg: string;
  readonly dark: boolean;
  readonly font: string;
}

/** Names longer than the column are cut with an ellipsis (an SVG file cannot wrap text). */
function fit(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

export function drawLegend(scene: MapScene, look: LegendLook): { group: SVGGElement; height: number } {
  const group = svgElement('g', {});
  let y = 22;
  const text = (x: number, content: string, extra: Record<string, string | number> = {}): void => {
    const el = svgElement('text', { x, y, fill: look.fg, 'font-size': 12, 'font-family': look.font, ...extra }, group);
    el.textContent = content;
  };
  const colourOf = new Map(scene.places.pops.map((p) => [p.id, p]));
  const rows = [...scene.routing.pops].sort(
    (a, b) => Number(a.withdrawn) - Number(b.withdrawn) || b.share - a.share || b.clients - a.clients,
  );
  const serving = rows.filter((r) => r.clients > 0 || r.withdrawn);
  text(12, `Catchments · ${plural(rows.length, 'PoP')}`, { 'font-weight': 'bold' });
  y += rowHeight + 4;
  const badge = (row: MapPopState): string | undefined => (row.withdrawn ? undefined : row.load?.badge);
  let lines = 0;
  const listed = serving.filter((row) => (lines += badge(row) ? 2 : 1) <= listedLines);
  for (const row of listed) {
    const pop = colourOf.get(row.id);
    const colour = slotPaint(pop?.colour ?? 0, look.dark ? 'dark' : 'light').stroke;
    svgElement(
      'rect',
      {
        x: 12,
        y: y - 10,
        width: 11,
        height: 11,
        fill: row.withdrawn ? 'none' : colour,
        stroke: colour,
        'stroke-dasharray': row.withdrawn ? '2 2' : 'none',
      },
      group,
    );
    const figures = row.withdrawn ? 'withdrawn' : `${plural(row.clients, 'client')} · ${percent(row.share)}`;
    text(30, fit(pop?.name ?? row.id, 18), row.withdrawn ? { 'text-decoration': 'line-through' } : {});
    text(legendWidth - 12, figures, { 'text-anchor': 'end', 'fill-opacity': 0.75 });
    y += rowHeight;
    // Above the load threshold or over capacity: the words the screen's legend gives, on a line of their own.
    const note = badge(row);
    if (note) {
      text(30, fit(note, 36), { 'font-weight': 'bold' });
      y += rowHeight;
    }
  }
  const more = serving.length - listed.length;
  if (more > 0) {
    text(12, `${plural(more, 'more PoP')} with clients`, { 'fill-opacity': 0.75 });
    y += rowHeight;
  }
  const idle = rows.length - serving.length;
  if (idle > 0) {
    text(12, `${plural(idle, 'PoP')} ${idle === 1 ? 'serves' : 'serve'} no client`, { 'fill-opacity': 0.75 });
    y += rowHeight;
  }
  const names = new Map(scene.places.clients.map((c) => [c.id, c.name]));
  const unserved = scene.routing.clients.filter((c) => c.pop === undefined).map((c) => names.get(c.id) ?? c.id);
  const unplaced = scene.places.unplaced.map((u) => `${u.name} (${u.reason})`);
  for (const [title, items] of [
    ['Without service', unserved],
    ['Not on the map', unplaced],
  ] as const) {
    if (items.length === 0) continue;
    y += 6;
    text(12, `${title} · ${items.length}`, { 'font-weight': 'bold' });
    y += rowHeight;
    for (const item of items.slice(0, 12)) {
      text(12, fit(item, 38));
      y += rowHeight;
    }
    if (items.length > 12) {
      text(12, `and ${items.length - 12} more`, { 'fill-opacity': 0.75 });
      y += rowHeight;
    }
  }
  return { group, height: y + 8 };
}
