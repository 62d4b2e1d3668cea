// The functions passed to page.evaluate run in Chromium, so this file sees the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { RenderedMessage, PictureMessage, WebviewToHost } from '../../src/protocol/messages';
import { mapScene } from '../../src/routing/map/mapScene';
import { closeBrowser, openPreview } from './harness';
import { routingOf } from './mapDeployment';
import { seedRender, seedRouting, seedText, seedUri } from './seedMessages';

after(closeBrowser);

function seedMap(failedPops: readonly string[] = []) {
  const scene = mapScene(routingOf(seedText, { failedPops }));
  assert.ok(scene);
  return scene;
}

const isRendered =
  (version: number) =>
  (m: WebviewToHost): m is RenderedMessage =>
    m.type === 'rendered' && m.version === version;

describe('the Map view in the preview (the real webview bundle)', () => {
  it('switches between the diagram and the map from the toolbar, tells the host, and takes the host’s view', async () => {
    const preview = await openPreview();
    try {
      const { page } = preview;
      await preview.post(seedRender(1, { map: seedMap() }));
      await preview.waitForPosted(isRendered(1));
      const toggle = page.locator('#ac-view-toggle');
      assert.equal(await toggle.innerText(), 'Map');
      assert.ok(await page.locator('#ac-main').isVisible());
      await toggle.click();
      assert.ok(await page.locator('#ac-map').isVisible());
      assert.ok(await page.locator('#ac-main').isHidden());
      assert.equal(await page.locator('#ac-map g[data-pop]').count(), 3);
      assert.equal(await toggle.innerText(), 'Diagram');
      const chosen = (await preview.posted()).filter((m) => m.type === 'viewChosen');
      assert.deepEqual(chosen, [{ type: 'viewChosen', uri: seedUri, view: 'map' }]);
      await preview.post({ type: 'setView', view: 'diagram' });
      assert.ok(await page.locator('#ac-main').isVisible());
      assert.ok(await page.locator('#ac-map').isHidden());
    } finally {
      await preview.close();
    }
  });

  it('fits a diagram drawn while the map was on screen when the diagram is shown', async () => {
    const preview = await openPreview();
    try {
      const { page } = preview;
      await preview.post({ type: 'setView', view: 'map' });
      await preview.post(seedRender(1, { map: seedMap() }));
      await preview.waitForPosted(isRendered(1));
      assert.ok(await page.locator('#ac-main').isHidden());
      await preview.post({ type: 'setView', view: 'diagram' });
      const placed = await page.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const viewport = document.querySelector('#ac-viewport')!.getBoundingClientRect();
        const svg = document.querySelector<SVGSVGElement>('#ac-canvas svg')!;
        const box = svg.getBoundingClientRect();
        return {
          viewport: { left: viewport.left, top: viewport.top, width: viewport.width, height: viewport.height },
          box: { left: box.left, top: box.top, width: box.width, height: box.height },
          natural: { width: svg.width.baseVal.value, height: svg.height.baseVal.value },
        };
      });
      const { viewport, box, natural } = placed;
      // Fit: the whole picture in view with a 16 px margin, at most 1:1, centred across.
      const scale = Math.min(1, (viewport.width - 32) / natural.width, (viewport.height - 32) / natural.height);
      assert.ok(Math.abs(box.width - natural.width * scale) < 1, `width ${box.width}, fitted ${natural.width * scale}`);
      const centre = box.left + box.width / 2;
      assert.ok(Math.abs(centre - (viewport.left + viewport.width / 2)) < 2, `centred across (${centre})`);
      assert.ok(box.top >= viewport.top && box.top + box.height <= viewport.top + viewport.height, 'all in view');
    } finally {
      await preview.close();
    }
  });

  it('restyles the map on a routing state: US-East crossed out, its marker where it was', async () => {
    const preview = await openPreview();
    try {
      const { page } = preview;
      await preview.post({ type: 'setView', view: 'map' });
      await preview.post(seedRender(1, { map: seedMap() }));
      await preview.waitForPosted(isRendered(1));
      const marker = page.locator('#ac-map g.acm-pops g[data-pop="PoPUS"]');
      const before = await marker.getAttribute('transform');
      const from = (await preview.posted()).length;
      await preview.post({
        type: 'routingState',
        uri: seedUri,
        version: 2,
        routing: seedRouting(true),
        mapRouting: seedMap(['PoPUS']).routing,
      });
      await preview.waitForPosted(isRendered(2), from);
      assert.match((await marker.getAttribute('class')) ?? '', /acm-withdrawn/);
      assert.equal(await marker.getAttribute('transform'), before);
    } finally {
      await preview.close();
    }
  });

  it('exports the map when the map is on screen, and shows the map when mermaid would refuse the diagram', async () => {
    const preview = await openPreview();
    try {
      await preview.post({ type: 'setView', view: 'map' });
      await preview.post(seedRender(1, { map: seedMap(), maxEdges: 5 }));
      await preview.waitForPosted(isRendered(1));
      assert.ok(await preview.page.locator('#ac-problem').isHidden());
      const from = (await preview.posted()).length;
      await preview.post({ type: 'requestPicture', requestId: 7, background: 'light' });
      const answer = await preview.waitForPosted((m): m is PictureMessage => m.type === 'picture', from);
      assert.match(answer.svg ?? '', /Catchments · 3 PoPs/);
      assert.doesNotMatch(answer.svg ?? '', /foreignObject/);
    } finally {
      await preview.close();
    }
  });
});
