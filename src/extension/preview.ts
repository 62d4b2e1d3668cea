/**
 * The live preview beside the editor: one webview panel that follows the active `.anycast.mmd`
 * editor, renders at once on the first change and debounced after, restyles only when just the
 * routing state changed, links clicks and the cursor both ways, and survives a window reload.
 */
import * as vscode from 'vscode';
import { analyzeDocument, diagramContent } from '../routing/picture/previewContent';
import { defaultGroupClientsAbove } from '../routing/picture/clientGroups';
import type { DiagramContent, DocumentAnalysis, SyntaxErrorContent } from '../routing/picture/previewContent';
import type {
  HostToWebview,
  PreviewPersistedState,
  PreviewTheme,
  RequestSvgMessage,
  SvgMessage,
  WebviewToHost,
} from '../protocol/messages';
import { toVsRange } from './convert';
import { parsedOf } from './parsedDocuments';
import type { PreviewScenarioSource } from './previewScenario';

const viewType = 'anycast.preview';
const languageId = 'anycast';

interface PreviewSettings {
  readonly theme: PreviewTheme;
  readonly debounceMs: number;
  readonly maxEdges: number;
  readonly groupClientsAbove: number;
}

function readSettings(): PreviewSettings {
  const config = vscode.workspace.getConfiguration('anycast.preview');
  const theme = config.get<string>('theme', 'auto');
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    debounceMs: Math.max(0, config.get<number>('debounceMs', 250)),
    maxEdges: Math.max(1, config.get<number>('maxEdges', 500)),
    groupClientsAbove: Math.max(0, config.get<number>('groupClientsAbove', defaultGroupClientsAbove)),
  };
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isAnycast(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === languageId;
}

/** What an export asks of the webview: background, format and scale. */
type ExportRequest = Partial<Pick<RequestSvgMessage, 'background' | 'format' | 'scale'>>;

/** A render message the webview confirmed, for tests and scripts that must wait for the picture. */
interface RenderedEvent {
  readonly uri: string;
  readonly version: number;
}

class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private ready = false;
  private settings = readSettings();
  /** Leading-edge debounce: the first change renders at once, later ones when the window ends. */
  private window: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  /** The last diagram sent: what clicks and the cursor are matched against. */
  private content: DiagramContent | undefined;
  /** Parsing and the nothing-failed resolution depend on the text only: once per document version. */
  private analysis:
    | { readonly uri: string; readonly version: number; readonly result: DocumentAnalysis | SyntaxErrorContent }
    | undefined;
  private highlighted: string | undefined;
  private lastRendered: RenderedEvent | undefined;
  private readonly rendered = new vscode.EventEmitter<RenderedEvent>();
  private readonly svgRequests = new Map<number, (answer: SvgMessage | undefined) => void>();
  private nextRequestId = 1;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly failures: PreviewScenarioSource,
  ) {
    this.disposables.push(
      this.rendered,
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
        if (!event.affectsConfiguration('anycast.preview')) return;
        this.settings = readSettings();
        this.post({ type: 'setTheme', theme: this.settings.theme });
        this.update();
      }),
      failures.onDidChange((uri) => this.scenarioChanged(uri)),
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

  /** Resolves once the webview has shown `uri` at `version` or later. */
  waitForRender(uri: string, version: number, timeoutMs: number): Promise<RenderedEvent> {
    const done = (e: RenderedEvent | undefined): e is RenderedEvent =>
      e !== undefined && e.uri === uri && e.version >= version;
    if (done(this.lastRendered)) return Promise.resolve(this.lastRendered);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(
          new Error(
            `The preview did not render ${uri} version ${version} within ${timeoutMs} ms (last: ${JSON.stringify(this.lastRendered)})`,
          ),
        );
      }, timeoutMs);
      const listener = this.rendered.event((e) => {
        if (!done(e)) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(e);
      });
    });
  }

  /** The SVG on screen (undefined when there is none), asked of the webview by request id. */
  async requestSvg(): Promise<string | undefined> {
    return (await this.requestPicture({}))?.svg;
  }

  /** The picture on screen as a portable file (see RequestSvgMessage); undefined when no preview is open. */
  requestPicture(options: ExportRequest): Promise<SvgMessage | undefined> {
    if (!this.panel || !this.ready) return Promise.resolve(undefined);
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.svgRequests.set(requestId, resolve);
      this.post({ type: 'requestSvg', requestId, ...options });
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
    this.lastRendered = undefined;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.svg');
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((message: WebviewToHost) => this.receive(message), undefined, this.disposables);
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

  private html(webview: vscode.Webview): string {
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css'));
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${n}'`,
      // Mermaid writes <style> into its SVG: inline styles are needed, inline scripts are not.
      `style-src ${webview.cspSource} 'unsafe-inline'`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Anycast Preview</title>
</head>
<body>
<script nonce="${n}" src="${script.toString()}"></script>
</body>
</html>`;
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
    if (this.window !== undefined) {
      this.dirty = true;
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
    if (this.analysis?.uri !== uri || this.analysis.version !== version) {
      this.analysis = { uri, version, result: analyzeDocument(document.getText(), parsedOf(document)) };
    }
    const analysis = this.analysis.result;
    if ('kind' in analysis) {
      this.post({
        type: 'error',
        uri,
        version,
        message: analysis.message,
        line: analysis.range.start.line + 1,
        column: analysis.range.start.character + 1,
      });
      return;
    }
    const previous = this.content;
    const scenario = this.failures.previewScenario(document.uri);
    const content = diagramContent(analysis, scenario, { groupClientsAbove: this.settings.groupClientsAbove });
    this.content = content;
    if (previous?.mermaidText === content.mermaidText) {
      this.post({ type: 'routingState', uri, version, routing: content.routing });
      return;
    }
    this.post({
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

  private cursorMoved(position: vscode.Position | undefined): void {
    const content = this.content;
    if (!position || !content) return;
    const nodeId = content.nodeAt({ line: position.line, character: position.character });
    if (nodeId === this.highlighted) return;
    this.highlighted = nodeId;
    this.post({ type: 'highlight', nodeId });
  }

  private receive(message: WebviewToHost): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.content = undefined;
        this.post({ type: 'setTheme', theme: this.settings.theme });
        this.update();
        break;
      case 'rendered':
        this.lastRendered = { uri: message.uri, version: message.version };
        this.rendered.fire(this.lastRendered);
        break;
      case 'renderFailed':
        break;
      case 'reveal':
        void this.reveal(message);
        break;
      case 'togglePop':
        if (this.document?.uri.toString() === message.uri) this.failures.togglePop(this.document.uri, message.pop);
        break;
      case 'svg':
        this.svgRequests.get(message.requestId)?.(message);
        this.svgRequests.delete(message.requestId);
        break;
      default: {
        const unknown: never = message;
        throw new Error(`Unknown message from the preview: ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async reveal(message: Extract<WebviewToHost, { type: 'reveal' }>): Promise<void> {
    const document = this.document;
    const content = this.content;
    if (!document || document.uri.toString() !== message.uri || !content) return;
    const range =
      message.target.kind === 'node' ? content.nodeRange(message.target.id) : content.edgeRange(message.target.index);
    if (!range) return;
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: toVsRange(range),
    });
    editor.revealRange(toVsRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
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

export function registerPreview(context: vscode.ExtensionContext, failures: PreviewScenarioSource): void {
  const manager = new PreviewManager(context.extensionUri, failures);
  context.subscriptions.push(
    manager,
    vscode.commands.registerCommand('anycast.openPreviewToSide', (uri?: vscode.Uri) =>
      manager.open(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.window.registerWebviewPanelSerializer(viewType, {
      deserializeWebviewPanel: (panel, state) => manager.restore(panel, state),
    }),
    // Not contributed: lets integration tests and scripts wait for the picture instead of sleeping.
    vscode.commands.registerCommand(
      'anycast.internal.waitForPreviewRender',
      (uri: string, version: number, timeoutMs = 20_000) => manager.waitForRender(uri, version, timeoutMs),
    ),
    vscode.commands.registerCommand('anycast.internal.previewSvg', () => manager.requestSvg()),
    // Not contributed: the export commands ask the preview for a portable SVG or PNG through it.
    vscode.commands.registerCommand('anycast.internal.previewPicture', (options: ExportRequest = {}) =>
      manager.requestPicture(options),
    ),
  );
}
