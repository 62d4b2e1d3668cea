import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { failureBase, resolve, resolveWithout } from '../../../src/engine/index';
import type { ClientResult, Topology } from '../../../src/engine/index';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { randomTopology } from './randomTopology';
import { runs, seed } from './settings';

/** What a withdrawal promises of a client: its PoP, route, path and RTT; the rest where it explains the client. */
function promised(c: ClientResult, explained: boolean): object {
  const { arbitraryAt, decision, alsoReaches: _, explanation, ...rest } = c;
  return explained ? { ...rest, explanation, arbitraryAt, decision } : rest;
}

/** Compares the re-settled routing with a full resolve under each single PoP failure; how many were re-settled. */
function compareEachFailure(topology: Topology): number {
  const base = failureBase(topology);
  for (const o of topology.origins) {
    const fast = resolveWithout(base, o.id);
    const full = resolve(topology, { failedPops: [o.id] }, { searchStableStates: false });
    assert.equal(fast.unstable?.message, full.unstable?.message);
    assert.deepEqual(fast.pops, full.pops);
    assert.deepEqual(
      fast.clients.map((c) => promised(c, c.explanation !== undefined)),
      full.clients.map((c, i) => promised(c, fast.clients[i]?.explanation !== undefined)),
    );
  }
  return base.incremental ? topology.origins.length : 0;
}

describe('withdrawing one PoP by re-settling', () => {
  it('answers what a full resolve under that failure answers, on random topologies', () => {
    let resettled = 0;
    fc.assert(
      fc.property(randomTopology(6), (topology) => {
        resettled += compareEachFailure(topology);
      }),
      { numRuns: runs(300), seed: seed() },
    );
    // The comparison is not vacuous: most random topologies keep Gao-Rexford and re-settle.
    assert.ok(resettled > runs(300) / 2, `only ${resettled} withdrawals re-settled`);
  });

  it('answers what a full resolve answers for every PoP of every example', () => {
    const folder = join(import.meta.dirname, '../../../examples');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.anycast.mmd'))) {
      const topology = new DiagramAnalysis(readFileSync(join(folder, file), 'utf8')).build.topology;
      assert.equal(compareEachFailure(topology), topology.origins.length, file);
    }
  });

  it('answers what a full resolve answers when every client moves (one PoP left)', () => {
    const topology: Topology = {
      routers: [
        { id: 't', asn: 10 },
        { id: 'a', asn: 20 },
        { id: 'b', asn: 30 },
        { id: 'u', asn: 40 },
      ],
      sessions: [
        { id: 's1', a: 'a', b: 't', relationship: 'customer-provider' },
        { id: 's2', a: 'b', b: 't', relationship: 'customer-provider' },
        { id: 's3', a: 'u', b: 't', relationship: 'customer-provider' },
      ],
      origins: [
        { id: 'A', router: 'a', prefixes: ['203.0.113.0/24'] },
        { id: 'B', router: 'b', prefixes: ['203.0.113.0/24'] },
      ],
      clients: [{ id: 'U', router: 'u' }],
      serviceAddress: '203.0.113.1',
    };
    // t hears A (as-path 20) and B (30), equal length; the lowest neighbour ASN takes A. Without A, B.
    assert.equal(resolveWithout(failureBase(topology), 'A').clients[0]?.pop, 'B');
    assert.equal(compareEachFailure(topology), 2);
  });
});
