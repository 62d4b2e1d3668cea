// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { PlayConvergenceMessage, RenderedMessage, WebviewToHost } from '../../src/protocol/messages';
import { positionAt, timeAt } from '../../src/routing/picture/convergencePlayback';
import { popRadius } from '../../src/webview/map/mapRestyle';
import { themeBodies } from './cdnMessages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';
import { crashedMap, crashRun } from './seedConvergence';
import { seedRender, seedRouting, seedUri } from './seedMessages';

const isRendered =
  (version: number) =>
  (m: WebviewToHost): m is RenderedMessage =>
    m.type === 'rendered' && m.version === version;
const isPlay = (m: WebviewToHost): m is PlayConvergenceMessage => m.type === 'playConvergence';

interface ClientOnMap {
  readonly classes: string;
  readonly ring: string;
  readonly arc: string;
  readonly ghost: string;
  readonly transform: string;
}

async function clientOnMap(preview: PreviewPage, id: string): Promise<ClientOnMap> {
  return preview.page.evaluate((id) => {
    const g = document.querySelector(`#ac-map g.acm-clients > g[data-client="${id}"]`);
    return {
      classes: g?.getAttribute('class') ?? '',
      ring: g?.querySelector('circle.acm-ring')?.getAttribute('display') ?? '',
      arc: document.querySelector(`#ac-map path.acm-arc[data-client="${id}"]`)?.getAttribute('d') ?? '',
      ghost: document.querySelector(`#ac-map path.acm-ghost[data-client="${id}"]`)?.getAttribute('class') ?? '',
      transform: g?.getAttribute('transform') ?? '',
    };
  }, id);
}

async function popRadiusOnMap(preview: PreviewPage, id: string): Promise<number> {
  return preview.page.evaluate(
    (id) => Number(document.querySelector(`#ac-map g.acm-pops > g[data-pop="${id}"] circle`)?.getAttribute('r')),
    id,
  );
}

describe('Play convergence on the catchment map (headless Chromium)', () => {
  after(closeBrowser);
  const run = crashRun(1);
  const scene = crashedMap();
  const slot = (pop: string): number => scene.places.pops.find((p) => p.id === pop)?.colour ?? -1;
  const steps = 1000;

  for (const theme of ['light', 'dark'] as const) {
    it(`New York is without service at 45 s and at EU-West from 90 s on; nothing is projected again (${theme})`, async () => {
      const preview = await openPreview({ bodyClass: themeBodies[theme], width: 1100, height: 700 });
      const scrubTo = async (step: number): Promise<number> => {
        await preview.page.locator('#ac-convergence-scrubber').fill(String(step));
        return timeAt(run.playback, step / steps);
      };
      try {
        await preview.post({ type: 'setView', view: 'map' });
        await preview.post(seedRender(1, { routing: seedRouting(true), map: scene }));
        await preview.waitForPosted(isRendered(1));
        await preview.page.locator('#ac-play-convergence').click();
        assert.equal((await preview.waitForPosted(isPlay)).uri, seedUri);
        // Mark what the projection drew: the same elements must be there, unmoved, after scrubbing.
        await preview.page.evaluate(() => {
          const land = document.querySelector('#ac-map path.acm-land') as (Element & { projected?: boolean }) | null;
          if (land) land.projected = true;
        });
        const before = await clientOnMap(preview, 'ClientUS');
        assert.match(before.classes, new RegExp(`acm-c${slot('PoPEU')}\\b`), 'settled at EU-West until played');
        await preview.post(run);
        assert.equal(await preview.page.locator('#ac-convergence').isVisible(), true);

        // 45 s: the crash is not yet noticed (90 s hold time): no service, a red ring, no arc, and a
        // dashed ghost to US-East; EU-West serves London alone, a third of the weight.
        const at45 = await scrubTo(Math.round(positionAt(run.playback, 45) * steps));
        assert.ok(at45 > 40 && at45 < 50, `${at45}`);
        const dark = await clientOnMap(preview, 'ClientUS');
        assert.match(dark.classes, /\bacm-unserved\b/);
        assert.equal(dark.ring, 'inline');
        assert.equal(dark.arc, '');
        assert.equal(dark.ghost, `acm-ghost acm-c${slot('PoPUS')}`);
        assert.ok(Math.abs((await popRadiusOnMap(preview, 'PoPEU')) - popRadius(1 / 3)) < 1e-9);
        assert.match(
          (await preview.page.locator('#ac-convergence-time').textContent()) ?? '',
          /· 1 client without service$/,
        );
        await preview.screenshot(`convergence-map-45s-${theme}`);

        // The last step before 90 s is still dark; from the first step at or after 90 s New York is
        // at EU-West in its colour, its arc drawn, and EU-West back to two thirds of the weight.
        const at90 = Math.ceil(positionAt(run.playback, 90) * steps);
        assert.ok((await scrubTo(at90 - 1)) < 90);
        assert.match((await clientOnMap(preview, 'ClientUS')).classes, /\bacm-unserved\b/);
        for (const step of [at90, steps]) {
          assert.ok((await scrubTo(step)) >= 90);
          const served = await clientOnMap(preview, 'ClientUS');
          assert.equal(served.classes, `acm-client acm-c${slot('PoPEU')}`);
          assert.equal(served.ring, 'none');
          assert.notEqual(served.arc, '');
          assert.equal(served.ghost, `acm-ghost acm-c${slot('PoPUS')}`, 'it left US-East');
          assert.ok(Math.abs((await popRadiusOnMap(preview, 'PoPEU')) - popRadius(2 / 3)) < 1e-9);
          assert.match(
            (await preview.page.locator('#ac-convergence-time').textContent()) ?? '',
            /· 0 clients without service$/,
          );
        }
        await preview.screenshot(`convergence-map-90s-${theme}`);
        assert.equal((await clientOnMap(preview, 'ClientUS')).transform, before.transform, 'no marker moved');
        const projectedOnce = await preview.page.evaluate(
          () =>
            (document.querySelector('#ac-map path.acm-land') as (Element & { projected?: boolean }) | null)?.projected,
        );
        assert.equal(projectedOnce, true, 'the basemap drawn before the playback is still the one on screen');

        // The same routing sent again (the host does so when the view is switched) keeps the run.
        await preview.post({ type: 'routingState', uri: seedUri, version: 2, routing: seedRouting(true) });
        await preview.waitForPosted(isRendered(2));
        assert.equal(await preview.page.locator('#ac-convergence').isVisible(), true);
      } finally {
        await preview.close();
      }
    });
  }
});
