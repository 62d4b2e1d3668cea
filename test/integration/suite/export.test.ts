// Runs in the extension host: Export SVG, Export PNG and Copy SVG write what the preview shows,
// portable, to the target given (no dialog), whole.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anycastExtension, closeAllEditors, openWorkspaceFile, waitUntil, workspaceUri } from './helpers';

function declaredSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1]) };
}

suite('Export', () => {
  let document: vscode.TextDocument;

  setup(async () => {
    document = (await openWorkspaceFile('examples/seed.anycast.mmd')).document;
    await waitUntil(() => anycastExtension().isActive, 'the extension to activate');
  });
  teardown(closeAllEditors);

  test('Export SVG writes a standalone SVG to the target', async () => {
    const target = workspaceUri('exported-seed.svg');
    const written = await vscode.commands.executeCommand<string | undefined>('anycast.exportSvg', target, document.uri);
    assert.equal(written, target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<\?xml[^>]*\?>\n<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /foreignObject/i);
    const { width, height } = declaredSize(svg);
    assert.ok(width > 100 && height > 100, `explicit size ${width}x${height}`);
    assert.match(svg, /id="ac-export-background"/);
    assert.match(svg.replace(/<[^>]+>/g, ' '), /User/);
    const siblings = await vscode.workspace.fs.readDirectory(workspaceUri());
    assert.deepEqual(
      siblings.filter(([name]) => name.endsWith('.tmp')),
      [],
      'no temporary file left behind',
    );
  });

  test('Export PNG writes a PNG at twice the size of the SVG', async () => {
    const svgTarget = workspaceUri('exported-size.svg');
    await vscode.commands.executeCommand('anycast.exportSvg', svgTarget, document.uri);
    const { width, height } = declaredSize(new TextDecoder().decode(await vscode.workspace.fs.readFile(svgTarget)));
    const target = workspaceUri('exported-seed.png');
    await vscode.commands.executeCommand('anycast.exportPng', target, document.uri);
    const png = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    assert.equal(view.getUint32(16), width * 2);
    assert.equal(view.getUint32(20), height * 2);
  });

  test('refuses at once, saying where, when the diagram does not parse, and writes nothing', async () => {
    const broken = (await openWorkspaceFile('broken-export.anycast.mmd', 'flowchart TD\n  A[oops --> B\n')).document;
    const target = workspaceUri('broken-export.svg');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('anycast.exportSvg', target, broken.uri)),
      /does not parse \(line 2/,
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
  });

  test('ends at once with the reason when the preview cannot draw the diagram, and writes nothing', async () => {
    const settings = vscode.workspace.getConfiguration('anycast.preview');
    // On the diagram: with the default view (auto) a diagram over maxEdges would open on the map instead.
    await settings.update('defaultView', 'diagram', vscode.ConfigurationTarget.Global);
    await settings.update('maxEdges', 1, vscode.ConfigurationTarget.Global);
    try {
      const target = workspaceUri('guarded-export.svg');
      const started = Date.now();
      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('anycast.exportSvg', target, document.uri)),
        /the preview could not draw the diagram: This diagram has \d+ edges/,
      );
      assert.ok(Date.now() - started < 10_000, 'no wait for the render timeout');
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
    } finally {
      await settings.update('maxEdges', undefined, vscode.ConfigurationTarget.Global);
      await settings.update('defaultView', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('Copy SVG puts the portable SVG on the clipboard', async () => {
    const svg = await vscode.commands.executeCommand<string | undefined>('anycast.copySvg', document.uri);
    assert.ok(svg?.startsWith('<?xml'));
    assert.equal(await vscode.env.clipboard.readText(), svg);
  });
});
