/**
 * Applies one what-if to the map on screen: marker radii (area proportional to the share), withdrawn
 * crosses, each client's arc to the PoP that serves it, dashed ghosts to the PoP it left, red rings
 * on clients without service, grey routers of failed ASes, broken sessions. Only what differs from
 * the last restyle is touched, so a toggle costs what it changes. Nothing moves.
 */
import type { GeoPoint } from '../../engine/types';
import type { MapRouting } from '../../routing/map/mapRouting';
import type { Drawn } from './mapDraw';
import { svgElement } from './mapDraw';
import type { LabelCandidate } from './mapLabels';
import { estimateWidth } from './mapLabels';
import { greatCirclePath } from './mapProjection';

/** Marker radius on screen for a traffic share: area proportional to the share, never a speck. */
export function popRadius(share: number): number {
  return Math.max(3.5, 26 * Math.sqrt(share));
}

export interface Restyled {
  /** Per PoP, the elements of its catchment (its marker, its clients, their arcs). */
  readonly catchments: Map<string, Element[]>;
  /** Biggest catchment first. */
  readonly labels: LabelCandidate[];
}

function arc(drawn: Drawn, client: string, pop: string, points: readonly GeoPoint[]): string {
  const key = `${client}>${pop}`;
  let d = drawn.arcCache.get(key);
  if (d === undefined) {
    d = greatCirclePath(drawn.projection, points);
    drawn.arcCache.set(key, d);
  }
  return d;
}

function restylePops(drawn: Drawn, routing: MapRouting, catchments: Map<string, Element[]>): LabelCandidate[] {
  const labels: LabelCandidate[] = [];
  for (const state of routing.pops) {
    const marker = drawn.pops.get(state.id);
    if (!marker) continue;
    const r = popRadius(state.withdrawn ? 0 : state.share);
    const key = `${r}|${state.withdrawn}|${state.load?.badge ?? ''}`;
    if (drawn.styled.get(state.id) !== key) {
      marker.circle.setAttribute('r', String(r));
      marker.g.classList.toggle('acm-withdrawn', state.withdrawn);
      marker.g.classList.toggle('acm-load-warn', state.load?.level === 'warn');
      marker.g.classList.toggle('acm-load-over', state.load?.level === 'over');
      // The marking in words too, after the PoP's name: colour alone would not say it.
      const name = (marker.label.dataset['name'] ??= marker.label.textContent ?? '');
      marker.label.textContent = state.load ? `${name} ${state.load.badge}` : name;
      drawn.styled.set(state.id, key);
    }
    catchments.set(state.id, [marker.g]);
    const width = estimateWidth(marker.label.textContent ?? '');
    labels.push({ text: marker.label, x: marker.x, y: marker.y, r, priority: state.share, width });
  }
  return labels.sort((a, b) => b.priority - a.priority);
}

function restyleClients(drawn: Drawn, routing: MapRouting, catchments: Map<string, Element[]>): void {
  const colourOf = new Map(drawn.places.pops.map((p) => [p.id, p.colour]));
  const popPoint = new Map(drawn.places.pops.map((p) => [p.id, p.point]));
  const clientPoint = new Map(drawn.places.clients.map((c) => [c.id, c.point]));
  for (const state of routing.clients) {
    const marker = drawn.clients.get(state.id);
    const from = clientPoint.get(state.id);
    if (!marker || !from) continue;
    const { pop, previousPop } = state;
    if (pop !== undefined) catchments.get(pop)?.push(marker.g, marker.arc);
    const key = `${pop ?? ''}|${previousPop ?? ''}`;
    if (drawn.styled.get(state.id) === key) {
      const ghost = drawn.ghosts.get(state.id);
      if (ghost && pop !== undefined) catchments.get(pop)?.push(ghost);
      continue;
    }
    drawn.styled.set(state.id, key);
    const colour = pop === undefined ? undefined : colourOf.get(pop);
    const cls = colour === undefined ? '' : ` acm-c${colour}`;
    marker.g.setAttribute('class', `acm-client${cls}${pop === undefined ? ' acm-unserved' : ''}`);
    marker.ring.setAttribute('display', pop === undefined ? 'inline' : 'none');
    marker.arc.setAttribute('class', `acm-arc${cls}`);
    const to = pop === undefined ? undefined : popPoint.get(pop);
    marker.arc.setAttribute('d', to && pop !== undefined ? arc(drawn, state.id, pop, [from, to]) : '');
    drawn.ghosts.get(state.id)?.remove();
    drawn.ghosts.delete(state.id);
    const old = previousPop === undefined ? undefined : popPoint.get(previousPop);
    if (!old || previousPop === undefined) continue;
    const ghost = svgElement(
      'path',
      {
        class: `acm-ghost acm-c${colourOf.get(previousPop) ?? 0}`,
        'data-client': state.id,
        d: arc(drawn, state.id, previousPop, [from, old]),
      },
      drawn.layers.ghosts,
    );
    drawn.ghosts.set(state.id, ghost);
    if (pop !== undefined) catchments.get(pop)?.push(ghost);
  }
}

function restyleRouters(drawn: Drawn, routing: MapRouting): void {
  const downAses = new Set(routing.downAses);
  for (const [node, gs] of drawn.routers) for (const g of gs) g.classList.toggle('acm-down', downAses.has(node));
  const downSessions = new Set(routing.downSessions);
  for (const s of drawn.places.sessions)
    drawn.sessions.get(s.id)?.classList.toggle('acm-down', s.down || downSessions.has(s.id));
}

/** Restyles `drawn` for `routing`. */
export function restyle(drawn: Drawn, routing: MapRouting): Restyled {
  const catchments = new Map<string, Element[]>();
  const labels = restylePops(drawn, routing, catchments);
  restyleClients(drawn, routing, catchments);
  restyleRouters(drawn, routing);
  return { catchments, labels };
}
