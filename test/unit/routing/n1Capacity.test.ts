import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { failureBase, popFailureImpact, withdrawals } from '../../../src/engine/index';
import { n1Capacity } from '../../../src/routing/n1Capacity';
import { n1Markdown } from '../../../src/routing/words/n1Words';
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
  it('is worked out once per analysis: the warning and the view read the same rows', () => {
    const analysis = new DiagramAnalysis(threePops.join('\n'));
    const first = analysis.n1Capacity;
    assert.equal(analysis.n1Capacity, first);
    const warned = analysis.diagnostics.filter((d) => d.code === 'n1-overload').map((d) => d.message);
    assert.equal(analysis.n1Capacity, first);
    // Only Frankfurt's loss overloads another PoP: Amsterdam at 60 + 70 = 130 of 100 Gbps.
    assert.deepEqual(warned, ['If FRA fails, AMS reaches 130% of 100 Gbps (from 60%)']);
    const over = n1Markdown(analysis, 'x')
      .split('\n')
      .filter((l) => l.includes('over capacity'));
    assert.deepEqual(over, ['| FRA (Frankfurt) | AMS (Amsterdam) 60% -> 130% of 100 Gbps | ⚠ over capacity (130%) |']);
  });
  it('shares its withdrawals with the failure impact: each PoP withdrawn once, the same answer', () => {
    const analysis = new DiagramAnalysis(threePops.join('\n'));
    const topology = analysis.build.topology;
    const shared = withdrawals(failureBase(topology));
    const fra = shared.without('FRA');
    assert.equal(shared.without('FRA'), fra);
    const impact = popFailureImpact(topology, {}, {}, undefined, shared);
    assert.deepEqual(impact, popFailureImpact(topology));
    const rows = n1Capacity(analysis.model, analysis.build, {}, { withdrawals: shared });
    assert.equal(shared.without('FRA'), fra);
    assert.deepEqual(rows, n1Capacity(analysis.model, analysis.build));
    // Frankfurt's 70 Gbps land on Amsterdam (see the first test).
    assert.deepEqual([rows[0]?.pop, rows[0]?.worst?.pop, rows[0]?.worst?.after], ['FRA', 'AMS', 1.3]);
  });
});
