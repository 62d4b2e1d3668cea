import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  asGraphFromLinks,
  asIndex,
  asPathOf,
  diffRouteTables,
  explainAll,
  explainAs,
  influenceOf,
  propagate,
} from '../../../src/engine/index';
import type { AsLink, RouteTable, TieBreakModel } from '../../../src/engine/index';
import { DECISION_CODES } from '../../../src/engine/index';

/** `p>c` is provider p over customer c; `a=b` is a peering. */
function graphOf(spec: string): ReturnType<typeof asGraphFromLinks> {
  const links: AsLink[] = spec
    .split(/\s+/)
    .filter(Boolean)
    .map((l) => {
      const [a, b] = l.split(/[>=]/).map(Number) as [number, number];
      return { a, b, relationship: l.includes('>') ? 'provider-customer' : 'peer-peer' };
    });
  return asGraphFromLinks(links);
}

function routeOf(table: RouteTable, asn: number): { path?: number[]; decidedBy?: string } {
  const x = asIndex(table.graph, asn);
  const e = explainAll(table);
  const path = asPathOf(table, asn);
  return path ? { path, decidedBy: DECISION_CODES[e.decidedBy[x] as number] } : {};
}

interface Case {
  readonly name: string;
  readonly graph: string;
  readonly origins: readonly (number | [number, number])[];
  readonly tieBreak?: TieBreakModel;
  readonly expect: Record<number, number[] | undefined>;
  readonly decidedBy?: Record<number, string>;
}

const cases: Case[] = [
  {
    // 1 has customer chain 1>2>3>777 (path 1 2 3 777) and peer 9 that owns 888 directly
    // (1 9 888). Customer routes beat peer routes whatever the length: 1 takes 777.
    name: 'prefers a long customer route over a short peer route',
    graph: '1>2 2>3 3>777 1=9 9>888',
    origins: [777, 888],
    expect: { 1: [1, 2, 3, 777], 9: [9, 888] },
    decidedBy: { 1: 'local-pref' },
  },
  {
    // 5 is a customer of 1 and 2; 1 hears 777 from its customer 3, 2 hears 888 from customer 4.
    // 5 gets two provider routes of equal length (5 1 3 777, 5 2 4 888) and BGPy's last
    // step takes the lowest neighbour ASN: 1, so 777.
    name: 'breaks a full tie by the lowest neighbour ASN (BGPy)',
    graph: '1>5 2>5 1>3 3>777 2>4 4>888',
    origins: [777, 888],
    expect: { 5: [5, 1, 3, 777] },
    decidedBy: { 5: 'tie-break' },
  },
  {
    // Same, but 888 announces first under 'oldest' and sits behind the higher neighbour (2):
    // the older route wins the tie.
    name: 'oldest keeps the route of the origin announced first',
    graph: '1>5 2>5 1>3 3>777 2>4 4>888',
    origins: [888, 777],
    tieBreak: 'oldest',
    expect: { 5: [5, 2, 4, 888] },
    decidedBy: { 5: 'tie-break' },
  },
  {
    // 5 hears 5 1 777 (provider 1) and 5 2 4 888 (provider 2): shorter wins.
    name: 'prefers the shorter path among provider routes',
    graph: '1>5 2>5 1>777 2>4 4>888',
    origins: [777, 888],
    expect: { 5: [5, 1, 777] },
    decidedBy: { 5: 'as-path-length' },
  },
  {
    // Origin 777 prepends twice: 5 1 777 777 777 (5 ASNs) now loses to 5 2 4 888 (4 ASNs).
    name: 'origin prepending lengthens every path to it',
    graph: '1>5 2>5 1>777 2>4 4>888',
    origins: [[777, 2], 888],
    expect: { 5: [5, 2, 4, 888], 1: [1, 777, 777, 777] },
  },
  {
    // 2 and 3 peer; 3's only route is from its provider 1, so it never exports it to peer 2,
    // and 2's customer 4 has nothing either. Routes cross one peer link, only from customers.
    name: 'exports provider routes to customers only (valley-free)',
    graph: '1>3 1>777 2=3 2>4',
    origins: [777],
    expect: { 3: [3, 1, 777], 2: undefined, 4: undefined },
  },
  {
    // 1=2 and 2=3 are peerings; 777 is 1's customer. 2 gets 2 1 777 from its peer 1, but a
    // peer route does not go on to another peer: 3 has no route.
    name: 'routes cross a single peering, never two',
    graph: '1>777 1=2 2=3',
    origins: [777],
    expect: { 2: [2, 1, 777], 3: undefined },
    decidedBy: { 2: 'only-route' },
  },
];

for (const c of cases) {
  for (const solver of ['sweep', 'path-vector'] as const) {
    test(`${c.name} (${solver})`, () => {
      const graph = graphOf(c.graph);
      const origins = c.origins.map((o) => (Array.isArray(o) ? { asn: o[0], prepend: o[1] } : { asn: o }));
      const table = propagate(graph, origins, { solver, tieBreak: { model: c.tieBreak ?? 'lowest-neighbor-asn' } });
      for (const [asn, path] of Object.entries(c.expect))
        assert.deepEqual(routeOf(table, Number(asn)).path, path, `AS${asn}`);
      for (const [asn, step] of Object.entries(c.decidedBy ?? {}))
        assert.equal(routeOf(table, Number(asn)).decidedBy, step, `AS${asn}`);
    });
  }
}

test('explains one AS by elimination with its runner-up', () => {
  // 5: candidates 5 1 3 777 and 5 2 4 888, equal until the tie-break; 1 < 2.
  const graph = graphOf('1>5 2>5 1>3 3>777 2>4 4>888');
  const table = propagate(graph, [{ asn: 777 }, { asn: 888 }]);
  const e = explainAs(table, 5);
  assert.ok(e);
  assert.equal(e.candidates.length, 2);
  assert.deepEqual(e.candidates[e.best]?.asPath, [5, 1, 3, 777]);
  assert.equal(e.candidates[e.runnerUp ?? -1]?.originAsn, 888);
  assert.equal(e.decidedBy, 'tie-break');
  assert.equal(e.arbitrary, true);
  assert.deepEqual(
    e.survivors.map((s) => s.remaining.length),
    [2, 2, 2, 2, 2, 2, 1],
  );
});

test('an arbitrary choice at one AS carries every AS behind it', () => {
  // 5 ties between 5 1 3 777 and 5 2 4 888 and takes 777 by the tie-break; its customers 6 and
  // 7 route through 5, so three ASes depend on that coin toss. Behind 777: 3, 1, 5, 6, 7 and itself.
  const graph = graphOf('1>5 2>5 1>3 3>777 2>4 4>888 5>6 5>7');
  const table = propagate(graph, [{ asn: 777 }, { asn: 888 }]);
  const influence = influenceOf(table, explainAll(table));
  const at = (asn: number): number => asIndex(graph, asn);
  assert.equal(influence.downstream[at(5)], 3);
  assert.equal(influence.downstream[at(777)], 6);
  assert.equal(influence.downstream[at(888)], 3);
  assert.deepEqual(
    [5, 6, 7].map((a) => influence.viaArbitrary[at(a)]),
    [1, 1, 1],
  );
  assert.deepEqual(
    [1, 3, 777, 2, 4, 888].map((a) => influence.viaArbitrary[at(a)]),
    [0, 0, 0, 0, 0, 0],
  );
  assert.equal(influence.reachedViaArbitrary, 3);
});

test('at AS level only a tie between routes to different origins is arbitrary', () => {
  // 5 ties between 5 1 3 777 and 5 2 4 888: the tie-break picks the origin, so it is arbitrary
  // and what it chose over is neighbour 2 (towards 888).
  const two = propagate(graphOf('1>5 2>5 1>3 3>777 2>4 4>888'), [{ asn: 777 }, { asn: 888 }]);
  const e2 = explainAll(two);
  assert.equal(e2.arbitrary, 1);
  assert.equal(e2.arbitraryOver[asIndex(two.graph, 5)], asIndex(two.graph, 2));
  // One origin reached both ways: 5 still needs the tie-break, but either route leads to 777.
  const one = propagate(graphOf('1>5 2>5 1>3 3>777 2>4 4>777'), [{ asn: 777 }]);
  const e1 = explainAll(one);
  assert.equal(DECISION_CODES[e1.decidedBy[asIndex(one.graph, 5)] as number], 'tie-break');
  assert.equal(e1.arbitrary, 0);
  assert.equal(e1.arbitraryOver[asIndex(one.graph, 5)], -1);
  assert.equal(influenceOf(one, e1).reachedViaArbitrary, 0);
  const five = explainAs(one, 5);
  assert.equal(five?.decidedBy, 'tie-break');
  assert.equal(five?.arbitrary, false);
  assert.equal(five?.alternative, undefined);
});

test('withdrawing an origin moves its catchment and the diff lists it', () => {
  const graph = graphOf('1>5 2>5 1>3 3>777 2>4 4>888');
  const before = propagate(graph, [{ asn: 777 }, { asn: 888 }]);
  const after = propagate(graph, [{ asn: 777 }, { asn: 888 }], {}, { withdrawn: [777] });
  const diff = diffRouteTables(before, after);
  assert.deepEqual(
    diff.moved.filter((m) => m.asn === 5),
    [{ asn: 5, from: 777, to: 888 }],
  );
  // 1 and 3 sat above 777 only; 888's routes reach 5 from a provider and never climb back up.
  assert.deepEqual(diff.lost, [1, 3, 777]);
  const failed = propagate(graph, [{ asn: 777 }, { asn: 888 }], {}, { failedLinks: [[3, 777]], failedAses: [4] });
  assert.equal(asPathOf(failed, 5), undefined);
});

test('rejects impossible requests with a clear message', () => {
  const graph = graphOf('1>5 2>5');
  assert.throws(() => propagate(graph, [{ asn: 42 }]), /AS42 is not in the graph/);
  assert.throws(() => propagate(graph, [{ asn: 5 }, { asn: 5 }]), /listed twice/);
  assert.throws(() => propagate(graph, [{ asn: 5 }], {}, { withdrawn: [1] }), /not an origin/);
  assert.throws(() => propagate(graph, [{ asn: 5 }], {}, { failedLinks: [[1, 2]] }), /no link between AS1 and AS2/);
  assert.throws(() => propagate(graph, [{ asn: 5 }], { solver: 'sweep', localPref: [[1, 5, 50]] }), /path-vector/);
});

test('a customer-provider cycle makes auto pick the path-vector solver; the sweep refuses it', () => {
  // 1 > 2 > 3 > 1 is a provider cycle above 100. Routes still flow: 3 hears 100 from its
  // customer, 2 from its customer 3, 1 from its customer 2.
  const graph = graphOf('1>2 2>3 3>1 3>100');
  const table = propagate(graph, [{ asn: 100 }]);
  assert.equal(table.solver, 'path-vector');
  assert.deepEqual(asPathOf(table, 1), [1, 2, 3, 100]);
  assert.throws(() => propagate(graph, [{ asn: 100 }], { solver: 'sweep' }), /acyclic customer-provider graph/);
});

test('reports BAD GADGET at AS level as unstable, naming the wheel', () => {
  // 100 is a customer of 1, 2, 3, which peer in a ring; each prefers the route via the next
  // (LOCAL_PREF 300 over its customer route at 200): no stable state exists.
  const graph = graphOf('1>100 2>100 3>100 1=2 2=3 3=1');
  const table = propagate(graph, [{ asn: 100 }], {
    localPref: [
      [1, 2, 300],
      [2, 3, 300],
      [3, 1, 300],
    ],
    maxActivations: 500,
  });
  assert.equal(table.solver, 'path-vector');
  assert.ok(table.unstable);
  assert.deepEqual(table.unstable.asns, [1, 2, 3]);
  assert.ok(table.unstable.cycle.every((c) => c.paths.length >= 2));
});

test('a slow convergence that settles after the budget is not reported as a dispute wheel', () => {
  // A provider chain 1>2>...>9>100 settles in a fixed number of recomputations (each AS once,
  // plus a look back from each customer). A budget of a bit over half of that runs out first,
  // and the watch window after it (as long again) sees the chain settle.
  const graph = graphOf('1>2 2>3 3>4 4>5 5>6 6>7 7>8 8>9 9>100');
  const needed = propagate(graph, [{ asn: 100 }], { solver: 'path-vector' }).activations;
  const budget = Math.ceil(needed / 2) + 1;
  const table = propagate(graph, [{ asn: 100 }], { solver: 'path-vector', maxActivations: budget });
  assert.ok(table.activations > budget);
  assert.equal(table.unstable, undefined);
  assert.deepEqual(asPathOf(table, 1), [1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
});

/** Random Gao-Rexford graphs: providers always have a lower index than customers (no cycles). */
const gaoRexford = fc
  .record({
    size: fc.integer({ min: 2, max: 40 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 120 }),
    origins: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }),
    prepends: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
    model: fc.constantFrom<TieBreakModel>('lowest-neighbor-asn', 'oldest', 'random', 'router-id'),
    seed: fc.nat(),
  })
  .map(({ size, links, origins, prepends, model, seed }) => {
    const seen = new Set<string>();
    const out: AsLink[] = [];
    for (const [x, y, peer] of links) {
      const a = (x % size) + 1;
      const b = (y % size) + 1;
      if (a === b || seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
      seen.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
      out.push({
        a: Math.min(a, b) * 7,
        b: Math.max(a, b) * 7,
        relationship: peer ? 'peer-peer' : 'provider-customer',
      });
    }
    return { links: out, origins, prepends, model, seed, size };
  })
  .filter((g) => g.links.length > 0);

test('property: the sweep and the path-vector solver agree at every AS on Gao-Rexford graphs', () => {
  fc.assert(
    fc.property(gaoRexford, ({ links, origins, prepends, model, seed }) => {
      const graph = asGraphFromLinks(links);
      const asns = [...graph.asns];
      const chosen = [...new Set(origins.map((o) => asns[o % asns.length] as number))];
      const originList = chosen.map((asn, k) => ({ asn, prepend: prepends[k] ?? 0 }));
      const options = { tieBreak: { model, seed } };
      const a = propagate(graph, originList, { ...options, solver: 'sweep' });
      const b = propagate(graph, originList, { ...options, solver: 'path-vector' });
      assert.equal(b.unstable, undefined);
      assert.deepEqual([...a.nextHop], [...b.nextHop]);
      assert.deepEqual([...a.pathLength], [...b.pathLength]);
      assert.deepEqual([...a.originIndex], [...b.originIndex]);
      // The explanation's best must be the solver's choice: the runner-up is never the winner.
      const e = explainAll(a);
      for (let x = 0; x < graph.size; x++) if (e.runnerUp[x] !== -1) assert.notEqual(e.runnerUp[x], a.nextHop[x]);
    }),
    { numRuns: 300 },
  );
});

test('property: the path-vector solver terminates without throwing under any LOCAL_PREF overrides', () => {
  fc.assert(
    fc.property(
      gaoRexford,
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 400 })), { maxLength: 30 }),
      ({ links, origins }, prefs) => {
        const graph = asGraphFromLinks(links);
        const asns = [...graph.asns];
        const chosen = [...new Set(origins.map((o) => asns[o % asns.length] as number))].map((asn) => ({ asn }));
        const localPref = prefs.map(
          ([x, y, v]) => [asns[x % asns.length] as number, asns[y % asns.length] as number, v] as const,
        );
        const table = propagate(graph, chosen, { localPref, maxActivations: 2000, solver: 'path-vector' });
        assert.equal(table.solver, 'path-vector');
        assert.ok(table.activations <= 2000 + 16 * graph.size + 256);
      },
    ),
    { numRuns: 200 },
  );
});
