// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * examples/load.anycast.mmd (with its own classDefs and a subgraph) under its simulated attack, drawn
 * by the real webview bundle in each of VS Code's four theme kinds: the PoPs over capacity and above
 * the threshold carry their badge in words, and every badge and legend load line stays readable on
 * what is behind it (WCAG AA, 4.5:1).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import type { RenderedMessage, WebviewToHost } from '../../src/protocol/messages';
import { DiagramAnalysis } from '../../src/routing/analysis';
import { contrastRatio } from '../../src/routing/picture/palette';
import { previewContent } from '../../src/routing/picture/previewContent';
import type { DiagramContent } from '../../src/routing/picture/previewContent';
import { noFailures } from '../../src/routing/scenario';
import { renderOf, themeBodies } from './cdnMessages';
import { closeBrowser, openPreview } from './harness';

const isRendered = (m: WebviewToHost): m is RenderedMessage => m.type === 'rendered';
const loadText = readFileSync(resolve(import.meta.dirname, '../../examples/load.anycast.mmd'), 'utf8');

interface Readable {
  readonly where: string;
  readonly text: string;
  readonly color: string;
  readonly behind: string;
}

describe('the load example under attack keeps its load badges readable in every theme', () => {
  after(closeBrowser);
  const content = previewContent(new DiagramAnalysis(loadText), noFailures, {
    load: { attack: true },
  }) as DiagramContent;

  it('marks exactly the PoPs the attack pushes over 80% (worked out in the example: IAD 83%, LHR 86%, FRA 106%, SIN 310%)', () => {
    assert.equal(content.kind, 'diagram');
    const levels = Object.fromEntries(
      content.routing.nodes.filter((n) => n.role === 'pop').map((n) => [n.id, n.load?.level ?? 'none']),
    );
    assert.deepEqual(levels, { IAD: 'warn', LHR: 'warn', FRA: 'over', SIN: 'over' });
  });

  for (const theme of ['light', 'dark', 'hc-light', 'hc-dark'] as const) {
    it(`draws each badge and load line at 4.5:1 or better (${theme})`, async () => {
      const preview = await openPreview({ bodyClass: themeBodies[theme], width: 1200, height: 700 });
      try {
        await preview.post(renderOf(content));
        await preview.waitForPosted(isRendered);
        const found: Readable[] = await preview.page.evaluate(`(() => {
          const opaque = (el) => {
            for (let e = el; e; e = e.parentElement) {
              const bg = getComputedStyle(e).backgroundColor;
              if (bg.startsWith('rgb(')) return bg;
            }
            return 'rgb(255, 255, 255)';
          };
          const page = getComputedStyle(document.getElementById('ac-viewport')).backgroundColor;
          const out = [];
          for (const badge of document.querySelectorAll('#ac-canvas .ac-badge-load'))
            out.push({ where: 'badge', text: badge.textContent, color: getComputedStyle(badge).fill, behind: page });
          for (const line of document.querySelectorAll('#ac-legend .ac-load-text'))
            out.push({ where: 'legend', text: line.textContent, color: getComputedStyle(line).color, behind: opaque(line) });
          return out;
        })()`);
        assert.equal(found.filter((f) => f.where === 'badge').length, 4, JSON.stringify(found));
        assert.equal(found.filter((f) => f.where === 'legend').length, 4, JSON.stringify(found));
        for (const f of found) {
          const ratio = contrastRatio(f.color, f.behind);
          assert.ok(ratio >= 4.5, `${f.where} "${f.text}": ${f.color} on ${f.behind} is ${ratio.toFixed(2)}:1`);
        }
        await preview.screenshot(`load-attack-${theme}`);
      } finally {
        await preview.close();
      }
    });
  }
});
