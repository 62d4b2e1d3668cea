/**
 * The legend beside the picture: each PoP's colour, catchment size and traffic share, with a
 * button to fail or restore it, then the clients that lost service. Plain DOM (not part of the
 * mermaid layout), so it can change without moving a node; it collapses to its heading.
 */
import type { LegendAnnotation, RoutingAnnotation } from '../protocol/messages';
import type { ThemeKind } from '../routing/picture/palette';
import { failurePaint, paletteSize, slotPaint } from '../routing/picture/palette';
import { percent, plural } from '../routing/words/figures';

export interface LegendHandlers {
  togglePop(pop: string): void;
  hoverPop(pop: string | undefined): void;
  revealPop(pop: string): void;
  revealNode(node: string): void;
}

function entryItem(entry: LegendAnnotation, theme: ThemeKind, handlers: LegendHandlers): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `ac-legend-entry ac-c${entry.color}`;
  item.classList.toggle('ac-withdrawn', entry.withdrawn);
  item.dataset['pop'] = entry.pop;
  const paint = slotPaint(entry.color, theme);
  const swatch = document.createElement('span');
  swatch.className = 'ac-swatch';
  swatch.style.borderColor = entry.withdrawn ? failurePaint(theme).failedStroke : paint.stroke;
  if (!entry.withdrawn) swatch.style.background = paint.popFill;
  const name = document.createElement('button');
  name.className = 'ac-legend-name';
  name.textContent = entry.label;
  name.title = 'Show in source';
  name.addEventListener('click', () => handlers.revealPop(entry.pop));
  const figures = document.createElement('span');
  figures.className = 'ac-legend-figures';
  figures.textContent = entry.withdrawn ? 'withdrawn' : `${plural(entry.clients, 'client')} · ${percent(entry.share)}`;
  const toggle = document.createElement('button');
  toggle.className = 'ac-legend-toggle';
  toggle.textContent = entry.withdrawn ? 'Restore' : 'Fail';
  toggle.title = entry.withdrawn ? `Announce from ${entry.label} again` : `Simulate ${entry.label} withdrawing`;
  toggle.addEventListener('click', () => handlers.togglePop(entry.pop));
  item.append(swatch, name, figures, toggle);
  item.addEventListener('pointerenter', () => handlers.hoverPop(entry.pop));
  item.addEventListener('pointerleave', () => handlers.hoverPop(undefined));
  return item;
}

/** Clients that no PoP reaches, each a link to its source. */
function lostClients(
  routing: RoutingAnnotation,
  names: ReadonlyMap<string, string>,
  handlers: LegendHandlers,
): HTMLElement[] {
  const lost = routing.nodes.filter((n) => n.unreachable);
  if (lost.length === 0) return [];
  const heading = document.createElement('div');
  heading.className = 'ac-legend-heading ac-legend-lost';
  heading.textContent = `No service: ${plural(lost.length, 'client')}`;
  const list = document.createElement('ul');
  for (const node of lost) {
    const item = document.createElement('li');
    const name = document.createElement('button');
    name.className = 'ac-legend-name ac-lost-client';
    name.textContent = names.get(node.id) ?? node.id;
    name.title = 'Show in source';
    name.addEventListener('click', () => handlers.revealNode(node.id));
    item.append(name);
    list.append(item);
  }
  return [heading, list];
}

export function renderLegend(
  container: HTMLElement,
  routing: RoutingAnnotation | undefined,
  theme: ThemeKind,
  handlers: LegendHandlers,
): void {
  const entries = routing?.legend ?? [];
  const collapsed = container.classList.contains('ac-collapsed');
  container.replaceChildren();
  container.hidden = entries.length === 0;
  if (!routing || entries.length === 0) return;
  const heading = document.createElement('button');
  heading.className = 'ac-legend-heading ac-legend-collapse';
  heading.textContent = `${collapsed ? '▸' : '▾'} Catchments`;
  heading.title = collapsed ? 'Show the legend' : 'Collapse the legend';
  heading.setAttribute('aria-expanded', String(!collapsed));
  heading.addEventListener('click', () => {
    container.classList.toggle('ac-collapsed');
    renderLegend(container, routing, theme, handlers);
  });
  container.appendChild(heading);
  if (collapsed) return;
  const list = document.createElement('ul');
  for (const entry of entries) list.appendChild(entryItem(entry, theme, handlers));
  container.appendChild(list);
  const names = new Map(routing.nodes.map((n) => [n.id, n.summary[0]?.replace(/: no PoP reachable$/, '') ?? n.id]));
  container.append(...lostClients(routing, names, handlers));
  if (entries.length > paletteSize) {
    const note = document.createElement('p');
    note.className = 'ac-legend-note';
    note.textContent = `${entries.length} PoPs share ${paletteSize} colours (never two PoPs of one region or client AS): hover a PoP to see its catchment, a client to see its path.`;
    container.appendChild(note);
  }
}
