/**
 * Live diagnostics: every open anycast document is parsed on open and (lightly debounced) on each
 * change, whether or not a preview is open; its problems are cleared when it closes.
 */
import * as vscode from 'vscode';
import { toVsDiagnostic } from './convert';
import type { DocumentAnalyses } from './analyses';
import { anycastLanguageId } from './activeDiagram';

/** Long enough to coalesce a burst of keystrokes, short enough to feel immediate. */
const changeDebounceMs = 150;

export function registerDiagnostics(context: vscode.ExtensionContext, analyses: DocumentAnalyses): void {
  const collection = vscode.languages.createDiagnosticCollection(anycastLanguageId);
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const cancel = (uri: vscode.Uri): void => {
    const key = uri.toString();
    const timer = pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    pending.delete(key);
  };

  const refresh = (document: vscode.TextDocument): void => {
    cancel(document.uri);
    if (document.languageId !== anycastLanguageId || document.isClosed) return;
    // The shared analysis: hovers, lenses, the preview and the simulation then reuse this version's result.
    collection.set(document.uri, analyses.of(document).diagnostics.map(toVsDiagnostic));
  };

  const schedule = (document: vscode.TextDocument): void => {
    if (document.languageId !== anycastLanguageId) return;
    cancel(document.uri);
    pending.set(
      document.uri.toString(),
      setTimeout(() => refresh(document), changeDebounceMs),
    );
  };

  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((event) => schedule(event.document)),
    // A language change arrives as close + open, so this also clears a document that stops being ours.
    analyses.onDidClose((uri) => {
      cancel(uri);
      collection.delete(uri);
    }),
    { dispose: () => [...pending.values()].forEach(clearTimeout) },
  );
  vscode.workspace.textDocuments.forEach(refresh);
}
