import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from '../../../src/engine/index';
import { parseDocument } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { toTopology } from '../../../src/routing/topology';
import { hoverAt } from '../../../src/routing/words/hoverText';
import { simulationSummary } from '../../../src/routing/words/simulationSummary';
import { diagram, popsOf, resolveDiagram } from './diagram';

/** A nearest-PoP diagram (no sessions drawn) in which the gazetteer cannot place QWJ. */
const NEAREST = [
  'flowchart LR',
  '  A[PoP: Paris]',
  '  B[PoP: QWJ]',
  '  C[PoP: Tokyo]',
  '  U([Users in Berlin])',
  '  V([Users in Osaka])',
].join('\n');

/**
 * AS174 drawn as three nodes, so three routers of one AS: C1 at IAD (PoP P, AS64600, behind it),
 * C2 with no location (PoP T, AS64601, behind it) and C3 in New York, where the client sits. C3
 * hears both PoPs over iBGP: equal on every step up to the IGP cost, which is ~330 km to C1 and
 * unknown to C2. Were an unplaced router 0 km away, T would win; the IGP step cannot compare, and
 * the tie-break (lowest neighbour AS) picks P.
 */
const UNPLACED_EXIT = diagram(
  'P[PoP: IAD]@{ asn: 64600 }',
  'T[PoP: NRT]@{ asn: 64601 }',
  'C1[AS174 Cogent]@{ loc: IAD }',
  'C2[AS174 Cogent]',
  'C3[AS174 Cogent]@{ loc: New York }',
  'P -->|transit| C1',
  'T -->|transit| C2',
  'U([Users in New York])@{ in: C3 }',
);

describe('a router without a location is never 0 km from anything', () => {
  it('leaves an IGP comparison against an unknown location to the next step, and flags it', () => {
    const client = resolveDiagram(UNPLACED_EXIT).clients.find((c) => c.id === 'U');
    assert.equal(client?.pop, 'P');
    assert.equal(client?.explanation?.decidedBy, 'tie-break');
    assert.equal(client?.explanation?.igpCostUnknown, true);
  });

  it('keeps a drawn backbone to an unplaced PoP: its length is unknown, but it carries routes', () => {
    // IAD and the unplaced QWJ site of AS64600 are joined by an ibgp edge; Cogent meets only IAD.
    // With IAD withdrawn, the IAD router still hears QWJ over the backbone: NY reaches QWJ.
    const text = diagram(
      'IAD[PoP: IAD]@{ asn: 64600 }',
      'QWJ[PoP: QWJ]@{ asn: 64600 }',
      'Cogent[AS174 Cogent]@{ loc: IAD }',
      'NTT[AS2914 NTT]@{ loc: LHR }',
      'IAD -->|transit| Cogent',
      'QWJ -->|transit| NTT',
      'IAD ---|ibgp| QWJ',
      'NY([Users in New York])@{ in: Cogent }',
    );
    const after = resolve(toTopology(parseDocument(text).model).topology, { failedPops: ['IAD'] });
    assert.equal(after.clients.find((c) => c.id === 'NY')?.pop, 'QWJ');
  });

  it('leaves an unplaced PoP out of nearest-PoP routing, with one warning on its line saying so', () => {
    assert.deepEqual(popsOf(resolveDiagram(NEAREST)), { U: 'A', V: 'C' });
    const onQwj = new DiagramAnalysis(NEAREST).diagnostics.filter(
      (d) => d.range.start.line === 2 && d.severity !== 'hint',
    );
    assert.equal(onQwj.length, 1);
    assert.match(onQwj[0]?.message ?? '', /Unknown location 'QWJ'/);
    assert.match(onQwj[0]?.message ?? '', /QWJ has no location: it serves no one in this model/);
  });

  it('says of coordinates written wrong once that they are wrong, and what that does', () => {
    const text = [
      'flowchart LR',
      '  A[PoP: Paris]',
      '  D[PoP: Nowhere]@{ lat: 91, lon: 0 }',
      '  U([Users in Berlin])',
    ].join('\n');
    const found = new DiagramAnalysis(text).diagnostics.filter((d) => d.severity !== 'hint');
    assert.deepEqual(
      found.map((d) => d.code),
      ['invalid-location'],
    );
    assert.match(found[0]?.message ?? '', /latitude 91 .*Nowhere has no location: it serves no one/);
    assert.deepEqual(popsOf(resolveDiagram(text)), { U: 'A' });
  });

  it('says in the hover and the summary how many nodes have no place', () => {
    const routing = new DiagramAnalysis(NEAREST).underScenario();
    const hover = hoverAt(routing, { line: 4, character: 2 })?.markdown ?? '';
    assert.match(hover, /1 of 5 nodes has no location: QWJ \(unknown location 'QWJ'\)/);
    assert.match(hover, /the unplaced PoP serves no one/);
    assert.match(simulationSummary(routing, 'nearest'), /1 of 5 nodes has no location/);
  });
});

describe('place names beside codes', () => {
  const place = (label: string) => parseDocument(`flowchart LR\n  A[${label}]`).model.nodes[0]?.locations[0];

  it("pairs 'PoP: NQZ<br>Astana' like 'PoP: NQZ - Astana': both placed in Kazakhstan", () => {
    const broken = place('PoP: NQZ<br>Astana');
    const dashed = place('PoP: NQZ - Astana');
    assert.match(broken?.resolvedName ?? '', /Kazakhstan/);
    assert.deepEqual(broken?.point, dashed?.point);
  });

  it("suggests Astana's own code for the unknown NQZ, not look-alikes in Argentina or England", () => {
    const d = parseDocument('flowchart LR\n  A[PoP: NQZ<br>Astana]').diagnostics.find(
      (x) => x.code === 'unknown-location',
    );
    assert.equal(d?.suggestions?.[0], 'TSE');
    assert.ok(!d?.suggestions?.some((s) => s === 'NQN' || s === 'NQT'));
    // The code is the range (after "  A[PoP: "), so the quick fix replaces NQZ alone.
    assert.deepEqual([d?.range.start.character, d?.range.end.character], [9, 12]);
  });

  it('gives a hint naming both places when a PoP session spans more than 2,000 km', () => {
    // Tokyo to Frankfurt is about 9,340 km (to IAD about 10,900: the session attaches at FRA).
    const text = diagram(
      'P[PoP: Paris]@{ asn: 64600 }',
      'T[PoP: Tokyo]@{ asn: 64601 }',
      'Cogent[AS174 Cogent]@{ loc: [IAD, FRA] }',
      'P -->|transit| Cogent',
      'T -->|transit| Cogent',
    );
    const far = parseDocument(text).diagnostics.filter((d) => d.code === 'far-session');
    assert.equal(far.length, 1);
    assert.equal(far[0]?.severity, 'hint');
    assert.match(far[0]?.message ?? '', /'T' in Tokyo and 'Cogent' in FRA, 9,3\d\d km apart/);
  });
});
