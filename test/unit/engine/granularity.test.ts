import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asGraphFromLinks, asPathOf, propagate, resolve } from '../../../src/engine/index';
import type { AsLink, Topology } from '../../../src/engine/index';

/** Random Gao-Rexford graphs: the provider of a link always has the lower number, so there are no cycles. */
const graphs = fc
  .record({
    size: fc.integer({ min: 2, max: 25 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { maxLength: 70 }),
    origins: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
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

/** The same graph as a diagram: one router per AS, one session per link, one PoP per origin AS. */
function asTopology(links: readonly AsLink[], originAsns: readonly number[]): Topology {
  const asns = [...new Set(links.flatMap((l) => [l.a, l.b]))].sort((x, y) => x - y);
  return {
    routers: asns.map((asn) => ({ id: `r${asn}`, asn })),
    sessions: links.map((l, k) =>
      l.relationship === 'peer-peer'
        ? { id: `s${k}`, a: `r${l.a}`, b: `r${l.b}`, relationship: 'peer-peer' }
        : { id: `s${k}`, a: `r${l.b}`, b: `r${l.a}`, relationship: 'customer-provider' },
    ),
    origins: originAsns.map((asn) => ({ id: `pop${asn}`, router: `r${asn}`, prefixes: ['203.0.113.0/24'] })),
    clients: asns.map((asn) => ({ id: `c${asn}`, router: `r${asn}` })),
  };
}

test('property: the diagram resolver with one router per AS routes every AS as the AS-level sweep does', () => {
  fc.assert(
    fc.property(graphs, ({ links, origins }) => {
      const graph = asGraphFromLinks(links);
      const originAsns = [...new Set(origins.map((o) => graph.asns[o % graph.size] as number))];
      const table = propagate(
        graph,
        originAsns.map((asn) => ({ asn })),
      );
      const resolution = resolve(asTopology(links, originAsns));
      assert.equal(resolution.unstable, undefined);
      for (const client of resolution.clients) {
        const asn = Number(client.id.slice(1));
        assert.deepEqual(client.route?.asPath, asPathOf(table, asn), `AS${asn}`);
      }
    }),
    { numRuns: 300 },
  );
});

test('property: the diagram resolver never throws and always terminates, whatever the policy', () => {
  const policies = fc.array(
    fc.record({
      session: fc.nat(),
      localPref: fc.integer({ min: 0, max: 400 }),
      med: fc.integer({ min: 0, max: 50 }),
      prepend: fc.integer({ min: 0, max: 3 }),
      noExport: fc.boolean(),
    }),
    { maxLength: 20 },
  );
  fc.assert(
    fc.property(
      graphs,
      policies,
      fc.constantFrom('lowest-neighbor-asn', 'router-id', 'oldest', 'random') as fc.Arbitrary<'random'>,
      ({ links, origins }, policy, model) => {
        const graph = asGraphFromLinks(links);
        const originAsns = [...new Set(origins.map((o) => graph.asns[o % graph.size] as number))];
        const base = asTopology(links, originAsns);
        const sessions = base.sessions.map((s, k) => {
          const p = policy.find((x) => x.session % base.sessions.length === k);
          return p
            ? {
                ...s,
                localPref: { a: p.localPref },
                med: { b: p.med },
                prepend: { b: p.prepend },
                ...(p.noExport ? { communities: { a: ['no-export' as const] } } : {}),
              }
            : s;
        });
        const result = resolve({ ...base, sessions, tieBreak: { model, seed: 7 } }, {}, { maxActivations: 3000 });
        assert.equal(result.clients.length, base.clients.length);
        for (const c of result.clients)
          if (c.route) assert.equal(c.route.asPath[c.route.asPath.length - 1], Number(c.route.pop.slice(3)));
      },
    ),
    { numRuns: 200 },
  );
});

test('property: numbers that slipped past validation (NaN, Infinity, negative, huge) never break the resolver', () => {
  const junk = fc.constantFrom(Number.NaN, Infinity, -Infinity, -5, 1e12, 0.5, 3);
  fc.assert(
    fc.property(graphs, junk, junk, junk, junk, junk, ({ links, origins }, lp, med, prepend, cost, coordinate) => {
      const graph = asGraphFromLinks(links);
      const originAsns = [...new Set(origins.map((o) => graph.asns[o % graph.size] as number))];
      const base = asTopology(links, originAsns);
      const topology: Topology = {
        ...base,
        routers: base.routers.map((r, i) => ({ ...r, point: { lat: i % 2 ? coordinate : 10, lon: 20 } })),
        sessions: base.sessions.map((s) => ({
          ...s,
          localPref: { a: lp },
          med: { b: med },
          prepend: { b: prepend },
          exitCost: { a: cost },
        })),
        origins: base.origins.map((o) => ({ ...o, prepend })),
        clients: base.clients.map((c) => ({ ...c, weight: lp, point: { lat: coordinate, lon: coordinate } })),
      };
      const result = resolve(topology);
      for (const c of result.clients) if (c.rttMs !== undefined) assert.ok(Number.isFinite(c.rttMs));
      for (const p of result.pops) assert.ok(Number.isFinite(p.trafficShare));
      for (const c of result.clients) assert.ok((c.route?.asPath.length ?? 0) <= 2 * (255 + 1) * graph.size);
    }),
    { numRuns: 200 },
  );
});
