// Runs in the extension host: read-only Markdown documents generated from a diagram (simulation summary, N-1 capacity).
import * as vscode from 'vscode';
import { anycastLanguageId } from './activeDiagram';

/** Opens a generated document in the Markdown preview, else as text beside the editor. */
export async function showMarkdownView(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const view = await vscode.workspace.openTextDocument(uri);
  if (view.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(view, 'markdown');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', view.uri);
  } catch {
    await vscode.window.showTextDocument(view, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
  return view;
}

/** Calls `refresh(source)` when a diagram whose view (`viewUri(source)`) is open changes. */
export function refreshOnEdit(
  viewUri: (source: vscode.Uri) => vscode.Uri,
  refresh: (source: vscode.Uri) => void,
): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    const open = viewUri(event.document.uri).toString();
    if (
      event.document.languageId === anycastLanguageId &&
      vscode.workspace.textDocuments.some((d) => d.uri.toString() === open)
    )
      refresh(event.document.uri);
  });
}
