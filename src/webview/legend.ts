/**
 * The legend beside the picture: each PoP's colour, catchment size and traffic share (and its
 * load as a bar and in words), with a button to fail or restore it, then the clients that lost
 * service and the simulated attack's totals. Plain DOM (not part of the
 * mermaid layout), so it can change without moving a node; it collapses to its heading.
 */
import type { LegendAnnotation, LegendLoad, RoutingAnnotation } from '../protocol/messages';
import type { ThemeKind } from '../routing/picture/palette';
import { failurePaint, paletteSize, slotPaint } from '../routing/picture/palette';
import { plural } from '../routing/words/figures';
import type { LegendRow } from './legendRow';
import { legendRowElement, revealList } from './legendRow';

export interface LegendHandlers {
  togglePop(pop: string): void;
  hoverPop(pop: string | undefined): void;
  revealPop(pop: string): void;
  revealNode(node: string): void;
}

function entryItem(entry: LegendAnnotation, theme: ThemeKind, handlers: LegendHandlers): HTMLLIElement {
  const paint = slotPaint(entry.color, theme);
  const row: LegendRow = {
    id: entry.pop,
    name: entry.label,
    clients: entry.clients,
    share: entry.share,
    withdrawn: entry.withdrawn,
    writtenDown: entry.writtenDown === true,
    colourClass: `ac-c${entry.color}`,
    swatch: entry.withdrawn
      ? { border: failurePaint(theme).failedStroke }
      : { border: paint.stroke, background: paint.popFill },
  };
  const item = legendRowElement(row, { ...handlers, reveal: handlers.revealPop });
  if (entry.load && !entry.withdrawn) item.append(loadRow(entry.load));
  return item;
}

/** A bar to the utilisation (full at 100%, a tick past it when over) and the load in words. */
function loadRow(load: LegendLoad): HTMLElement {
  const row = document.createElement('div');
  row.className = `ac-legend-load ac-load-${load.level}`;
  if (load.utilisation !== undefined) {
    const bar = document.createElement('span');
    bar.className = 'ac-load-bar';
    bar.setAttribute('role', 'meter');
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.setAttribute('aria-valuenow', String(Math.round(load.utilisation * 100)));
    const fill = document.createElement('span');
    fill.className = 'ac-load-fill';
    fill.style.width = `${Math.min(100, load.utilisation * 100)}%`;
    bar.append(fill);
    row.append(bar);
  }
  const text = document.createElement('span');
  text.className = 'ac-load-text';
  text.textContent = load.text;
  row.append(text);
  return row;
}

/** The simulated attack's totals, under the PoPs. */
function attackSection(routing: RoutingAnnotation): HTMLElement[] {
  const lines = routing.attack?.on ? routing.attack.lines : [];
  if (lines.length === 0) return [];
  const heading = document.createElement('div');
  heading.className = 'ac-legend-heading ac-legend-attack';
  heading.textContent = 'Simulated attack';
  const list = document.createElement('ul');
  list.className = 'ac-attack-lines';
  for (const line of lines) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }
  return [heading, list];
}

/** Clients that no PoP reaches, each a link to its source. */
function lostClients(
  routing: RoutingAnnotation,
  names: ReadonlyMap<string, string>,
  handlers: LegendHandlers,
): HTMLElement[] {
  const lost = routing.nodes.filter((n) => n.unreachable);
  if (lost.length === 0) return [];
  return revealList(
    { text: `No service: ${plural(lost.length, 'client')}`, className: 'ac-legend-heading ac-legend-lost' },
    lost.map((node) => ({ id: node.id, text: names.get(node.id) ?? node.id })),
    handlers.revealNode,
    'ac-lost-client',
  );
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
  container.append(...lostClients(routing, names, handlers), ...attackSection(routing));
  if (entries.length > paletteSize) {
    const note = document.createElement('p');
    note.className = 'ac-legend-note';
    note.textContent = `${entries.length} PoPs share ${paletteSize} colours (never two PoPs of one region or client AS): hover a PoP to see its catchment, a client to see its path.`;
    container.appendChild(note);
  }
}
