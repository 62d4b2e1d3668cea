/**
 * The legend beside the picture: each PoP's colour, catchment size and traffic share, with a
 * button to fail or restore it. Plain DOM (not part of the mermaid layout), so it can change
 * without moving a node.
 */
import type { LegendAnnotation } from '../protocol/messages';
import { percent, plural } from '../routing/words/figures';
import { paletteSize } from '../routing/picture/routingAnnotation';

export interface LegendHandlers {
  togglePop(pop: string): void;
  hoverPop(pop: string | undefined): void;
  revealPop(pop: string): void;
}

export function renderLegend(
  container: HTMLElement,
  entries: readonly LegendAnnotation[],
  handlers: LegendHandlers,
): void {
  container.replaceChildren();
  container.hidden = entries.length === 0;
  if (entries.length === 0) return;
  const heading = document.createElement('div');
  heading.className = 'ac-legend-heading';
  heading.textContent = 'Catchments';
  container.appendChild(heading);
  const list = document.createElement('ul');
  for (const entry of entries) {
    const item = document.createElement('li');
    item.className = `ac-legend-entry ac-c${entry.color % paletteSize}`;
    item.classList.toggle('ac-withdrawn', entry.withdrawn);
    item.dataset['pop'] = entry.pop;

    const swatch = document.createElement('span');
    swatch.className = 'ac-swatch';
    const name = document.createElement('button');
    name.className = 'ac-legend-name';
    name.textContent = entry.label;
    name.title = 'Show in source';
    name.addEventListener('click', () => handlers.revealPop(entry.pop));
    const figures = document.createElement('span');
    figures.className = 'ac-legend-figures';
    figures.textContent = entry.withdrawn
      ? 'withdrawn'
      : `${plural(entry.clients, 'client')} · ${percent(entry.share)}`;
    const toggle = document.createElement('button');
    toggle.className = 'ac-legend-toggle';
    toggle.textContent = entry.withdrawn ? 'Restore' : 'Fail';
    toggle.title = entry.withdrawn ? `Announce from ${entry.label} again` : `Simulate ${entry.label} withdrawing`;
    toggle.addEventListener('click', () => handlers.togglePop(entry.pop));

    item.append(swatch, name, figures, toggle);
    item.addEventListener('pointerenter', () => handlers.hoverPop(entry.pop));
    item.addEventListener('pointerleave', () => handlers.hoverPop(undefined));
    list.appendChild(item);
  }
  container.appendChild(list);
}
