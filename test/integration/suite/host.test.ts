// Runs in the extension host: each launcher really runs the suite in the host it names, so a pass in
// the web-worker layer proves the extension works as a web extension (vscode.dev).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anycastExtension, workspaceUri } from './helpers';

/** Written by the launcher (harness.ts prepareWorkspace). */
async function expectedHost(): Promise<string> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('anycast-test-host.json')));
  return (JSON.parse(text) as { host: string }).host;
}

suite('Extension host', () => {
  test('runs the extension in the host its launcher meant: a web worker without Node, or Node', async () => {
    const host = await expectedHost();
    const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
    if (host === 'web-worker') {
      assert.equal(nodeVersion, undefined, 'no Node in a web worker');
      assert.equal(
        typeof (globalThis as { importScripts?: unknown }).importScripts,
        'function',
        'a worker global scope',
      );
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    } else {
      assert.equal(host, 'node');
      assert.equal(typeof nodeVersion, 'string', 'Node runs this extension host');
    }
    console.log(
      `extension host: ${host}, extensionKind ${vscode.ExtensionKind[anycastExtension().extensionKind]}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, Node ${nodeVersion ?? 'none'}`,
    );
  });
});
