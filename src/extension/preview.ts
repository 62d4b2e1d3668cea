/**
 * The live preview beside the editor: one webview panel that follows the active `.anycast.mmd`
 * editor, renders at once on the first change and debounced after, restyles only when just the
 * routing state changed, links clicks and the cursor both ways, and survives a window reload.
 */
import * as vscode from 'vscode';
import { previewContent } from '../routing/picture/previewContent';
import type { DiagramContent } from '../routing/picture/previewContent';
import type {
  HostToWebview,
  PreviewPersistedState,
  PictureRequestMessage,
  PictureMessage,
  WebviewToHost,
} from '../protocol/messages';
import { anycastLanguageId } from './activeDiagram';
import type { DocumentAnalyses } from './analyses';
import type { PreviewView } from '../routing/map/previewView';
import { convergenceReply } from './previewConvergence';
import { previewHtml } from './previewHtml';
import { revealInSource } from './previewReveal';
import { PreviewMap } from './previewMap';
import { readSettings } from './previewSettings';
import { RenderWaits } from './renderWaits';
import { checkWebviewMessage, describeDropped } from './webviewMessages';
import type { RenderedEvent } from './renderWaits';
import type { SimulationStore } from './simulation';

const viewType = 'anycast.preview';

function isAnycast(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === anycastLanguageId;
}

/** What an export asks of the webview: background, format and scale. */
export type PictureOptions = Partial<Pick<PictureRequestMessage, 'background' | 'format' | 'scale'>>;

/** Long enough for a first mermaid layout of a large diagram on a slow machine. */
const renderTimeoutMs = 30_000;

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private ready = false;
  private settings = readSettings();
  /** Leading-edge debounce: the first change renders at once, later ones once typing pauses for the window. */
  private window: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  /** The last diagram sent: what clicks and the cursor are matched against. */
  private content: DiagramContent | undefined;
  private highlighted: string | undefined;
  private readonly renders = new RenderWaits();
  private readonly svgRequests = new Map<number, (answer: PictureMessage | undefined) => void>();
  private readonly map: PreviewMap;
  private nextRequestId = 1;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: DocumentAnalyses,
    private readonly simulation: SimulationStore,
    memory: vscode.Memento,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
  ) {
    this.map = new PreviewMap(memory);
    this.disposables.push(
      this.renders,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && isAnycast(editor?.document)) this.show(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.documentChanged();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.cursorMoved(event.selections[0]?.active);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('anycast.preview') && !event.affectsConfiguration('anycast.load')) return;
        this.settings = readSettings();
        this.post({ type: 'setTheme', theme: this.settings.theme });
        this.update();
      }),
      simulation.onDidChange((uri) => this.scenarioChanged(uri)),
    );
  }

  /** Opens (or reveals) the preview beside the editor, showing `uri` or the active anycast document. */
  async open(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!isAnycast(document)) {
      void vscode.window.showInformationMessage('Open an .anycast.mmd file to preview it.');
      return;
    }
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        viewType,
        'Anycast Preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        this.webviewOptions(),
      );
      this.adopt(panel);
    }
    this.show(document);
  }

  /** Takes back a panel VS Code restored after a reload, with the document it showed. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = this.webviewOptions();
    this.panel?.dispose();
    this.adopt(panel);
    const uri =
      typeof state === 'object' && state !== null && typeof (state as PreviewPersistedState).uri === 'string'
        ? (state as PreviewPersistedState).uri
        : undefined;
    const active = vscode.window.activeTextEditor?.document;
    try {
      const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : active;
      if (isAnycast(document)) this.show(document);
    } catch {
      if (isAnycast(active)) this.show(active);
    }
  }

  /** Resolves once the webview has shown `uri` at `version` or later; rejects at once if mermaid refused it. */
  waitForRender(uri: string, version: number, timeoutMs: number): Promise<RenderedEvent> {
    return this.renders.wait(uri, version, timeoutMs);
  }

  /** The SVG on screen (undefined when there is none), asked of the webview by request id. */
  async requestSvg(): Promise<string | undefined> {
    return (await this.requestPicture({}))?.svg;
  }

  /** The picture of `document` as the preview draws it, opening the preview when it is closed. */
  async picture(document: vscode.TextDocument, options: PictureOptions): Promise<PictureMessage> {
    // A diagram that does not parse never renders: say where, instead of waiting for the preview.
    const broken = this.analyses.of(document).syntaxError;
    if (broken) throw new Error(`the diagram does not parse (line ${broken.range.start.line + 1}: ${broken.message})`);
    await this.open(document.uri);
    await this.waitForRender(document.uri.toString(), document.version, renderTimeoutMs);
    const answer = await this.requestPicture(options);
    if (!answer) throw new Error('The preview closed before the picture was ready');
    if (answer.error !== undefined) throw new Error(answer.error);
    if (answer.svg === undefined) throw new Error('The preview shows no picture yet (does the diagram parse?)');
    return answer;
  }

  /** The picture on screen as a portable file (see PictureRequestMessage); undefined when no preview is open. */
  private requestPicture(options: PictureOptions): Promise<PictureMessage | undefined> {
    if (!this.panel || !this.ready) return Promise.resolve(undefined);
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.svgRequests.set(requestId, resolve);
      this.post({ type: 'requestPicture', requestId, ...options });
    });
  }

  private webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
        vscode.Uri.joinPath(this.extensionUri, 'media'),
      ],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.content = undefined;
    // A new panel has drawn nothing yet: a render the old one confirmed must not satisfy a waiter.
    this.renders.reset();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.svg');
    panel.webview.html = previewHtml(panel.webview, this.extensionUri);
    panel.webview.onDidReceiveMessage((value: unknown) => this.receiveChecked(value), undefined, this.disposables);
    panel.onDidDispose(
      () => {
        if (this.panel !== panel) return;
        this.panel = undefined;
        this.document = undefined;
        this.ready = false;
        for (const resolve of this.svgRequests.values()) resolve(undefined);
        this.svgRequests.clear();
      },
      undefined,
      this.disposables,
    );
  }

  private show(document: vscode.TextDocument): void {
    if (!this.panel) return;
    const changed = this.document !== document;
    this.document = document;
    this.panel.title = `Preview ${document.uri.path.split('/').pop() ?? ''}`;
    if (changed) {
      this.highlighted = undefined;
      this.content = undefined;
    }
    this.update();
  }

  private documentChanged(): void {
    // Tells the webview at once, so it never starts laying out a version this edit made stale.
    if (this.panel && this.ready && this.document)
      this.post({ type: 'edited', uri: this.document.uri.toString(), version: this.document.version });
    if (this.window !== undefined) {
      // Each keystroke restarts the window: versions typed in a burst are never analysed or laid out.
      this.dirty = true;
      clearTimeout(this.window);
      this.openWindow();
      return;
    }
    this.update();
    this.openWindow();
  }

  private openWindow(): void {
    this.window = setTimeout(() => {
      this.window = undefined;
      if (!this.dirty) return;
      this.dirty = false;
      this.update();
      this.openWindow();
    }, this.settings.debounceMs);
  }

  private scenarioChanged(uri: vscode.Uri | undefined): void {
    if (uri === undefined || !this.document || uri.toString() !== this.document.uri.toString()) return;
    this.update();
  }

  /** Sends the document as it is now: a render (the webview restyles only when the text is unchanged) or an error. */
  private update(): void {
    const document = this.document;
    if (!this.panel || !this.ready || !document) return;
    const uri = document.uri.toString();
    const version = document.version;
    const analysis = this.analyses.of(document);
    const scenario = this.simulation.scenarioOf(document.uri);
    const load = this.simulation.loadOptionsOf(document.uri);
    const shown = previewContent(analysis, scenario, { groupClientsAbove: this.settings.groupClientsAbove, load });
    if (shown.kind === 'error') {
      this.post({
        type: 'error',
        uri,
        version,
        message: shown.message,
        line: shown.range.start.line + 1,
        column: shown.range.start.character + 1,
      });
      return;
    }
    const previous = this.content;
    const content = shown;
    this.content = content;
    const { setView, map, placesKnown } = this.map.update(uri, version, analysis, scenario, {
      setting: this.settings.defaultView,
      edges: content.edges.length,
      maxEdges: this.settings.maxEdges,
      load,
    });
    if (setView) this.post({ type: 'setView', view: setView });
    if (previous?.mermaidText === content.mermaidText && placesKnown) {
      const mapRouting = map ? { mapRouting: map.routing } : {};
      this.post({ type: 'routingState', uri, version, routing: content.routing, ...mapRouting });
      return;
    }
    this.post({
      ...(map ? { map } : {}),
      type: 'render',
      uri,
      version,
      mermaidText: content.mermaidText,
      routing: content.routing,
      edges: content.edges,
      maxEdges: this.settings.maxEdges,
      title: document.uri.path.split('/').pop() ?? '',
    });
  }

  /** Switches the document on screen between the map and the diagram, and remembers the choice. */
  async toggleView(): Promise<PreviewView | undefined> {
    const view = this.document ? await this.map.toggle(this.document.uri.toString()) : undefined;
    this.update();
    return view;
  }

  private cursorMoved(position: vscode.Position | undefined): void {
    const content = this.content;
    if (!position || !content) return;
    const nodeId = content.nodeAt({ line: position.line, character: position.character });
    if (nodeId === this.highlighted) return;
    this.highlighted = nodeId;
    this.post({ type: 'highlight', nodeId });
  }

  /** Acts on a message only when it is one of the protocol's; anything else is logged and dropped. */
  private receiveChecked(value: unknown): void {
    const checked = checkWebviewMessage(value);
    if (checked.ok) this.receive(checked.message);
    else this.log.warn(describeDropped(value, checked.reason));
  }

  private receive(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // A new webview knows nothing yet: neither the picture, nor the map's places, nor the view.
        this.content = undefined;
        this.map.forgetWebview();
        this.post({ type: 'setTheme', theme: this.settings.theme });
        this.update();
        break;
      case 'rendered':
        this.renders.rendered(message);
        break;
      case 'renderFailed':
        this.renders.failed(message);
        break;
      case 'reveal':
        void revealInSource(this.document, this.content, message);
        break;
      case 'viewChosen':
        void this.map.remember(message.uri, message.view, 'webview').then(() => this.update());
        break;
      case 'togglePop':
        if (this.document?.uri.toString() === message.uri) this.simulation.togglePop(this.document, message.pop);
        break;
      case 'simulateAttack':
        if (this.document?.uri.toString() === message.uri) this.simulation.setAttack(this.document.uri, message.on);
        break;
      case 'picture':
        this.svgRequests.get(message.requestId)?.(message);
        this.svgRequests.delete(message.requestId);
        break;
      case 'playConvergence': {
        const document = this.document;
        const reply =
          document?.uri.toString() === message.uri
            ? convergenceReply(this.simulation.routingOf(document), message, document.version)
            : undefined;
        if (reply) this.post(reply);
        break;
      }
      default: {
        const unknown: never = message;
        throw new Error(`Unknown message from the preview: ${JSON.stringify(unknown)}`);
      }
    }
  }

  private post(message: HostToWebview): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.window !== undefined) clearTimeout(this.window);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Creates the preview and its command; export and the test API reach it through the object returned. */
export function registerPreview(
  context: vscode.ExtensionContext,
  analyses: DocumentAnalyses,
  simulation: SimulationStore,
): PreviewManager {
  const log = vscode.window.createOutputChannel('Anycast Topology', { log: true });
  const manager = new PreviewManager(context.extensionUri, analyses, simulation, context.workspaceState, log);
  context.subscriptions.push(
    log,
    manager,
    vscode.commands.registerCommand('anycast.openPreviewToSide', (uri?: vscode.Uri) =>
      manager.open(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand('anycast.togglePreviewView', () => manager.toggleView()),
    vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: (panel, state) => manager.restore(panel, state),
    }),
  );
  return manager;
}
