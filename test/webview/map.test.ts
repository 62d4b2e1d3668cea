// The functions passed to page.evaluate run in Chromium, so this file sees the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import type { MapScene } from '../../src/routing/map/mapScene';
import { mapScene } from '../../src/routing/map/mapScene';
import type { DiagramScenario } from '../../src/routing/scenario';
import { routingOf } from './mapDeployment';
import { closeBrowser, resultsDir } from './harness';
import type { MapPage, ThemeKind } from './mapHarness';
import { openMap } from './mapHarness';

after(closeBrowser);

const example = (name: string): string =>
  readFileSync(new URL(`../../examples/${name}.anycast.mmd`, import.meta.url), 'utf8');

function sceneOf(text: string, scenario: Partial<DiagramScenario> = {}): MapScene {
  const scene = mapScene(routingOf(text, scenario));
  assert.ok(scene);
  return scene;
}

interface Marker {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** Screen centre and radius of every PoP and client marker. */
function markers(map: MapPage): Promise<Record<string, Marker>> {
  return map.page.evaluate(() => {
    const out: Record<string, Marker> = {};
    for (const g of document.querySelectorAll('g[data-pop], g.acm-client[data-client]')) {
      const circle = g.querySelector('circle');
      if (!circle) continue;
      const box = circle.getBoundingClientRect();
      const id = g.getAttribute('data-pop') ?? g.getAttribute('data-client') ?? '';
      out[id] = { x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2 };
    }
    return out;
  });
}

/** Screen position of the end of the solid (or, with `ghost`, dashed) arc of `client`; undefined when empty. */
function arcEnd(map: MapPage, client: string, ghost = false): Promise<{ x: number; y: number } | undefined> {
  return map.page.evaluate(
    ([id, dashed]) => {
      const path = document.querySelector<SVGPathElement>(
        `path.${dashed ? 'acm-ghost' : 'acm-arc'}[data-client="${id}"]`,
      );
      if (!path || !path.getAttribute('d')) return undefined;
      const end = path.getPointAtLength(path.getTotalLength());
      const p = new DOMPoint(end.x, end.y).matrixTransform(path.getScreenCTM() ?? new DOMMatrix());
      return { x: p.x, y: p.y };
    },
    [client, ghost] as const,
  );
}

function assertWithin(point: { x: number; y: number } | undefined, marker: Marker | undefined, what: string): void {
  assert.ok(point && marker, what);
  const distance = Math.hypot(point.x - marker.x, point.y - marker.y);
  assert.ok(
    distance <= marker.r + 1,
    `${what}: ${distance.toFixed(1)} px from the centre of a ${marker.r.toFixed(1)} px marker`,
  );
}

describe('catchment map in Chromium', () => {
  it("places the seed west to east (New York, London, Tokyo) and ends each client's arc at its PoP's marker", async () => {
    const map = await openMap();
    try {
      await map.show(sceneOf(example('seed')));
      const m = await markers(map);
      assert.ok(m['ClientUS']!.x < m['ClientEU']!.x && m['ClientEU']!.x < m['ClientAP']!.x);
      assert.ok(m['PoPUS']!.x < m['PoPEU']!.x && m['PoPEU']!.x < m['PoPAP']!.x);
      const served = { ClientUS: 'PoPUS', ClientEU: 'PoPEU', ClientAP: 'PoPAP' };
      for (const [client, pop] of Object.entries(served)) {
        // A client in the PoP's own city has no arc to draw: its dot sits on the marker.
        const end = (await arcEnd(map, client)) ?? m[client];
        assertWithin(end, m[pop], `${client} reaches ${pop}`);
      }
      await map.screenshot('map-seed');
    } finally {
      await map.close();
    }
  });

  it("failing US-East moves New York's arc to EU-West's marker, leaves a ghost to US-East, and moves no marker", async () => {
    const map = await openMap();
    try {
      const seed = example('seed');
      await map.show(sceneOf(seed));
      const before = await markers(map);
      await map.show(sceneOf(seed, { failedPops: ['PoPUS'] }));
      const after = await markers(map);
      for (const id of Object.keys(before)) {
        assert.ok(Math.abs(after[id]!.x - before[id]!.x) < 0.01, `${id} stays put`);
        assert.ok(Math.abs(after[id]!.y - before[id]!.y) < 0.01, `${id} stays put`);
      }
      assertWithin(await arcEnd(map, 'ClientUS'), after['PoPEU'], 'New York now reaches EU-West');
      assertWithin(await arcEnd(map, 'ClientUS', true), after['PoPUS'], 'the ghost goes to US-East');
      const withdrawn = await map.page.locator('g[data-pop="PoPUS"].acm-withdrawn .acm-cross').isVisible();
      assert.ok(withdrawn, 'US-East is crossed out');
      const legend = await map.page.locator('.acm-legend').innerText();
      assert.match(legend, /US-East\s+withdrawn\s+Restore/);
      await map.screenshot('map-seed-us-east-failed');
    } finally {
      await map.close();
    }
  });

  it('rings a client left without service in red and lists it in the legend', async () => {
    const map = await openMap();
    try {
      await map.show(sceneOf(example('seed'), { failedPops: ['PoPUS', 'PoPEU', 'PoPAP'] }));
      assert.ok(await map.page.locator('.acm-client[data-client="ClientEU"] .acm-ring').isVisible());
      const legend = await map.page.locator('.acm-legend').innerText();
      assert.match(legend, /Without service · 3 clients\s+User in New York\s+User in London\s+User in Tokyo/);
    } finally {
      await map.close();
    }
  });

  it('lists the nodes it cannot place, each a link to its source', async () => {
    const map = await openMap();
    try {
      const text = 'flowchart LR\n  A[PoP: Frankfurt]\n  Q[PoP: QWJ]@{ loc: QWJ }\n  X[PoP]\n  C([User in Berlin])\n';
      await map.show(sceneOf(text));
      const corner = map.page.locator('.acm-unplaced');
      assert.equal(await corner.innerText(), "Not on the map: QWJ (unknown location 'QWJ'), PoP (no location)");
      await corner.getByRole('button', { name: 'QWJ' }).click();
      assert.deepEqual((await map.events()).at(-1), ['reveal', 'Q']);
    } finally {
      await map.close();
    }
  });

  it('keeps a label with <script> or <img onerror> as text, running nothing', async () => {
    const map = await openMap();
    try {
      const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
      const scene = sceneOf(example('seed'));
      const evil: MapScene = {
        ...scene,
        places: {
          ...scene.places,
          pops: scene.places.pops.map((p, i) => (i === 0 ? { ...p, name: hostile } : p)),
          clients: scene.places.clients.map((c, i) => (i === 0 ? { ...c, name: hostile } : c)),
        },
        routing: { ...scene.routing, clients: scene.routing.clients.map((c) => ({ id: c.id, path: c.path })) },
      };
      await map.show(evil);
      await map.page.locator('g[data-pop="PoPUS"] circle').hover();
      const found = await map.page.evaluate(() => ({
        alerts: (window as unknown as { __alerts: string[] }).__alerts,
        violations: (window as unknown as { __violations: string[] }).__violations,
        elements: [...document.querySelectorAll('img, script:not([nonce]), [onerror]')].map((e) => e.outerHTML),
        label: document.querySelector('g[data-pop="PoPUS"] text')?.textContent,
        legend: document.querySelector('.acm-legend')?.textContent ?? '',
      }));
      assert.deepEqual(found.alerts, []);
      assert.deepEqual(found.violations, []);
      assert.deepEqual(found.elements, []);
      assert.equal(found.label, hostile);
      assert.ok(found.legend.includes(hostile), 'the legend shows the name as written');
    } finally {
      await map.close();
    }
  });

  it('hovering a PoP highlights its catchment and dims the rest; hovering a client draws its path', async () => {
    const map = await openMap();
    try {
      const scene = sceneOf(example('cdn'));
      await map.show(scene);
      await map.page.locator('g[data-pop="ORD"] circle').hover();
      const served = scene.routing.clients.filter((c) => c.pop === 'ORD').map((c) => c.id);
      assert.ok(served.length >= 3, `ORD serves ${served.join(', ')}`);
      const shown = await map.page.evaluate(() => ({
        lit: [...document.querySelectorAll('g.acm-focus g.acm-client')].map((e) => e.getAttribute('data-client')),
        dimmed: [...document.querySelectorAll('g.acm-clients, g.acm-arcs, g.acm-pops')].map(
          (e) => getComputedStyle(e).opacity,
        ),
      }));
      assert.deepEqual(shown.lit.sort(), served.sort());
      assert.ok(
        shown.dimmed.every((o) => Number(o) < 0.5),
        'the rest of the map is dimmed',
      );
      // San Francisco's dot lies under the San Jose marker at this zoom: point at it directly.
      await map.page.locator('g.acm-clients .acm-client[data-client="SF"] circle.acm-dot').dispatchEvent('pointerover');
      const path = await map.page.locator('g.acm-focus path.acm-path').getAttribute('d');
      assert.ok(path && path.length > 10, 'the path of San Francisco is drawn');
      assert.match(await map.page.locator('.acm-tooltip').innerText(), /Users in San Francisco → ORD/);
    } finally {
      await map.close();
    }
  });

  it('folds the PoPs that serve no client into one line and filters the legend', async () => {
    const map = await openMap();
    try {
      await map.show(sceneOf(example('cdn')));
      const legend = map.page.locator('.acm-legend');
      assert.ok((await legend.innerText()).includes('14 PoPs serve no client'));
      await legend.locator('.acm-filter').fill('sy');
      assert.deepEqual(
        await legend.locator('.ac-legend-entry').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pop'))),
        ['SYD'],
      );
      await legend.getByRole('button', { name: 'Fail' }).click();
      assert.deepEqual(
        (await map.events()).filter((e) => e[0] === 'togglePop'),
        [['togglePop', 'SYD']],
      );
    } finally {
      await map.close();
    }
  });

  it('zooms with + - 0 and the wheel while labels keep their size on screen', async () => {
    const map = await openMap();
    try {
      await map.show(sceneOf(example('cdn')));
      const label = map.page.locator('g[data-pop="GRU"] text');
      const height = async (): Promise<number> => (await label.boundingBox())?.height ?? 0;
      const gru = async (): Promise<number> =>
        (await map.page.locator('g[data-pop="GRU"] circle').boundingBox())?.x ?? 0;
      const before = { height: await height(), x: await gru() };
      await map.page.locator('svg.acm-svg').focus();
      await map.page.keyboard.press('+');
      await map.page.keyboard.press('+');
      assert.notEqual(await gru(), before.x, 'the map zoomed');
      assert.ok(Math.abs((await height()) - before.height) < 0.5, 'the label kept its size');
      await map.page.keyboard.press('0');
      assert.equal(await gru(), before.x);
      await map.page.mouse.move(300, 300);
      await map.page.mouse.wheel(0, -400);
      assert.notEqual(await gru(), before.x, 'the wheel zoomed');
    } finally {
      await map.close();
    }
  });

  it('exports the map on screen as a portable SVG with its legend, which resvg renders at its declared size', async () => {
    const map = await openMap({ theme: 'dark' });
    try {
      await map.show(sceneOf(example('cdn'), { failedPops: ['LHR'] }));
      const svg = await map.page.evaluate(
        () =>
          (window as unknown as { __map: { exportSvg(b: string): string | undefined } }).__map.exportSvg('light') ?? '',
      );
      writeFileSync(join(resultsDir, 'map-cdn-lhr-failed.svg'), svg);
      assert.doesNotMatch(svg, /foreignObject|<style|var\(--|calc\(/);
      assert.match(svg, /Catchments · 25 PoPs/);
      assert.match(svg, /LHR<\/text>/);
      const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
      const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
      assert.ok(width > 800 && height > 400, `${width} x ${height}`);
      const png = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
      assert.equal(png.width, width);
      assert.equal(png.height, height);
      writeFileSync(join(resultsDir, 'map-cdn-lhr-failed.resvg.png'), png.asPng());
      // `pixels` copies the whole buffer on every read: read it once.
      const pixels = png.pixels;
      const colours = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4 * 7) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
      assert.ok(colours.size > 20, `only ${colours.size} colours: the picture is blank`);
      assert.deepEqual([...pixels.subarray(0, 4)], [255, 255, 255, 255], 'a light export of a dark view is light');
    } finally {
      await map.close();
    }
  });

  for (const theme of ['light', 'dark', 'hc-light', 'hc-dark'] as ThemeKind[]) {
    it(`keeps labels readable on the ${theme} theme (WCAG AA against the background)`, async () => {
      const map = await openMap({ theme });
      try {
        await map.show(sceneOf(example('cdn'), { failedPops: ['LHR'] }));
        const colours = await map.page.evaluate(() => {
          const label = document.querySelector('g[data-pop="GRU"] text');
          const svg = document.querySelector('svg.acm-svg');
          return {
            text: label ? getComputedStyle(label).fill : '',
            background: svg ? getComputedStyle(svg).backgroundColor : '',
          };
        });
        const ratio = contrast(colours.text, colours.background);
        assert.ok(ratio >= 4.5, `${colours.text} on ${colours.background}: ${ratio.toFixed(2)}`);
        // Each legend row's swatch wears its PoP's colour, the one its marker is drawn in.
        const swatches = await map.page.evaluate(() =>
          ['GRU', 'ORD', 'SIN'].map((pop) => {
            const swatch = document.querySelector(`.acm-legend li[data-pop="${pop}"] .ac-swatch`);
            const marker = document.querySelector(`g[data-pop="${pop}"] circle`);
            return {
              pop,
              swatch: swatch ? getComputedStyle(swatch).backgroundColor : '',
              marker: marker ? getComputedStyle(marker).fill : '',
            };
          }),
        );
        for (const s of swatches) {
          assert.match(s.swatch, /^rgb\(/, `${s.pop} swatch ${s.swatch}`);
          assert.equal(s.swatch, s.marker, `${s.pop}: legend swatch and marker`);
        }
        await map.screenshot(`map-cdn-lhr-failed-${theme}`);
      } finally {
        await map.close();
      }
    });
  }

  it('draws 339 PoPs and 1,000 clients at real cities with no two labels overlapping', async () => {
    const { deploymentText } = await import('./mapDeployment');
    const map = await openMap({ theme: 'dark' });
    try {
      await map.show(sceneOf(deploymentText(339, 1000)));
      const drawn = await map.page.evaluate(() => ({
        pops: document.querySelectorAll('g[data-pop]').length,
        arcs: document.querySelectorAll('path.acm-arc').length,
        labels: [...document.querySelectorAll('.acm-label:not(.acm-hidden)')].map((l) => {
          const b = l.getBoundingClientRect();
          return [b.left, b.top, b.right, b.bottom] as const;
        }),
      }));
      assert.equal(drawn.pops, 339);
      assert.equal(drawn.arcs, 1000);
      assert.ok(drawn.labels.length >= 40, `${drawn.labels.length} labels shown`);
      const overlapping = drawn.labels.flatMap((a, i) =>
        drawn.labels
          .slice(i + 1)
          .filter((b) => a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1),
      );
      assert.equal(overlapping.length, 0);
      await map.screenshot('map-339-pops');
    } finally {
      await map.close();
    }
  });
});

function rgb(colour: string): [number, number, number] {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  assert.ok(m, `a colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
