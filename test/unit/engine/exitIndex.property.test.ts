import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bestOf } from '../../../src/engine/decision';
import { candidatesAt, currentBest, signature, solvePrefix } from '../../../src/engine/propagation';
import { buildNet } from '../../../src/engine/routerNet';
import { announcedPrefixes } from '../../../src/engine/resolve';
import type { SessionSpec, Topology } from '../../../src/engine/index';
import { randomTopology } from '../fuzz/randomTopology';
import { runs, seed } from '../fuzz/settings';

const POINTS = [{ lat: 0, lon: 0 }, { lat: 10, lon: 0 }, { lat: 0, lon: 20 }, undefined];

/**
 * One wide AS (AS100, 3 to 40 routers, so both sides of MESH_INDEX_MIN; some at one place or none
 * so IGP costs tie) with
 * many exits to a few origin ASes: equal preference levels, MEDs per neighbour AS, exit costs and
 * prepends, the ties the exit index must get right.
 */
const wideAs: fc.Arbitrary<Topology> = fc
  .record({
    members: fc.integer({ min: 3, max: 40 }),
    places: fc.array(fc.constantFrom(...POINTS), { minLength: 1, maxLength: 5 }),
    neighbours: fc.integer({ min: 1, max: 4 }),
    exits: fc.array(
      fc.record({
        n: fc.nat(),
        m: fc.nat(),
        peer: fc.boolean(),
        med: fc.constantFrom(0, 5, 10),
        localPref: fc.option(fc.constantFrom(100, 200, 300), { nil: undefined }),
        exitCost: fc.option(fc.constantFrom(0, 500, 2000), { nil: undefined }),
        prepend: fc.constantFrom(0, 0, 1),
      }),
      { minLength: 1, maxLength: 24 },
    ),
    tieBreak: fc.constantFrom('lowest-neighbor-asn' as const, 'router-id' as const, 'oldest' as const),
  })
  .map(({ members, places, neighbours, exits, tieBreak }) => {
    const routers = Array.from({ length: members }, (_, i) => {
      const point = places[i % places.length];
      return { id: `M${i}`, asn: 100, ...(point ? { point } : {}) };
    });
    for (let j = 0; j < neighbours; j++) routers.push({ id: `N${j}`, asn: 200 + j, point: { lat: j, lon: j } });
    const sessions: SessionSpec[] = exits.map((e, i) => ({
      id: `S${i}`,
      a: `N${e.n % neighbours}`,
      b: `M${e.m % members}`,
      relationship: e.peer ? 'peer-peer' : 'customer-provider',
      med: { a: e.med },
      prepend: { a: e.prepend },
      ...(e.localPref !== undefined ? { localPref: { b: e.localPref } } : {}),
      ...(e.exitCost !== undefined ? { exitCost: { b: e.exitCost } } : {}),
    }));
    const origins = Array.from({ length: neighbours }, (_, j) => ({
      id: `P${j}`,
      router: `N${j}`,
      prefixes: ['203.0.113.0/24'],
    }));
    return { routers, sessions, origins, clients: [], tieBreak: { model: tieBreak } };
  });

/**
 * The solver picks through each AS's exit index; here every router's choice is recomputed over
 * its full candidate list (one route per sibling) and must be the route it holds.
 */
function assertFixedPoint(topology: Topology): void {
  const net = buildNet(topology, {});
  const popUp = topology.origins.map(() => true);
  for (const p of announcedPrefixes(net, popUp)) {
    const solution = solvePrefix(net, p.text, p.pops, 64 * topology.routers.length + 1000);
    if (solution.unstable) continue;
    topology.routers.forEach((_, r) => {
      const cands = candidatesAt(net, r, currentBest(net, solution.best), solution.localPops[r] ?? []);
      const chosen = bestOf(net, r, cands);
      assert.equal(signature(chosen), signature(solution.best[r]), `router ${topology.routers[r]?.id}`);
    });
  }
}

test('property: a settled routing is a fixed point of the decision process over every iBGP sibling, not only the indexed exits', () => {
  fc.assert(fc.property(randomTopology(6), assertFixedPoint), { numRuns: runs(300), seed: seed() });
});

test('property: in one wide AS with many exits (equal levels, MEDs, exit costs, tied IGP costs) every router holds what the full decision process picks', () => {
  fc.assert(fc.property(wideAs, assertFixedPoint), { numRuns: runs(600), seed: seed() });
});
