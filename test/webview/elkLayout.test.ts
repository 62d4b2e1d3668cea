// The functions passed to page.evaluate run in Chromium, so this file sees the DOM types.
/// <reference lib="dom" />
/**
 * ELK is a script of its own (dist/webview-elk.js, 1.5 MB): the preview loads it only when a
 * diagram asks for an ELK layout, and lays that diagram out with it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RenderedMessage, RenderFailedMessage, WebviewToHost } from '../../src/protocol/messages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';
import { seedRender, seedText } from './seedMessages';

const isOutcome =
  (version: number) =>
  (m: WebviewToHost): m is RenderedMessage | RenderFailedMessage =>
    (m.type === 'rendered' || m.type === 'renderFailed') && m.version === version;

/** How many ELK scripts the page holds, and whether one defined the layout engine. */
async function elkScriptsLoaded(preview: PreviewPage): Promise<{ scripts: number; engine: boolean }> {
  return preview.page.evaluate(() => ({
    scripts: document.querySelectorAll('script[src$="/webview-elk.js"]').length,
    engine: typeof (globalThis as Record<string, unknown>)['anycastElkLayout'] === 'function',
  }));
}

/** Each node's place on the canvas, by mermaid's node id. */
async function nodePlaces(preview: PreviewPage): Promise<Record<string, string>> {
  return preview.page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const g of document.querySelectorAll<SVGGElement>('#ac-canvas g.node')) {
      const id = g.id.replace(/^.*?-flowchart-/, '').replace(/-\d+$/, '');
      const ctm = g.getCTM();
      out[id] = `${Math.round(ctm?.e ?? 0)},${Math.round(ctm?.f ?? 0)}`;
    }
    return out;
  });
}

describe('ELK layout, loaded on demand', () => {
  let preview: PreviewPage;

  before(async () => {
    preview = await openPreview();
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('draws a diagram with the default layout without loading ELK', async () => {
    await preview.post(seedRender(1));
    const outcome = await preview.waitForPosted(isOutcome(1));
    assert.equal(outcome.type, 'rendered');
    assert.deepEqual(await elkScriptsLoaded(preview), { scripts: 0, engine: false });
    const drawn = Object.keys(await nodePlaces(preview));
    for (const id of ['PoPUS', 'PoPEU', 'PoPAP', 'ClientUS', 'ClientAP']) assert.ok(drawn.includes(id), `${id} drawn`);
  });

  it('loads ELK once for diagrams that ask for it, and lays them out with it', async () => {
    const dagre = await nodePlaces(preview);
    const elkText = `---\nconfig:\n  layout: elk\n---\n${seedText}`;
    await preview.post(seedRender(2, { mermaidText: elkText }));
    const outcome = await preview.waitForPosted(isOutcome(2));
    assert.equal(outcome.type, 'rendered', outcome.type === 'renderFailed' ? outcome.message : '');
    assert.deepEqual(await elkScriptsLoaded(preview), { scripts: 1, engine: true });
    const elk = await nodePlaces(preview);
    assert.deepEqual(Object.keys(elk).sort(), Object.keys(dagre).sort());
    const moved = Object.keys(elk).filter((id) => elk[id] !== dagre[id]);
    assert.ok(moved.length > 0, 'ELK places the nodes differently from dagre');
    // A second ELK diagram reuses the script already loaded.
    await preview.post(seedRender(3, { mermaidText: elkText.replace('User in Tokyo', 'User in Osaka') }));
    assert.equal((await preview.waitForPosted(isOutcome(3))).type, 'rendered');
    assert.deepEqual(await elkScriptsLoaded(preview), { scripts: 1, engine: true });
  });
});
