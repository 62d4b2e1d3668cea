import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import {
  catchmentHues,
  contrastRatio,
  failurePaint,
  paletteSize,
  parseColor,
  slotPaint,
  themeKinds,
} from '../../../src/routing/picture/palette';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { previewContent } from '../../../src/routing/picture/previewContent';
import { noFailures } from '../../../src/routing/scenario';

const root = resolve(import.meta.dirname, '../../..');

/** CIE76 ΔE between two sRGB colours. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string): number[] => {
    const [r, g, bl] = parseColor(hex)!.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}

describe('catchment palette', () => {
  it('has at least 20 colours, every two far apart as strokes (ΔE 23 on white, 15 in the derived themes)', () => {
    assert.ok(paletteSize >= 20);
    assert.equal(catchmentHues.length, paletteSize);
    for (const theme of themeKinds) {
      for (let i = 0; i < paletteSize; i++) {
        for (let j = i + 1; j < paletteSize; j++) {
          const d = deltaE(slotPaint(i, theme).stroke, slotPaint(j, theme).stroke);
          assert.ok(d >= (theme === 'light' ? 23 : 15), `${theme}: slots ${i} and ${j} are ΔE ${d.toFixed(1)} apart`);
        }
      }
    }
  });

  it('keeps every label at WCAG AA (4.5:1) on PoP and client fills, failures and the background, in every theme', () => {
    for (const theme of themeKinds) {
      for (let i = 0; i < paletteSize; i++) {
        const paint = slotPaint(i, theme);
        assert.ok(contrastRatio(paint.popText, paint.popFill) >= 4.5, `${theme} slot ${i} PoP`);
        assert.ok(contrastRatio(paint.clientText, paint.clientFill) >= 4.5, `${theme} slot ${i} client`);
      }
      const failure = failurePaint(theme);
      assert.ok(contrastRatio(failure.failedText, failure.failedFill) >= 4.5, `${theme} failed`);
      assert.ok(contrastRatio(failure.unreachableText, failure.unreachableFill) >= 4.5, `${theme} unreachable`);
      assert.ok(contrastRatio(failure.alert, failure.background) >= 4.5, `${theme} alert badge`);
      assert.ok(contrastRatio(failure.text, failure.background) >= 4.5, `${theme} text`);
    }
  });

  it('computes WCAG contrast ratios', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(1), '21.0');
    assert.equal(contrastRatio('rgb(255, 255, 255)', '#fff'), 1);
  });
});

describe('PoP colours in the cdn example', () => {
  const text = readFileSync(join(root, 'examples/cdn.anycast.mmd'), 'utf8');
  const content = previewContent(new DiagramAnalysis(text));
  if (content.kind !== 'diagram') throw new Error(content.message);
  const colorOf = new Map(content.routing.legend.map((l) => [l.pop, l.color]));

  it('never gives one colour to two PoPs of one region (subgraph)', () => {
    const { model } = parseDocument(text);
    const bySubgraph = new Map<string, number[]>();
    for (const pop of model.nodes.filter((n) => n.role === 'pop'))
      bySubgraph.set(pop.subgraph ?? '', [...(bySubgraph.get(pop.subgraph ?? '') ?? []), colorOf.get(pop.id)!]);
    for (const [region, colors] of bySubgraph) assert.equal(new Set(colors).size, colors.length, region);
  });

  it('never gives one colour to two PoPs serving clients of one access AS', () => {
    const { model } = parseDocument(text);
    const served = new Map(content.routing.nodes.map((n) => [n.id, n.pop]));
    const popsByAs = new Map<string, Set<string>>();
    for (const client of model.nodes.filter((n) => n.role === 'client' && n.inAs)) {
      const pop = served.get(client.id);
      if (pop) popsByAs.set(client.inAs!.value, (popsByAs.get(client.inAs!.value) ?? new Set()).add(pop));
    }
    for (const [as, pops] of popsByAs) {
      const colors = [...pops].map((p) => colorOf.get(p));
      assert.equal(new Set(colors).size, colors.length, as);
    }
  });

  it('uses the whole palette before any reuse: 25 PoPs, 24 colours, none worn by three (IAD, LHR and JNB shared one)', () => {
    assert.equal(new Set(colorOf.values()).size, paletteSize);
    const wearers = new Map<number, number>();
    for (const color of colorOf.values()) wearers.set(color, (wearers.get(color) ?? 0) + 1);
    assert.ok(Math.max(...wearers.values()) <= 2);
    assert.equal(new Set(['IAD', 'LHR', 'JNB'].map((p) => colorOf.get(p))).size >= 2, true);
    assert.notEqual(colorOf.get('IAD'), colorOf.get('LHR'));
  });

  it('colours the routing with nothing failed, so a failure recolours no PoP', () => {
    const failed = previewContent(new DiagramAnalysis(text), { ...noFailures, failedPops: ['IAD', 'LHR'] });
    if (failed.kind !== 'diagram') throw new Error(failed.message);
    assert.deepEqual(new Map(failed.routing.legend.map((l) => [l.pop, l.color])), colorOf);
  });
});
