// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WebviewApi } from 'vscode-webview';
import type {
  RenderFailedMessage,
  RenderedMessage,
  RevealMessage,
  PictureMessage,
  WebviewToHost,
} from '../../src/protocol/messages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview } from './harness';
import { seedEdges, seedRender, seedRouting, seedText, seedUri } from './seedMessages';

const isRendered =
  (version: number) =>
  (m: WebviewToHost): m is RenderedMessage =>
    m.type === 'rendered' && m.version === version;
const isFailed = (m: WebviewToHost): m is RenderFailedMessage => m.type === 'renderFailed';

interface NodeFacts {
  classes: string;
  stroke: string;
  box: { x: number; y: number; width: number; height: number };
}

/** Each diagram node's classes, drawn stroke colour and box in SVG coordinates. */
async function nodeFacts(preview: PreviewPage): Promise<Record<string, NodeFacts>> {
  return preview.page.evaluate(() => {
    const out: Record<
      string,
      { classes: string; stroke: string; box: { x: number; y: number; width: number; height: number } }
    > = {};
    for (const g of document.querySelectorAll<SVGGElement>('#ac-canvas g.node')) {
      const id = g.id.replace(/^.*?-flowchart-/, '').replace(/-\d+$/, '');
      const shape = g.querySelector<SVGGraphicsElement>(
        ':scope > .label-container:not(g), :scope > g.label-container > path:last-child',
      );
      // The shape's box, not the group's: badges added beside a node are not the node moving.
      const ctm = g.getCTM();
      const b = (shape ?? g).getBBox();
      out[id] = {
        classes: g.getAttribute('class') ?? '',
        stroke: shape ? getComputedStyle(shape).stroke : '',
        box: { x: (ctm?.e ?? 0) + b.x, y: (ctm?.f ?? 0) + b.y, width: b.width, height: b.height },
      };
    }
    return out;
  });
}

async function waitQuiet(preview: PreviewPage, ms: number): Promise<void> {
  await preview.page.waitForTimeout(ms);
}

describe('preview webview (headless Chromium, built bundle)', () => {
  let preview: PreviewPage;

  before(async () => {
    preview = await openPreview();
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('draws the seed with its three catchments, each client in its PoP colour', async () => {
    await preview.post(seedRender(1));
    const rendered = await preview.waitForPosted(isRendered(1));
    assert.equal(rendered.layout, true);
    assert.equal(rendered.uri, seedUri);
    const nodes = await nodeFacts(preview);
    for (const id of [
      'IP',
      'BGP',
      'PoPUS',
      'PoPEU',
      'PoPAP',
      'ClientUS',
      'ClientEU',
      'ClientAP',
      'Withdraw',
      'Reroute',
    ]) {
      assert.ok(nodes[id], `node ${id} is drawn`);
    }
    const popStrokes = ['PoPUS', 'PoPEU', 'PoPAP'].map((id) => nodes[id]!.stroke);
    assert.equal(new Set(popStrokes).size, 3, `three distinct PoP colours: ${popStrokes.join(', ')}`);
    assert.equal(nodes['ClientUS']!.stroke, nodes['PoPUS']!.stroke);
    assert.equal(nodes['ClientEU']!.stroke, nodes['PoPEU']!.stroke);
    assert.equal(nodes['ClientAP']!.stroke, nodes['PoPAP']!.stroke);
    assert.notEqual(nodes['BGP']!.stroke, nodes['PoPUS']!.stroke, 'narrative nodes keep mermaid colours');
    const legend = await preview.page.locator('#ac-legend .ac-legend-entry').allTextContents();
    assert.equal(legend.length, 3);
    assert.match(legend[0]!, /US-East.*1 client · 33%/);
    await preview.screenshot('seed-light');
  });

  it('restyles a failure toggle without laying out again or moving any node', async () => {
    const before = await nodeFacts(preview);
    await preview.page.evaluate(() => {
      (document.querySelector('#ac-canvas svg') as SVGSVGElement & { __marker?: boolean }).__marker = true;
    });
    const from = (await preview.posted()).length;
    await preview.post({ type: 'routingState', uri: seedUri, version: 2, routing: seedRouting(true) });
    const rendered = await preview.waitForPosted(isRendered(2), from);
    assert.equal(rendered.layout, false);
    const sameSvg = await preview.page.evaluate(
      () => (document.querySelector('#ac-canvas svg') as SVGSVGElement & { __marker?: boolean }).__marker === true,
    );
    assert.ok(sameSvg, 'the SVG on screen is the one drawn before');
    const afterToggle = await nodeFacts(preview);
    for (const [id, facts] of Object.entries(before)) {
      assert.deepEqual(afterToggle[id]!.box, facts.box, `${id} did not move`);
    }
    assert.match(afterToggle['PoPUS']!.classes, /ac-withdrawn/);
    assert.match(afterToggle['ClientUS']!.classes, /ac-moved/);
    assert.equal(afterToggle['ClientUS']!.stroke, afterToggle['PoPEU']!.stroke, 'New York now wears EU-West colour');
    const badges = await preview.page.locator('#ac-canvas .ac-badge').allTextContents();
    assert.deepEqual(badges.sort(), ['moved', 'withdrawn']);
    assert.equal(await preview.page.locator('#ac-headline').textContent(), 'US-East down · 1 client moved');
    await preview.screenshot('seed-us-east-failed');

    // A render with the same text (e.g. the host resent after a routing-only change) restyles too.
    const from2 = (await preview.posted()).length;
    await preview.post(seedRender(3));
    const again = await preview.waitForPosted(isRendered(3), from2);
    assert.equal(again.layout, false);
    assert.doesNotMatch((await nodeFacts(preview))['PoPUS']!.classes, /ac-withdrawn/);
  });

  it('drops stale versions and abandons a render that a newer one supersedes', async () => {
    const from = (await preview.posted()).length;
    await preview.post(seedRender(2, { mermaidText: 'flowchart LR\n  Stale --> Old\n' }));
    // Posted in one go, as keystrokes arrive: 11 comes while mermaid is still laying out 10.
    const burst = [
      seedRender(10, {
        mermaidText: 'flowchart LR\n  First --> Draft\n',
        routing: { nodes: [], legend: [], headline: '' },
        edges: [{ from: 'First', to: 'Draft' }],
      }),
      seedRender(11, {
        mermaidText: 'flowchart LR\n  Second --> Final\n',
        routing: { nodes: [], legend: [], headline: '' },
        edges: [{ from: 'Second', to: 'Final' }],
      }),
    ];
    await preview.page.evaluate((messages) => messages.forEach((m) => window.postMessage(m, '*')), burst);
    await preview.waitForPosted(isRendered(11), from);
    await waitQuiet(preview, 300);
    const versions = (await preview.posted())
      .slice(from)
      .filter((m): m is RenderedMessage => m.type === 'rendered')
      .map((m) => m.version);
    assert.deepEqual(versions, [11], 'only the newest version reaches the screen');
    const ids = Object.keys(await nodeFacts(preview)).sort();
    assert.deepEqual(ids, ['Final', 'Second']);
  });

  it('keeps the last good picture and shows a parse error beside it', async () => {
    await preview.post({
      type: 'error',
      uri: seedUri,
      version: 12,
      message: "Expected a node after '-->'",
      line: 2,
      column: 13,
    });
    const problem = preview.page.locator('#ac-problem');
    await problem.waitFor({ state: 'visible' });
    assert.match((await problem.textContent()) ?? '', /Expected a node after '-->' \(line 2, column 13\)/);
    assert.equal(await preview.page.locator('#ac-canvas svg').count(), 1, 'the picture stays');
    const from = (await preview.posted()).length;
    await preview.post(seedRender(13));
    await preview.waitForPosted(isRendered(13), from);
    assert.equal(await problem.isVisible(), false, 'a good render clears the error');
  });

  it('links both ways: clicks reveal the source, the cursor highlights the node and a client path', async () => {
    const from = (await preview.posted()).length;
    await preview.page.locator('#ac-canvas g.node[id*="-flowchart-PoPEU-"]').click();
    const reveal = await preview.waitForPosted((m): m is RevealMessage => m.type === 'reveal', from);
    assert.deepEqual(reveal.target, { kind: 'node', id: 'PoPEU' });

    const edgeIndex = seedEdges.findIndex((e) => e.from === 'PoPAP' && e.to === 'Serve3');
    const from2 = (await preview.posted()).length;
    await preview.page.locator('#ac-canvas path[data-id="L_PoPAP_Serve3_0"]').dispatchEvent('click');
    const edgeReveal = await preview.waitForPosted((m): m is RevealMessage => m.type === 'reveal', from2);
    assert.deepEqual(edgeReveal.target, { kind: 'edge', index: edgeIndex });

    await preview.post({ type: 'highlight', nodeId: 'ClientEU' });
    await preview.page.locator('#ac-canvas g.node.ac-cursor').waitFor();
    const marked = await preview.page.evaluate(() => ({
      cursor: [...document.querySelectorAll('#ac-canvas g.node.ac-cursor')].map((g) => g.id),
      onPath: [...document.querySelectorAll('#ac-canvas .ac-on-path')].map((el) => el.id),
    }));
    assert.equal(marked.cursor.length, 1);
    assert.match(marked.cursor[0]!, /-flowchart-ClientEU-/);
    assert.ok(
      marked.onPath.some((id) => /-flowchart-PoPEU-/.test(id)),
      'the PoP on the path is marked',
    );
    assert.ok(
      marked.onPath.some((id) => /L_ClientEU_PoPEU_0/.test(id)),
      'the edge on the path is marked',
    );
    await preview.post({ type: 'highlight', nodeId: undefined });
    assert.equal(await preview.page.locator('#ac-canvas g.node.ac-cursor').count(), 0);
  });

  it('shows a route summary when hovering a client', async () => {
    await preview.page.locator('#ac-canvas g.node[id*="-flowchart-ClientAP-"]').hover();
    const tooltip = preview.page.locator('#ac-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    assert.match((await tooltip.textContent()) ?? '', /ClientAP → Asia-Pacific.*AS path 65000 64513/s);
    await preview.page.mouse.move(2, 2);
    await tooltip.waitFor({ state: 'hidden' });
  });

  it('keeps the pan and zoom across a re-render and remembers them for a reload', async () => {
    const transform = (): Promise<string> =>
      preview.page.evaluate(() => document.getElementById('ac-canvas')!.style.transform);
    const scaleOf = (t: string): number => Number(/scale\(([\d.]+)\)/.exec(t)?.[1]);
    const before = scaleOf(await transform());
    await preview.page.getByRole('button', { name: 'Zoom in' }).click();
    await preview.page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await transform();
    assert.ok(Math.abs(scaleOf(zoomed) - before * 1.5625) < 1e-3, `two zoom steps of 1.25 from ${before}: ${zoomed}`);
    const from = (await preview.posted()).length;
    await preview.post(seedRender(14, { mermaidText: seedText.replace('User in Tokyo', 'User in Osaka') }));
    const rendered = await preview.waitForPosted(isRendered(14), from);
    assert.equal(rendered.layout, true);
    assert.equal(await transform(), zoomed, 'the view did not jump');
    const saved = await preview.page.evaluate(() =>
      (window as unknown as { acquireVsCodeApi(): WebviewApi<unknown> }).acquireVsCodeApi().getState(),
    );
    assert.deepEqual((saved as { uri: string; view: { scale: number } }).uri, seedUri);
    assert.ok(
      Math.abs((saved as { view: { scale: number } }).view.scale - scaleOf(zoomed)) < 1e-3,
      'the saved view is the one on screen',
    );
  });

  it('answers an SVG request with the picture on screen', async () => {
    const from = (await preview.posted()).length;
    await preview.post({ type: 'requestPicture', requestId: 7 });
    const answer = await preview.waitForPosted((m): m is PictureMessage => m.type === 'picture', from);
    assert.equal(answer.requestId, 7);
    assert.match(answer.svg ?? '', /^<svg[^>]*>/);
    assert.doesNotMatch(answer.svg ?? '', /foreignObject/);
  });

  it('shows a message instead of laying out a diagram beyond the edge limit', async () => {
    const edges = Array.from({ length: 600 }, (_, i) => ({ from: `A${i}`, to: `B${i}` }));
    const text = `flowchart LR\n${edges.map((e) => `  ${e.from} --> ${e.to}`).join('\n')}\n`;
    const from = (await preview.posted()).length;
    await preview.post(seedRender(20, { mermaidText: text, edges }));
    const failed = await preview.waitForPosted(isFailed, from, 2_000);
    assert.equal(failed.version, 20);
    assert.match((await preview.page.locator('#ac-problem').textContent()) ?? '', /600 edges.*at most 500/);
    assert.equal(await preview.page.locator('#ac-canvas svg').count(), 1, 'the last good picture stays');
  });
});

describe('preview themes', () => {
  after(closeBrowser);

  it('follows light, dark and both high-contrast themes, and the forced setting', async () => {
    const preview = await openPreview();
    try {
      await preview.post(seedRender(1));
      await preview.waitForPosted(isRendered(1));
      const light = await nodeFacts(preview);
      const seen: Record<string, string> = {};
      // Mermaid draws again only when its own theme (light or dark) changes: it is baked into the SVG.
      for (const [bodyClass, expected, redraws] of [
        ['vscode-dark', 'dark', true],
        ['vscode-high-contrast', 'hc-dark', false],
        ['vscode-high-contrast-light', 'hc-light', true],
        ['vscode-light', 'light', false],
      ] as const) {
        const from = (await preview.posted()).length;
        await preview.page.evaluate((c) => {
          document.body.className = c;
        }, bodyClass);
        const theme = await preview.page.evaluate(() => document.body.dataset['acTheme']);
        assert.equal(theme, expected);
        if (redraws) await preview.waitForPosted(isRendered(1), from);
        await waitQuiet(preview, 100);
        const facts = await nodeFacts(preview);
        seen[expected] = facts['PoPUS']!.stroke;
        for (const [id, f] of Object.entries(light))
          assert.deepEqual(facts[id]!.box, f.box, `${id} keeps its place in ${expected}`);
        await preview.screenshot(`seed-${expected}`);
      }
      assert.notEqual(seen['dark'], seen['light'], 'the palette changes with the theme');
      const background = async (): Promise<string> =>
        preview.page.evaluate(() => getComputedStyle(document.getElementById('ac-viewport')!).backgroundColor);

      await preview.page.evaluate(() => {
        document.body.className = 'vscode-dark';
      });
      await preview.post({ type: 'setTheme', theme: 'light' });
      assert.equal(
        await preview.page.evaluate(() => document.body.dataset['acTheme']),
        'light',
        'the setting forces light',
      );
      assert.equal(await background(), 'rgb(255, 255, 255)');
      await preview.screenshot('seed-forced-light-in-dark');
    } finally {
      await preview.close();
    }
  });
});
