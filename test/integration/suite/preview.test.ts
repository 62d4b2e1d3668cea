// Runs in the extension host: the preview opens beside the seed, renders its current version, and
// keeps up as the document changes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  anycastApi,
  anycastExtension,
  closeAllEditors,
  openWorkspaceFile,
  replaceText,
  waitTimeoutMs,
  waitUntil,
} from './helpers';

/** Resolves once the preview webview reported `rendered` for this document at `version` or later. */
async function waitForRender(
  document: vscode.TextDocument,
  version: number,
): Promise<{ uri: string; version: number }> {
  return (await anycastApi()).waitForPreviewRender(document.uri.toString(), version, waitTimeoutMs);
}

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('anycast.preview'));
}

suite('Preview', () => {
  teardown(closeAllEditors);

  test('opens beside the seed and renders its current version', async () => {
    const editor = await openWorkspaceFile('examples/seed.anycast.mmd');
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
    await vscode.commands.executeCommand('anycast.openPreviewToSide');
    const rendered = await waitForRender(editor.document, editor.document.version);
    assert.equal(rendered.uri, editor.document.uri.toString());
    assert.equal(rendered.version, editor.document.version);
    assert.equal(previewTabs().length, 1, 'one preview tab');
    const column = previewTabs()[0]?.group.viewColumn;
    assert.notEqual(column, editor.viewColumn, 'the preview sits beside the editor');

    // The SVG on screen, asked of the webview; assertions name what they look for, not the whole SVG.
    const svg = (await (await anycastApi()).previewSvg()) ?? '';
    assert.ok(svg.startsWith('<svg'), `an SVG is on screen (got ${svg.slice(0, 80)})`);
    const nodeClasses = (id: string): string | undefined =>
      new RegExp(`<g class="([^"]*)" id="[^"]*-flowchart-${id}-\\d+"`).exec(svg)?.[1];
    assert.match(
      nodeClasses('PoPUS') ?? 'missing',
      /\bac-pop\b.*\bac-c0\b/,
      'US-East is drawn as a PoP in the first colour',
    );
    assert.match(nodeClasses('ClientUS') ?? 'missing', /\bac-client\b.*\bac-c0\b/, 'New York wears US-East colour');
    assert.match(nodeClasses('ClientAP') ?? 'missing', /\bac-client\b.*\bac-c2\b/, 'Tokyo wears Asia-Pacific colour');
  });

  test('follows edits: a changed document renders its new version', async () => {
    const seed = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(
        vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'examples', 'seed.anycast.mmd'),
      ),
    );
    const editor = await openWorkspaceFile('preview-edit.anycast.mmd', seed);
    await vscode.commands.executeCommand('anycast.openPreviewToSide');
    await waitForRender(editor.document, editor.document.version);
    await replaceText(editor.document, seed.replace('User in Tokyo', 'User in Osaka'));
    const rendered = await waitForRender(editor.document, editor.document.version);
    assert.equal(rendered.version, editor.document.version);
    const svg = (await (await anycastApi()).previewSvg()) ?? '';
    // SVG text puts each word in its own <tspan>: compare the text alone.
    const text = svg
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    assert.ok(text.includes('User in Osaka'), 'the edited label is on screen');
    assert.ok(!text.includes('User in Tokyo'), 'the old label is gone');
  });
});
