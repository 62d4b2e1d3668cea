import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { resolve } from '../../../src/engine/index';
import { parseDocument } from '../../../src/language/index';
import { IMPLICIT_TRANSIT_ASN, toTopology } from '../../../src/routing/topology';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');

describe('model to engine topology', () => {
  it('turns the seed into three PoPs, three clients and the service address', () => {
    const { topology, mapping } = toTopology(parseDocument(seed).model);
    assert.deepEqual(
      topology.origins.map((o) => [o.id, o.prefixes]),
      [
        ['PoPUS', ['203.0.113.0/24']],
        ['PoPEU', ['203.0.113.0/24']],
        ['PoPAP', ['203.0.113.0/24']],
      ],
    );
    assert.deepEqual(
      topology.clients.map((c) => c.id),
      ['ClientUS', 'ClientEU', 'ClientAP'],
    );
    assert.equal(topology.serviceAddress, '203.0.113.1');
    assert.equal(mapping.implicitTransit, true);
    // Each PoP in its own private ASN, a customer of the implicit transit AS.
    const popAsns = topology.origins.map((o) => topology.routers.find((r) => r.id === o.router)?.asn);
    assert.equal(new Set(popAsns).size, 3);
    for (const asn of popAsns) assert.ok(asn !== undefined && asn >= 64512 && asn <= 65534);
    for (const s of topology.sessions) {
      assert.equal(s.relationship, 'customer-provider');
      assert.equal(topology.routers.find((r) => r.id === s.b)?.asn, IMPLICIT_TRANSIT_ASN);
      assert.equal(mapping.routerNode[s.b], undefined);
    }
  });

  it('routes seed clients to the nearest PoP, and New York to EU-West when US-East is withdrawn', () => {
    const { topology } = toTopology(parseDocument(seed).model);
    const before = Object.fromEntries(resolve(topology).clients.map((c) => [c.id, c.pop]));
    assert.deepEqual(before, { ClientUS: 'PoPUS', ClientEU: 'PoPEU', ClientAP: 'PoPAP' });
    const after = resolve(topology, { failedPops: ['PoPUS'] }).clients.find((c) => c.id === 'ClientUS');
    assert.equal(after?.pop, 'PoPEU');
    assert.equal(after?.explanation?.decidedBy, 'igp-cost');
  });

  it('interconnects two multi-city ASes in every metro they share', () => {
    const text = [
      'flowchart LR',
      '  P[PoP: IAD]@{ asn: 64600, announce: 192.0.2.0/24, loc: IAD }',
      '  C[AS174 Cogent]@{ loc: [IAD, LHR, NRT] }',
      '  L[AS3356 Lumen]@{ loc: [IAD, LHR, SYD] }',
      '  P -->|transit| C',
      '  C <-->|peer| L',
    ].join('\n');
    const { topology, mapping } = toTopology(parseDocument(text).model);
    const peerings = topology.sessions.filter((s) => s.relationship === 'peer-peer');
    assert.deepEqual(
      peerings.map((s) => [s.id, s.a, s.b]),
      [
        ['e1', 'C@IAD', 'L@IAD'],
        ['e1#2', 'C@LHR', 'L@LHR'],
      ],
    );
    assert.equal(mapping.sessionEdge['e1#2'], 1);
  });

  it('makes the nodes of an AS subgraph routers of that AS, joined by their IGP links', () => {
    const text = readFileSync(
      new URL('../../../test/fixtures/language/subgraph-as.anycast.mmd', import.meta.url),
      'utf8',
    );
    const { topology } = toTopology(parseDocument(text).model);
    const asnOf = (id: string): number | undefined => topology.routers.find((r) => r.id === id)?.asn;
    assert.deepEqual(['IAD', 'LHR', 'C1', 'C2', 'E1'].map(asnOf), [64600, 64600, 174, 174, 7922]);
    assert.deepEqual(topology.igpLinks, [{ a: 'C1', b: 'C2', cost: 80 }]);
    assert.equal(topology.asNames?.[174], 'Cogent');
    assert.deepEqual(
      topology.clients.map((c) => [c.id, c.router]),
      [['U', 'E1']],
    );
    assert.equal(resolve(topology).clients[0]?.pop, 'IAD');
  });

  it('maps edge policy onto the sending and receiving side of each session', () => {
    const text = [
      'flowchart LR',
      '  P[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  T[AS174 Cogent]@{ loc: FRA }',
      '  N[AS2914 NTT]@{ loc: FRA }',
      '  P -->|transit prepend 2 lp 80| T',
      '  T <-->|peer med 10| N',
    ].join('\n');
    const { topology, mapping } = toTopology(parseDocument(text).model);
    const transit = topology.sessions.find((s) => s.a === 'P' && s.b === 'T');
    assert.ok(transit);
    assert.equal(transit.relationship, 'customer-provider');
    assert.deepEqual(transit.prepend, { a: 2 });
    // The tail is the subject: P prepends what it sends and sets LOCAL_PREF 80 on what it hears from T.
    assert.deepEqual(transit.localPref, { a: 80 });
    assert.equal(mapping.sessionEdge[transit.id], 0);
    const peer = topology.sessions.find((s) => s.relationship === 'peer-peer');
    assert.deepEqual(peer?.med, { a: 10, b: 10 });
  });

  it('gives an AS with several locations one router per location and places sessions where the two meet', () => {
    const text = [
      'flowchart LR',
      '  P1[PoP: IAD]@{ asn: 64600, announce: 192.0.2.0/24, loc: IAD }',
      '  P2[PoP: NRT]@{ asn: 64600, announce: 192.0.2.0/24, loc: NRT }',
      '  T[AS3356 Lumen]@{ loc: [IAD, NRT] }',
      '  P1 -->|transit| T',
      '  P2 -->|transit| T',
    ].join('\n');
    const { topology, mapping } = toTopology(parseDocument(text).model);
    assert.deepEqual(mapping.nodeRouters['T'], ['T@IAD', 'T@NRT']);
    assert.deepEqual(
      topology.sessions.map((s) => [s.a, s.b]),
      [
        ['P1', 'T@IAD'],
        ['P2', 'T@NRT'],
      ],
    );
  });
});
