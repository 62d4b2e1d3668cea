// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The README's cdn example, with its own classDefs (PoPs orange, users pale yellow), drawn by the
 * real webview bundle in each of VS Code's four theme kinds: the routing colours must win over the
 * author's `!important` styles, every label must stay readable, and exports must carry both.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { RenderedMessage, WebviewToHost } from '../../src/protocol/messages';
import { contrastRatio } from '../../src/routing/picture/palette';
import { cdnContent, expectedFills, renderOf, themeBodies } from './cdnMessages';

const isRendered = (m: WebviewToHost): m is RenderedMessage => m.type === 'rendered';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';

interface DrawnNode {
  readonly id: string;
  readonly fill: string;
}
interface DrawnLabel {
  readonly where: string;
  readonly text: string;
  readonly color: string;
  readonly behind: string;
}

/** Each node's drawn fill, and each label's colour with the colour behind it (node, edge label box, subgraph, page). */
async function drawn(preview: PreviewPage): Promise<{ nodes: DrawnNode[]; labels: DrawnLabel[] }> {
  // Plain script text: tsx would wrap named helpers in a `__name` the page lacks.
  return preview.page.evaluate(`(() => {
    const page = getComputedStyle(document.getElementById('ac-viewport')).backgroundColor;
    const fillOf = (el, fallback) => {
      const fill = el ? getComputedStyle(el).fill : 'none';
      return fill.startsWith('rgb(') ? fill : fallback;
    };
    const nodes = [];
    const labels = [];
    const add = (where, texts, behind) => {
      for (const text of texts) labels.push({ where, text: text.textContent, color: getComputedStyle(text).fill, behind });
    };
    for (const g of document.querySelectorAll('#ac-canvas g.node')) {
      const id = g.id.replace(/^.*?-flowchart-/, '').replace(/-\\d+$/, '');
      const shape = g.querySelector(':scope > .label-container:not(g), :scope > g.label-container > path');
      const behind = fillOf(shape, page);
      nodes.push({ id, fill: behind });
      add('node ' + id, g.querySelectorAll('.label text'), behind);
    }
    for (const label of document.querySelectorAll('#ac-canvas g.edgeLabel'))
      add('edge', label.querySelectorAll('text'), fillOf(label.querySelector('rect.background, rect'), page));
    for (const cluster of document.querySelectorAll('#ac-canvas g.cluster'))
      add('subgraph', cluster.querySelectorAll('.cluster-label text'), fillOf(cluster.querySelector(':scope > rect'), page));
    return { nodes, labels };
  })()`);
}

describe('the cdn example keeps its routing colours over its own classDefs in every theme', () => {
  after(closeBrowser);
  const content = cdnContent();

  for (const theme of ['light', 'dark', 'hc-light', 'hc-dark'] as const) {
    it(`draws every routed node in its catchment colour and every label at 4.5:1 or better (${theme})`, async () => {
      const preview = await openPreview({ bodyClass: themeBodies[theme], width: 1200, height: 800 });
      try {
        await preview.post(renderOf(content));
        await preview.waitForPosted(isRendered);
        const { nodes, labels } = await drawn(preview);
        const expected = expectedFills(content, theme);
        assert.ok(expected.size >= 35, `${expected.size} routed nodes`);
        const fills = new Map(nodes.map((n) => [n.id, n.fill]));
        for (const [id, fill] of expected) assert.equal(fills.get(id), fill, `${id} in ${theme}`);
        assert.ok(labels.length > 100, `${labels.length} labels`);
        for (const label of labels) {
          const ratio = contrastRatio(label.color, label.behind);
          assert.ok(
            ratio >= 4.5,
            `${label.where} "${label.text}": ${label.color} on ${label.behind} is ${ratio.toFixed(2)}:1`,
          );
        }
        await preview.screenshot(`cdn-${theme}`);
      } finally {
        await preview.close();
      }
    });
  }

  it('rings the node under the editor cursor without covering its label, whatever the classDef says', async () => {
    const preview = await openPreview({ width: 1200, height: 800 });
    try {
      await preview.post(renderOf(cdnContent(['LAX'])));
      await preview.waitForPosted(isRendered);
      // LAX wears `:::pop` (fill #f96 !important on every rect inside the node): the ring is a rect too.
      await preview.post({ type: 'highlight', nodeId: 'LAX' });
      const ring = await preview.page.evaluate(() => {
        const g = document.querySelector('#ac-canvas g.node.ac-cursor');
        const rect = g?.querySelector(':scope > .ac-cursor-ring');
        const badge = g?.querySelector(':scope > .ac-badge');
        if (!g || !rect || !badge) return undefined;
        const label = g.querySelector('.label text')!.getBoundingClientRect();
        const top = document.elementFromPoint(label.left + label.width / 2, label.top + label.height / 2);
        return {
          fill: getComputedStyle(rect).fill,
          stroke: getComputedStyle(rect).stroke,
          badge: getComputedStyle(badge).fill,
          onTop: top?.closest('.ac-cursor-ring') ? 'ring' : top?.closest('.label') ? 'label' : String(top?.tagName),
        };
      });
      assert.ok(ring, 'LAX is ringed and badged');
      assert.equal(ring.fill, 'none');
      assert.notEqual(ring.stroke, 'rgb(51, 51, 51)', `the ring keeps the focus colour, not the classDef's stroke`);
      assert.equal(ring.onTop, 'label', 'the label is what shows at its own centre');
      assert.equal(ring.badge, 'rgb(17, 17, 17)', `the "withdrawn" badge keeps its own colour`);
    } finally {
      await preview.close();
    }
  });
});
