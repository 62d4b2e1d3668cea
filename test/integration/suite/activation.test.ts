// Runs in the extension host: the extension wakes up for its language and only then.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  anycastExtension,
  closeAllEditors,
  errors,
  describe as describeDiagnostics,
  languageId,
  manifest,
  openWorkspaceFile,
  waitForDiagnostics,
  waitUntil,
} from './helpers';

suite('Activation', () => {
  teardown(closeAllEditors);

  test('stays asleep until an anycast file opens, then activates for examples/seed.anycast.mmd', async () => {
    // This file runs first (suites load in name order), so nothing of ours has woken the extension yet.
    assert.equal(anycastExtension().isActive, false, 'the extension activated before any anycast file was opened');
    const editor = await openWorkspaceFile('examples/seed.anycast.mmd');
    assert.equal(editor.document.languageId, languageId);
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate on an .anycast.mmd file');
  });

  test('the seed example a new user opens first has no errors', async () => {
    const editor = await openWorkspaceFile('examples/seed.anycast.mmd');
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (d) => errors(d).length === 0,
      'the seed example to have no errors',
    );
    assert.deepEqual(errors(diagnostics), [], describeDiagnostics(diagnostics));
  });

  test('declares that it runs in untrusted and virtual workspaces and activates only for its own language, commands and views', () => {
    const capabilities = manifest().capabilities as {
      untrustedWorkspaces?: { supported?: unknown };
      virtualWorkspaces?: unknown;
    };
    assert.equal(capabilities.untrustedWorkspaces?.supported, true);
    assert.equal(capabilities.virtualWorkspaces, true);
    const events = manifest().activationEvents as string[];
    assert.ok(events.includes(`onLanguage:${languageId}`), `activationEvents: ${events.join(', ')}`);
    // Never '*', onStartupFinished or workspaceContains: the extension costs nothing until it is used.
    // onWebviewPanel lets VS Code restore an open preview after a reload.
    const ours = /^(onLanguage:anycast|onCommand:anycast\.\w+|onWebviewPanel:anycast\.\w+)$/;
    assert.deepEqual(
      events.filter((e) => !ours.test(e)),
      [],
      'activation events that are not ours',
    );
  });

  test('runs against the workspace folder it was given, through vscode.workspace.fs', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder.uri, 'examples'));
    assert.ok(
      entries.some(([name]) => name === 'seed.anycast.mmd'),
      `examples/ holds ${entries.map(([n]) => n).join(', ')}`,
    );
  });
});
