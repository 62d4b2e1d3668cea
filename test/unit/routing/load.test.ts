import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { computeLoad, loadOfRouting, worstPop } from '../../../src/routing/load';
import type { LoadReport } from '../../../src/routing/load';
import { failingPops } from '../../../src/routing/scenario';
import { loadHeader, smallCdn } from './loadDiagram';

// The small CDN (see loadDiagram.ts) and two attackers that send no traffic of their own.
const cdn = [
  ...smallCdn,
  '  Moscow([Users in Moscow])@{ attack: 20Gbps }',
  '  Lima([Users in Lima])@{ attack: 10Gbps }',
];
const G = 1e9;

function reportOf(lines: readonly string[], attack = false): LoadReport {
  const analysis = new DiagramAnalysis(lines.join('\n'));
  const resolution = analysis.baseline;
  assert.ok(resolution);
  return computeLoad(analysis.model, analysis.build, resolution, { attack });
}
const row = (r: LoadReport, pop: string) => r.pops.find((p) => p.pop === pop);

describe('load and utilisation per PoP', () => {
  it('sums the traffic of each catchment and divides by the capacity', () => {
    const r = reportOf(cdn);
    assert.equal(r.unit, 'bps');
    // Frankfurt serves Paris 40 + London 30 (and Moscow, which states no traffic) = 70 of 100 Gbps:
    // 70%, under the 80% threshold.
    assert.deepEqual(
      [row(r, 'FRA')?.clients, row(r, 'FRA')?.load, row(r, 'FRA')?.utilisation, row(r, 'FRA')?.level],
      [3, 70 * G, 0.7, 'ok'],
    );
    // IAD serves New York (and Lima, which states no traffic): 45 of 50 Gbps = 90%, above 80%.
    assert.deepEqual([row(r, 'IAD')?.load, row(r, 'IAD')?.utilisation, row(r, 'IAD')?.level], [45 * G, 0.9, 'warn']);
    // Singapore serves Tokyo 10 + Sydney 15 = 25 of 20 Gbps = 125%: overloaded.
    assert.deepEqual([row(r, 'SIN')?.load, row(r, 'SIN')?.utilisation, row(r, 'SIN')?.level], [25 * G, 1.25, 'over']);
    assert.equal(worstPop(r)?.pop, 'SIN');
    assert.equal(r.attack, undefined);
  });
  it('takes the threshold from the front matter', () => {
    const r = reportOf([...cdn.slice(0, 4), '  warnAbove: 95%', ...cdn.slice(4)]);
    assert.equal(r.warnAbove, 0.95);
    assert.equal(row(r, 'IAD')?.level, 'ok');
  });
  it('a PoP without a capacity has a load but no utilisation', () => {
    const r = reportOf(cdn.map((l) => l.replace('@{ capacity: 20Gbps }', '')));
    assert.deepEqual(
      [row(r, 'SIN')?.load, row(r, 'SIN')?.utilisation, row(r, 'SIN')?.level],
      [25 * G, undefined, 'unknown'],
    );
  });
  it('in a simulation gives the load before and after', () => {
    const analysis = new DiagramAnalysis(cdn.join('\n'));
    const load = loadOfRouting(analysis.underScenario(failingPops(['FRA'])));
    assert.ok(load?.before);
    // Frankfurt down: Paris and London (70 Gbps) go to the nearer of IAD and Singapore, IAD.
    assert.equal(row(load.before, 'IAD')?.load, 45 * G);
    assert.equal(row(load.after, 'IAD')?.load, 115 * G);
    assert.equal(row(load.after, 'IAD')?.utilisation, 2.3);
    assert.equal(row(load.after, 'FRA')?.load, 0);
  });
});

describe('attack absorption', () => {
  it('adds each source’s attack to the PoP it reaches and says how much stays in its continent', () => {
    const r = reportOf(cdn, true);
    // Moscow's 20 Gbps lands in Frankfurt: 70 + 20 = 90 of 100 Gbps.
    assert.deepEqual([row(r, 'FRA')?.attack, row(r, 'FRA')?.load, row(r, 'FRA')?.level], [20 * G, 90 * G, 'warn']);
    // Lima's 10 Gbps lands in IAD: 45 + 10 = 55 of 50 Gbps = 110%.
    assert.deepEqual([row(r, 'IAD')?.attack, row(r, 'IAD')?.utilisation, row(r, 'IAD')?.level], [10 * G, 1.1, 'over']);
    const a = r.attack;
    assert.ok(a);
    assert.equal(a.total, 30 * G);
    assert.equal(a.unrouted, 0);
    // Moscow (Europe) → Frankfurt (Europe) stays; Lima (South America) → IAD (North America) leaves.
    assert.equal(a.inRegion, 20 * G);
    assert.equal(a.inRegionShare, 2 / 3);
    assert.deepEqual(a.overwhelmed, ['IAD', 'SIN']);
  });
  it('spreads a subgraph’s attack over its clients by weight', () => {
    const lines = [
      ...cdn.slice(0, 4),
      '  attack: { EU: 40Gbps }',
      ...cdn.slice(4, 9),
      '  subgraph EU [Europe]',
      '    Paris([Users in Paris])@{ weight: 1 }',
      '    Oslo([Users in Oslo])@{ weight: 3 }',
      '  end',
      '  Tokyo([Users in Tokyo])@{ traffic: 10Gbps }',
    ];
    const r = reportOf(lines, true);
    const flows = r.attack?.flows.map((f) => [f.source, f.rate / G, f.pop, f.region]);
    // 40 Gbps in shares 1:3: Paris 10, Oslo 30, both to Frankfurt, both in Europe.
    assert.deepEqual(flows, [
      ['Paris', 10, 'FRA', 'Europe'],
      ['Oslo', 30, 'FRA', 'Europe'],
    ]);
    assert.equal(row(r, 'FRA')?.attack, 40 * G);
    assert.equal(r.attack?.inRegionShare, 1);
  });
});

describe('an attack from an AS', () => {
  it('splits it evenly over the AS’s routers, each sending along its own best route', () => {
    const lines = [
      ...loadHeader,
      '  FRA[PoP: Frankfurt]@{ asn: 64600, capacity: 100Gbps }',
      '  IAD[PoP: IAD]@{ asn: 64600, capacity: 100Gbps }',
      '  Cogent[AS174 Cogent]@{ loc: [FRA, IAD], attack: 100Gbps }',
      '  FRA -->|transit| Cogent',
      '  IAD -->|transit| Cogent',
      '  Paris([Users in Paris])@{ in: Cogent, traffic: 10Gbps }',
    ];
    const r = reportOf(lines, true);
    // Two routers (Frankfurt, IAD), 50 Gbps each; each reaches the PoP in its own metro (hot potato).
    assert.deepEqual(
      r.attack?.flows.map((f) => [f.source, f.rate / G, f.pop, f.region]),
      [
        ['Cogent', 50, 'FRA', 'Europe'],
        ['Cogent', 50, 'IAD', 'North America'],
      ],
    );
    // Frankfurt: Paris 10 + 50 attack = 60 of 100; IAD: 50 of 100.
    assert.deepEqual([row(r, 'FRA')?.load, row(r, 'IAD')?.load], [60 * G, 50 * G]);
    assert.equal(r.attack?.inRegionShare, 1);
  });
});
