// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlayConvergenceMessage, RenderedMessage, WebviewToHost } from '../../src/protocol/messages';
import { positionAt, timeAt } from '../../src/routing/picture/convergencePlayback';
import { duration } from '../../src/routing/words/convergenceWords';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';
import { crashRun } from './seedConvergence';
import { seedRender, seedRouting, seedUri } from './seedMessages';

const isRendered = (m: WebviewToHost): m is RenderedMessage => m.type === 'rendered';
const isPlay = (m: WebviewToHost): m is PlayConvergenceMessage => m.type === 'playConvergence';

/** The classes of a client's node and its badge, if any. */
async function client(preview: PreviewPage, id: string): Promise<{ classes: string; badge: string }> {
  return preview.page.evaluate((id) => {
    const g = document.querySelector<SVGGElement>(`#ac-canvas g.node[id*="-flowchart-${id}-"]`);
    return {
      classes: g?.getAttribute('class') ?? '',
      badge: g?.querySelector(':scope > .ac-badge')?.textContent ?? '',
    };
  }, id);
}

async function box(preview: PreviewPage, id: string): Promise<string> {
  return preview.page.evaluate((id) => {
    const g = document.querySelector<SVGGElement>(`#ac-canvas g.node[id*="-flowchart-${id}-"]`);
    const b = g?.getBBox();
    return `${g?.getAttribute('transform')} ${b?.width} ${b?.height}`;
  }, id);
}

describe('Play convergence (headless Chromium)', () => {
  let preview: PreviewPage;
  const run = crashRun(1);
  const steps = 1000;
  /** Puts the scrubber at the step nearest `seconds`; returns the moment that step stands for. */
  async function scrubTo(seconds: number): Promise<number> {
    const step = Math.round(positionAt(run.playback, seconds) * steps);
    await preview.page.locator('#ac-convergence-scrubber').fill(String(step));
    return timeAt(run.playback, step / steps);
  }

  before(async () => {
    preview = await openPreview();
    await preview.post(seedRender(1, { routing: seedRouting(true) }));
    await preview.waitForPosted(isRendered);
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('offers the playback after a simulated failure and asks the host for a run', async () => {
    assert.equal(await preview.page.locator('#ac-play-convergence').isVisible(), true);
    const from = (await preview.posted()).length;
    await preview.page.locator('#ac-play-convergence').click();
    assert.deepEqual(await preview.waitForPosted(isPlay, from), {
      type: 'playConvergence',
      uri: seedUri,
      mode: 'withdraw',
    });
  });

  it('the scrubber shows New York without service until the hold time runs out, then at EU-West', async () => {
    const before = await box(preview, 'ClientUS');
    await preview.post(run);
    assert.equal(await preview.page.locator('#ac-convergence').isVisible(), true);
    assert.equal(await preview.page.locator('#ac-convergence-mode').inputValue(), 'crash');
    // The crash at t=0: New York's traffic dies at US-East until its neighbour's 90 s hold timer expires.
    for (const seconds of [0, 1, 45, 89]) {
      const at = await scrubTo(seconds);
      assert.ok(at < 90, `step for ${seconds} s stands for ${at} s`);
      const ny = await client(preview, 'ClientUS');
      assert.match(ny.classes, /ac-unreachable/, `at ${at} s`);
      assert.equal(ny.badge, 'no service');
      assert.match(
        (await preview.page.locator('#ac-convergence-time').textContent()) ?? '',
        new RegExp(`^${duration(at).replace('.', '\\.')} of 90\\.\\d+ s \\(log scale\\) · 1 client without service`),
      );
    }
    // EU-West's route reaches New York's router the moment the hold timer expires.
    assert.deepEqual(
      run.playback.clients
        .find((c) => c.node === 'ClientUS')
        ?.states.map((s) => [s.at, s.pop ?? null])
        .slice(0, 3),
      [
        [0, 'PoPUS'],
        [0, null],
        [90, 'PoPEU'],
      ],
    );
    const at = await scrubTo(run.playback.end);
    assert.ok(at >= 90, `${at}`);
    const ny = await client(preview, 'ClientUS');
    assert.doesNotMatch(ny.classes, /ac-unreachable/);
    assert.match(ny.classes, /ac-c1\b/, 'in the colour of EU-West');
    assert.match((await client(preview, 'ClientEU')).classes, /ac-c1\b/, 'London never moves');
    assert.equal(await box(preview, 'ClientUS'), before, 'scrubbing restyles, nothing moves');
  });

  it('play runs to the end and stops there; a new routing ends the playback', async () => {
    await scrubTo(0);
    await preview.page.locator('#ac-convergence-play').click();
    await preview.page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('#ac-convergence-scrubber')?.value === '1000',
      undefined,
      { timeout: 20_000 },
    );
    assert.equal(await preview.page.locator('#ac-convergence-play').getAttribute('title'), 'Play');
    assert.doesNotMatch((await client(preview, 'ClientUS')).classes, /ac-unreachable/);
    await preview.post({ type: 'routingState', uri: seedUri, version: 2, routing: seedRouting(false) });
    await preview.waitForPosted((m): m is RenderedMessage => isRendered(m) && m.version === 2);
    assert.equal(await preview.page.locator('#ac-convergence').isVisible(), false);
    assert.equal(await preview.page.locator('#ac-play-convergence').isVisible(), false);
  });
});
