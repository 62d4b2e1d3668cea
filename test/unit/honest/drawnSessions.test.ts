import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from '../../../src/engine/index';
import { parseDocument } from '../../../src/language/index';
import { toTopology } from '../../../src/routing/topology';
import { diagram, popsOf, resolveDiagram } from './diagram';

/**
 * Two sites of AS64600 joined by a drawn backbone; NY's only transit, Cogent, reaches IAD alone
 * (Cogent and NTT do not meet). With IAD withdrawn, the IAD router still hears LHR over iBGP and
 * passes it to Cogent: NY reaches LHR over 174 64600.
 */
const BACKBONE = [
  'IAD[PoP: IAD]@{ asn: 64600 }',
  'LHR[PoP: LHR]@{ asn: 64600 }',
  'Cogent[AS174 Cogent]@{ loc: IAD }',
  'NTT[AS2914 NTT]@{ loc: LHR }',
  'IAD -->|transit| Cogent',
  'LHR -->|transit| NTT',
  'IAD ---|ibgp| LHR',
  'NY([Users in New York])@{ in: Cogent }',
];

/**
 * Cogent's IGP as drawn: New York - London - Chicago, no New York - Chicago link. Without costs
 * the links cost their length: New York to London about 5,570 km, to Chicago by way of London
 * about 5,570 + 6,350 km, so hot potato picks London (straight lines would say Chicago, 1,150 km).
 */
const CHAIN = [
  'subgraph Cogent [AS174 Cogent]',
  '  C1[New York]',
  '  C2[London]',
  '  C3[Chicago]',
  '  C1 ---|ibgp| C2',
  '  C2 ---|ibgp| C3',
  'end',
  'ORD[PoP: Chicago]@{ asn: 64600 }',
  'ORD -->|transit| C3',
  'NY([Users in New York]) -->|access| C1',
];

function resolveFailing(text: string, pop: string): ReturnType<typeof resolve> {
  return resolve(toTopology(parseDocument(text).model).topology, { failedPops: [pop] });
}

describe('drawn sessions are real', () => {
  it('carries routes over a drawn iBGP backbone between two PoPs of one ASN', () => {
    const after = resolveFailing(diagram(...BACKBONE), 'IAD');
    const ny = after.clients.find((c) => c.id === 'NY');
    assert.equal(ny?.pop, 'LHR');
    assert.deepEqual(ny?.route?.asPath, [174, 64600]);
  });

  it('leaves PoPs of one ASN without a backbone as islands: NY loses service with IAD down', () => {
    const after = resolveFailing(diagram(...BACKBONE.filter((l) => !l.includes('ibgp'))), 'IAD');
    assert.equal(after.clients.find((c) => c.id === 'NY')?.pop, undefined);
  });

  it('costs an IGP link drawn without a cost its great-circle length', () => {
    const lines = [...CHAIN.slice(0, 7), 'LON[PoP: London]@{ asn: 64600 }', 'LON -->|transit| C2', ...CHAIN.slice(7)];
    const ny = resolveDiagram(diagram(...lines)).clients.find((c) => c.id === 'NY');
    assert.equal(ny?.pop, 'LON');
    assert.equal(ny?.explanation?.decidedBy, 'igp-cost');
  });

  it('estimates RTT along the IGP path the traffic takes (New York, London, Chicago), not a straight line', () => {
    // 2 x (5,570 + 6,350 km) x 1.5 / 200 km per ms = 178.8 ms; the straight line would give 17 ms.
    const ny = resolveDiagram(diagram(...CHAIN)).clients.find((c) => c.id === 'NY');
    assert.equal(ny?.pop, 'ORD');
    assert.ok(Math.abs((ny?.rttMs ?? 0) - 178.8) < 3, `RTT ${ny?.rttMs} ms`);
  });

  it('serves NY from the PoP its AS is attached to when everything is up', () => {
    assert.deepEqual(popsOf(resolveDiagram(diagram(...BACKBONE))), { NY: 'IAD' });
  });
});
