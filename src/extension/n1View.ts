// Runs in the extension host: "Anycast: Show N-1 Capacity", a read-only Markdown table that follows the diagram while open.
import * as vscode from 'vscode';
import { n1Markdown } from '../routing/words/n1Words';
import { diagramDocument } from './activeDiagram';
import { refreshOnEdit, showMarkdownView } from './markdownView';
import type { DocumentAnalyses } from './analyses';

const n1Scheme = 'anycast-n1';

function n1Uri(source: vscode.Uri): vscode.Uri {
  const file = source.path.split('/').pop() ?? source.toString();
  const name = file.replace(/\.anycast\.mmd$|\.mmd$/i, '');
  return vscode.Uri.from({ scheme: n1Scheme, path: `/N-1 capacity of ${name}.md`, query: source.toString() });
}

class N1Provider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly analyses: DocumentAnalyses) {}

  refresh(source: vscode.Uri): void {
    this.changed.fire(n1Uri(source));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = vscode.Uri.parse(uri.query);
    const document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString()) ??
      (await vscode.workspace.openTextDocument(source));
    return n1Markdown(this.analyses.of(document), source.path.split('/').pop() ?? source.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the N-1 capacity command and its read-only documents. */
export function registerN1View(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  const provider = new N1Provider(analyses);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(n1Scheme, provider),
    refreshOnEdit(n1Uri, (source) => provider.refresh(source)),
    vscode.commands.registerCommand('anycast.showN1Capacity', async (arg?: unknown) => {
      const document = await diagramDocument(arg);
      return document ? showMarkdownView(n1Uri(document.uri)) : undefined;
    }),
  );
}
