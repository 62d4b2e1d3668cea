// The functions passed to page.evaluate run in Chromium, so this file sees the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import type { RenderedMessage, WebviewToHost } from '../../src/protocol/messages';
import { closeBrowser, openPreview } from './harness';
import { seedRender } from './seedMessages';

after(closeBrowser);

const hostile = '<img src=x onerror=alert(1)> <script>alert(2)</script> <b onclick=alert(3)>bold</b>';

it('renders labels with HTML or script in them as text, running nothing', async () => {
  const preview = await openPreview();
  try {
    const text = `flowchart LR\n  Evil["${hostile}"] --> PoP[PoP: Safe]\n  Evil -->|"<img src=y onerror=alert(4)>"| PoP\n`;
    await preview.post(
      seedRender(1, {
        mermaidText: text,
        edges: [
          { from: 'Evil', to: 'PoP' },
          { from: 'Evil', to: 'PoP' },
        ],
        routing: {
          nodes: [
            {
              id: 'Evil',
              role: 'client',
              color: 0,
              pop: 'PoP',
              path: ['Evil', 'PoP'],
              summary: [hostile, '<img src=z onerror=alert(5)>'],
            },
            { id: 'PoP', role: 'pop', color: 0, summary: [] },
          ],
          legend: [
            { pop: 'PoP', label: '<img src=w onerror=alert(6)>', color: 0, clients: 1, share: 1, withdrawn: false },
          ],
          headline: '<script>alert(7)</script>',
        },
      }),
    );
    await preview.waitForPosted((m: WebviewToHost): m is RenderedMessage => m.type === 'rendered');
    await preview.page.locator('#ac-canvas g.node[id*="-flowchart-Evil-"]').hover();
    await preview.page.locator('#ac-tooltip').waitFor({ state: 'visible' });
    await preview.page.waitForTimeout(300);

    const found = await preview.page.evaluate(() => ({
      alerts: (window as unknown as { __alerts: string[] }).__alerts,
      violations: (window as unknown as { __violations: string[] }).__violations,
      elements: [...document.querySelectorAll('img, script:not([nonce]), foreignObject, b, [onclick], [onerror]')].map(
        (e) => e.outerHTML,
      ),
      nodeText: document.querySelector('#ac-canvas g.node[id*="-flowchart-Evil-"]')?.textContent ?? '',
      tooltip: document.getElementById('ac-tooltip')?.textContent ?? '',
      legend: document.getElementById('ac-legend')?.textContent ?? '',
      headline: document.getElementById('ac-headline')?.textContent ?? '',
    }));
    await preview.screenshot('xss-label');
    assert.deepEqual(found.alerts, [], 'no script ran');
    assert.deepEqual(found.elements, [], 'no element came out of a label');
    assert.match(found.nodeText, /bold/, 'the label text is shown');
    assert.match(found.tooltip, /<img src=z onerror=alert\(5\)>/, 'hover text is shown literally');
    assert.match(found.legend, /<img src=w onerror=alert\(6\)>/, 'legend text is shown literally');
    assert.equal(found.headline, '<script>alert(7)</script>');
    // Mermaid's sanitiser parses label HTML; the CSP refuses the inline handlers it meets there.
    // Nothing else may have been refused (no remote load, no eval, no stray script).
    assert.ok(
      found.violations.every((v) => v.startsWith('script-src-attr')),
      `only inline handlers were refused: ${found.violations.join(', ')}`,
    );
  } finally {
    await preview.close();
  }
});
