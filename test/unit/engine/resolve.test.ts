import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffResolutions, METRO_ACCESS_FLOOR_MS, popFailureImpact, resolve } from '../../../src/engine/index';
import type { GeoPoint, Scenario, Topology } from '../../../src/engine/index';
import { client, peering, pop, router, transit } from './topologyBuilders';

const NYC: GeoPoint = { lat: 40.71, lon: -74.01 };
const BOS: GeoPoint = { lat: 42.36, lon: -71.06 };
const IAD: GeoPoint = { lat: 38.95, lon: -77.45 };
const LHR: GeoPoint = { lat: 51.47, lon: -0.45 };
const LON: GeoPoint = { lat: 51.51, lon: -0.13 };
const NRT: GeoPoint = { lat: 35.77, lon: 140.39 };
const TYO: GeoPoint = { lat: 35.68, lon: 139.69 };

function topo(parts: Partial<Topology>): Topology {
  return { routers: [], sessions: [], origins: [], clients: [], ...parts };
}

interface Case {
  readonly name: string;
  readonly topology: Topology;
  readonly scenario?: Scenario;
  readonly client: string;
  readonly pop: string | undefined;
  readonly decidedBy?: string;
  readonly asPath?: readonly number[];
}

const cases: Case[] = [
  {
    // x (AS10) hears A through its customer chain 20 -> 30 -> 100: path 10 20 30 100 (4 ASNs),
    // and B from its peer 200: path 10 200 (2 ASNs). Customer LOCAL_PREF 200 beats peer 150
    // before path length is looked at, so A wins at step local-pref.
    name: 'prefers the customer route over a shorter peer route',
    topology: topo({
      routers: [router('x', 10), router('c1', 20), router('c2', 30), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'c1', 'x'),
        transit('s2', 'c2', 'c1'),
        transit('s3', 'a', 'c2'),
        peering('s4', 'x', 'b'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'local-pref',
    asPath: [10, 20, 30, 100],
  },
  {
    // x (AS10) buys from 1 and 2. A hangs off 1: 10 1 100. B hangs off 3 under 2: 10 2 3 200.
    // Same LOCAL_PREF (provider 100); 3 ASNs beat 4, so A wins at as-path-length.
    name: 'prefers the shorter AS path among provider routes',
    topology: topo({
      routers: [router('x', 10), router('p1', 1), router('p2', 2), router('t', 3), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p1'),
        transit('s2', 'x', 'p2'),
        transit('s3', 'a', 'p1'),
        transit('s4', 't', 'p2'),
        transit('s5', 'b', 't'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'as-path-length',
    asPath: [10, 1, 100],
  },
  {
    // As above, but A prepends twice toward p1: 10 1 100 100 100 (5 ASNs) now loses to 10 2 3 200 (4).
    name: 'per-session prepending pushes the client to the other PoP',
    topology: topo({
      routers: [router('x', 10), router('p1', 1), router('p2', 2), router('t', 3), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p1'),
        transit('s2', 'x', 'p2'),
        transit('s3', 'a', 'p1', { prepend: { a: 2 } }),
        transit('s4', 't', 'p2'),
        transit('s5', 'b', 't'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'as-path-length',
    asPath: [10, 2, 3, 200],
  },
  {
    // Origin prepend applies on every announcement of the PoP: A's 10 1 100 100 (4 ASNs) ties
    // 10 2 3 200 (4), then ORIGIN igp = igp, no shared neighbour for MED, both eBGP, IGP 0, and
    // the tie-break takes the lower neighbour ASN: 1, so A. Prepend 2 would have lost.
    name: 'an origin prepend of one makes the paths equal and the tie-break decides',
    topology: topo({
      routers: [router('x', 10), router('p1', 1), router('p2', 2), router('t', 3), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p1'),
        transit('s2', 'x', 'p2'),
        transit('s3', 'a', 'p1'),
        transit('s4', 't', 'p2'),
        transit('s5', 'b', 't'),
      ],
      origins: [pop('A', 'a', { prepend: 1 }), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'tie-break',
    asPath: [10, 1, 100, 100],
  },
  {
    // Equal paths 10 1 100 and 10 2 200; A originates INCOMPLETE, B IGP: B wins at origin.
    name: 'prefers ORIGIN igp over incomplete',
    topology: topo({
      routers: [router('x', 10), router('p1', 1), router('p2', 2), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p1'),
        transit('s2', 'x', 'p2'),
        transit('s3', 'a', 'p1'),
        transit('s4', 'b', 'p2'),
      ],
      origins: [pop('A', 'a', { origin: 'incomplete' }), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'origin',
  },
  {
    // Provider AS1 meets x twice (routers w and e). w hears A (AS100), e hears B (AS100 too:
    // two PoPs of one ASN). Both offer 10 1 100 to x from neighbour AS1; w sends MED 50, e MED 10.
    // Same neighbour AS, so MED counts: B via e wins at med.
    name: 'uses MED between two routes from the same neighbour AS',
    topology: topo({
      routers: [router('x', 10), router('w', 1, IAD), router('e', 1, IAD), router('a', 100), router('b', 100)],
      sessions: [
        transit('s1', 'x', 'w', { med: { b: 50 } }),
        transit('s2', 'x', 'e', { med: { b: 10 } }),
        transit('s3', 'a', 'w'),
        transit('s4', 'b', 'e'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'med',
  },
  {
    // x buys from AS1 (MED 100) and AS2 (MED 0), equal paths 10 1 100 / 10 2 200. MED is not
    // compared across neighbour ASes, IGP costs are 0, so the tie-break (lowest neighbour ASN,
    // AS1) decides: A, arbitrary.
    name: 'ignores MED between routes from different neighbour ASes',
    topology: topo({
      routers: [router('x', 10), router('p1', 1), router('p2', 2), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p1', { med: { b: 100 } }),
        transit('s2', 'x', 'p2', { med: { b: 0 } }),
        transit('s3', 'a', 'p1'),
        transit('s4', 'b', 'p2'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'tie-break',
  },
  {
    // AS10 has routers ny (buys from AS2, which serves B) and ldn (buys from AS1, which serves A).
    // At ny: eBGP 10 2 200 vs iBGP copy of 10 1 100 from ldn; equal up to MED (different
    // neighbours), so eBGP beats iBGP: B.
    name: 'prefers the eBGP route over an equal iBGP one',
    topology: topo({
      routers: [
        router('ny', 10, NYC),
        router('ldn', 10, LON),
        router('p1', 1),
        router('p2', 2),
        router('a', 100),
        router('b', 200),
      ],
      sessions: [
        transit('s1', 'ldn', 'p1'),
        transit('s2', 'ny', 'p2'),
        transit('s3', 'a', 'p1'),
        transit('s4', 'b', 'p2'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'ny')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'ebgp-over-ibgp',
  },
  {
    // Hot potato: AS10 has exits ny (to AS2, B) and ldn (to AS1, A) and an inner router bos in
    // Boston. bos hears both over iBGP, equal up to IGP cost: ~300 km to ny vs ~5,250 km to ldn
    // (great circle), so bos exits at ny: B.
    name: 'exits at the nearest router by great-circle IGP cost (hot potato)',
    topology: topo({
      routers: [
        router('ny', 10, NYC),
        router('ldn', 10, LON),
        router('bos', 10, BOS),
        router('p1', 1),
        router('p2', 2),
        router('a', 100),
        router('b', 200),
      ],
      sessions: [
        transit('s1', 'ldn', 'p1'),
        transit('s2', 'ny', 'p2'),
        transit('s3', 'a', 'p1'),
        transit('s4', 'b', 'p2'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'bos')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'igp-cost',
  },
  {
    // As above, with an IGP link bos-ldn of cost 10 and bos-ny of cost 900: now ldn is cheaper: A.
    name: 'an IGP cost override changes the hot-potato exit',
    topology: topo({
      routers: [
        router('ny', 10, NYC),
        router('ldn', 10, LON),
        router('bos', 10, BOS),
        router('p1', 1),
        router('p2', 2),
        router('a', 100),
        router('b', 200),
      ],
      sessions: [
        transit('s1', 'ldn', 'p1'),
        transit('s2', 'ny', 'p2'),
        transit('s3', 'a', 'p1'),
        transit('s4', 'b', 'p2'),
      ],
      igpLinks: [
        { a: 'bos', b: 'ldn', cost: 10 },
        { a: 'bos', b: 'ny', cost: 900 },
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'bos')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'igp-cost',
  },
  {
    // Once AS10 has IGP links they are its IGP: bos-ny 10 and ny-ldn 10, nothing else. bos to
    // ldn is then 20 over ny (not the 5,250 km great circle); bos to ny is 10 plus the 15 exit
    // cost of ny's session: 25. So bos leaves at ldn: A.
    name: 'drawn IGP links are the IGP: costs add up along the shortest path',
    topology: topo({
      routers: [
        router('ny', 10, NYC),
        router('ldn', 10, LON),
        router('bos', 10, BOS),
        router('p1', 1),
        router('p2', 2),
        router('a', 100),
        router('b', 200),
      ],
      sessions: [
        transit('s1', 'ldn', 'p1'),
        transit('s2', 'ny', 'p2', { exitCost: { a: 15 } }),
        transit('s3', 'a', 'p1'),
        transit('s4', 'b', 'p2'),
      ],
      igpLinks: [
        { a: 'bos', b: 'ny', cost: 10 },
        { a: 'ny', b: 'ldn', cost: 10 },
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'bos')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'igp-cost',
  },
  {
    // Equal provider routes 10 7 100 and 10 3 200; the tie-break takes the lower neighbour ASN: 3, B.
    name: 'lowest-neighbor-asn picks the lower neighbour ASN on a full tie',
    topology: topo({
      routers: [router('x', 10), router('p7', 7), router('p3', 3), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p7'),
        transit('s2', 'x', 'p3'),
        transit('s3', 'a', 'p7'),
        transit('s4', 'b', 'p3'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'tie-break',
  },
  {
    // Same tie, model router-id: p7 has BGP identifier 1, p3 has 9, so the route from p7 wins: A.
    name: 'router-id picks the lower BGP identifier on a full tie',
    topology: topo({
      routers: [
        router('x', 10),
        router('p7', 7, undefined, 1),
        router('p3', 3, undefined, 9),
        router('a', 100),
        router('b', 200),
      ],
      sessions: [
        transit('s1', 'x', 'p7'),
        transit('s2', 'x', 'p3'),
        transit('s3', 'a', 'p7'),
        transit('s4', 'b', 'p3'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
      tieBreak: { model: 'router-id' },
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'tie-break',
  },
  {
    // Same tie, model oldest: B is listed first, so it was announced first and its route is older: B
    // although AS3 < AS7 would say otherwise... here B sits behind AS7 to show the model matters.
    name: 'oldest picks the route of the PoP announced first',
    topology: topo({
      routers: [router('x', 10), router('p7', 7), router('p3', 3), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'x', 'p7'),
        transit('s2', 'x', 'p3'),
        transit('s3', 'a', 'p3'),
        transit('s4', 'b', 'p7'),
      ],
      origins: [pop('B', 'b'), pop('A', 'a')],
      clients: [client('user', 'x')],
      tieBreak: { model: 'oldest' },
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'tie-break',
  },
  {
    // x (AS10) peers with y (AS20); x's only route is from its provider p (AS1). Valley-free:
    // a provider route is exported to customers only, never to a peer, so y has no route.
    name: 'does not export a provider route to a peer',
    topology: topo({
      routers: [router('x', 10), router('y', 20), router('p', 1), router('a', 100)],
      sessions: [transit('s1', 'x', 'p'), peering('s2', 'x', 'y'), transit('s3', 'a', 'p')],
      origins: [pop('A', 'a')],
      clients: [client('user', 'y')],
    }),
    client: 'user',
    pop: undefined,
  },
  {
    // a sends its route to provider p with NO_EXPORT: p uses it, but never gives it to another
    // AS, so p's customer c has no route.
    name: 'NO_EXPORT keeps the route inside the receiving AS',
    topology: topo({
      routers: [router('a', 100), router('p', 1), router('c', 30)],
      sessions: [transit('s1', 'a', 'p', { communities: { a: ['no-export'] } }), transit('s2', 'c', 'p')],
      origins: [pop('A', 'a')],
      clients: [client('user', 'c')],
    }),
    client: 'user',
    pop: undefined,
  },
  {
    // NO_EXPORT still lets the route cross iBGP: p2 (AS1, no eBGP to a) learns it from p1.
    name: 'NO_EXPORT still reaches the other routers of the receiving AS over iBGP',
    topology: topo({
      routers: [router('a', 100), router('p1', 1), router('p2', 1)],
      sessions: [transit('s1', 'a', 'p1', { communities: { a: ['no-export'] } })],
      origins: [pop('A', 'a')],
      clients: [client('user', 'p2')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'only-route',
  },
  {
    // NO_ADVERTISE: p1 uses the route but tells no one, not even p2 over iBGP.
    name: 'NO_ADVERTISE stops the route at the receiving router',
    topology: topo({
      routers: [router('a', 100), router('p1', 1), router('p2', 1)],
      sessions: [transit('s1', 'a', 'p1', { communities: { a: ['no-advertise'] } })],
      origins: [pop('A', 'a', { communities: [] })],
      clients: [client('user', 'p2')],
    }),
    client: 'user',
    pop: undefined,
  },
  {
    // x would prefer its customer route to A (200 > 100), but its session to provider p sets
    // LOCAL_PREF 300 on what x receives, so x takes B from p.
    name: 'a LOCAL_PREF override beats the relationship default',
    topology: topo({
      routers: [router('x', 10), router('c', 20), router('p', 1), router('a', 100), router('b', 200)],
      sessions: [
        transit('s1', 'c', 'x'),
        transit('s2', 'a', 'c'),
        transit('s3', 'x', 'p', { localPref: { a: 300 } }),
        transit('s4', 'b', 'p'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'x')],
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'local-pref',
  },
  {
    // AS100 has PoP router a1 and a core router under transit AS1 (a1 too buys from AS1). core
    // hears 100 1 100 from AS1 (rejected: its own ASN is in the path) and A's local route over
    // iBGP from a1, its only candidate.
    name: 'rejects a route whose AS path holds its own ASN and uses the iBGP route instead',
    topology: topo({
      routers: [router('a1', 100, IAD), router('core', 100, LHR), router('p', 1)],
      sessions: [transit('s1', 'a1', 'p'), transit('s2', 'core', 'p')],
      origins: [pop('A', 'a1')],
      clients: [client('user', 'core')],
    }),
    client: 'user',
    pop: 'A',
    decidedBy: 'only-route',
    asPath: [100],
  },
  {
    // The service address 203.0.113.1 lies in A's /24 and in B's /25: the more-specific /25
    // wins wherever it is heard, even though A's route is shorter.
    name: 'follows the longest announced prefix that covers the service address',
    topology: topo({
      routers: [router('x', 10), router('p', 1), router('t', 3), router('a', 100), router('b', 200)],
      sessions: [transit('s1', 'x', 'p'), transit('s2', 'a', 'p'), transit('s3', 't', 'p'), transit('s4', 'b', 't')],
      origins: [pop('A', 'a'), pop('B', 'b', { prefixes: ['203.0.113.0/25'] })],
      clients: [client('user', 'x')],
      serviceAddress: '203.0.113.1',
    }),
    client: 'user',
    pop: 'B',
    decidedBy: 'only-route',
    asPath: [10, 1, 3, 200],
  },
];

for (const c of cases) {
  test(c.name, () => {
    const result = resolve(c.topology, c.scenario);
    assert.deepEqual(result.warnings, []);
    const got = result.clients.find((x) => x.id === c.client);
    assert.ok(got, `client ${c.client} missing`);
    assert.equal(got.pop, c.pop);
    if (c.decidedBy !== undefined) assert.equal(got.explanation?.decidedBy, c.decidedBy);
    if (c.asPath !== undefined) assert.deepEqual(got.route?.asPath, c.asPath);
    if (got.explanation) {
      assert.equal(got.explanation.arbitrary, got.explanation.decidedBy === 'tie-break');
      assert.equal(
        got.arbitraryAt?.includes(c.client === 'user' ? (c.topology.clients[0]?.router as string) : ''),
        got.explanation.arbitrary,
      );
      const last = got.explanation.survivors.at(-1);
      assert.deepEqual(last?.remaining, [got.explanation.best]);
    }
  });
}

test('the random tie-break is a pure function of its seed', () => {
  // Equal provider routes 10 7 100 / 10 3 200: only the seeded tie-break separates them.
  const base = topo({
    routers: [router('x', 10), router('p7', 7), router('p3', 3), router('a', 100), router('b', 200)],
    sessions: [transit('s1', 'x', 'p7'), transit('s2', 'x', 'p3'), transit('s3', 'a', 'p7'), transit('s4', 'b', 'p3')],
    origins: [pop('A', 'a'), pop('B', 'b')],
    clients: [client('user', 'x')],
  });
  const pick = (seed: number): string | undefined =>
    resolve({ ...base, tieBreak: { model: 'random', seed } }).clients[0]?.pop;
  const picks = Array.from({ length: 32 }, (_, seed) => pick(seed));
  assert.deepEqual(
    picks,
    Array.from({ length: 32 }, (_, seed) => pick(seed)),
  );
  assert.ok(picks.includes('A') && picks.includes('B'), `both PoPs should win for some seed: ${picks.join(',')}`);
});

test('explains the runner-up and the PoP it leads to', () => {
  // 10 1 100 (A) beats 10 2 3 200 (B) on path length; the runner-up is B's route.
  const result = resolve(cases[1]?.topology as Topology);
  const e = result.clients[0]?.explanation;
  assert.ok(e && e.runnerUp !== undefined);
  assert.equal(e.candidates[e.runnerUp]?.pop, 'B');
  assert.deepEqual(
    e.survivors.map((s) => s.remaining.length),
    [2, 1, 1, 1, 1, 1, 1],
  );
});

/**
 * The seed diagram as the language bridge builds it: the PoPs US-East (IAD), EU-West (LHR) and
 * Asia-Pacific (NRT) share AS64500 and each buys transit from a global AS3356 present in New
 * York, London and Tokyo, where the clients are. Every AS3356 router hears three equal routes
 * (3356 64500) and exits by hot potato to the nearest PoP.
 */
const seed = topo({
  routers: [
    router('PoPUS', 64500, IAD),
    router('PoPEU', 64500, LHR),
    router('PoPAP', 64500, NRT),
    router('t-nyc', 3356, NYC),
    router('t-lon', 3356, LON),
    router('t-tyo', 3356, TYO),
  ],
  sessions: [transit('s1', 'PoPUS', 't-nyc'), transit('s2', 'PoPEU', 't-lon'), transit('s3', 'PoPAP', 't-tyo')],
  origins: [
    pop('PoPUS', 'PoPUS', { name: 'US-East' }),
    pop('PoPEU', 'PoPEU', { name: 'EU-West' }),
    pop('PoPAP', 'PoPAP', { name: 'Asia-Pacific' }),
  ],
  clients: [client('ClientUS', 't-nyc', NYC), client('ClientEU', 't-lon', LON), client('ClientAP', 't-tyo', TYO)],
  serviceAddress: '203.0.113.1',
});

test('seed diagram: New York, London and Tokyo reach US-East, EU-West and Asia-Pacific', () => {
  const result = resolve(seed);
  assert.deepEqual(
    result.clients.map((c) => [c.id, c.pop]),
    [
      ['ClientUS', 'PoPUS'],
      ['ClientEU', 'PoPEU'],
      ['ClientAP', 'PoPAP'],
    ],
  );
  assert.deepEqual(
    result.pops.map((p) => [p.id, p.clients]),
    [
      ['PoPUS', ['ClientUS']],
      ['PoPEU', ['ClientEU']],
      ['PoPAP', ['ClientAP']],
    ],
  );
  assert.equal(result.clients[0]?.explanation?.decidedBy, 'ebgp-over-ibgp');
  // NYC -> IAD is ~330 km: 2 * 330 * 1.5 / 200 = ~5 ms.
  const rtt = result.clients[0]?.rttMs ?? NaN;
  assert.ok(rtt > 4 && rtt < 6, `rtt ${rtt}`);
});

test('a client in the same metro as its PoP gets the metro access floor, never 0 ms', () => {
  const london = resolve(seed).clients[1];
  assert.equal(london?.pop, 'PoPEU');
  assert.equal(london?.rttMs, METRO_ACCESS_FLOOR_MS);
  const sameSpot = resolve(
    topo({
      routers: [router('x', 10, LON), router('a', 100, LON)],
      sessions: [transit('s1', 'x', 'a')],
      origins: [pop('A', 'a')],
      clients: [client('user', 'x', LON)],
      serviceAddress: '203.0.113.1',
    }),
  );
  assert.equal(sameSpot.clients[0]?.rttMs, METRO_ACCESS_FLOOR_MS);
});

test('seed diagram: with US-East withdrawn, New York moves to EU-West', () => {
  const before = resolve(seed);
  const after = resolve(seed, { failedPops: ['PoPUS'] });
  assert.equal(after.clients[0]?.pop, 'PoPEU');
  assert.equal(after.clients[0]?.explanation?.decidedBy, 'igp-cost');
  assert.equal(after.pops[0]?.state, 'down');
  const diff = diffResolutions(before, after);
  assert.equal(diff.moved.length, 1);
  const move = diff.moved[0];
  assert.equal(move?.id, 'ClientUS');
  assert.equal(move?.from, 'PoPUS');
  assert.equal(move?.to, 'PoPEU');
  assert.equal(move?.why, 'igp-cost');
  assert.equal(move?.previousRouteGone, true);
  assert.ok((move?.rttAfterMs ?? 0) > (move?.rttBeforeMs ?? Infinity));
  assert.deepEqual(diff.lostService, []);
  // EU-West now serves London (~0 ms, same city) and New York (~84 ms): the mean is in between.
  const eu = after.pops[1];
  assert.ok(eu?.meanRttMs !== undefined && eu.meanRttMs > 30 && eu.meanRttMs < 50, `mean ${eu?.meanRttMs}`);
});

test('a failed AS leaves its clients without service and the diff says so', () => {
  const before = resolve(seed);
  const after = resolve(seed, { failedAses: [64500] });
  assert.ok(after.clients.every((c) => c.pop === undefined));
  const diff = diffResolutions(before, after);
  assert.deepEqual(diff.lostService, ['ClientUS', 'ClientEU', 'ClientAP']);
  assert.ok(diff.moved.every((m) => m.why === 'unreachable'));
});

test('reports BAD GADGET as unstable instead of looping', () => {
  // Origin o (AS100) is a customer of r1, r2, r3 (AS1, AS2, AS3), which peer in a ring. Each ri
  // sets LOCAL_PREF 300 on routes from the next one (r1 from r2, r2 from r3, r3 from r1), above
  // its direct customer route (200). ri exports its customer route to peers but not a peer route,
  // so each prefers the path through the next only while the next uses its direct route: no
  // assignment is stable (Griffin, Shepherd and Wilfong's BAD GADGET).
  const wheel = topo({
    routers: [router('o', 100), router('r1', 1), router('r2', 2), router('r3', 3)],
    sessions: [
      transit('o1', 'o', 'r1'),
      transit('o2', 'o', 'r2'),
      transit('o3', 'o', 'r3'),
      peering('p12', 'r1', 'r2', { localPref: { a: 300 } }),
      peering('p23', 'r2', 'r3', { localPref: { a: 300 } }),
      peering('p31', 'r3', 'r1', { localPref: { a: 300 } }),
    ],
    origins: [pop('O', 'o')],
    clients: [client('user', 'r1')],
  });
  const result = resolve(wheel);
  assert.ok(result.unstable, 'expected the dispute wheel to be reported');
  assert.deepEqual(result.unstable.routers, ['r1', 'r2', 'r3']);
  assert.ok(result.unstable.cycle.every((c) => c.routes.length >= 2));
  assert.match(result.unstable.message, /no stable routing/);
});

test('DISAGREE has a stable solution and converges', () => {
  // r1 and r2 (peers) each prefer the route through the other (LOCAL_PREF 300) over their
  // direct customer route. Two stable states exist; the solver must settle in one.
  const disagree = topo({
    routers: [router('o', 100), router('r1', 1), router('r2', 2)],
    sessions: [
      transit('o1', 'o', 'r1'),
      transit('o2', 'o', 'r2'),
      peering('p12', 'r1', 'r2', { localPref: { a: 300, b: 300 } }),
    ],
    origins: [pop('O', 'o')],
    clients: [client('u1', 'r1'), client('u2', 'r2')],
  });
  const result = resolve(disagree);
  assert.equal(result.unstable, undefined);
  const paths = result.clients.map((c) => c.route?.asPath.length);
  assert.deepEqual([...paths].sort(), [2, 3]);
});

test('a router id defined twice keeps its first definition everywhere', () => {
  // The second 'x' (AS99, no sessions) is ignored: the client on 'x' is on the first one (AS10),
  // which buys from p and reaches A.
  const result = resolve(
    topo({
      routers: [router('x', 10), router('p', 1), router('a', 100), router('x', 99)],
      sessions: [transit('s1', 'x', 'p'), transit('s2', 'a', 'p')],
      origins: [pop('A', 'a')],
      clients: [client('user', 'x')],
    }),
  );
  assert.equal(result.clients[0]?.pop, 'A');
  assert.deepEqual(result.clients[0]?.route?.asPath, [10, 1, 100]);
  assert.match(result.warnings.join('\n'), /router 'x' is defined twice/);
});

test('names what it had to ignore instead of failing', () => {
  const result = resolve(
    topo({
      routers: [router('x', 10), router('y', 10)],
      sessions: [transit('s1', 'x', 'nowhere'), transit('s2', 'x', 'y')],
      origins: [pop('A', 'ghost'), pop('B', 'x', { prefixes: ['203.0.113.7/24'] })],
      clients: [client('user', 'missing')],
    }),
  );
  assert.equal(result.warnings.length, 5, result.warnings.join('\n'));
  assert.equal(result.clients[0]?.pop, undefined);
});

test('traffic follows a more-specific prefix that the client router never heard (longest match at every hop)', () => {
  // x (AS10) buys from p (AS1). A (AS100) sends 203.0.113.0/24 to p; B (AS200) sends
  // 203.0.113.0/25 to p with NO_EXPORT, so p keeps the /25 and x hears only the /24 via p.
  // x's route points at A, but p forwards 203.0.113.1 on its /25: the traffic ends at B.
  const result = resolve(
    topo({
      routers: [router('x', 10, NYC), router('p', 1, IAD), router('a', 100, LHR), router('b', 200, IAD)],
      sessions: [
        transit('s1', 'x', 'p'),
        transit('s2', 'a', 'p'),
        transit('s3', 'b', 'p', { communities: { a: ['no-export'] } }),
      ],
      origins: [pop('A', 'a'), pop('B', 'b', { prefixes: ['203.0.113.0/25'] })],
      clients: [client('user', 'x', NYC)],
      serviceAddress: '203.0.113.1',
    }),
  );
  const user = result.clients[0];
  assert.equal(user?.route?.pop, 'A');
  assert.equal(user?.route?.prefix, '203.0.113.0/24');
  assert.equal(user?.pop, 'B');
  assert.deepEqual(user?.forwardingPath, ['x', 'p', 'b']);
  // B was decided at p, by longest-prefix match: its /25 over the /24 that x's route follows to A.
  assert.deepEqual(
    [user?.decision?.router, user?.decision?.by, user?.decision?.prefix],
    ['p', 'more-specific-prefix', '203.0.113.0/25'],
  );
  assert.deepEqual([user?.decision?.alternative?.pop, user?.decision?.alternative?.prefix], ['A', '203.0.113.0/24']);
  assert.deepEqual(
    result.pops.map((p) => p.clients),
    [[], ['user']],
  );
  // NYC -> IAD -> IAD is ~330 km, far from the ~5,600 km the route's path through London would say.
  assert.ok((user?.rttMs ?? Infinity) < 6, `rtt ${user?.rttMs}`);
});

test("names the routers further on whose tie-break decides a client's PoP", () => {
  // c (AS30) has one provider, x (AS10): only-route at c. x ties between 10 7 100 and 10 3 200
  // and takes AS3's (lowest neighbour ASN): B. So c's PoP rests on x's coin toss.
  const result = resolve(
    topo({
      routers: [router('c', 30), router('x', 10), router('p7', 7), router('p3', 3), router('a', 100), router('b', 200)],
      sessions: [
        transit('s0', 'c', 'x'),
        transit('s1', 'x', 'p7'),
        transit('s2', 'x', 'p3'),
        transit('s3', 'a', 'p7'),
        transit('s4', 'b', 'p3'),
      ],
      origins: [pop('A', 'a'), pop('B', 'b')],
      clients: [client('user', 'c')],
    }),
  );
  const user = result.clients[0];
  assert.equal(user?.pop, 'B');
  assert.equal(user?.explanation?.decidedBy, 'only-route');
  assert.deepEqual(user?.arbitraryAt, ['x']);
  // Where the PoP was decided: x, by the tie-break between neighbour AS3 (B) and AS7 (A).
  assert.deepEqual(
    [user?.decision?.router, user?.decision?.asn, user?.decision?.by, user?.decision?.alternative?.pop],
    ['x', 10, 'tie-break', 'A'],
  );
  assert.deepEqual(user?.decision?.tieBreak, { model: 'lowest-neighbor-asn', by: 'neighbor-asn', best: 3, other: 7 });
});

test('N-1: withdrawing each seed PoP in turn says where its clients go and what it costs in RTT', () => {
  // Without IAD, New York's nearest exit is London (~5,570 km) before Tokyo; without LHR, London's
  // is New York (~5,570 km) before Tokyo (~9,560 km); without NRT, Tokyo's is London (~9,560 km)
  // before New York (~10,850 km). Each moves one client of weight 1, so the RTT increase ranks
  // them: Tokyo -> London (~9,560 km) first, then London -> Dulles (~5,900 km), then New York,
  // which already went ~330 km to Dulles, -> London (~5,570 km).
  const impact = popFailureImpact(seed);
  assert.deepEqual(
    impact.map((i) => [i.pop, i.moved.map((m) => `${m.id}->${m.to}`), i.absorbedBy, i.movedWeight]),
    [
      ['PoPAP', ['ClientAP->PoPEU'], [{ pop: 'PoPEU', clients: 1 }], 1],
      ['PoPEU', ['ClientEU->PoPUS'], [{ pop: 'PoPUS', clients: 1 }], 1],
      ['PoPUS', ['ClientUS->PoPEU'], [{ pop: 'PoPEU', clients: 1 }], 1],
    ],
  );
  for (const i of impact) {
    assert.ok((i.meanRttIncreaseMs ?? 0) > 50, `${i.pop}: ${i.meanRttIncreaseMs}`);
    assert.equal(i.worst?.client, i.moved[0]?.id);
    assert.deepEqual(i.lostService, []);
  }
});
