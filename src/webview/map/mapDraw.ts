/**
 * Builds the map's SVG from a scene: the basemap, then one group per layer, each marker in a
 * counter-scaled group so it keeps its size on screen. Positions are fixed here, per text version;
 * restyling (mapView.ts) only changes classes, radii and the arcs of clients that moved.
 */
import type { GeoProjection } from 'd3-geo';
import type { MapPlaces } from '../../routing/map/mapPlaces';
import { basemapPaths, greatCirclePath } from './mapProjection';

export const svgNs = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>> = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  parent?.appendChild(el);
  return el;
}

export interface Layers {
  readonly zoom: SVGGElement;
  readonly sessions: SVGGElement;
  readonly routers: SVGGElement;
  readonly ghosts: SVGGElement;
  readonly arcs: SVGGElement;
  readonly clients: SVGGElement;
  readonly pops: SVGGElement;
  /** Copies of what the pointer is on, drawn over the dimmed layers; never the pointer's target. */
  readonly focus: SVGGElement;
}

export interface PopMarker {
  readonly g: SVGGElement;
  readonly circle: SVGCircleElement;
  readonly label: SVGTextElement;
  readonly x: number;
  readonly y: number;
}

export interface ClientMarker {
  readonly g: SVGGElement;
  readonly dot: SVGCircleElement;
  readonly ring: SVGCircleElement;
  readonly arc: SVGPathElement;
}

/** One text version's map on screen, and what the last restyle set, so the next changes only what differs. */
export interface Drawn {
  readonly key: string;
  readonly places: MapPlaces;
  readonly projection: GeoProjection;
  readonly layers: Layers;
  readonly pops: Map<string, PopMarker>;
  readonly clients: Map<string, ClientMarker>;
  readonly routers: Map<string, SVGGElement[]>;
  readonly sessions: Map<string, SVGPathElement>;
  readonly arcCache: Map<string, string>;
  readonly size: { readonly width: number; readonly height: number };
  /** Per PoP and client id, the state last drawn. */
  readonly styled: Map<string, string>;
  readonly ghosts: Map<string, SVGPathElement>;
}

/** Fresh basemap and empty layers in `svg`. */
export function drawBasemap(svg: SVGSVGElement, projection: GeoProjection): Layers {
  svg.replaceChildren();
  const zoom = svgElement('g', { class: 'acm-zoom' }, svg);
  const paths = basemapPaths(projection);
  svgElement('path', { class: 'acm-sphere', d: paths.sphere }, zoom);
  svgElement('path', { class: 'acm-land', d: paths.land }, zoom);
  svgElement('path', { class: 'acm-borders', d: paths.borders }, zoom);
  const layer = (name: string): SVGGElement => svgElement('g', { class: `acm-${name}` }, zoom);
  return {
    zoom,
    sessions: layer('sessions'),
    routers: layer('routers'),
    ghosts: layer('ghosts'),
    arcs: layer('arcs'),
    clients: layer('clients'),
    pops: layer('pops'),
    focus: layer('focus'),
  };
}

function projected(projection: GeoProjection, lon: number, lat: number): [number, number] {
  const p = projection([lon, lat]);
  return p ? [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100] : [0, 0];
}

function counterScaled(parent: SVGGElement, x: number, y: number, attributes: Record<string, string>): SVGGElement {
  const g = svgElement('g', { transform: `translate(${x},${y})`, ...attributes }, parent);
  return svgElement('g', { class: 'acm-s' }, g);
}

export function drawPops(layers: Layers, places: MapPlaces, projection: GeoProjection): Map<string, PopMarker> {
  const markers = new Map<string, PopMarker>();
  for (const pop of places.pops) {
    const [x, y] = projected(projection, pop.point.lon, pop.point.lat);
    const inner = counterScaled(layers.pops, x, y, { class: `acm-pop acm-c${pop.colour}`, 'data-pop': pop.id });
    const circle = svgElement('circle', { r: 4 }, inner);
    svgElement('path', { class: 'acm-cross', d: 'M-6,-6L6,6M-6,6L6,-6' }, inner);
    const label = svgElement('text', { class: 'acm-label', x: 7, y: 4 }, inner);
    label.textContent = pop.name;
    markers.set(pop.id, { g: inner.parentNode as SVGGElement, circle, label, x, y });
  }
  return markers;
}

export function drawClients(layers: Layers, places: MapPlaces, projection: GeoProjection): Map<string, ClientMarker> {
  const markers = new Map<string, ClientMarker>();
  for (const client of places.clients) {
    const [x, y] = projected(projection, client.point.lon, client.point.lat);
    const arc = svgElement('path', { class: 'acm-arc', 'data-client': client.id }, layers.arcs);
    const inner = counterScaled(layers.clients, x, y, { class: 'acm-client', 'data-client': client.id });
    const dot = svgElement('circle', { class: 'acm-dot', r: 2.6 }, inner);
    const ring = svgElement('circle', { class: 'acm-ring', r: 6, display: 'none' }, inner);
    markers.set(client.id, { g: inner.parentNode as SVGGElement, dot, ring, arc });
  }
  return markers;
}

/** AS routers and the sessions between located routers (the on-demand layer). */
export function drawRouters(
  layers: Layers,
  places: MapPlaces,
  projection: GeoProjection,
): { routers: Map<string, SVGGElement[]>; sessions: Map<string, SVGPathElement> } {
  const routers = new Map<string, SVGGElement[]>();
  for (const router of places.routers) {
    const [x, y] = projected(projection, router.point.lon, router.point.lat);
    const inner = counterScaled(layers.routers, x, y, { class: 'acm-router', 'data-node': router.node });
    svgElement('circle', { r: 3 }, inner);
    const title = svgElement('title', {}, inner);
    title.textContent = router.name;
    const list = routers.get(router.node) ?? [];
    list.push(inner.parentNode as SVGGElement);
    routers.set(router.node, list);
  }
  const sessions = new Map<string, SVGPathElement>();
  for (const s of places.sessions) {
    const d = greatCirclePath(projection, [s.from, s.to]);
    const cls = `acm-session${s.peer ? ' acm-peer' : ''}${s.down ? ' acm-down' : ''}`;
    sessions.set(s.id, svgElement('path', { class: cls, d }, layers.sessions));
  }
  return { routers, sessions };
}
