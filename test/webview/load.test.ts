// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  RenderedMessage,
  RoutingAnnotation,
  SimulateAttackMessage,
  WebviewToHost,
} from '../../src/protocol/messages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';
import { seedRender, seedRouting, seedUri } from './seedMessages';

const isRendered = (m: WebviewToHost): m is RenderedMessage => m.type === 'rendered';
const isAttack = (m: WebviewToHost): m is SimulateAttackMessage => m.type === 'simulateAttack';

/** The seed's routing with Asia-Pacific overloaded (25 of 20 Gbps) and an attack the diagram can simulate. */
function overloaded(): RoutingAnnotation {
  const routing = seedRouting(false);
  return {
    ...routing,
    nodes: routing.nodes.map((n) =>
      n.id === 'PoPAP' ? { ...n, load: { level: 'over' as const, badge: '⚠ over capacity · 125%' } } : n,
    ),
    legend: routing.legend.map((e) =>
      e.pop === 'PoPAP'
        ? {
            ...e,
            load: { text: '25 Gbps · 125% of 20 Gbps · ⚠ over capacity', utilisation: 1.25, level: 'over' as const },
          }
        : e,
    ),
    attack: { on: false, lines: [] },
  };
}

describe('an overloaded PoP in the preview (headless Chromium)', () => {
  let preview: PreviewPage;

  before(async () => {
    preview = await openPreview();
    await preview.post(seedRender(1, { routing: overloaded() }));
    await preview.waitForPosted(isRendered);
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('rings the overloaded PoP in the alert colour and says so in words beside it', async () => {
    const facts = await preview.page.evaluate(() =>
      ['PoPAP', 'PoPUS'].map((id) => {
        const g = document.querySelector<SVGGElement>(`#ac-canvas g.node[id*="-flowchart-${id}-"]`);
        const shape = g?.querySelector<SVGGraphicsElement>(
          ':scope > .label-container:not(g), :scope > g.label-container > path:last-child',
        );
        return {
          classes: g?.getAttribute('class') ?? '',
          badge: g?.querySelector('.ac-badge-load')?.textContent ?? null,
          stroke: shape ? getComputedStyle(shape).stroke : '',
        };
      }),
    );
    const [ap, us] = facts;
    assert.match(ap!.classes, /\bac-load-over\b/);
    assert.equal(ap!.badge, '⚠ over capacity · 125%');
    // failurePaint('light').alert, #c50f1f.
    assert.equal(ap!.stroke, 'rgb(197, 15, 31)');
    assert.doesNotMatch(us!.classes, /ac-load/);
    assert.equal(us!.badge, null);
  });

  it('draws its load as a full bar and in words in the legend', async () => {
    const entry = preview.page.locator('#ac-legend li[data-pop="PoPAP"]');
    assert.equal(await entry.locator('.ac-load-bar').getAttribute('aria-valuenow'), '125');
    assert.equal(await entry.locator('.ac-load-fill').evaluate((e) => (e as HTMLElement).style.width), '100%');
    assert.equal(await entry.locator('.ac-load-text').textContent(), '25 Gbps · 125% of 20 Gbps · ⚠ over capacity');
    assert.equal(await preview.page.locator('#ac-legend li[data-pop="PoPUS"] .ac-legend-load').count(), 0);
  });

  it('offers Simulate attack, which asks the host to add the attack to the load', async () => {
    const toggle = preview.page.locator('#ac-attack-toggle');
    assert.equal(await toggle.textContent(), 'Simulate attack');
    const from = (await preview.posted()).length;
    await toggle.click();
    assert.deepEqual(await preview.waitForPosted(isAttack, from), { type: 'simulateAttack', uri: seedUri, on: true });
  });

  it('with the attack on, says Stop attack and lists the attack in the legend', async () => {
    const routing = { ...overloaded(), attack: { on: true, lines: ['Attack: 30 Gbps from 2 source(s)'] } };
    await preview.post({ type: 'routingState', uri: seedUri, version: 2, routing });
    const toggle = preview.page.locator('#ac-attack-toggle');
    await preview.page.waitForFunction(
      () => document.querySelector('#ac-attack-toggle')?.textContent === 'Stop attack',
    );
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(
      await preview.page.locator('#ac-legend .ac-attack-lines li').textContent(),
      'Attack: 30 Gbps from 2 source(s)',
    );
  });

  it('hides the toggle for a diagram without an attack', async () => {
    await preview.post({ type: 'routingState', uri: seedUri, version: 3, routing: seedRouting(false) });
    await preview.page.waitForFunction(() => (document.querySelector('#ac-attack-toggle') as HTMLElement).hidden);
  });
});
