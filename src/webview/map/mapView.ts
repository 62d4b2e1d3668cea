/**
 * The catchment map view: projects a scene once per text version (mapDraw.ts) and restyles it for
 * each what-if, so a failure toggle never moves a marker. Hovering a PoP highlights its catchment
 * and dims the rest; hovering a client draws the path its traffic takes; a click reveals the source.
 */
import type { MapPlaces } from '../../routing/map/mapPlaces';
import type { ExportBackground } from '../../protocol/messages';
import type { MapRouting } from '../../routing/map/mapRouting';
import type { MapScene } from '../../routing/map/mapScene';
import { percent, plural } from '../../routing/words/figures';
import type { Drawn } from './mapDraw';
import { drawBasemap, drawClients, drawPops, drawRouters, svgElement } from './mapDraw';
import { portableMapSvg } from './mapExport';
import type { LabelCandidate } from './mapLabels';
import { placeLabels } from './mapLabels';
import type { MapLegendHandlers } from './mapLegend';
import { renderMapLegend, renderUnplaced } from './mapLegend';
import { fitProjection, greatCirclePath } from './mapProjection';
import { restyle } from './mapRestyle';
import { installMapStyle } from './mapStyle';
import type { MapTransform } from './mapZoom';
import { identity, MapZoom } from './mapZoom';

export interface MapViewHandlers extends MapLegendHandlers {
  /** The route summary the diagram shows for a node, when the host sent one. */
  summaryOf?(nodeId: string): readonly string[] | undefined;
}

const fitMargin = 36;

export class MapView {
  readonly root: HTMLElement;
  private readonly area: HTMLElement;
  private readonly svg: SVGSVGElement;
  private readonly legend: HTMLElement;
  private readonly unplaced: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly routersButton: HTMLButtonElement;
  private zoom: MapZoom | undefined;
  private drawn: Drawn | undefined;
  private scene: MapScene | undefined;
  private catchments = new Map<string, Element[]>();
  private labels: LabelCandidate[] = [];
  private labelFrame = 0;
  private cursor: string | undefined;
  private readonly filter = { text: '' };

  constructor(
    parent: HTMLElement,
    private readonly handlers: MapViewHandlers,
  ) {
    installMapStyle(parent.ownerDocument);
    this.root = document.createElement('div');
    this.root.className = 'acm-root acm-routers-off';
    this.area = document.createElement('div');
    this.area.className = 'acm-area';
    this.svg = svgElement('svg', { class: 'acm-svg', tabindex: 0, role: 'img', 'aria-label': 'Catchment map' });
    this.svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    const controls = document.createElement('div');
    controls.className = 'acm-controls';
    const button = (text: string, title: string, action: () => void): HTMLButtonElement => {
      const b = document.createElement('button');
      b.textContent = text;
      b.title = title;
      b.addEventListener('click', action);
      controls.append(b);
      return b;
    };
    button('+', 'Zoom in (+)', () => this.zoom?.zoomBy(1.5));
    button('−', 'Zoom out (-)', () => this.zoom?.zoomBy(1 / 1.5));
    button('Fit', 'Fit the placed nodes (0)', () => this.zoom?.set(identity));
    this.routersButton = button('Routers', 'Show the routers of ASes and their sessions', () => this.toggleRouters());
    this.routersButton.setAttribute('aria-pressed', 'false');
    this.unplaced = document.createElement('div');
    this.unplaced.className = 'acm-unplaced';
    this.unplaced.hidden = true;
    this.area.append(this.svg, controls, this.unplaced);
    this.legend = document.createElement('aside');
    this.legend.className = 'acm-legend';
    this.tooltip = document.createElement('div');
    this.tooltip.className = 'acm-tooltip';
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.root.append(this.area, this.legend, this.tooltip);
    parent.appendChild(this.root);
    this.svg.addEventListener('pointerover', (e) => this.onPointerOver(e));
    this.svg.addEventListener('pointerleave', () => this.setHover(undefined));
    this.svg.addEventListener('click', (e) => this.onClick(e));
  }

  /** The theme kind the map paints for: light, dark, hc-light or hc-dark. */
  setTheme(theme: string): void {
    this.root.dataset['theme'] = theme;
  }

  /** Shows `scene`: projects and draws it when its places changed (a new text), else only restyles. */
  show(scene: MapScene): void {
    if (this.drawn?.places !== scene.places) {
      const key = JSON.stringify(scene.places);
      if (this.drawn?.key !== key) this.draw(scene.places, key);
    }
    this.restyle(scene.routing);
  }

  get transform(): MapTransform {
    return this.zoom?.current ?? identity;
  }

  private draw(places: MapPlaces, key: string): void {
    const width = Math.max(320, Math.round(this.area.clientWidth || 960));
    const height = Math.max(240, Math.round(this.area.clientHeight || 540));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const points = [...places.pops.map((p) => p.point), ...places.clients.map((c) => c.point)];
    const projection = fitProjection(points, { width, height }, fitMargin);
    const layers = drawBasemap(this.svg, projection);
    const { routers, sessions } = drawRouters(layers, places, projection);
    const drawn: Drawn = {
      key,
      places,
      projection,
      layers,
      clients: drawClients(layers, places, projection),
      pops: drawPops(layers, places, projection),
      routers,
      sessions,
      arcCache: new Map(),
      size: { width, height },
      styled: new Map(),
      ghosts: new Map(),
    };
    const previous = this.drawn;
    this.drawn = drawn;
    const keepView = previous && previous.size.width === width && previous.size.height === height;
    this.zoom = new MapZoom(this.svg, layers.zoom, this.root);
    this.zoom.onChange(() => this.scheduleLabels());
    this.zoom.set(keepView && previous ? (this.zoomOf(previous) ?? identity) : identity);
  }

  private zoomOf(previous: Drawn): MapTransform | undefined {
    const t = previous.layers.zoom.getAttribute('transform');
    const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(t ?? '');
    return m ? { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) } : undefined;
  }

  /** Applies a what-if to the places on screen: radii, withdrawn marks, arcs, ghosts, rings. Moves nothing. */
  restyle(routing: MapRouting): void {
    const drawn = this.drawn;
    if (!drawn) return;
    const scene = { places: drawn.places, routing };
    this.scene = scene;
    const { catchments, labels } = restyle(drawn, routing);
    this.catchments = catchments;
    this.labels = labels;
    this.layoutLabels();
    renderMapLegend(this.legend, scene, this.legendHandlers(), this.filter);
    renderUnplaced(this.unplaced, scene, (id) => this.handlers.reveal(id));
    this.showCursor();
  }

  private legendHandlers(): MapLegendHandlers {
    return {
      reveal: (id) => this.handlers.reveal(id),
      togglePop: (id) => this.handlers.togglePop(id),
      hoverPop: (id) => {
        this.setHover(id);
        this.handlers.hoverPop(id);
      },
    };
  }

  private scheduleLabels(): void {
    if (this.labelFrame) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      this.layoutLabels();
    });
  }

  private layoutLabels(): void {
    const size = this.drawn?.size;
    if (size) placeLabels(this.labels, this.transform, size.width, size.height);
  }

  private toggleRouters(): void {
    const on = this.root.classList.toggle('acm-routers-off') === false;
    this.routersButton.setAttribute('aria-pressed', String(on));
  }

  private targetOf(event: Event): { kind: 'pop' | 'client'; id: string } | undefined {
    const el = (event.target as Element | null)?.closest('[data-pop], [data-client]');
    if (!el) return undefined;
    const pop = el.getAttribute('data-pop');
    if (pop !== null) return { kind: 'pop', id: pop };
    const client = el.getAttribute('data-client');
    return client === null ? undefined : { kind: 'client', id: client };
  }

  private onClick(event: MouseEvent): void {
    if (this.zoom?.dragged) return;
    const target = this.targetOf(event);
    if (target) this.handlers.reveal(target.id);
  }

  private onPointerOver(event: PointerEvent): void {
    const target = this.targetOf(event);
    this.setHover(target?.id);
    if (target) this.showTooltip(target, event);
    else this.tooltip.hidden = true;
  }

  /** Highlights `id`'s catchment (a PoP) or path (a client) over the dimmed map; undefined clears. */
  setHover(id: string | undefined): void {
    const drawn = this.drawn;
    if (!drawn) return;
    const focus = drawn.layers.focus;
    if (id === undefined) {
      focus.replaceChildren();
      this.svg.classList.remove('acm-dim');
      this.tooltip.hidden = true;
      return;
    }
    const copy = (el: Element | undefined): Element[] => (el ? [el.cloneNode(true) as Element] : []);
    const catchment = this.catchments.get(id);
    if (catchment) {
      focus.replaceChildren(...catchment.flatMap(copy));
    } else {
      const state = this.scene?.routing.clients.find((c) => c.id === id);
      if (!state) return;
      const client = drawn.clients.get(id);
      const pop = state.pop === undefined ? undefined : drawn.pops.get(state.pop)?.g;
      const path = svgElement('path', { class: 'acm-path', d: greatCirclePath(drawn.projection, state.path) });
      focus.replaceChildren(...copy(client?.arc), path, ...copy(pop), ...copy(client?.g));
    }
    this.svg.classList.add('acm-dim');
  }

  private showTooltip(target: { kind: 'pop' | 'client'; id: string }, event: PointerEvent): void {
    const lines = this.handlers.summaryOf?.(target.id) ?? this.defaultSummary(target);
    this.tooltip.replaceChildren(
      ...lines.map((line) => {
        const div = document.createElement('div');
        div.textContent = line;
        return div;
      }),
    );
    this.tooltip.hidden = lines.length === 0;
    this.tooltip.style.left = `${event.clientX + 14}px`;
    this.tooltip.style.top = `${event.clientY + 14}px`;
  }

  private defaultSummary(target: { kind: 'pop' | 'client'; id: string }): string[] {
    const scene = this.scene;
    if (!scene) return [];
    const nameOf = (id: string | undefined): string | undefined =>
      [...scene.places.pops, ...scene.places.clients].find((n) => n.id === id)?.name;
    if (target.kind === 'pop') {
      const pop = scene.places.pops.find((p) => p.id === target.id);
      const state = scene.routing.pops.find((p) => p.id === target.id);
      if (!pop || !state) return [];
      const figures = state.withdrawn ? 'withdrawn' : `${plural(state.clients, 'client')} · ${percent(state.share)}`;
      return [`${pop.name}: ${figures}`, pop.place];
    }
    const state = scene.routing.clients.find((c) => c.id === target.id);
    const name = nameOf(target.id) ?? target.id;
    if (!state?.pop) return [`${name}: no PoP reachable`];
    const moved = state.previousPop ? [`Moved from ${nameOf(state.previousPop) ?? state.previousPop}`] : [];
    return [`${name} → ${nameOf(state.pop) ?? state.pop}`, ...moved];
  }

  /** The map on screen as a standalone SVG file (see mapExport.ts); undefined when nothing is drawn. */
  exportSvg(background: ExportBackground): string | undefined {
    const drawn = this.drawn;
    const scene = this.scene;
    if (!drawn || !scene) return undefined;
    this.setHover(undefined);
    return portableMapSvg({ root: this.root, svg: this.svg, scene, k: this.transform.k, size: drawn.size }, background);
  }

  /** Marks the node under the cursor in the source; undefined clears. */
  highlight(nodeId: string | undefined): void {
    this.cursor = nodeId;
    this.showCursor();
  }

  private showCursor(): void {
    this.root.querySelectorAll('.acm-cursor').forEach((el) => el.classList.remove('acm-cursor'));
    const id = this.cursor;
    if (id === undefined || !this.drawn) return;
    const marker = this.drawn.pops.get(id) ?? this.drawn.clients.get(id);
    marker?.g.classList.add('acm-cursor');
  }
}
