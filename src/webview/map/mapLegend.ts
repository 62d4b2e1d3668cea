/**
 * The map's legend, built to scale: PoPs sorted by traffic share, those that serve no client folded
 * into one line, a filter box, Fail/Restore per row, the clients left without service, and the
 * nodes that could not be placed. Plain DOM beside the SVG; every label is set as text.
 */
import type { MapScene } from '../../routing/map/mapScene';
import { plural } from '../../routing/words/figures';
import type { LegendRowHandlers } from '../legendRow';
import { legendRowElement, revealList } from '../legendRow';

export type MapLegendHandlers = LegendRowHandlers;

interface Row {
  readonly id: string;
  readonly name: string;
  readonly colour: number;
  readonly share: number;
  readonly clients: number;
  readonly withdrawn: boolean;
  readonly writtenDown: boolean;
  /** Above the load threshold or over capacity, in words. */
  readonly loadBadge?: string;
}

function rowElement(row: Row, handlers: MapLegendHandlers): HTMLLIElement {
  return legendRowElement(
    {
      ...row,
      colourClass: `acm-c${row.colour}`,
      ...(row.loadBadge === undefined ? {} : { figuresNote: row.loadBadge }),
    },
    handlers,
  );
}

function list(rows: readonly Row[], handlers: MapLegendHandlers): HTMLUListElement {
  const ul = document.createElement('ul');
  ul.append(...rows.map((r) => rowElement(r, handlers)));
  return ul;
}

function rowsOf(scene: MapScene): Row[] {
  const state = new Map(scene.routing.pops.map((p) => [p.id, p]));
  return scene.places.pops
    .map((p) => {
      const s = state.get(p.id);
      return {
        id: p.id,
        name: p.name,
        colour: p.colour,
        share: s?.share ?? 0,
        clients: s?.clients ?? 0,
        withdrawn: s?.withdrawn ?? false,
        writtenDown: s?.writtenDown ?? false,
        ...(s?.load ? { loadBadge: s.load.badge } : {}),
      };
    })
    .sort((a, b) => Number(a.withdrawn) - Number(b.withdrawn) || b.share - a.share || b.clients - a.clients);
}

function linkList(title: string, items: readonly { id: string; text: string }[], handlers: MapLegendHandlers) {
  const section = document.createElement('div');
  section.className = 'acm-legend-section';
  section.append(...revealList({ text: title, className: 'ac-legend-heading' }, items, handlers.reveal));
  return section;
}

/** Fills `container` with the legend of `scene`; `filter` is the text already in the filter box. */
export function renderMapLegend(
  container: HTMLElement,
  scene: MapScene,
  handlers: MapLegendHandlers,
  filter: { text: string },
): void {
  const rows = rowsOf(scene);
  const heading = document.createElement('div');
  heading.className = 'ac-legend-heading';
  heading.textContent = `Catchments · ${plural(rows.length, 'PoP')}`;
  const box = document.createElement('input');
  box.type = 'search';
  box.className = 'acm-filter';
  box.placeholder = 'Filter PoPs';
  box.setAttribute('aria-label', 'Filter PoPs');
  box.value = filter.text;
  const body = document.createElement('div');
  const fill = (): void => {
    const wanted = box.value.trim().toLowerCase();
    filter.text = box.value;
    const matching = wanted
      ? rows.filter((r) => r.name.toLowerCase().includes(wanted) || r.id.toLowerCase().includes(wanted))
      : rows;
    const serving = wanted ? matching : matching.filter((r) => r.clients > 0 || r.withdrawn);
    const idle = wanted ? [] : matching.filter((r) => r.clients === 0 && !r.withdrawn);
    // The first rows are the catchments that matter; the long tail is built when opened.
    body.replaceChildren(list(serving.slice(0, shownRows), handlers));
    const more = serving.slice(shownRows);
    if (more.length > 0) body.append(foldedRows(more, `${plural(more.length, 'more PoP')}`, handlers));
    if (idle.length > 0) body.append(foldedRows(idle, idleLine(idle.length), handlers));
  };
  box.addEventListener('input', fill);
  fill();
  container.replaceChildren(heading, box, body);
  const clients = new Map(scene.places.clients.map((c) => [c.id, c.name]));
  const unserved = scene.routing.clients.filter((c) => c.pop === undefined);
  if (unserved.length > 0) {
    const items = unserved.map((c) => ({ id: c.id, text: clients.get(c.id) ?? c.id }));
    container.append(linkList(`Without service · ${plural(unserved.length, 'client')}`, items, handlers));
  }
}

const shownRows = 40;

function idleLine(count: number): string {
  return `${plural(count, 'PoP')} ${count === 1 ? 'serves' : 'serve'} no client`;
}

/** A line such as "277 PoPs serve no client", opened on demand (its rows are built only then). */
function foldedRows(rows: readonly Row[], line: string, handlers: MapLegendHandlers): HTMLDetailsElement {
  const details = document.createElement('details');
  details.className = 'acm-idle';
  const summary = document.createElement('summary');
  summary.textContent = line;
  details.append(summary);
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(list(rows, handlers));
  });
  return details;
}

/** "Not on the map: QWJ, XNH (unknown location)", each name a link to its source. */
export function renderUnplaced(container: HTMLElement, scene: MapScene, reveal: (id: string) => void): void {
  const unplaced = scene.places.unplaced;
  container.hidden = unplaced.length === 0;
  container.replaceChildren();
  if (unplaced.length === 0) return;
  container.append('Not on the map: ');
  unplaced.forEach((node, i) => {
    const link = document.createElement('button');
    link.textContent = node.name;
    link.title = `${node.id}: ${node.reason}. Show in source`;
    link.addEventListener('click', () => reveal(node.id));
    container.append(...(i > 0 ? [', '] : []), link, ` (${node.reason})`);
  });
}
