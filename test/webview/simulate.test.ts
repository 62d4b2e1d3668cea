// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RenderedMessage, RevealMessage, TogglePopMessage, WebviewToHost } from '../../src/protocol/messages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';
import { seedRender, seedUri } from './seedMessages';

const isRendered = (m: WebviewToHost): m is RenderedMessage => m.type === 'rendered';
const isToggle = (m: WebviewToHost): m is TogglePopMessage => m.type === 'togglePop';
const isReveal = (m: WebviewToHost): m is RevealMessage => m.type === 'reveal';

describe('failing a PoP from the picture (headless Chromium)', () => {
  let preview: PreviewPage;

  before(async () => {
    preview = await openPreview();
    await preview.post(seedRender(1));
    await preview.waitForPosted(isRendered);
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('Alt+click on a PoP asks the host to fail it', async () => {
    const from = (await preview.posted()).length;
    await preview.page.locator('#ac-canvas g.node[id*="-flowchart-PoPUS-"]').click({ modifiers: ['Alt'] });
    const toggle = await preview.waitForPosted(isToggle, from);
    assert.deepEqual(toggle, { type: 'togglePop', uri: seedUri, pop: 'PoPUS' });
    assert.ok(!(await preview.posted()).slice(from).some(isReveal), 'no jump to the source');
  });

  it('Alt+click on a client, and a plain click on a PoP, still show the source', async () => {
    const from = (await preview.posted()).length;
    await preview.page.locator('#ac-canvas g.node[id*="-flowchart-ClientUS-"]').click({ modifiers: ['Alt'] });
    assert.deepEqual((await preview.waitForPosted(isReveal, from)).target, { kind: 'node', id: 'ClientUS' });
    const from2 = (await preview.posted()).length;
    await preview.page.locator('#ac-canvas g.node[id*="-flowchart-PoPEU-"]').click();
    assert.deepEqual((await preview.waitForPosted(isReveal, from2)).target, { kind: 'node', id: 'PoPEU' });
    assert.ok(!(await preview.posted()).slice(from).some(isToggle));
  });
});
