import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolve } from '../../../src/engine/index';
import type { Topology } from '../../../src/engine/index';
import { randomTopology } from './randomTopology';
import { runs, seed } from './settings';

/**
 * Found by the property below (issue 13): AS64501 buys from AS64500, AS64500 from AS64502 and
 * AS64502 from AS64501, with LOCAL_PREF overrides. The solver runs out of budget, and explaining
 * the snapshot it stopped at indexed an empty candidate list (`reading 'sender'` in `tieKey`).
 */
const customerProviderCycle: Topology = {
  routers: [
    { id: 'R0_0', asn: 64500, point: { lat: 0, lon: 0 } },
    { id: 'R0_1', asn: 64500, point: { lat: 13, lon: 0 } },
    { id: 'R0_2', asn: 64500, point: { lat: 26, lon: 0 } },
    { id: 'R0_3', asn: 64500, point: { lat: 39, lon: 0 } },
    { id: 'R1_0', asn: 64501, point: { lat: 7, lon: 31 } },
    { id: 'R1_1', asn: 64501, point: { lat: 20, lon: 31 } },
    { id: 'R1_2', asn: 64501, point: { lat: 33, lon: 31 } },
    { id: 'R2_0', asn: 64502, point: { lat: 14, lon: 62 } },
  ],
  sessions: [
    { id: 'S0', a: 'R2_0', b: 'R1_1', relationship: 'customer-provider' },
    {
      id: 'S1',
      a: 'R0_3',
      b: 'R2_0',
      relationship: 'customer-provider',
      localPref: { a: 101, b: 0 },
      communities: { b: ['no-advertise'] },
    },
    { id: 'S2', a: 'R0_0', b: 'R2_0', relationship: 'customer-provider' },
    { id: 'S3', a: 'R1_2', b: 'R0_3', relationship: 'customer-provider', localPref: { b: 100 } },
    { id: 'S4', a: 'R1_0', b: 'R0_0', relationship: 'peer-peer', localPref: { b: 0 } },
  ],
  origins: [{ id: 'P0', router: 'R1_2', prefixes: ['203.0.113.0/24'] }],
  clients: [{ id: 'U', router: 'R0_0' }],
  serviceAddress: '203.0.113.1',
  tieBreak: { model: 'lowest-neighbor-asn' },
};

describe('resolve on random topologies', () => {
  it('reports a customer-provider cycle that exhausts the budget as unstable, naming who cycles, without explaining a snapshot', () => {
    const result = resolve(customerProviderCycle);
    assert.ok(result.unstable);
    assert.deepEqual(result.unstable.routers, ['R0_0', 'R0_1', 'R0_2', 'R0_3', 'R2_0']);
    assert.match(result.unstable.message, /no stable routing for 203\.0\.113\.0\/24/);
    assert.ok(result.routers.every((r) => r.best === undefined && r.explanation === undefined));
    assert.deepEqual(result.clients, [{ id: 'U' }]);
  });

  it('never throws, and every route it explains is one of the candidates it lists', () => {
    fc.assert(
      fc.property(randomTopology(4), (topology) => {
        for (const r of resolve(topology).routers) {
          if (!r.explanation) continue;
          assert.deepEqual(r.explanation.candidates[r.explanation.best], r.best);
        }
      }),
      { numRuns: runs(2000), seed: seed() },
    );
  });

  it('terminates within its budget: a small budget ends in a routing or a report, never a loop', () => {
    fc.assert(
      fc.property(randomTopology(8), fc.integer({ min: 1, max: 50 }), (topology, maxActivations) => {
        const result = resolve(topology, {}, { maxActivations });
        assert.ok(result.routers.length === topology.routers.length);
      }),
      { numRuns: runs(1000), seed: seed() },
    );
  });

  it('is deterministic: the same topology resolves to the same answer', () => {
    fc.assert(
      fc.property(randomTopology(8), (topology) => {
        assert.deepEqual(resolve(topology), resolve(structuredClone(topology)));
      }),
      { numRuns: runs(500), seed: seed() },
    );
  });
});
