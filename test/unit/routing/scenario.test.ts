import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../src/routing/words/hoverText';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { failureChoices, scenarioOfChoices } from '../../../src/routing/failureChoices';
import { noFailures, offeredNames, togglePop } from '../../../src/routing/scenario';
import type { DiagramScenario } from '../../../src/routing/scenario';
import { popLenses, simulationHeadline, simulationSummary } from '../../../src/routing/words/simulationSummary';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
/** The routing of `text` under `scenario`, as every view reads it. */
const analyzeRouting = (text: string, scenario: DiagramScenario = noFailures) =>
  new DiagramAnalysis(text).underScenario(scenario);
const usDown = { failedPops: ['PoPUS'], failedLinks: [], failedAses: [] };
/** Line 6 of the seed starts with the New York client's id; line 3 defines PoPUS. */
const newYork = { line: 6, character: 6 };
const usEast = { line: 3, character: 14 };

const tiered = [
  'flowchart LR',
  '  A[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
  '  B[PoP: Ashburn]@{ asn: 64601, loc: IAD, announce: 192.0.2.0/24 }',
  '  T[AS174 Cogent]@{ loc: [FRA, IAD] }',
  '  N[AS2914 NTT]@{ loc: FRA }',
  '  C([User in Berlin])@{ in: N }',
  '  A -->|transit| T',
  '  B -->|transit| T',
  '  N -->|transit| T',
].join('\n');

describe('simulation analysis', () => {
  it('resolves the seed with nothing failed: each client at its nearest PoP, no diff', () => {
    const analysis = analyzeRouting(seed);
    assert.equal(analysis.diff, undefined);
    assert.deepEqual(Object.fromEntries(analysis.resolution!.clients.map((c) => [c.id, c.pop])), {
      ClientUS: 'PoPUS',
      ClientEU: 'PoPEU',
      ClientAP: 'PoPAP',
    });
    assert.equal(simulationHeadline(analysis), '');
  });

  it('moves New York to EU-West when US-East fails, and says so in one line', () => {
    const analysis = analyzeRouting(seed, usDown);
    assert.deepEqual(analysis.engineScenario, { failedPops: ['PoPUS'] });
    assert.deepEqual(
      analysis.diff?.moved.map((m) => [m.id, m.from, m.to]),
      [['ClientUS', 'PoPUS', 'PoPEU']],
    );
    assert.equal(simulationHeadline(analysis), 'US-East down · 1 client moved');
  });

  it('drops failed things the text no longer has', () => {
    const analysis = analyzeRouting(seed, {
      failedPops: ['PoPUS', 'Gone'],
      failedLinks: [{ from: 'X', to: 'Y' }],
      failedAses: ['PoPEU'],
    });
    assert.deepEqual(analysis.scenario, usDown);
  });

  it('fails a link by its ends and an AS by its node, as engine sessions and ASNs', () => {
    const links = analyzeRouting(tiered, { failedPops: [], failedLinks: [{ from: 'N', to: 'T' }], failedAses: [] });
    assert.ok((links.engineScenario.failedSessions ?? []).length >= 1);
    assert.deepEqual(links.diff?.lostService, ['C']);
    assert.equal(simulationHeadline(links), 'AS2914 NTT ↔ AS174 Cogent down · 0 clients moved · 1 lost service');
    const as = analyzeRouting(tiered, { failedPops: [], failedLinks: [], failedAses: ['T'] });
    assert.deepEqual(as.engineScenario.failedAses, [174]);
    assert.deepEqual(as.diff?.lostService, ['C']);
  });

  it('offers PoPs with state and catchment, then links, then ASes, and builds a scenario from a pick', () => {
    const choices = failureChoices(analyzeRouting(tiered));
    assert.deepEqual(
      choices.map((c) => [c.kind, c.label]),
      [
        ['pop', 'Frankfurt'],
        ['pop', 'Ashburn'],
        ['link', 'Frankfurt ↔ AS174 Cogent (transit)'],
        ['link', 'Ashburn ↔ AS174 Cogent (transit)'],
        ['link', 'AS2914 NTT ↔ AS174 Cogent (transit)'],
        ['as', 'AS174 Cogent'],
        ['as', 'AS2914 NTT'],
      ],
    );
    assert.equal(choices[0]!.description, 'PoP · up · 1 client · 100%');
    assert.deepEqual(scenarioOfChoices([choices[1]!, choices[4]!, choices[6]!]), {
      failedPops: ['B'],
      failedLinks: [{ from: 'N', to: 'T' }],
      failedAses: ['N'],
    });
    assert.deepEqual(togglePop(togglePop(noFailures, 'A'), 'A'), noFailures);
  });
});

describe('hover', () => {
  it('on a client: its PoP, AS path, where and by what its PoP was decided over the nearest alternative, RTT', () => {
    const hover = hoverAt(analyzeRouting(seed), newYork);
    assert.ok(hover);
    const text = hover.markdown;
    assert.match(text, /Served by \*\*US-East\*\*/);
    assert.match(text, /AS path: 64496 \(Internet\) 64512/);
    assert.match(
      text,
      /PoP decided at Internet \(AS64496, New York\) by \*\*lower IGP cost \(hot potato\)\*\* \(IGP cost [\d,]+ vs [\d,]+\), on 203\.0\.113\.0\/24, over the nearest alternative via \*\*EU-West\*\*/,
    );
    assert.doesNotMatch(text, /Arbitrary/);
    assert.match(text, /Estimated RTT: ≈ \d+ ms/);
    assert.deepEqual(hover.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 12 } });
  });

  it('reflects the simulation: New York moved to EU-West, with the RTT it had before', () => {
    const text = hoverAt(analyzeRouting(seed, usDown), newYork)?.markdown ?? '';
    assert.match(text, /Served by \*\*EU-West\*\* \(moved from US-East in this simulation\)/);
    assert.match(text, /over the nearest alternative via \*\*Asia-Pacific\*\*/);
    assert.match(text, /\(was \d+ ms\)/);
  });

  it('says when the final tie-break chose between two PoPs, and what it compared', () => {
    const twin = [
      'flowchart LR',
      '  A[PoP: One]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  B[PoP: Two]@{ asn: 64601, announce: 192.0.2.0/24 }',
      '  T[AS174 Cogent]',
      '  C([User])@{ in: T, role: client }',
      '  A -->|transit| T',
      '  B -->|transit| T',
    ].join('\n');
    const text = hoverAt(analyzeRouting(twin), { line: 4, character: 2 })?.markdown ?? '';
    assert.match(
      text,
      /PoP decided at Cogent \(AS174\) by \*\*the final tie-break\*\* \(lowest neighbour ASN: AS64600 vs AS64601\)/,
    );
    assert.match(text, /Arbitrary: \*\*yes\*\*/);
  });

  it('on a PoP: catchment and traffic share; failed, where its clients went', () => {
    assert.match(
      hoverAt(analyzeRouting(seed), usEast)?.markdown ?? '',
      /Catchment: \*\*1 client\*\*, 33% of traffic: User in New York/,
    );
    const failed = hoverAt(analyzeRouting(seed, usDown), usEast)?.markdown ?? '';
    assert.match(failed, /Failed in this simulation/);
    assert.match(failed, /Its clients moved: User in New York → EU-West/);
  });

  it('on an AS: its best route', () => {
    const text = hoverAt(analyzeRouting(tiered), { line: 4, character: 2 })?.markdown ?? '';
    assert.match(text, /\*\*AS2914 NTT\*\* · AS/);
    assert.match(
      text,
      /Best route: → \*\*(Frankfurt|Ashburn)\*\*, AS path 2914 \(NTT\) 174 \(Cogent\) 6460[01], from AS174/,
    );
  });

  it('shows user text as text, never as markdown or HTML', () => {
    const evil = [
      'flowchart LR',
      '  P[PoP: <img src=x> *bold*]@{ asn: 64600, loc: IAD, announce: 192.0.2.0/24 }',
      '  C([User in New York])',
    ].join('\n');
    const text = hoverAt(analyzeRouting(evil), { line: 1, character: 2 })?.markdown ?? '';
    assert.match(text, /\\<img src=x\\> \\\*bold\\\*/);
  });

  it('answers on the label too, where people read the name', () => {
    const hover = hoverAt(analyzeRouting(seed), { line: 6, character: 20 });
    assert.match(hover?.markdown ?? '', /\*\*User in New York\*\* · client/);
    assert.equal(hover?.range.start.character, 14);
  });

  it('on an edge: the session, its policy, whether it is failed, and whose traffic it carries', () => {
    // Line 8 is '  N -->|transit| T'; character 10 is inside the label.
    const text = hoverAt(analyzeRouting(tiered), { line: 8, character: 10 })?.markdown ?? '';
    assert.match(text, /\*\*eBGP transit\*\* AS2914 NTT buys from AS174 Cogent/);
    assert.match(text, /Carries the traffic of User in Berlin/);
    const failed =
      hoverAt(analyzeRouting(tiered, { failedPops: [], failedLinks: [{ from: 'N', to: 'T' }], failedAses: [] }), {
        line: 8,
        character: 4,
      })?.markdown ?? '';
    assert.match(failed, /Failed in this simulation/);
    assert.match(failed, /Carries no client traffic/);
  });

  it('offers nothing off a node id', () => {
    assert.equal(hoverAt(analyzeRouting(seed), { line: 0, character: 2 }), undefined);
  });
});

describe('lenses and summary', () => {
  it('puts catchment and an action over each PoP', () => {
    const lenses = popLenses(analyzeRouting(seed, usDown));
    assert.deepEqual(
      lenses.map((l) => [l.pop, l.title, l.action]),
      [
        ['PoPUS', 'Failed in simulation · 1 client moved', 'restore'],
        ['PoPEU', '2 clients · 67%', 'fail'],
        ['PoPAP', '1 client · 33%', 'fail'],
      ],
    );
  });

  it('writes a share under 10% with one decimal, as the legend does (ATL: 4.3%, not 4%)', () => {
    const cdn = readFileSync(new URL('../../../examples/cdn.anycast.mmd', import.meta.url), 'utf8');
    const analysis = analyzeRouting(cdn, { failedPops: ['IAD'], failedLinks: [], failedAses: [] });
    const titleOf = (pop: string): string | undefined => popLenses(analysis).find((l) => l.pop === pop)?.title;
    assert.equal(titleOf('ATL'), '1 client · 4.3%');
    assert.equal(titleOf('NRT'), '1 client · 11%');
    assert.match(simulationSummary(analysis, 'cdn.anycast.mmd'), /\| ATL \| [^|]+ \| 1 client · 4\.3% \|/);
  });

  it('summarises who moved where, who lost service, catchments and RTT change', () => {
    const summary = simulationSummary(analyzeRouting(seed, usDown), 'seed.anycast.mmd');
    assert.match(summary, /^# Simulation: seed\.anycast\.mmd/);
    assert.match(
      summary,
      /\| User in New York \| US-East \| EU-West \| lower IGP cost \(hot potato\) \| \d+ ms \| \d+ ms \| \+\d+ ms \|/,
    );
    assert.match(summary, /## Clients that lost service \(0\)/);
    assert.match(summary, /\| EU-West \| 1 client · 33% \| 2 clients · 67% \|/);
    assert.match(summary, /\| US-East \| 1 client · 33% \| down \|/);
  });
});

describe('names offered after a failed lookup', () => {
  it('lists every name when there are at most ten, in diagram order', () => {
    assert.equal(offeredNames(['LHR', 'FRA', 'AMS'], 'Mars'), 'LHR, FRA, AMS');
    assert.equal(offeredNames([], 'Mars'), 'none');
  });

  it('offers the ten nearest to what was asked and counts the rest when there are more', () => {
    const names = Array.from({ length: 30 }, (_, i) => `P${String(i).padStart(2, '0')}`);
    names.push('FRA2');
    // FRA2 is one edit from FRA; every Pnn is at least three.
    const offered = offeredNames(names, 'FRA');
    assert.ok(offered.startsWith('FRA2, P00, P01'), offered);
    assert.ok(offered.endsWith(' and 21 more'), offered);
    assert.equal(offered.split(', ').length, 10);
  });
});
