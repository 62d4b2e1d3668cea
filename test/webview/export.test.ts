// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import type { ExportBackground, RenderedMessage, PictureMessage, WebviewToHost } from '../../src/protocol/messages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview, resultsDir } from './harness';
import { seedRender } from './seedMessages';
import { inspectPng, pixelAt } from './png';

const isRendered =
  (version: number) =>
  (m: WebviewToHost): m is RenderedMessage =>
    m.type === 'rendered' && m.version === version;
const isSvg =
  (requestId: number) =>
  (m: WebviewToHost): m is PictureMessage =>
    m.type === 'picture' && m.requestId === requestId;

let nextRequest = 100;
async function exportSvg(
  preview: PreviewPage,
  background: ExportBackground,
  format: 'svg' | 'png' = 'svg',
): Promise<PictureMessage> {
  const requestId = nextRequest++;
  const from = (await preview.posted()).length;
  await preview.post({ type: 'requestPicture', requestId, background, format });
  return preview.waitForPosted(isSvg(requestId), from);
}

function declaredSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1]) };
}

describe('export from the preview (headless Chromium, then resvg outside the browser)', () => {
  let preview: PreviewPage;

  before(async () => {
    preview = await openPreview({ bodyClass: 'vscode-dark' });
    await preview.post(seedRender(1));
    await preview.waitForPosted(isRendered(1));
    // The cursor on New York highlights its path: an export must not carry that.
    await preview.post({ type: 'highlight', nodeId: 'ClientUS' });
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('writes a standalone SVG: namespace, explicit size from the viewBox, no foreignObject, no external font or URL', async () => {
    const { svg, error } = await exportSvg(preview, 'light');
    assert.equal(error, undefined);
    assert.ok(svg);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'export-light.svg'), svg);
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg\b/);
    assert.match(svg, /<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /foreignObject/i);
    assert.doesNotMatch(svg, /@import|@font-face|https?:\/\/(?!www\.w3\.org)/);
    assert.doesNotMatch(svg, /ac-cursor|ac-on-path|ac-path-shown/);
    const { width, height } = declaredSize(svg);
    assert.ok(width > 100 && height > 100, `size ${width}x${height}`);
    const viewBox = /viewBox="([-\d. ]+)"/.exec(svg)?.[1]?.split(' ').map(Number);
    assert.deepEqual(viewBox?.slice(2), [width, height]);
    assert.match(svg, /<rect[^>]*fill="#ffffff"[^>]*id="ac-export-background"/);
    assert.match(svg, /font-family:\s*Arial, Helvetica, sans-serif/);
    // Colours are written in a syntax every renderer reads (Chromium reports color-mix() as color(srgb ...)).
    assert.doesNotMatch(svg, /color\(|color-mix|var\(--/);
  });

  it('draws a light export in the light theme even when the preview shows the dark one', async () => {
    const light = (await exportSvg(preview, 'light')).svg ?? '';
    const dark = (await exportSvg(preview, 'dark')).svg ?? '';
    // Mermaid's light theme fills plain nodes #ECECFF; its dark theme does not.
    assert.match(light, /fill:rgb\(236, 236, 255\)/);
    assert.doesNotMatch(dark, /fill:rgb\(236, 236, 255\)/);
    const rendered = await preview.posted();
    assert.ok(!rendered.some((m) => m.type === 'renderFailed'));
  });

  it('renders outside the browser (resvg) to a non-blank PNG of the declared size, PoP colours kept', async () => {
    const { svg } = await exportSvg(preview, 'light');
    assert.ok(svg);
    const { width, height } = declaredSize(svg);
    const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
    assert.equal(png.width, width);
    assert.equal(png.height, height);
    const bytes = png.asPng();
    writeFileSync(join(resultsDir, 'export-light.resvg.png'), bytes);
    const pixels = png.pixels;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4 * 7) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    assert.ok(colours.size > 8, `only ${colours.size} colours: the picture is blank`);
    // The corner is the light background, not transparency.
    assert.deepEqual([...pixels.subarray(0, 4)], [255, 255, 255, 255]);
  });

  it('paints a dark background, or none when transparent', async () => {
    const dark = (await exportSvg(preview, 'dark')).svg ?? '';
    assert.match(dark, /id="ac-export-background"/);
    assert.match(dark, /fill="#1e1e1e"/);
    const clear = (await exportSvg(preview, 'transparent')).svg ?? '';
    assert.doesNotMatch(clear, /ac-export-background/);
    const png = new Resvg(clear).render();
    assert.equal(png.pixels[3], 0, 'the corner of a transparent export is transparent');
  });

  it('rasterises to a PNG at twice the size', async () => {
    const answer = await exportSvg(preview, 'light', 'png');
    assert.equal(answer.error, undefined);
    assert.ok(answer.png && answer.svg);
    const bytes = Buffer.from(answer.png, 'base64');
    writeFileSync(join(resultsDir, 'export-2x.png'), bytes);
    const { width, height } = declaredSize(answer.svg);
    const info = inspectPng(bytes);
    assert.equal(info.width, width * 2);
    assert.equal(info.height, height * 2);
    assert.deepEqual(pixelAt(info, 0, 0), [255, 255, 255, 255]);
  });

  it('exports the same bytes for the same picture whatever was drawn before it', async () => {
    const before = await exportSvg(preview, 'light');
    // Another diagram laid out, then the seed again: mermaid numbers its SVG ids by render.
    await preview.post({ ...seedRender(50), mermaidText: 'flowchart LR\n  X([Other]) --> Y' });
    await preview.waitForPosted(isRendered(50));
    await preview.post(seedRender(51));
    await preview.waitForPosted(isRendered(51));
    await preview.post({ type: 'highlight', nodeId: 'ClientUS' });
    const again = await exportSvg(preview, 'light');
    assert.ok(before.svg && before.svg.length > 1000);
    assert.equal(again.svg, before.svg);
  });

  it('answers with no SVG when nothing is on screen', async () => {
    const empty = await openPreview();
    try {
      await empty.post({ type: 'requestPicture', requestId: 1, background: 'light' });
      const answer = await empty.waitForPosted(isSvg(1));
      assert.equal(answer.svg, undefined);
    } finally {
      await empty.close();
    }
  });
});
