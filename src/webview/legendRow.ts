/**
 * The rows both legends share (the diagram's and the map's): a PoP's swatch, name, catchment
 * figures and Fail/Restore button, and a list of names that reveal their source. Plain DOM; every
 * label is set as text.
 */
import { percent, plural } from '../routing/words/figures';
import { popToggleWords } from '../routing/words/simulationSummary';

export interface LegendRowHandlers {
  reveal(id: string): void;
  togglePop(pop: string): void;
  hoverPop(pop: string | undefined): void;
}

export interface LegendRow {
  /** The PoP's node id. */
  readonly id: string;
  readonly name: string;
  readonly clients: number;
  readonly share: number;
  readonly withdrawn: boolean;
  /** The file marks the PoP down: its button shows it up in the simulation instead of failing it. */
  readonly writtenDown: boolean;
  /** Words after the catchment figures (a load badge), when up. */
  readonly figuresNote?: string;
  /** The class that gives the row its palette colour (`ac-c3`, `acm-c3`). */
  readonly colourClass: string;
  /** Colours set on the swatch itself, when no stylesheet rule paints it. */
  readonly swatch?: { readonly border: string; readonly background?: string };
}

/** One PoP's row: swatch, name (reveals the source), figures, Fail or Restore; hover shows its catchment. */
export function legendRowElement(row: LegendRow, handlers: LegendRowHandlers): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `ac-legend-entry ${row.colourClass}`;
  item.classList.toggle('ac-withdrawn', row.withdrawn);
  item.dataset['pop'] = row.id;
  const swatch = document.createElement('span');
  swatch.className = 'ac-swatch';
  if (row.swatch) {
    swatch.style.borderColor = row.swatch.border;
    if (row.swatch.background !== undefined) swatch.style.background = row.swatch.background;
  }
  const name = revealButton(row.name, () => handlers.reveal(row.id));
  const figures = document.createElement('span');
  figures.className = 'ac-legend-figures';
  const note = row.figuresNote === undefined ? '' : ` · ${row.figuresNote}`;
  figures.textContent = row.withdrawn ? 'withdrawn' : `${plural(row.clients, 'client')} · ${percent(row.share)}${note}`;
  const toggle = document.createElement('button');
  toggle.className = 'ac-legend-toggle';
  const [text, title] = popToggleWords(row.name, row.withdrawn, row.writtenDown);
  toggle.textContent = text;
  toggle.title = title;
  toggle.addEventListener('click', () => handlers.togglePop(row.id));
  item.append(swatch, name, figures, toggle);
  item.addEventListener('pointerenter', () => handlers.hoverPop(row.id));
  item.addEventListener('pointerleave', () => handlers.hoverPop(undefined));
  return item;
}

function revealButton(text: string, reveal: () => void, extraClass?: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.className = extraClass === undefined ? 'ac-legend-name' : `ac-legend-name ${extraClass}`;
  button.textContent = text;
  button.title = 'Show in source';
  button.addEventListener('click', reveal);
  return button;
}

/** A heading and a list of names, each a button that reveals its node's source. */
export function revealList(
  heading: { readonly text: string; readonly className: string },
  items: readonly { readonly id: string; readonly text: string }[],
  reveal: (id: string) => void,
  itemClass?: string,
): [HTMLDivElement, HTMLUListElement] {
  const title = document.createElement('div');
  title.className = heading.className;
  title.textContent = heading.text;
  const list = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    li.append(revealButton(item.text, () => reveal(item.id), itemClass));
    list.append(li);
  }
  return [title, list];
}
