// Runs in the extension host: the preview's Map view. The cdn example (25 placed PoPs) opens on the
// map; the toggle switches to the diagram, and the choice is still there when the preview reopens.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anycastApi, anycastExtension, closeAllEditors, openWorkspaceFile, waitTimeoutMs, waitUntil } from './helpers';

async function pictureOnScreen(): Promise<string | undefined> {
  return (await anycastApi()).previewSvg();
}

/** Polls the picture on screen until it matches (the webview answers asynchronously). */
async function waitForPicture(pattern: RegExp, what: string): Promise<string> {
  const deadline = Date.now() + waitTimeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await pictureOnScreen()) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; on screen: ${last.slice(0, 120)}`);
}

async function closePreview(): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('anycast.preview'));
  await vscode.window.tabGroups.close(tabs);
}

suite('Map view', () => {
  teardown(closeAllEditors);

  test('opens a 25-PoP deployment on the map, switches to the diagram, and keeps that choice on reopening', async () => {
    await openWorkspaceFile('examples/cdn.anycast.mmd');
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
    await vscode.commands.executeCommand('anycast.openPreviewToSide');
    await waitForPicture(/Catchments · 25 PoPs/, 'the catchment map (auto: more than 12 placed PoPs)');

    assert.equal(await vscode.commands.executeCommand('anycast.togglePreviewView'), 'diagram');
    await waitForPicture(/flowchart-IAD-/, 'the diagram');

    await closePreview();
    await openWorkspaceFile('examples/cdn.anycast.mmd');
    await vscode.commands.executeCommand('anycast.openPreviewToSide');
    const reopened = await waitForPicture(/flowchart-IAD-|Catchments/, 'the preview to draw again');
    assert.match(reopened, /flowchart-IAD-/, 'the diagram, as chosen, not the default map');

    assert.equal(await vscode.commands.executeCommand('anycast.togglePreviewView'), 'map');
    await waitForPicture(/Catchments · 25 PoPs/, 'the map again');
  });
});
