import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { n1Capacity } from '../../../src/routing/n1Capacity';
import { threePops } from './loadDiagram';

const G = 1e9;

describe('N-1 capacity', () => {
  it('finds the worst utilisation each PoP failure causes, and ranks by it', () => {
    const analysis = new DiagramAnalysis(threePops.join('\n'));
    const rows = n1Capacity(analysis.model, analysis.build);
    const summary = rows.map((r) => [r.pop, r.worst?.pop, r.worst?.before, r.worst?.after, r.worst?.capacity]);
    assert.deepEqual(summary, [
      // Frankfurt fails: its 70 Gbps go to Amsterdam (360 km, Rome is 960 km): 60 + 70 = 130 of 100.
      ['FRA', 'AMS', 0.6, 1.3, 100 * G],
      // Amsterdam fails: its 60 Gbps go to Frankfurt: 70 + 60 = 130 of 200 = 65% (Rome stays at 40%).
      ['AMS', 'FRA', 0.35, 0.65, 200 * G],
      // Rome fails: its 20 Gbps go to Frankfurt (960 km, Amsterdam 1,300): 90 of 200 = 45%, so
      // the worst is Amsterdam, untouched at 60%.
      ['ROM', 'AMS', 0.6, 0.6, 100 * G],
    ]);
    assert.equal(rows[0]?.worst?.load, 130 * G);
    assert.equal(rows[0]?.load.pops.find((p) => p.pop === 'FRA')?.load, 0);
  });
  it('gives no worst PoP when no other PoP has a capacity', () => {
    const lines = threePops.map((l) => l.replace(/@\{ capacity: \d+Gbps \}/, ''));
    const analysis = new DiagramAnalysis(lines.join('\n'));
    const rows = n1Capacity(analysis.model, analysis.build);
    assert.deepEqual(
      rows.map((r) => [r.pop, r.worst]),
      [
        ['AMS', undefined],
        ['FRA', undefined],
        ['ROM', undefined],
      ],
    );
  });
});
