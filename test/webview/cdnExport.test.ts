// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Exports of the cdn example stand alone: outside the browser (resvg, and ImageMagick's own MSVG
 * renderer, which refuses units in presentation values) they show the catchment colours over the
 * author's classDefs and the legend; a PNG too large for a canvas is drawn smaller, never empty.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { JSDOM } from 'jsdom';
import type { ExportBackground, RenderedMessage, PictureMessage, WebviewToHost } from '../../src/protocol/messages';
import type { ThemeKind } from '../../src/routing/picture/palette';
import { parseColor } from '../../src/routing/picture/palette';
import { cdnContent, expectedFills, renderOf } from './cdnMessages';
import type { PreviewPage } from './harness';
import { closeBrowser, openPreview, resultsDir } from './harness';
import { inspectPng } from './png';

const isRendered = (m: WebviewToHost): m is RenderedMessage => m.type === 'rendered';
let nextRequest = 1;

async function exportPicture(
  preview: PreviewPage,
  background: ExportBackground,
  format: 'svg' | 'png',
  scale = 1,
): Promise<PictureMessage> {
  const requestId = nextRequest++;
  const from = (await preview.posted()).length;
  await preview.post({ type: 'requestPicture', requestId, background, format, scale });
  return preview.waitForPosted(
    (m): m is PictureMessage => m.type === 'picture' && m.requestId === requestId,
    from,
    120_000,
  );
}

/** How many pixels of each colour an RGBA raster holds. */
function colourCounts(pixels: Uint8Array | Buffer): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function key(color: string): string {
  return parseColor(color)!.join(',');
}

/** Every expected catchment fill covers a node's worth of pixels in the raster. */
function assertFillsDrawn(counts: Map<string, number>, fills: Iterable<string>, renderer: string): void {
  for (const fill of new Set(fills)) {
    const n = counts.get(key(fill)) ?? 0;
    assert.ok(n > 200, `${renderer}: only ${n} pixels of ${fill}`);
  }
}

describe('exports of the cdn example (headless Chromium, then resvg and ImageMagick outside it)', () => {
  let preview: PreviewPage;
  const content = cdnContent();
  const svgs = new Map<ThemeKind, string>();

  before(async () => {
    mkdirSync(resultsDir, { recursive: true });
    preview = await openPreview({ bodyClass: 'vscode-dark', width: 1000, height: 700 });
    await preview.post(renderOf(content));
    await preview.waitForPosted(isRendered);
    for (const theme of ['light', 'dark'] as const) {
      const answer = await exportPicture(preview, theme, 'svg');
      assert.equal(answer.error, undefined);
      svgs.set(theme, answer.svg!);
      writeFileSync(join(resultsDir, `cdn-export-${theme}.svg`), answer.svg!);
    }
  });
  after(async () => {
    await preview.close();
    await closeBrowser();
  });

  it('writes each routed node in its catchment colour and the legend with every PoP into the SVG', () => {
    for (const theme of ['light', 'dark'] as const) {
      const doc = new JSDOM(svgs.get(theme)!, { contentType: 'image/svg+xml' }).window.document;
      for (const [id, fill] of expectedFills(content, theme)) {
        // Classes are gone from the file (ImageMagick reads them as drawing primitives): the shape is the node's first child.
        const first = doc.querySelector(`g[id*="-flowchart-${id}-"]`)?.firstElementChild;
        const shape = first?.tagName === 'g' ? first.querySelector('path') : first;
        assert.match(shape?.getAttribute('style') ?? '', new RegExp(`fill:${fill.replace(/[()]/g, '\\$&')}`), id);
      }
      const legend = doc.getElementById('ac-export-legend');
      assert.ok(legend, `${theme}: a legend`);
      for (const entry of content.routing.legend) assert.match(legend.textContent ?? '', new RegExp(`${entry.label}:`));
    }
  });

  it('renders the same colours and the legend outside the browser (resvg)', () => {
    for (const theme of ['light', 'dark'] as const) {
      const png = new Resvg(svgs.get(theme)!, { font: { loadSystemFonts: true } }).render();
      writeFileSync(join(resultsDir, `cdn-export-${theme}.resvg.png`), png.asPng());
      assertFillsDrawn(colourCounts(png.pixels), expectedFills(content, theme).values(), `resvg ${theme}`);
    }
  });

  it("renders with ImageMagick's built-in MSVG renderer without complaint, colours kept", () => {
    const svgFile = join(resultsDir, 'cdn-export-light.svg');
    const pngFile = join(resultsDir, 'cdn-export-light.msvg.png');
    const run = spawnSync('convert', [`msvg:${svgFile}`, `PNG32:${pngFile}`], { encoding: 'utf8' });
    assert.ok(
      !run.error,
      'ImageMagick is missing: run bash scripts/setup-test-env.sh (or apt-get install -y imagemagick)',
    );
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /non-conforming|unrecognized|error/i);
    const raster = inspectPng(readFileSync(pngFile));
    assertFillsDrawn(colourCounts(raster.pixels), expectedFills(content, 'light').values(), 'MSVG');
  });

  it('rasterises to a PNG in the browser with the same colours and the legend', async () => {
    const answer = await exportPicture(preview, 'light', 'png', 1);
    assert.equal(answer.error, undefined);
    const bytes = Buffer.from(answer.png!, 'base64');
    writeFileSync(join(resultsDir, 'cdn-export-light.png'), bytes);
    const raster = inspectPng(bytes);
    assertFillsDrawn(colourCounts(raster.pixels), expectedFills(content, 'light').values(), 'Chromium PNG');
    const svgWidth = Number(/<svg[^>]*\swidth="(\d+)"/.exec(answer.svg!)?.[1]);
    assert.equal(raster.width, svgWidth, 'the PNG holds the legend beside the diagram');
  });

  it('draws a picture beyond the canvas limit smaller and says so, never an empty PNG', async () => {
    const answer = await exportPicture(preview, 'light', 'png', 8);
    assert.equal(answer.error, undefined);
    assert.match(answer.note ?? '', /Drawn at [\d.]+x instead of 8x/);
    const raster = inspectPng(Buffer.from(answer.png!, 'base64'));
    assert.ok(raster.width > 1000 && raster.height > 1000, `${raster.width} x ${raster.height}`);
    assert.ok(raster.width <= 32_767 && raster.height <= 32_767 && raster.width * raster.height <= 2 ** 26);
    assert.ok(colourCounts(raster.pixels).size > 20, 'not blank');
  });
});
