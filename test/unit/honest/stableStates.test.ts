import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runResolve } from '../../../src/cli/resolve';
import { mayHaveSeveralStableStates } from '../../../src/engine/stableStates';
import { parseDocument } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { toTopology } from '../../../src/routing/topology';
import { fakeIo } from '../cli/fakeIo';
import { diagram, popsOf, resolveDiagram } from './diagram';

/**
 * RFC 4264's wedgie. P buys transit from T4; the backup B buys it from A2, which lowers LOCAL_PREF
 * to 50 on what B sends. A2 buys transit from A3, which peers with T4.
 * - P first: A3 hears P from its peer T4 (150) and passes it to its customer A2 (100 > 50): every
 *   client reaches P.
 * - B first: A2 has only B and sends it up to A3 (customer route, 200), which keeps it when P
 *   arrives from the peer T4 (150); A2 never hears P (A3's best comes from A2). U3 in A3 reaches B.
 * T4 prefers its customer P in both: U4 always reaches P.
 */
const WEDGIE = [
  'P[PoP: IAD]@{ asn: 64600 }',
  'B[PoP: LHR]@{ asn: 64600 }',
  'T4[AS4 Primary transit]@{ loc: IAD }',
  'A2[AS2 Backup transit]@{ loc: LHR }',
  'A3[AS3 Backup provider]@{ loc: FRA }',
  'P -->|transit| T4',
  'A2 -->|customer lp 50| B',
  'A2 -->|transit| A3',
  'A3 <-->|peer| T4',
  'U3([Users in Frankfurt])@{ in: A3 }',
  'U4([Users in New York])@{ in: T4 }',
];

/**
 * DISAGREE: X and Y peer, and each prefers the other's route (LOCAL_PREF 300 on the peering) over
 * its own customer PoP (200). A peer route is not passed to a peer, so whichever settles first on
 * its own PoP gives the other its route: both clients on P1, or both on P2.
 */
const DISAGREE = [
  'P1[PoP: IAD]@{ asn: 64600 }',
  'P2[PoP: LHR]@{ asn: 64600 }',
  'X[AS10 X]@{ loc: IAD }',
  'Y[AS20 Y]@{ loc: LHR }',
  'P1 -->|transit| X',
  'P2 -->|transit| Y',
  'X -->|peer lp 300| Y',
  'Y -->|peer lp 300| X',
  'CX([Users in Washington])@{ in: X }',
  'CY([Users in London])@{ in: Y }',
];

describe('several stable states (order-dependent)', () => {
  it('finds both states of the RFC 4264 wedgie whichever PoP the file declares first', () => {
    for (const lines of [WEDGIE, [WEDGIE[1], WEDGIE[0], ...WEDGIE.slice(2)]]) {
      const resolution = resolveDiagram(diagram(...(lines as string[])));
      const order = resolution.orderDependent;
      assert.ok(order, 'the wedgie has two stable states');
      assert.deepEqual(
        order.states.map((s) => s.clients.find((c) => c.id === 'U3')?.pop).sort(),
        ['B', 'P'],
        'U3 lands on P in one state, on B in the other',
      );
      assert.ok(order.states.every((s) => s.clients.find((c) => c.id === 'U4')?.pop === 'P'));
      assert.deepEqual([...order.routers].sort(), ['A2', 'A3']);
      const u3 = resolution.clients.find((c) => c.id === 'U3');
      assert.deepEqual(u3?.alsoReaches, [u3?.pop === 'P' ? 'B' : 'P']);
      assert.equal(resolution.clients.find((c) => c.id === 'U4')?.alsoReaches, undefined);
    }
  });

  it('finds both states of DISAGREE: every client on P1, or every client on P2', () => {
    const order = resolveDiagram(diagram(...DISAGREE)).orderDependent;
    assert.ok(order);
    assert.deepEqual(order.states.map((s) => s.clients.map((c) => c.pop).join(',')).sort(), ['P1,P1', 'P2,P2']);
  });

  it('warns order-dependent in the check, naming the routers and both outcomes', () => {
    const found = new DiagramAnalysis(diagram(...WEDGIE)).diagnostics.filter((d) => d.code === 'order-dependent');
    assert.equal(found.length, 1);
    assert.match(found[0]?.message ?? '', /2 stable states/);
    assert.match(found[0]?.message ?? '', /U3 reaches B/);
    assert.match(found[0]?.message ?? '', /U3 reaches P/);
    assert.match(found[0]?.message ?? '', /A2, A3/);
  });

  it('does not search when LOCAL_PREF set by hand keeps customer routes first (lp 120 on a provider)', () => {
    const kept = WEDGIE.map((l) =>
      l
        .replace('A2 -->|customer lp 50| B', 'A2 -->|customer| B')
        .replace('A2 -->|transit| A3', 'A2 -->|transit lp 120| A3'),
    );
    const topology = toTopology(parseDocument(diagram(...kept)).model).topology;
    assert.equal(topology.sessions.find((x) => x.localPref)?.localPref?.a, 120, 'A2 sets 120 on what A3 sends');
    assert.equal(mayHaveSeveralStableStates(topology), false);
    assert.equal(mayHaveSeveralStableStates(toTopology(parseDocument(diagram(...WEDGIE)).model).topology), true);
  });

  it('reports one state when the policies are Gao-Rexford (no LOCAL_PREF set by hand)', () => {
    // A2 and A3 then prefer the customer route to B (200) over P from a provider or peer.
    const plain = WEDGIE.map((l) => l.replace(' lp 50', ''));
    const resolution = resolveDiagram(diagram(...plain));
    assert.equal(resolution.orderDependent, undefined);
    assert.deepEqual(popsOf(resolution), { U3: 'B', U4: 'P' });
  });

  it('anycast resolve prints every state, --json carries them, and --why says where else the client may land', async () => {
    const io = fakeIo({ 'w.anycast.mmd': diagram(...WEDGIE) });
    assert.equal(await runResolve(['w.anycast.mmd', '--why', 'U3'], io), 0, io.stderr);
    assert.match(io.stdout, /ORDER-DEPENDENT: 2 stable states/);
    assert.match(io.stdout, /U3 may also land on (B|P)\b.*depending on the order of events/);
    const json = fakeIo({ 'w.anycast.mmd': diagram(...WEDGIE) });
    assert.equal(await runResolve(['w.anycast.mmd', '--json'], json), 0, json.stderr);
    const out = JSON.parse(json.stdout) as {
      orderDependent: { states: { order: string; clients: { id: string; pop?: string }[] }[] };
      clients: { id: string; alsoReaches?: string[] }[];
    };
    assert.equal(out.orderDependent.states.length, 2);
    assert.equal(out.orderDependent.states[0]?.order, 'as written');
    assert.equal(out.clients.find((c) => c.id === 'U3')?.alsoReaches?.length, 1);
  });
});
