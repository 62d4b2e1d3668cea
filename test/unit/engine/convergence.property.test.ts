import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { asGraphFromLinks, propagate, resolve } from '../../../src/engine/index';
import type { AsLink, Resolution, Topology } from '../../../src/engine/index';
import { finalScenario, simulateAsConvergence, simulateConvergence } from '../../../src/engine/convergence/index';
import type { ConvergenceEvent, ConvergenceResult } from '../../../src/engine/convergence/index';
import { parseDocument } from '../../../src/language/index';
import { toTopology } from '../../../src/routing/topology';

/**
 * Random Gao-Rexford topologies at router granularity: ASes of one to three routers at random
 * places (iBGP, hot-potato exits), sessions between random routers of two ASes (the provider has
 * the lower number, so no cycles), random prepends, PoPs on random routers, a client on every router;
 * with `reflect`, the first router of every AS is a route reflector (RFC 4456) for the others.
 */
const topologies = fc
  .record({
    ases: fc.array(
      fc.array(fc.tuple(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -170, max: 170 })), {
        minLength: 1,
        maxLength: 3,
      }),
      { minLength: 2, maxLength: 10 },
    ),
    links: fc.array(
      fc.record({
        x: fc.nat(),
        y: fc.nat(),
        peer: fc.boolean(),
        prepend: fc.integer({ min: 0, max: 2 }),
        ra: fc.nat(),
        rb: fc.nat(),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    pops: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 4 }),
    tie: fc.constantFrom('lowest-neighbor-asn', 'router-id', 'oldest') as fc.Arbitrary<'router-id'>,
    reflect: fc.boolean(),
  })
  .map(({ ases, links, pops, tie, reflect }): Topology => {
    const routers = ases.flatMap((sites, a) =>
      sites.map(([lat, lon], s) => ({ id: `r${a + 1}.${s}`, asn: (a + 1) * 10, point: { lat, lon } })),
    );
    const routerOf = (a: number, pick: number): string => `r${a + 1}.${pick % (ases[a]?.length ?? 1)}`;
    const sessions = links.flatMap(({ x, y, peer, prepend, ra, rb }, k) => {
      const a = Math.min(x % ases.length, y % ases.length);
      const b = Math.max(x % ases.length, y % ases.length);
      if (a === b) return [];
      return [
        {
          id: `s${k}`,
          a: routerOf(b, rb),
          b: routerOf(a, ra),
          relationship: peer ? ('peer-peer' as const) : ('customer-provider' as const),
          prepend: { a: prepend },
        },
      ];
    });
    const origins = [...new Set(pops.map((p) => routers[p % routers.length]?.id as string))].map((router, k) => ({
      id: `pop${k}`,
      router,
      prefixes: ['203.0.113.0/24'],
    }));
    const clients = routers.map((r) => ({ id: `c-${r.id}`, router: r.id }));
    const reflection = reflect
      ? ases.flatMap((sites, a) =>
          sites.slice(1).map((_, s) => ({ reflector: `r${a + 1}.0`, client: `r${a + 1}.${s + 1}` })),
        )
      : [];
    return { routers, sessions, origins, clients, reflection, tieBreak: { model: tie } };
  });

function eventsFor(topology: Topology, pick: number, kind: number, restore: boolean): ConvergenceEvent[] {
  const pop = topology.origins[pick % topology.origins.length]?.id as string;
  const session = topology.sessions[pick % Math.max(1, topology.sessions.length)]?.id;
  const asn = topology.routers[pick % topology.routers.length]?.asn as number;
  const first: ConvergenceEvent[] = [
    { kind: 'withdraw-pop', pop },
    { kind: 'crash-pop', pop },
    { kind: 'drain-pop', pop, withdrawAfter: 20 },
    ...(session ? [{ kind: 'fail-session', session } as const] : []),
    { kind: 'fail-as', asn },
  ];
  const event = first[kind % first.length] as ConvergenceEvent;
  if (!restore) return [event];
  const at = 300;
  switch (event.kind) {
    case 'fail-session':
      return [event, { kind: 'restore-session', session: event.session, at }];
    case 'fail-as':
      return [event, { kind: 'restore-as', asn: event.asn, at }];
    case 'withdraw-pop':
    case 'crash-pop':
    case 'drain-pop':
      return [event, { kind: 'restore-pop', pop: event.pop, at }];
    default:
      return [event];
  }
}

/** Every client ends on the PoP and router path the static resolver gives for the scenario the events leave. */
function assertSameAsStatic(result: ConvergenceResult, expected: Resolution): void {
  assert.equal(result.unstable, undefined, result.unstable?.message);
  for (const c of expected.clients) {
    const timeline = result.clients.find((t) => t.id === c.id);
    const last = timeline?.states[timeline.states.length - 1];
    assert.equal(last?.pop, c.pop, `client ${c.id}`);
    if (c.pop !== undefined) assert.deepEqual(last?.path, c.forwardingPath ?? c.route?.routerPath, `client ${c.id}`);
  }
}

test('property: once quiet, the simulation ends where the static resolver is, for any event, timers and seed', () => {
  fc.assert(
    fc.property(
      topologies,
      fc.nat(),
      fc.nat(),
      fc.boolean(),
      fc.record({ mrai: fc.constantFrom(0, 5, 30), bfd: fc.boolean(), seed: fc.nat() }),
      (topology, pick, kind, restore, { mrai, bfd, seed }) => {
        const events = eventsFor(topology, pick, kind, restore);
        const expected = resolve(topology, finalScenario(topology, events));
        fc.pre(expected.unstable === undefined);
        const result = simulateConvergence(topology, events, {
          seed,
          timers: { mraiEbgp: mrai, ...(bfd ? { bfd: { intervalMs: 300, multiplier: 3 } } : {}) },
        });
        assertSameAsStatic(result, expected);
      },
    ),
    { numRuns: 300 },
  );
});

const examples = join(import.meta.dirname, '../../../examples');
for (const name of ['seed', 'cdn', 'dns', 'ipv6']) {
  test(`${name} example: withdrawing, crashing or draining each PoP ends where the static resolver is`, () => {
    const { topology } = toTopology(parseDocument(readFileSync(join(examples, `${name}.anycast.mmd`), 'utf8')).model);
    for (const pop of topology.origins) {
      for (const event of [
        { kind: 'withdraw-pop', pop: pop.id },
        { kind: 'crash-pop', pop: pop.id },
        { kind: 'drain-pop', pop: pop.id, withdrawAfter: 30 },
      ] as const) {
        const result = simulateConvergence(topology, [event], { seed: 7 });
        assertSameAsStatic(result, resolve(topology, finalScenario(topology, [event])));
      }
    }
  });
}

/** Random Gao-Rexford AS graphs: the provider of a link always has the lower number, so there are no cycles. */
const asGraphs = fc
  .record({
    size: fc.integer({ min: 2, max: 30 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 90 }),
    origins: fc.uniqueArray(fc.nat(), { minLength: 2, maxLength: 4 }),
  })
  .map(({ size, links, origins }) => {
    const seen = new Set<string>();
    const out: AsLink[] = [];
    for (const [x, y, peer] of links) {
      const a = Math.min((x % size) + 1, (y % size) + 1);
      const b = Math.max((x % size) + 1, (y % size) + 1);
      if (a === b || seen.has(`${a}-${b}`)) continue;
      seen.add(`${a}-${b}`);
      out.push({ a: a * 10, b: b * 10, relationship: peer ? 'peer-peer' : 'provider-customer' });
    }
    return { links: out, origins };
  })
  .filter((g) => g.links.length > 0);

test('property: at AS level, withdrawing an origin ends on the routes the sweep gives without it', () => {
  fc.assert(
    fc.property(
      asGraphs,
      fc.nat(),
      fc.constantFrom('lowest-neighbor-asn', 'oldest', 'random') as fc.Arbitrary<'random'>,
      fc.nat(),
      ({ links, origins }, pick, model, seed) => {
        const graph = asGraphFromLinks(links);
        const asns = [...new Set(origins.map((o) => graph.asns[o % graph.size] as number))];
        const withdrawn = asns[pick % asns.length] as number;
        const tieBreak = { model, seed: 3 };
        const result = simulateAsConvergence(
          graph,
          asns.map((asn) => ({ asn })),
          [withdrawn],
          { seed, tieBreak },
        );
        const expected = propagate(
          graph,
          asns.map((asn) => ({ asn })),
          { tieBreak },
          { withdrawn: [withdrawn] },
        );
        assert.deepEqual([...result.nextHop], [...expected.nextHop]);
        assert.deepEqual([...result.originIndex], [...expected.originIndex]);
        assert.equal(result.unstable, undefined);
      },
    ),
    { numRuns: 300 },
  );
});
