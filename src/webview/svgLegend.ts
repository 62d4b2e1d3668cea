/**
 * The legend as SVG, for exported pictures: an exported file has no webview beside it, so its
 * edge and node colours are decoded by a legend drawn into the file itself, beside the diagram
 * (or under it when the diagram is wider than tall). Plain attributes only (no CSS, no units), so
 * every SVG renderer draws it.
 */
import type { LegendLoad, RoutingAnnotation } from '../protocol/messages';
import type { ThemeKind } from '../routing/picture/palette';
import { failurePaint, slotPaint } from '../routing/picture/palette';
import { percent, plural, wrapWords } from '../routing/words/figures';

const svgNs = 'http://www.w3.org/2000/svg';
const rowHeight = 20;
const fontSize = 13;
const padding = 12;
/** Wide enough for "Los Angeles: 12 clients · 4.3%" at 13 px. */
const minColumnWidth = 260;
/** A generous average advance of a 13 px sans-serif character, so no row runs past its column. */
const charWidth = 7.4;
/** Characters of bold 13 px text that fit the narrowest column (about 7.5 px each). */
const headingChars = 32;

export interface SvgLegendInput {
  readonly routing: RoutingAnnotation;
  readonly theme: ThemeKind;
}

interface Row {
  readonly text: string;
  readonly swatch?: { readonly fill: string; readonly stroke: string; readonly dash?: string };
  readonly bold?: boolean;
  readonly color?: string;
  /** Written under the row above, past its swatch. */
  readonly indent?: boolean;
}

/** A PoP's load under its row, indented, in red or amber when marked (the words say it too). */
function loadRow(load: LegendLoad, theme: ThemeKind): Row {
  const failure = failurePaint(theme);
  const color = load.level === 'over' ? failure.alert : load.level === 'warn' ? failure.warn : undefined;
  return { text: load.text, indent: true, ...(color ? { color } : {}) };
}

function rowsOf({ routing, theme }: SvgLegendInput): Row[] {
  const failure = failurePaint(theme);
  // A simulation's headline ("LHR, AS1299 Arelion down · 3 clients moved") would run past the column.
  const heading = wrapWords(routing.headline ? `Catchments · ${routing.headline}` : 'Catchments', headingChars);
  const rows: Row[] = heading.map((text) => ({ text, bold: true }));
  for (const entry of routing.legend) {
    const paint = slotPaint(entry.color, theme);
    rows.push(
      entry.withdrawn
        ? {
            text: `${entry.label}: withdrawn`,
            swatch: { fill: failure.failedFill, stroke: failure.failedStroke, dash: '3 2' },
          }
        : {
            text: `${entry.label}: ${plural(entry.clients, 'client')} · ${percent(entry.share)}`,
            swatch: { fill: paint.popFill, stroke: paint.stroke },
          },
    );
    if (entry.load && !entry.withdrawn) rows.push(loadRow(entry.load, theme));
  }
  if (routing.attack?.on) {
    rows.push({ text: 'Simulated attack', bold: true });
    rows.push(...routing.attack.lines.map((text) => ({ text })));
  }
  const lost = routing.nodes.filter((n) => n.unreachable);
  if (lost.length > 0) {
    rows.push({ text: `No service: ${plural(lost.length, 'client')}`, bold: true, color: failure.alert });
    for (const node of lost)
      rows.push({
        text: node.summary[0]?.replace(/: no PoP reachable$/, '') ?? node.id,
        swatch: { fill: failure.unreachableFill, stroke: failure.alert, dash: '3 2' },
      });
  }
  return rows;
}

function svgElement(name: string, attributes: Readonly<Record<string, string | number>>): SVGElement {
  const el = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
  return el;
}

/**
 * Adds the legend to `svg` (a standalone copy) and grows its viewBox to hold it; returns the new
 * box. `box` is the diagram's own viewBox.
 */
export function appendSvgLegend(
  svg: SVGSVGElement,
  box: { x: number; y: number; width: number; height: number },
  input: SvgLegendInput,
): { x: number; y: number; width: number; height: number } {
  const rows = rowsOf(input);
  const columnWidth = Math.max(
    minColumnWidth,
    ...rows.map((r) => Math.ceil(r.text.length * charWidth) + (r.swatch || r.indent ? 20 : 0) + padding),
  );
  const failure = failurePaint(input.theme);
  const perColumn = Math.max(1, Math.floor((Math.max(box.height, 400) - 2 * padding) / rowHeight));
  const below = box.width > box.height * 1.6;
  const columns = below ? Math.max(1, Math.floor(box.width / columnWidth)) : Math.ceil(rows.length / perColumn);
  const rowsPerColumn = below ? Math.ceil(rows.length / columns) : perColumn;
  const width = Math.min(columns, Math.ceil(rows.length / rowsPerColumn)) * columnWidth + 2 * padding;
  const height = Math.min(rows.length, rowsPerColumn) * rowHeight + 2 * padding;
  const left = below ? box.x : box.x + box.width + padding;
  const top = below ? box.y + box.height + padding : box.y;
  const group = svgElement('g', { id: 'ac-export-legend', 'font-family': 'Arial, Helvetica, sans-serif' });
  group.appendChild(
    svgElement('rect', {
      x: left,
      y: top,
      width,
      height,
      fill: failure.background,
      stroke: failure.failedStroke,
      'stroke-width': 1,
    }),
  );
  rows.forEach((row, i) => {
    const x = left + padding + Math.floor(i / rowsPerColumn) * columnWidth;
    const y = top + padding + (i % rowsPerColumn) * rowHeight;
    if (row.swatch) {
      const { fill, stroke, dash } = row.swatch;
      const attributes = { x, y: y + 3, width: 14, height: 14, fill, stroke, 'stroke-width': 2 };
      group.appendChild(svgElement('rect', dash ? { ...attributes, 'stroke-dasharray': dash } : attributes));
    }
    const text = svgElement('text', {
      x: row.swatch || row.indent ? x + 20 : x,
      y: y + 15,
      'font-size': fontSize,
      'font-weight': row.bold ? 'bold' : 'normal',
      fill: row.color ?? failure.text,
    });
    text.textContent = row.text;
    group.appendChild(text);
  });
  svg.appendChild(group);
  const right = Math.max(box.x + box.width, left + width);
  const bottom = Math.max(box.y + box.height, top + height);
  return { x: box.x, y: box.y, width: right - box.x, height: bottom - box.y };
}
