// Runs in the extension host: every command the manifest contributes is really registered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anycastExtension, manifest, openWorkspaceFile, waitUntil, closeAllEditors } from './helpers';

suite('Commands', () => {
  suiteSetup(async () => {
    await openWorkspaceFile('examples/seed.anycast.mmd');
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
  });
  suiteTeardown(closeAllEditors);

  test('registers every command that package.json contributes', async () => {
    const contributed = (manifest().contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed in package.json but never registered: ${missing.join(', ')}`);
  });

  test('gives every contributed command an anycast. id, a title and the Anycast category', () => {
    for (const command of manifest().contributes?.commands ?? []) {
      assert.match(command.command, /^anycast\.[a-z][A-Za-z0-9]*$/, `command id ${command.command}`);
      assert.ok(command.title && command.title.length > 0, `${command.command} has no title`);
      assert.equal(command.category, 'Anycast', `${command.command} category`);
    }
  });
});
