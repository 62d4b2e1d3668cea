// Runs in the extension host (web worker or Node): what integration tests share. Every wait is on an
// event or a condition, with a timeout whose message says what never happened.
import * as vscode from 'vscode';
import type { AnycastApi } from '../../../src/extension/api';

export const extensionId = 'anycast-topology.anycast-topology';
export const languageId = 'anycast';

/** Generous for a 2-core CI machine; a healthy host answers in well under a second. */
export const waitTimeoutMs = 15_000;

export function anycastExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`Extension ${extensionId} is not installed in this host`);
  return extension;
}

/** The hooks `activate()` returns (activating the extension if it is not yet). */
export async function anycastApi(): Promise<AnycastApi> {
  return (await anycastExtension().activate()) as AnycastApi;
}

/** The manifest as the host loaded it, so tests keep up as contributions are added. */
export function manifest(): {
  contributes?: { commands?: { command: string; title?: string; category?: string }[] };
} & Record<string, unknown> {
  return anycastExtension().packageJSON;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The test host opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** What a wait was for; a function is asked only on timeout, so it can describe the state then. */
type Described = string | (() => string);

function timeoutError(what: Described): Error {
  return new Error(`Timed out after ${waitTimeoutMs / 1000} s waiting for ${typeof what === 'string' ? what : what()}`);
}

/** Resolves with the first event that satisfies `predicate`. */
export function waitForEvent<T>(event: vscode.Event<T>, predicate: (value: T) => boolean, what: Described): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(timeoutError(what));
    }, waitTimeoutMs);
    const subscription = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Resolves with the diagnostics of `uri` once they satisfy `predicate`: at once if they already do,
 * else on the diagnostics change that makes them.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  const changed = waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (event) =>
      event.uris.some((u) => u.toString() === uri.toString()) && predicate(vscode.languages.getDiagnostics(uri)),
    () => `${what} (diagnostics now: ${describe(vscode.languages.getDiagnostics(uri))})`,
  );
  const now = vscode.languages.getDiagnostics(uri);
  if (predicate(now)) {
    changed.catch(() => undefined);
    return now;
  }
  await changed;
  return vscode.languages.getDiagnostics(uri);
}

/**
 * For state that raises no event (whether an extension is active): checks on a short interval until
 * `condition` holds or the timeout passes.
 */
export function waitUntil(condition: () => boolean, what: Described): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      if (condition()) resolve();
      else if (Date.now() - started > waitTimeoutMs) reject(timeoutError(what));
      else setTimeout(check, 25);
    };
    check();
  });
}

export function errors(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

export function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return 'none';
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ');
}

/**
 * Writes `text` to a workspace file (a virtual file system in the web host) and opens it the way a
 * person does, through the workbench: unlike `openTextDocument`, that holds no extension reference,
 * so closing the editor really closes the document.
 */
export async function openWorkspaceFile(relativePath: string, text?: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(...relativePath.split('/'));
  if (text !== undefined) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const isTarget = (editor: vscode.TextEditor | undefined): editor is vscode.TextEditor =>
    editor?.document.uri.toString() === uri.toString();
  const shown = waitForEvent(vscode.window.onDidChangeActiveTextEditor, isTarget, `an editor for ${relativePath}`);
  await vscode.commands.executeCommand('vscode.open', uri);
  if (isTarget(vscode.window.activeTextEditor)) {
    shown.catch(() => undefined);
    return vscode.window.activeTextEditor;
  }
  return (await shown) as vscode.TextEditor;
}

export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not edit ${document.uri.toString()}`);
}

/**
 * Closes every editor, previews included, without saving (no "save changes?" dialog), and waits
 * until the workbench has no tab left, so no test inherits an editor or a panel from the last.
 */
export async function closeAllEditors(): Promise<void> {
  const open = (): number => vscode.window.tabGroups.all.reduce((n, group) => n + group.tabs.length, 0);
  const tabs = (): string =>
    vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)).join(', ');
  const closed =
    open() === 0
      ? Promise.resolve()
      : waitForEvent(
          vscode.window.tabGroups.onDidChangeTabs,
          () => open() === 0,
          () => `every editor to close (still open: ${tabs()})`,
        );
  for (let left = open(); left > 0; left--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await closed;
}
