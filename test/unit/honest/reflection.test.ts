import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runResolve } from '../../../src/cli/resolve';
import { parseDocument } from '../../../src/language/index';
import { fakeIo } from '../cli/fakeIo';
import { diagram, popsOf, resolveDiagram } from './diagram';

/**
 * RFC 3345 section 2 (type I oscillation): reflector A with clients R1 (IGP 5) and R2 (IGP 4),
 * reflector B with client R3 (IGP 14), A-B cost 1. R1 hears the prefix from AS3, R2 from AS2 with
 * MED 1, R3 from AS2 with MED 0. A holding r1 and r2 hears r3 from B: MED drops r2, IGP picks r1
 * (5 < 15); B then prefers r1 (6 < 14) and withdraws r3; A falls back to r2 (4 < 5); B prefers
 * r3 over r2 by MED and re-advertises it; and again. No stable state: exit 3.
 */
const RFC3345 = [
  'subgraph AS1 [AS1 Reflected]',
  '  A[Chicago]',
  '  B[Denver]',
  '  R1[New York]',
  '  R2[Boston]',
  '  R3[Seattle]',
  '  R1 -->|ibgp rr-client cost 5| A',
  '  R2 -->|ibgp rr-client cost 4| A',
  '  R3 -->|ibgp rr-client cost 14| B',
  '  A ---|ibgp cost 1| B',
  'end',
  'X2[AS2 Two]@{ loc: [Boston, Seattle] }',
  'X3[AS3 Three]@{ loc: New York }',
  'P[PoP: Paris]@{ asn: 64600 }',
  'P -->|transit| X2',
  'P -->|transit| X3',
  'R1 -->|transit| X3',
  'X2 -->|customer med 1| R2',
  'X2 -->|customer med 0| R3',
  'U([Users in Chicago]) -->|access| A',
];

/**
 * Reflector RR in New York, clients C1 (Portland, exit to P1), C2 (Newark, exit to P2) and C3
 * (Seattle); the IGP also links Seattle and Portland (230 km; two clients do not peer). A full
 * mesh lets C3 pick the nearer exit, C1: P1. A reflector passes on its own best only, C2's (15 km
 * from New York against 3,900 to Portland): C3 hears P2 alone.
 */
const REFLECTED = [
  'subgraph AS100 [AS100 Reflected]',
  '  RR[New York]',
  '  C1[Portland]',
  '  C2[Newark]',
  '  C3[Seattle]',
  '  C1 -->|ibgp rr-client| RR',
  '  C2 -->|ibgp rr-client| RR',
  '  C3 -->|ibgp rr-client| RR',
  '  C3 ---|ibgp| C1',
  'end',
  'P1[PoP: Portland]@{ asn: 64601 }',
  'P2[PoP: Newark]@{ asn: 64602 }',
  'P1 -->|transit| C1',
  'P2 -->|transit| C2',
  'U3([Users in Seattle]) -->|access| C3',
];

describe('route reflection (RFC 4456)', () => {
  it('reports the RFC 3345 MED set-up behind reflectors as unstable, and anycast resolve exits 3', async () => {
    const resolution = resolveDiagram(diagram(...RFC3345));
    assert.deepEqual(resolution.unstable?.routers, ['A', 'B']);
    const io = fakeIo({ 'm.anycast.mmd': diagram(...RFC3345) });
    assert.equal(await runResolve(['m.anycast.mmd'], io), 3);
  });

  it('settles the same set-up with a full iBGP mesh (no reflector words): U takes R1 (AS3), the nearer exit', () => {
    const resolution = resolveDiagram(diagram(...RFC3345.map((l) => l.replace(' rr-client', ''))));
    assert.equal(resolution.unstable, undefined);
    assert.deepEqual(resolution.clients.find((c) => c.id === 'U')?.route?.asPath, [1, 3, 64600]);
  });

  it("passes on the reflector's best route only: C3 reaches P2 through RR, P1 with a full mesh", () => {
    assert.deepEqual(popsOf(resolveDiagram(diagram(...REFLECTED))), { U3: 'P2' });
    assert.deepEqual(popsOf(resolveDiagram(diagram(...REFLECTED.map((l) => l.replace(' rr-client', ''))))), {
      U3: 'P1',
    });
  });

  it('drops a reflected route at its originator (ORIGINATOR_ID) and at a reflector of the same cluster (CLUSTER_LIST)', () => {
    // C1's route reaches RR1 and RR2 directly; RR1 reflects it to RR2 too, unless both are cluster 7.
    const lines = (cluster: string): string[] => [
      'subgraph AS100 [AS100 Reflected]',
      '  RR1[Chicago]',
      '  RR2[Denver]',
      '  C1[Portland]',
      `  C1 -->|ibgp rr-client${cluster}| RR1`,
      `  C1 -->|ibgp rr-client${cluster}| RR2`,
      '  RR1 ---|ibgp| RR2',
      'end',
      'P1[PoP: Portland]@{ asn: 64601 }',
      'P1 -->|transit| C1',
    ];
    const at = (cluster: string, router: string): number =>
      resolveDiagram(diagram(...lines(cluster))).routers.find((r) => r.id === router)?.explanation?.candidates.length ??
      0;
    assert.equal(at('', 'RR2'), 2, 'different clusters: direct from C1, and reflected by RR1');
    assert.equal(at(' cluster 7', 'RR2'), 1, 'one cluster: RR1 finds 7 on the list');
    assert.equal(at('', 'C1'), 1, 'C1 never takes its own route back');
  });

  it('warns when rr-client is written on an eBGP session', () => {
    const found = parseDocument(
      diagram('P[PoP: Paris]@{ asn: 64600 }', 'X[AS2 X]', 'P -->|transit rr-client| X'),
    ).diagnostics;
    assert.ok(found.some((d) => d.code === 'invalid-policy' && /iBGP session/.test(d.message)));
  });
});
