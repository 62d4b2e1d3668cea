import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { runExport } from '../../../src/cli/export';
import { fakeIo } from './fakeIo';

// These tests drive the real preview bundle in headless Chromium: build first (node esbuild.mjs).
const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
const twoTransits = readFileSync(new URL('../../fixtures/cli/two-transits.anycast.mmd', import.meta.url), 'utf8');

/** A fake I/O that keeps written bytes as they are (PNG is binary). */
function bytesIo(files: Record<string, string>) {
  const io = fakeIo(files);
  const bytes: Record<string, Uint8Array> = {};
  return Object.assign(io, {
    bytes,
    async writeFileAtomic(path: string, data: string | Uint8Array) {
      bytes[path] = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    },
  });
}

function declaredSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1]) };
}

describe('anycast export', () => {
  it('writes a standalone SVG that resvg renders, outside any browser, to a non-blank picture of its declared size', async () => {
    const io = bytesIo({ 'seed.anycast.mmd': seed });
    const code = await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--fail', 'US-East'], io);
    assert.equal(code, 0, io.stderr);
    const svg = new TextDecoder().decode(io.bytes['seed.svg']);
    assert.match(svg, /^<\?xml[^>]*\?>\n<svg\b[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /foreignObject|color\(srgb|var\(--/);
    const words = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(words, /withdrawn/, 'US-East is marked withdrawn');
    assert.match(words, /moved/, 'New York is marked moved');
    const { width, height } = declaredSize(svg);
    const picture = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
    assert.deepEqual([picture.width, picture.height], [width, height]);
    // `pixels` copies the whole buffer on every read: read it once.
    const pixels = picture.pixels;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4 * 11) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    assert.ok(colours.size > 8, `only ${colours.size} colours: blank`);
    assert.deepEqual([...pixels.subarray(0, 4)], [255, 255, 255, 255], 'light background');
  });

  it('draws the catchment map headless with --view map: legend included, LHR withdrawn, resvg renders it', async () => {
    const cdn = readFileSync(new URL('../../../examples/cdn.anycast.mmd', import.meta.url), 'utf8');
    const io = bytesIo({ 'cdn.anycast.mmd': cdn });
    const code = await runExport(['cdn.anycast.mmd', '--view', 'map', '--fail', 'LHR', '-o', 'map.svg'], io);
    assert.equal(code, 0, io.stderr);
    const svg = new TextDecoder().decode(io.bytes['map.svg']);
    assert.doesNotMatch(svg, /foreignObject|color\(srgb|var\(--|calc\(/);
    const words = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    assert.match(words, /Catchments · 25 PoPs/);
    assert.match(words, /LHR withdrawn/);
    const { width, height } = declaredSize(svg);
    const picture = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
    assert.deepEqual([picture.width, picture.height], [width, height]);
    const pixels = picture.pixels;
    const colours = new Set<string>();
    for (let i = 0; i < pixels.length; i += 4 * 11) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
    assert.ok(colours.size > 20, `only ${colours.size} colours: blank`);
    assert.equal(await runExport(['cdn.anycast.mmd', '--view', 'globe', '-o', 'x.svg'], io), 2);
    assert.match(io.stderr, /--view takes map or diagram, not 'globe'/);
  });

  it('gives the exported map legend the load of a PoP above the threshold or over capacity', async () => {
    const load = readFileSync(new URL('../../../examples/load.anycast.mmd', import.meta.url), 'utf8');
    const io = bytesIo({ 'load.anycast.mmd': load });
    assert.equal(await runExport(['load.anycast.mmd', '--view', 'map', '-o', 'map.svg'], io), 0, io.stderr);
    const words = new TextDecoder()
      .decode(io.bytes['map.svg'])
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    // Tokyo's 22 Gbps reach SIN, of 20 Gbps: 110%; London's 30 of LHR's 35 Gbps is 86%, above 80%.
    assert.match(words, /SIN 2 clients · 25% ⚠ over capacity · 110%/);
    assert.match(words, /LHR 1 client · 13% ⚠ above 80% · 86%/);
    assert.doesNotMatch(words, /IAD 3 clients · 38% ⚠/, 'IAD, at 57%, has no marking');
  });

  it('writes the same bytes each time for the same diagram (mermaid draws some shapes with a seeded rough.js)', async () => {
    const first = bytesIo({ 'seed.anycast.mmd': seed });
    const second = bytesIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--fail', 'US-East'], first), 0, first.stderr);
    assert.equal(
      await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--fail', 'US-East'], second),
      0,
      second.stderr,
    );
    const [a, b] = [first.bytes['seed.svg']!, second.bytes['seed.svg']!];
    assert.ok(a.length > 1000);
    assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'the two exports differ');
    assert.doesNotMatch(new TextDecoder().decode(a), /anycast-svg-\d/);
  });

  it('writes a PNG at twice the diagram size', async () => {
    const io = bytesIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.svg'], io), 0, io.stderr);
    const { width, height } = declaredSize(new TextDecoder().decode(io.bytes['seed.svg']));
    assert.equal(await runExport(['seed.anycast.mmd', '--output=seed.png', '--background', 'dark'], io), 0, io.stderr);
    const png = io.bytes['seed.png']!;
    assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    assert.deepEqual([view.getUint32(16), view.getUint32(20)], [width * 2, height * 2]);
  });

  it('says clearly when there is no Chromium, and writes nothing', async () => {
    const io = bytesIo({ 'seed.anycast.mmd': seed });
    const code = await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--chromium', '/nonexistent/chromium'], io);
    assert.equal(code, 4);
    assert.match(
      io.stderr,
      /no Chromium at \/nonexistent\/chromium.*apt-get install chromium.*--chromium PATH.*ANYCAST_CHROMIUM/,
    );
    assert.deepEqual(Object.keys(io.bytes), []);
    const fromEnv = bytesIo({ 'seed.anycast.mmd': seed });
    assert.equal(
      await runExport(['seed.anycast.mmd', '-o', 'seed.svg'], fromEnv, { ANYCAST_CHROMIUM: '/nonexistent/other' }),
      4,
    );
    assert.match(fromEnv.stderr, /no Chromium at \/nonexistent\/other/);
  });

  it('reads every option written --flag=value, before it looks for Chromium', async () => {
    const io = bytesIo({ 'd.anycast.mmd': twoTransits });
    const args = [
      'd.anycast.mmd',
      '--output=d.png',
      '--fail=East',
      '--fail-as=Lumen',
      '--fail-link=E--T1',
      '--background=transparent',
      '--scale=3',
      '--timeout=30',
      '--chromium=/nonexistent/chromium',
    ];
    assert.equal(await runExport(args, io), 4, io.stderr);
    assert.match(io.stderr, /no Chromium at \/nonexistent\/chromium/);
    const cases: [string[], RegExp, number][] = [
      [['--background=pink'], /--background takes light, dark, transparent, not 'pink'/, 2],
      [['--scale=9'], /--scale takes a number above 0, at most 8/, 2],
      [['--timeout=0'], /--timeout takes a number of seconds/, 2],
      [['--fail=Mars'], /--fail Mars: no such PoP/, 1],
      [['--output'], /^anycast export: --output needs a value: --output OUT \(see anycast export --help\)\n$/, 2],
    ];
    for (const [extra, message, code] of cases) {
      const bad = bytesIo({ 'seed.anycast.mmd': seed });
      assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.svg', ...extra], bad), code, extra.join(' '));
      assert.match(bad.stderr, message);
    }
    assert.deepEqual(Object.keys(io.bytes), []);
  });

  it('refuses an unknown PoP, listing the PoPs there are', async () => {
    const io = bytesIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--fail', 'Mars'], io), 1);
    assert.match(
      io.stderr,
      /seed\.anycast\.mmd: --fail Mars: no such PoP; the diagram has PoPUS \(US-East\), PoPEU \(EU-West\), PoPAP \(Asia-Pacific\)/,
    );
    const as = bytesIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--fail-as=Atlantis'], as), 1);
    assert.match(as.stderr, /--fail-as Atlantis: no such AS; the diagram has /);
    const link = bytesIo({ 'seed.anycast.mmd': seed });
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.svg', '--fail-link', 'PoPUS--Mars'], link), 1);
    assert.match(link.stderr, /--fail-link PoPUS--Mars: no BGP session between two such nodes/);
  });

  it('reports bad usage and a file that does not parse, with its position', async () => {
    const io = bytesIo({ 'bad.anycast.mmd': 'flowchart TD\n  A[oops --> B\n', 'seed.anycast.mmd': seed });
    assert.equal(await runExport(['seed.anycast.mmd'], io), 2);
    assert.match(io.stderr, /-o OUT\.svg or -o OUT\.png/);
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'seed.jpg'], io), 2);
    assert.equal(await runExport(['seed.anycast.mmd', '-o', 'x.svg', '--background', 'pink'], io), 2);
    assert.equal(await runExport(['bad.anycast.mmd', '-o', 'bad.svg'], io), 1);
    assert.match(io.stderr, /^bad\.anycast\.mmd:2:\d+: error: /m);
    assert.deepEqual(Object.keys(io.bytes), []);
  });
});
