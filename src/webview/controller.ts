/**
 * The preview's state machine: which document and version is on screen, when to lay out again
 * (only when the mermaid text or theme changed) and when only to restyle, and the user's
 * interactions with the picture.
 */
import type {
  DiagramEdge,
  ErrorMessage,
  ExportBackground,
  HostToWebview,
  PreviewTheme,
  RenderMessage,
  RoutingAnnotation,
  RoutingStateMessage,
  WebviewToHost,
} from '../protocol/messages';
import { ConvergencePlayer } from './convergencePlayer';
import { type DiagramIndex, indexDiagram, targetOf } from './diagramIndex';
import { renderLegend } from './legend';
import { AttackToggle } from './attackToggle';
import { MapMode } from './mapMode';
import type { MermaidTheme } from './mermaidRenderer';
import { MermaidRenderer } from './mermaidRenderer';
import { PanZoom, type View } from './panZoom';
import { addZoomButtons, buildPage, showTooltip, sizeSvg } from './page';
import type { Elements } from './page';
import { exportableSvg } from './offscreen';
import { answerPicture } from './picture';
import { applyRouting, showCatchment, showCursor, showPath } from './routingStyle';
import type { EffectiveTheme } from './theme';
import { effectiveTheme, mermaidThemeFor, watchBodyTheme } from './theme';

export interface HostChannel {
  post(message: WebviewToHost): void;
  /** Remembers the shown document across reloads (VS Code's webview state). */
  saveState(state: { uri: string; view: View }): void;
}

interface Shown {
  readonly uri: string;
  readonly text: string;
  readonly theme: MermaidTheme;
  readonly edges: readonly DiagramEdge[];
  readonly svg: SVGSVGElement;
  readonly index: DiagramIndex;
}

export class PreviewController {
  private readonly el: Elements;
  private readonly panZoom: PanZoom;
  private readonly renderer = new MermaidRenderer();
  private readonly map: MapMode;
  private themeSetting: PreviewTheme = 'auto';
  private uri: string | undefined;
  private latestVersion = -1;
  /** The newest render asked for; the one that reaches the screen when mermaid finishes. */
  private wanted: RenderMessage | undefined;
  private routing: RoutingAnnotation | undefined;
  private shown: Shown | undefined;
  private cursorNode: string | undefined;
  private hoverNode: string | undefined;
  private fitPending = true;
  /** Each document's own pan and zoom, so switching files back and forth keeps both views. */
  private readonly views = new Map<string, View>();
  private readonly player: ConvergencePlayer;
  private readonly attack: AttackToggle;

  constructor(
    private readonly body: HTMLElement,
    private readonly host: HostChannel,
    restoredView?: View,
  ) {
    this.el = buildPage(body);
    const post = (m: WebviewToHost): void => this.host.post(m);
    const mapParent = this.el.viewport.parentElement ?? body;
    this.map = new MapMode(
      this.el.toolbar,
      mapParent,
      post,
      () => this.uri,
      (r) => this.player.mapRoutingAt(r),
    );
    this.panZoom = new PanZoom(this.el.viewport, this.el.canvas);
    addZoomButtons(this.el.toolbar, this.panZoom);
    if (restoredView) {
      this.panZoom.set(restoredView);
      this.fitPending = false;
    }
    this.panZoom.onChange((view) => {
      if (this.shown === undefined || this.shown.uri !== this.uri) return;
      this.views.set(this.shown.uri, view);
      this.host.saveState({ uri: this.shown.uri, view });
    });
    this.panZoom.focus = () =>
      this.cursorNode === undefined ? undefined : this.shown?.index.nodes.get(this.cursorNode);
    this.el.canvas.addEventListener('click', (event) => this.onClick(event));
    this.el.canvas.addEventListener('pointerover', (event) => this.onHover(event));
    this.el.canvas.addEventListener('pointerleave', () => this.setHover(undefined));
    watchBodyTheme(body, () => this.onThemeChanged());
    this.player = new ConvergencePlayer(this.el.toolbar, this.host, () => {
      this.restyle();
      this.map.repaint();
    });
    this.attack = new AttackToggle(this.el.toolbar, post, () => this.uri);
    this.applyThemeAttribute();
  }

  handle(message: HostToWebview): void {
    switch (message.type) {
      case 'render':
        this.onRender(message);
        break;
      case 'routingState':
        this.onRoutingState(message);
        break;
      case 'error':
        this.onError(message);
        break;
      case 'edited':
        if (message.uri === this.uri && message.version > this.latestVersion) {
          this.noteVersion(message);
          this.renderer.dropQueued();
        }
        break;
      case 'highlight':
        // The newest intent wins: a cursor move shows its node's path even under a resting pointer.
        this.hoverNode = undefined;
        this.cursorNode = message.nodeId;
        this.map.highlight(message.nodeId);
        this.showCursor(true);
        break;
      case 'setTheme':
        this.themeSetting = message.theme;
        this.onThemeChanged();
        break;
      case 'requestPicture':
        if (this.map.showing) void this.map.picture(message).then((m) => this.host.post(m));
        else
          void answerPicture(
            message,
            this.shown?.svg,
            (svg, bg) => this.exportableSvg(svg, bg),
            (m) => this.host.post(m),
          );
        break;
      case 'setView':
        this.map.set(message.view);
        break;
      case 'convergence':
        if (!this.isStale(message) && message.uri === this.uri) this.player.load(message);
        break;
      default: {
        const unknown: never = message;
        throw new Error(`Unknown message ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The diagram as a portable file on `background` (see offscreen.ts). */
  private exportableSvg(svg: SVGSVGElement, background: ExportBackground): Promise<string> {
    return exportableSvg(svg, background, {
      shown: this.shown,
      routing: this.routing,
      theme: this.theme,
      renderer: this.renderer,
      canvas: this.el.canvas,
      body: this.body,
      size: sizeSvg,
      maxEdges: this.wanted?.maxEdges ?? 500,
      restyle: () => this.restyle(),
      laidOut: () => {
        if (this.wanted && this.shown && this.wanted.mermaidText !== this.shown.text)
          void this.layout(this.wanted, mermaidThemeFor(this.theme));
      },
    });
  }

  get theme(): EffectiveTheme {
    return effectiveTheme(this.themeSetting, this.body);
  }

  /** True when this message is about an older edit than one already seen. */
  private isStale(message: { uri: string; version: number }): boolean {
    return message.uri === this.uri && message.version < this.latestVersion;
  }

  private noteVersion(message: { uri: string; version: number }): void {
    if (message.uri !== this.uri) {
      this.uri = message.uri;
      this.latestVersion = message.version;
      this.fitPending = this.shown !== undefined || this.fitPending;
      return;
    }
    this.latestVersion = Math.max(this.latestVersion, message.version);
  }

  private onRender(message: RenderMessage): void {
    if (this.isStale(message)) return;
    const otherDocument = message.uri !== this.uri && this.uri !== undefined;
    this.noteVersion(message);
    this.wanted = message;
    this.routing = message.routing;
    this.player.follow(message.uri, message.routing);
    this.map.render(message);
    // The map needs no layout: a diagram too big for mermaid waits until it is asked for.
    if (message.edges.length > message.maxEdges && this.map.showing) return this.confirm(message, true, 0);
    if (message.edges.length > message.maxEdges) {
      const text =
        `This diagram has ${message.edges.length} edges; the preview lays out at most ${message.maxEdges} ` +
        '(mermaid would freeze for a long time). Split the diagram or raise "anycast.preview.maxEdges".';
      if (otherDocument) this.clearPicture();
      this.showProblem(text);
      this.host.post({ type: 'renderFailed', uri: message.uri, version: message.version, message: text });
      return;
    }
    const theme = mermaidThemeFor(this.theme);
    if (
      this.shown &&
      this.shown.uri === message.uri &&
      this.shown.text === message.mermaidText &&
      this.shown.theme === theme
    ) {
      const started = performance.now();
      this.shown = { ...this.shown, edges: message.edges };
      this.restyle();
      this.showProblem(undefined);
      this.confirm(message, false, performance.now() - started);
      return;
    }
    void this.layout(message, theme);
  }

  private async layout(message: RenderMessage, theme: MermaidTheme): Promise<void> {
    const outcome = await this.renderer.render({
      text: message.mermaidText,
      theme,
      maxEdges: message.maxEdges,
      label: `${message.uri} ${message.version}`,
    });
    if (outcome.kind === 'superseded' || this.wanted !== message) return;
    if (outcome.kind === 'failed') {
      this.showProblem(`Mermaid could not draw this diagram: ${outcome.message}`);
      this.host.post({ type: 'renderFailed', uri: message.uri, version: message.version, message: outcome.message });
      return;
    }
    const started = performance.now();
    this.el.canvas.innerHTML = outcome.svg;
    const svg = this.el.canvas.querySelector('svg');
    if (!svg) return;
    sizeSvg(svg);
    this.shown = {
      uri: message.uri,
      text: message.mermaidText,
      theme,
      edges: message.edges,
      svg,
      index: indexDiagram(svg, message.edges),
    };
    this.el.placeholder.hidden = true;
    this.restyle();
    this.showProblem(undefined);
    this.el.headline.title = message.title;
    if (this.fitPending) {
      this.fitPending = false;
      const saved = this.views.get(message.uri);
      if (saved) this.panZoom.set(saved);
      else this.panZoom.fit();
    }
    this.host.saveState({ uri: message.uri, view: this.panZoom.current });
    this.confirm(message, true, outcome.durationMs + performance.now() - started);
  }

  /** Tells the host this version is on screen. */
  private confirm(message: { uri: string; version: number }, layout: boolean, durationMs: number): void {
    this.host.post({ type: 'rendered', uri: message.uri, version: message.version, layout, durationMs });
  }

  private onRoutingState(message: RoutingStateMessage): void {
    if (this.isStale(message) || message.uri !== this.uri) return;
    this.noteVersion(message);
    this.routing = message.routing;
    const started = performance.now();
    this.player.follow(message.uri, message.routing);
    this.map.restyle(message.routing, message.mapRouting);
    this.restyle();
    if (this.shown?.uri === message.uri || this.map.showing) this.confirm(message, false, performance.now() - started);
  }

  private onError(message: ErrorMessage): void {
    if (this.isStale(message)) return;
    if (message.uri !== this.uri && this.uri !== undefined) this.clearPicture();
    this.noteVersion(message);
    const where =
      message.line !== undefined
        ? ` (line ${message.line}${message.column !== undefined ? `, column ${message.column}` : ''})`
        : '';
    this.showProblem(`${message.message}${where}`);
  }

  private clearPicture(): void {
    this.shown = undefined;
    this.routing = undefined;
    this.el.canvas.replaceChildren();
    this.el.placeholder.hidden = false;
    this.el.legend.hidden = true;
    this.fitPending = true;
  }

  private showProblem(text: string | undefined): void {
    const routingProblem = this.routing?.problem;
    const shownText = text ?? routingProblem;
    this.el.problem.hidden = shownText === undefined;
    this.el.problem.textContent = shownText ?? '';
  }

  /** Paints the latest routing state onto the picture on screen. */
  private restyle(): void {
    const routing = this.routing;
    const shown = this.shown;
    this.el.headline.textContent = routing?.headline ?? '';
    this.attack.show(routing?.attack);
    renderLegend(this.el.legend, routing, this.theme, {
      togglePop: (pop) => this.uri !== undefined && this.host.post({ type: 'togglePop', uri: this.uri, pop }),
      hoverPop: (pop) => {
        if (this.shown && this.routing) showCatchment(this.shown.index, this.routing, this.shown.svg, pop);
      },
      revealPop: (pop) => this.revealNode(pop),
      revealNode: (node) => this.revealNode(node),
    });
    if (!shown || !routing) return;
    applyRouting(shown.index, shown.edges, this.player.routingAt(this.uri, routing), this.theme, shown.svg);
    this.showCursor(false);
  }

  private revealNode(id: string): void {
    if (this.uri !== undefined) this.host.post({ type: 'reveal', uri: this.uri, target: { kind: 'node', id } });
  }

  private showCursor(scroll: boolean): void {
    const shown = this.shown;
    if (!shown) return;
    const g = showCursor(shown.index, this.cursorNode);
    this.showPathOf(this.hoverNode ?? this.cursorNode);
    if (g && scroll) this.panZoom.reveal(g);
  }

  private showPathOf(nodeId: string | undefined): void {
    const shown = this.shown;
    if (!shown) return;
    const node = nodeId === undefined ? undefined : this.routing?.nodes.find((n) => n.id === nodeId);
    showPath(shown.index, shown.edges, shown.svg, node?.path);
  }

  private onClick(event: MouseEvent): void {
    if (this.panZoom.dragged || this.uri === undefined) return;
    const target = this.shown ? targetOf(this.shown.index, event) : undefined;
    if (!target) return;
    // Alt+click on a PoP fails or restores it, as its legend button does; a plain click shows its source.
    const pop =
      target.kind === 'node' && event.altKey
        ? this.routing?.nodes.find((n) => n.id === target.id && n.role === 'pop')
        : undefined;
    if (pop) this.host.post({ type: 'togglePop', uri: this.uri, pop: pop.id });
    else this.host.post({ type: 'reveal', uri: this.uri, target });
  }

  private onHover(event: PointerEvent): void {
    const target = this.shown ? targetOf(this.shown.index, event) : undefined;
    this.setHover(target?.kind === 'node' ? target.id : undefined, event);
  }

  private setHover(nodeId: string | undefined, event?: PointerEvent): void {
    if (nodeId !== this.hoverNode) {
      this.hoverNode = nodeId;
      this.showPathOf(nodeId ?? this.cursorNode);
    }
    const summary = nodeId === undefined ? undefined : this.routing?.nodes.find((n) => n.id === nodeId)?.summary;
    showTooltip(this.el.tooltip, summary, event);
  }

  private applyThemeAttribute(): EffectiveTheme {
    const theme = this.theme;
    this.body.dataset['acTheme'] = theme;
    this.map.setTheme(theme);
    return theme;
  }

  private onThemeChanged(): void {
    const theme = this.applyThemeAttribute();
    const wanted = this.wanted;
    if (this.shown && wanted && this.shown.theme !== mermaidThemeFor(theme)) {
      // Mermaid bakes its theme into the SVG: draw again. Same text and sizes, so the same layout.
      void this.layout(wanted, mermaidThemeFor(theme));
    } else this.restyle();
  }
}
