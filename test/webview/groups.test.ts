// Client groups on the 50-PoP, 300-client diagram in the built webview, from the real parser and
// resolver: the picture draws one node per access AS, failure toggles restyle it without moving a
// node, and a group's hover and click give its members and its source.
/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { largeDiagram } from '../../bench/webviewDiagram';
import { DiagramAnalysis } from '../../src/routing/analysis';
import type { DiagramContent } from '../../src/routing/picture/previewContent';
import { diagramContent } from '../../src/routing/picture/previewContent';
import { failingPops } from '../../src/routing/scenario';
import type { RenderedMessage, RevealMessage, WebviewToHost } from '../../src/protocol/messages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';

const uri = 'file:///work/large.anycast.mmd';
const isRendered =
  (version: number) =>
  (m: WebviewToHost): m is RenderedMessage =>
    m.type === 'rendered' && m.version === version;

/** Each drawn node's box in SVG coordinates and its classes, by mermaid node id. */
function nodeBoxes(preview: PreviewPage): Promise<Record<string, { box: string; classes: string }>> {
  return preview.page.evaluate(() => {
    const out: Record<string, { box: string; classes: string }> = {};
    for (const g of document.querySelectorAll<SVGGElement>('#ac-canvas g.node')) {
      const id = g.id.replace(/^.*?-flowchart-/, '').replace(/-\d+$/, '');
      const shape =
        g.querySelector<SVGGraphicsElement>(
          ':scope > .label-container:not(g), :scope > g.label-container > path:last-child',
        ) ?? g;
      const ctm = g.getCTM();
      const b = shape.getBBox();
      out[id] = {
        box: [(ctm?.e ?? 0) + b.x, (ctm?.f ?? 0) + b.y, b.width, b.height].join(' '),
        classes: g.getAttribute('class') ?? '',
      };
    }
    return out;
  });
}

describe('client groups on a 300-client diagram (headless Chromium, built bundle)', () => {
  let preview: PreviewPage;
  let analysis: DiagramAnalysis;
  const diagram = largeDiagram(50, 300);

  const content = (failedPops: readonly string[]): DiagramContent => diagramContent(analysis, failingPops(failedPops));

  before(async () => {
    analysis = new DiagramAnalysis(diagram.text);
    assert.equal(analysis.syntaxError, undefined, 'the benchmark diagram parses');
    preview = await openPreview({ width: 1400, height: 900 });
    const first = content([]);
    await preview.post({
      type: 'render',
      uri,
      version: 1,
      mermaidText: first.mermaidText,
      routing: first.routing,
      edges: first.edges,
      maxEdges: 500,
      title: 'large',
    });
    await preview.waitForPosted(isRendered(1));
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('draws one node per access AS with its client count instead of 300 client nodes', async () => {
    const nodes = await nodeBoxes(preview);
    assert.equal(Object.keys(nodes).filter((id) => /^C\d+$/.test(id)).length, 0, 'no single client is drawn');
    const groups = Object.keys(nodes).filter((id) => id.startsWith('clients_'));
    assert.equal(groups.length, 20, 'one group per eyeball network');
    const label = await preview.page.locator('#ac-canvas g.node[id*="-flowchart-clients_E0-"]').textContent();
    assert.match(label ?? '', /15 clients in Eyeball 0/);
    assert.match(nodes['clients_E0']!.classes, /ac-client/);
    await preview.screenshot('groups-300-clients');
  });

  it('restyles failure toggles without moving any node', async () => {
    const before = await nodeBoxes(preview);
    let version = 1;
    for (const failed of [['P0'], ['P0', 'P5', 'P10'], []]) {
      version++;
      const from = (await preview.posted()).length;
      await preview.post({ type: 'routingState', uri, version, routing: content(failed).routing });
      const rendered = await preview.waitForPosted(isRendered(version), from);
      assert.equal(rendered.layout, false, 'no layout on a toggle');
      const after = await nodeBoxes(preview);
      for (const [id, facts] of Object.entries(before))
        assert.equal(after[id]?.box, facts.box, `${id} did not move (${failed.join(', ')})`);
    }
    const moved = content(['P0', 'P5', 'P10']).routing.nodes.filter((n) => n.id.startsWith('clients_') && n.moved);
    assert.ok(moved.length > 0, 'the toggle moves some clients, so the check above is not vacuous');
  });

  it('lists a group in its hover and reveals its first member on click', async () => {
    const group = preview.page.locator('#ac-canvas g.node[id*="-flowchart-clients_E3-"]');
    await group.hover();
    const tooltip = preview.page.locator('#ac-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    assert.match((await tooltip.textContent()) ?? '', /15 clients · .*Users in MIA → /s);
    await preview.page.mouse.move(2, 2);
    const from = (await preview.posted()).length;
    await group.click();
    const reveal = await preview.waitForPosted((m): m is RevealMessage => m.type === 'reveal', from);
    assert.deepEqual(reveal.target, { kind: 'node', id: 'clients_E3' });
    const line = diagram.text.split('\n').findIndex((l) => l.startsWith('  C3(['));
    assert.equal(content([]).nodeRange('clients_E3')?.start.line, line, 'the host reveals the first member');
  });
});
