/**
 * The preview's Map view beside its Diagram view: a toolbar toggle, the catchment map drawn from
 * each render's map scene and restyled by each routing state and each moment of a convergence
 * playback, and the map's own links back to the host (reveal, fail/restore, hover summaries). The
 * controller asks it which view is on screen.
 */
import type {
  MapRouting,
  PictureMessage,
  PictureRequestMessage,
  PreviewView,
  RenderMessage,
  RoutingAnnotation,
  WebviewToHost,
} from '../protocol/messages';
import { MapView } from './map/mapView';
import { rasterise } from './portableSvg';

export class MapMode {
  private readonly container: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly map: MapView;
  private current: PreviewView = 'diagram';
  private routing: RoutingAnnotation | undefined;
  /** The map's routing as the host sent it (once the failure has settled), before `moment` plays it. */
  private settled: MapRouting | undefined;

  constructor(
    private readonly toolbar: HTMLElement,
    private readonly diagram: HTMLElement,
    private readonly post: (message: WebviewToHost) => void,
    private readonly uri: () => string | undefined,
    /** The map's routing at the moment a convergence playback shows, or itself. */
    private readonly moment: (settled: MapRouting) => MapRouting,
  ) {
    this.container = document.createElement('div');
    this.container.id = 'ac-map';
    this.container.hidden = true;
    diagram.after(this.container);
    this.map = new MapView(this.container, {
      reveal: (id) => this.send((uri) => ({ type: 'reveal', uri, target: { kind: 'node', id } })),
      togglePop: (pop) => this.send((uri) => ({ type: 'togglePop', uri, pop })),
      hoverPop: () => undefined,
      summaryOf: (id) => this.routing?.nodes.find((n) => n.id === id)?.summary,
    });
    this.toggle = document.createElement('button');
    this.toggle.id = 'ac-view-toggle';
    this.toggle.addEventListener('click', () => this.choose(this.current === 'map' ? 'diagram' : 'map'));
    toolbar.prepend(this.toggle);
    this.showView();
  }

  get view(): PreviewView {
    return this.current;
  }

  /** True when the map is what the user sees (the host sends its scene while it is). */
  get showing(): boolean {
    return this.current === 'map';
  }

  setTheme(theme: string): void {
    this.map.setTheme(theme);
  }

  /** The host's view for the document (its remembered choice or the default). */
  set(view: PreviewView): void {
    this.current = view;
    this.showView();
  }

  render(message: RenderMessage): void {
    this.routing = message.routing;
    if (message.map) {
      this.settled = message.map.routing;
      this.map.show({ places: message.map.places, routing: this.moment(message.map.routing) });
    }
    this.showView();
  }

  restyle(routing: RoutingAnnotation, mapRouting: MapRouting | undefined): void {
    this.routing = routing;
    if (!mapRouting) return;
    this.settled = mapRouting;
    this.repaint();
  }

  /** Paints the map's routing again at the moment shown (a playback moved): restyles, never projects. */
  repaint(): void {
    if (this.settled) this.map.restyle(this.moment(this.settled));
  }

  highlight(nodeId: string | undefined): void {
    this.map.highlight(nodeId);
  }

  /** The map on screen as asked: a portable SVG (on its own background, or the preview's), maybe a PNG too. */
  async picture(request: PictureRequestMessage): Promise<PictureMessage> {
    const { requestId } = request;
    const svg = this.map.exportSvg(request.background ?? 'auto');
    try {
      const raster = svg && request.format === 'png' ? await rasterise(svg, request.scale ?? 2) : undefined;
      return { type: 'picture', requestId, svg, ...(raster ? { png: raster.png } : {}) };
    } catch (error) {
      return {
        type: 'picture',
        requestId,
        svg: undefined,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private choose(view: PreviewView): void {
    this.set(view);
    this.send((uri) => ({ type: 'viewChosen', uri, view }));
  }

  private send(make: (uri: string) => WebviewToHost): void {
    const uri = this.uri();
    if (uri !== undefined) this.post(make(uri));
  }

  private showView(): void {
    const map = this.showing;
    this.container.hidden = !map;
    this.diagram.hidden = map;
    // The diagram's zoom buttons; the map has its own in its corner.
    const diagramButtons = this.toolbar.querySelector<HTMLElement>('.ac-buttons');
    if (diagramButtons) diagramButtons.hidden = map;
    this.toggle.textContent = this.current === 'map' ? 'Diagram' : 'Map';
    this.toggle.title = this.current === 'map' ? 'Show the diagram (the flowchart)' : 'Show the catchment map';
    this.toggle.setAttribute('aria-label', this.toggle.title);
  }
}
