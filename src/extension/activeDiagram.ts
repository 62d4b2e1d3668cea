/**
 * Which diagram a command is about: the URI it was given, else the active editor's anycast
 * document, else the one last in an editor (so commands still work with the preview focused).
 */
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analyses';

/** The language id of `.anycast.mmd` documents (package.json `contributes.languages`). */
export const anycastLanguageId = 'anycast';
/** The document selector every provider registers with. */
export const anycastSelector = { language: anycastLanguageId } as const;
const languageId = anycastLanguageId;
let last: vscode.TextDocument | undefined;

export function trackActiveDiagram(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  const note = (editor: vscode.TextEditor | undefined): void => {
    if (editor?.document.languageId === languageId) last = editor.document;
  };
  note(vscode.window.activeTextEditor);
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(note),
    analyses.onDidClose((uri) => {
      if (last?.uri.toString() === uri.toString()) last = undefined;
    }),
  );
}

export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  return typeof value === 'string' && value !== '' ? vscode.Uri.parse(value) : undefined;
}

/** The diagram the user is working on: the active editor's, else the last one in an editor. */
export function currentDiagram(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  return active?.languageId === languageId ? active : last;
}

/** The diagram for `arg` (a URI or its string), or undefined after telling the user to open one. */
export async function diagramDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = asUri(arg);
  const document = uri ? await vscode.workspace.openTextDocument(uri) : currentDiagram();
  if (document?.languageId === languageId) return document;
  void vscode.window.showInformationMessage('Open an .anycast.mmd file first.');
  return undefined;
}
