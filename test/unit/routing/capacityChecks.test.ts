import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { MAX_POPS_FOR_N1_CHECK } from '../../../src/routing/capacityChecks';
import { loadHeader, threePops } from './loadDiagram';

const n1Of = (lines: readonly string[]) =>
  new DiagramAnalysis(lines.join('\n')).diagnostics.filter((d) => d.code.startsWith('n1-'));

describe('the N-1 capacity check', () => {
  it('warns on the PoP whose loss overloads another, and only on it', () => {
    // Without Frankfurt, Amsterdam carries 60 + 70 = 130 of 100 Gbps; without Amsterdam, Frankfurt
    // 130 of 200; without Rome, Frankfurt 90 of 200 (see loadDiagram.ts).
    const found = n1Of(threePops);
    assert.deepEqual(
      found.map((d) => [d.severity, d.range.start.line, d.message]),
      [['warning', 7, 'If FRA fails, AMS reaches 130% of 100 Gbps (from 60%)']],
    );
  });
  it('says nothing about a PoP that is over capacity already', () => {
    // Amsterdam at 60 of 50 Gbps is over with nothing failed: Frankfurt's loss does not overload it.
    assert.deepEqual(n1Of(threePops.map((l) => l.replace('capacity: 100Gbps', 'capacity: 50Gbps'))), []);
  });
  it('says nothing without capacities', () => {
    assert.deepEqual(n1Of(threePops.map((l) => l.replace(/@\{ capacity: \d+Gbps \}/, ''))), []);
  });
  it(`skips the check above ${MAX_POPS_FOR_N1_CHECK} PoPs with a hint`, () => {
    const pops = Array.from(
      { length: MAX_POPS_FOR_N1_CHECK + 1 },
      (_, i) => `  P${i}[PoP: Frankfurt]@{ capacity: 10Gbps }`,
    );
    const found = n1Of([...loadHeader, ...pops, '  Paris([Users in Paris])@{ traffic: 1Gbps }']);
    assert.deepEqual(
      found.map((d) => [d.severity, d.code]),
      [['hint', 'n1-check-skipped']],
    );
    assert.match(found[0]?.message ?? '', /^101 PoPs: above 100 the live check skips N-1 capacity/);
  });
});
