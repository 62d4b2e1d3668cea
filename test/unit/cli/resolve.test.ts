import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runResolve } from '../../../src/cli/resolve';
import { fakeIo } from './fakeIo';

/**
 * 1 and 2 are tier-1 peers; 1 sells transit to 3 and 5, 2 to 4 and 5; 777 buys from 3 and 888
 * from 4. 5 hears 5 1 3 777 and 5 2 4 888 from its providers: equal, so the lowest neighbour
 * ASN (1) decides: 777, arbitrary. 6 is an island with no route.
 */
const AS_REL = [
  '# source:topology|BGP|20180101|test',
  '1|2|0',
  '1|3|-1',
  '1|5|-1',
  '2|4|-1',
  '2|5|-1',
  '3|777|-1',
  '4|888|-1',
  '6|7|0',
].join('\n');

interface RouteJson {
  asn: number;
  originAsn: number;
  asPath: number[];
  decidedBy: string;
  arbitrary: boolean;
  runnerUp?: { neighborAsn: number; originAsn: number };
}

test('--as-rel --json gives every AS its route, deciding step and runner-up', async () => {
  const io = fakeIo({ 'rel.txt': AS_REL });
  const code = await runResolve(['--as-rel', 'rel.txt', '--origin', '777', '--origin', 'AS888', '--json'], io);
  assert.equal(code, 0, io.stderr);
  const out = JSON.parse(io.stdout) as {
    routes: RouteJson[];
    unreachable: number[];
    summary: { arbitrary: number; reachedViaArbitrary: number; weightiestArbitrary: unknown[] };
  };
  const five = out.routes.find((r) => r.asn === 5);
  assert.deepEqual(five, {
    asn: 5,
    originAsn: 777,
    asPath: [5, 1, 3, 777],
    learnedFrom: 'provider',
    decidedBy: 'tie-break',
    arbitrary: true,
    runnerUp: { neighborAsn: 2, originAsn: 888 },
  });
  assert.deepEqual(out.routes.find((r) => r.asn === 1)?.asPath, [1, 3, 777]);
  assert.equal(out.routes.find((r) => r.asn === 777)?.decidedBy, 'only-route');
  assert.deepEqual(out.unreachable, [6, 7]);
  assert.equal(out.summary.arbitrary, 1);
  assert.equal(out.summary.reachedViaArbitrary, 1);
  assert.deepEqual(out.summary.weightiestArbitrary, [
    { asn: 5, downstream: 1, chose: { neighborAsn: 1, originAsn: 777 }, over: { neighborAsn: 2, originAsn: 888 } },
  ]);
  assert.deepEqual(io.written, {}, 'resolve writes no files');
});

test('reads gzip-compressed files', async () => {
  const io = fakeIo({ 'rel.txt.gz': gzipSync(AS_REL) });
  assert.equal(await runResolve(['--as-rel', 'rel.txt.gz', '--origin', '777', '--json'], io), 0, io.stderr);
  assert.equal((JSON.parse(io.stdout) as { routes: unknown[] }).routes.length, 7);
});

test('--fail withdraws an origin and the summary says what moved and how many choices were arbitrary', async () => {
  const io = fakeIo({ 'rel.txt': AS_REL });
  const code = await runResolve(
    ['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--fail', '777', '--as', '5'],
    io,
  );
  assert.equal(code, 0, io.stderr);
  // With 777 withdrawn every route leads to 888: no choice can change the origin.
  assert.match(
    io.stdout,
    /  0 \(0% of routed ASes\) were arbitrary: the final tie-break \(lowest-neighbor-asn\) chose between routes to different origins/,
  );
  // Without 777, 888's route climbs 4 -> 2, crosses the 2=1 peering, and goes down to 3, 5 and
  // 777 itself: 1, 3, 5 and 777 move. 5 now hears 5 2 4 888 and 5 1 2 4 888: the shorter wins.
  assert.match(io.stdout, /What moved: 4 ASes changed PoP, 0 lost their route/);
  assert.match(io.stdout, /AS777 -> AS888 +4 ASes/);
  assert.match(io.stdout, /AS5: 2 candidate route\(s\); decided by as-path-length/);
  assert.match(io.stdout, /runner via AS1 \(provider, local-pref 100\) path 5 1 2 4 888/);
});

test("--prepend lengthens an origin's announcements and moves its tied catchment", async () => {
  // 5 tied between 5 1 3 777 and 5 2 4 888 and took 777; with 777 prepending once, 888's path
  // is shorter. 1 and 3 keep 777 (customer routes beat the peer route whatever the length).
  const io = fakeIo({ 'rel.txt': AS_REL });
  assert.equal(
    await runResolve(['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--prepend', '777=1', '--json'], io),
    0,
    io.stderr,
  );
  const routes = (JSON.parse(io.stdout) as { routes: RouteJson[] }).routes;
  assert.deepEqual(routes.find((r) => r.asn === 5)?.asPath, [5, 2, 4, 888]);
  assert.deepEqual(routes.find((r) => r.asn === 1)?.asPath, [1, 3, 777, 777]);
  const bad = fakeIo({ 'rel.txt': AS_REL });
  assert.equal(await runResolve(['--as-rel', 'rel.txt', '--origin', '777', '--prepend', '1=2'], bad), 1);
  assert.match(bad.stderr, /only an --origin can prepend/);
});

test('--fail-each withdraws each origin in turn and says where its catchment goes', async () => {
  // Without 777: 1, 3, 5 and 777 move to 888 (as in the --fail test). Without 888: 2, 4 and
  // 888 itself turn to 777 through the 1=2 peering (5 already had 777).
  const io = fakeIo({ 'rel.txt': AS_REL });
  assert.equal(
    await runResolve(['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--fail-each', '--json'], io),
    0,
    io.stderr,
  );
  const impact = (
    JSON.parse(io.stdout) as {
      impact: { originAsn: number; moved: number; absorbedBy: { to: string; ases: number }[] }[];
    }
  ).impact;
  assert.deepEqual(impact, [
    { originAsn: 777, moved: 4, lost: 0, absorbedBy: [{ to: 'AS888', ases: 4 }] },
    { originAsn: 888, moved: 3, lost: 0, absorbedBy: [{ to: 'AS777', ases: 3 }] },
  ]);
});

test('--fail in JSON lists moves and the state after the failure', async () => {
  const io = fakeIo({ 'rel.txt': AS_REL });
  // Withdrawing 777 and failing AS2 cuts everyone but 4 off from 888.
  assert.equal(
    await runResolve(
      ['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--fail', '777', '--fail-as', '2', '--json'],
      io,
    ),
    0,
  );
  const out = JSON.parse(io.stdout) as {
    routes: RouteJson[];
    moved: { asn: number; from?: number; to?: number }[];
    lost: number[];
  };
  assert.deepEqual(
    out.moved.find((m) => m.asn === 5),
    { asn: 5, from: 777 },
  );
  assert.deepEqual(out.lost, [1, 2, 3, 5, 777]);
  assert.deepEqual(
    out.routes.map((r) => r.asn),
    [4, 888],
  );
});

const failures: [string, string[], Record<string, string>, number, RegExp][] = [
  [
    'an unknown origin ASN',
    ['--as-rel', 'rel.txt', '--origin', '4242'],
    { 'rel.txt': AS_REL },
    1,
    /origin AS4242 is not in the graph/,
  ],
  [
    'a malformed line, with file, line and column',
    ['--as-rel', 'bad.txt', '--origin', '1'],
    { 'bad.txt': '1|2|0\n3|x|0\n' },
    1,
    /bad\.txt:2:3: expected an ASN/,
  ],
  ['a missing file', ['--as-rel', 'nope.txt', '--origin', '1'], {}, 1, /cannot read nope\.txt: no such file/],
  [
    'a bzip2 file',
    ['--as-rel', 'rel.txt.bz2', '--origin', '1'],
    { 'rel.txt.bz2': 'BZh91AY&SY' },
    1,
    /bzip2-compressed .*bunzip2 -k rel\.txt\.bz2/,
  ],
  [
    'an empty file',
    ['--as-rel', 'empty.txt', '--origin', '1'],
    { 'empty.txt': '# only a comment\n' },
    1,
    /no AS relationships found/,
  ],
  [
    'withdrawing a non-origin',
    ['--as-rel', 'rel.txt', '--origin', '777', '--fail', '1'],
    { 'rel.txt': AS_REL },
    1,
    /AS1 is not an origin/,
  ],
  [
    'a bad ASN argument',
    ['--as-rel', 'rel.txt', '--origin', 'cloudflare'],
    { 'rel.txt': AS_REL },
    2,
    /--origin needs an AS number/,
  ],
  ['no origin', ['--as-rel', 'rel.txt'], { 'rel.txt': AS_REL }, 2, /at least one --origin/],
  [
    'an unknown tie-break',
    ['--as-rel', 'rel.txt', '--origin', '1', '--tie-break', 'coin'],
    { 'rel.txt': AS_REL },
    2,
    /unknown tie-break 'coin'/,
  ],
  [
    'a link that does not exist',
    ['--as-rel', 'rel.txt', '--origin', '777', '--fail-link', '1-4'],
    { 'rel.txt': AS_REL },
    1,
    /no link between AS1 and AS4/,
  ],
];
for (const [what, args, files, exit, message] of failures) {
  test(`exits ${exit} with a clear message on ${what}`, async () => {
    const io = fakeIo(files);
    assert.equal(await runResolve(args, io), exit);
    assert.match(io.stderr, message);
    assert.equal(io.stdout, '');
  });
}

test('the random tie-break is reproducible from its seed', async () => {
  const run = async (seed: string): Promise<string> => {
    const io = fakeIo({ 'rel.txt': AS_REL });
    await runResolve(
      ['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--tie-break', 'random', '--seed', seed, '--json'],
      io,
    );
    return io.stdout;
  };
  assert.equal(await run('7'), await run('7'));
});

test('--local-pref overrides that form BAD GADGET are reported as unstable with exit 3', async () => {
  // 100 buys from 1, 2 and 3, which peer in a ring; each prefers the route through the next.
  const io = fakeIo({ 'wheel.txt': '1|100|-1\n2|100|-1\n3|100|-1\n1|2|0\n2|3|0\n3|1|0\n' });
  const code = await runResolve(
    [
      '--as-rel',
      'wheel.txt',
      '--origin',
      '100',
      '--local-pref',
      '1-2=300',
      '--local-pref',
      '2-3=300',
      '--local-pref',
      '3-1=300',
      '--json',
    ],
    io,
  );
  assert.equal(code, 3);
  const out = JSON.parse(io.stdout) as { solver: string; unstable: { asns: number[]; message: string } };
  assert.equal(out.solver, 'path-vector');
  assert.deepEqual(out.unstable.asns, [1, 2, 3]);
  assert.match(out.unstable.message, /no stable routing/);
});

const SEED = readFileSync(join(import.meta.dirname, '../../../examples/seed.anycast.mmd'));

interface DiagramJson {
  clients: {
    id: string;
    pop: string | null;
    asPath: number[];
    prefix: string | null;
    decidedBy: string;
    decidedAt: string | null;
    arbitrary: boolean;
    arbitraryAt: string[];
    alternative: { pop: string; prefix: string } | null;
    rttMs: number | null;
  }[];
  pops: { id: string; name?: string; state: string; clients: string[] }[];
  moved?: { id: string; from: string | null; to: string | null; why: string }[];
}

test('seed diagram: New York, London and Tokyo reach US-East, EU-West and Asia-Pacific', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--json'], io), 0, io.stderr);
  const out = JSON.parse(io.stdout) as DiagramJson;
  assert.deepEqual(
    out.clients.map((c) => [c.id, c.pop]),
    [
      ['ClientUS', 'PoPUS'],
      ['ClientEU', 'PoPEU'],
      ['ClientAP', 'PoPAP'],
    ],
  );
  assert.deepEqual(
    out.pops.map((p) => [p.id, p.name, p.state, p.clients]),
    [
      ['PoPUS', 'US-East', 'up', ['ClientUS']],
      ['PoPEU', 'EU-West', 'up', ['ClientEU']],
      ['PoPAP', 'Asia-Pacific', 'up', ['ClientAP']],
    ],
  );
  const us = out.clients[0];
  assert.ok(us && us.asPath.length >= 2 && typeof us.rttMs === 'number');
  // The implicit Internet router in New York hears all three PoPs: IGP cost (distance) decides.
  assert.deepEqual(
    [us.prefix, us.decidedBy, us.decidedAt, us.arbitrary, us.alternative?.pop],
    ['203.0.113.0/24', 'igp-cost', 'Internet@New York', false, 'PoPEU'],
  );
  assert.equal(out.moved, undefined);
});

test('seed diagram: --fail US-East (by name) moves New York to EU-West', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--fail', 'US-East', '--json'], io), 0, io.stderr);
  const out = JSON.parse(io.stdout) as DiagramJson;
  assert.equal(out.clients[0]?.pop, 'PoPEU');
  assert.equal(out.pops[0]?.state, 'down');
  assert.deepEqual(
    out.moved?.map((m) => [m.id, m.from, m.to]),
    [['ClientUS', 'PoPUS', 'PoPEU']],
  );
});

test('seed diagram with US-East marked down: --up US-East announces it, and New York goes back to it', async () => {
  const down = `${SEED.toString('utf8').trimEnd()}\n    PoPUS@{ state: down }\n`;
  const io = fakeIo({ 'down.anycast.mmd': down });
  assert.equal(await runResolve(['down.anycast.mmd', '--json'], io), 0, io.stderr);
  const before = JSON.parse(io.stdout) as DiagramJson;
  assert.equal(before.clients[0]?.pop, 'PoPEU', 'with US-East down New York is served from London');

  const up = fakeIo({ 'down.anycast.mmd': down });
  assert.equal(await runResolve(['down.anycast.mmd', '--up', 'US-East', '--json'], up), 0, up.stderr);
  const out = JSON.parse(up.stdout) as DiagramJson;
  assert.equal(out.clients[0]?.pop, 'PoPUS');
  assert.equal(out.pops[0]?.state, 'up');
  assert.deepEqual(
    out.moved?.map((m) => [m.id, m.from, m.to]),
    [['ClientUS', 'PoPEU', 'PoPUS']],
  );

  const text = fakeIo({ 'down.anycast.mmd': down });
  assert.equal(await runResolve(['down.anycast.mmd', '--up', 'PoPUS'], text), 0, text.stderr);
  assert.match(text.stdout, /Clients \(after the what-if\):/);

  const notDown = fakeIo({ 'down.anycast.mmd': down });
  assert.equal(await runResolve(['down.anycast.mmd', '--up', 'EU-West'], notDown), 1);
  assert.match(notDown.stderr, /--up EU-West: EU-West is not marked `state: down` in the file/);
  const both = fakeIo({ 'down.anycast.mmd': down });
  assert.equal(await runResolve(['down.anycast.mmd', '--up', 'US-East', '--fail', 'PoPUS'], both), 1);
  assert.match(both.stderr, /--up US-East: US-East is also given to --fail/);
});

test('seed diagram: the table names PoPs, steps and what moved', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--fail', 'PoPUS'], io), 0, io.stderr);
  assert.match(io.stdout, /ClientUS +PoPEU \(EU-West\)/);
  assert.match(io.stdout, /PoPUS \(US-East\) +down +0/);
  assert.match(io.stdout, /ClientUS: PoPUS \(US-East\) -> PoPEU \(EU-West\) \(igp-cost; RTT [\d.]+ ms -> [\d.]+ ms\)/);
});

test('a diagram whose LOCAL_PREF overrides form BAD GADGET is reported as unstable with exit 3', async () => {
  // O buys transit from R1, R2 and R3, which peer in a ring; each sets LOCAL_PREF 300 on the
  // routes of the next, above its direct customer route: no stable routing exists.
  const wheel = [
    'flowchart TD',
    '  O[PoP: Origin<br>Advertises 203.0.113.0/24]:::pop@{ asn: 64500, loc: IAD }',
    '  R1[AS1 One]:::transit@{ loc: IAD }',
    '  R2[AS2 Two]:::transit@{ loc: IAD }',
    '  R3[AS3 Three]:::transit@{ loc: IAD }',
    '  O -->|transit| R1',
    '  O -->|transit| R2',
    '  O -->|transit| R3',
    '  R2 -->|peer lp 300| R1',
    '  R3 -->|peer lp 300| R2',
    '  R1 -->|peer lp 300| R3',
    '  U([Users in Washington]):::users@{ in: R1 }',
  ].join('\n');
  const io = fakeIo({ 'wheel.anycast.mmd': wheel });
  assert.equal(await runResolve(['wheel.anycast.mmd'], io), 3, io.stderr);
  assert.match(io.stdout, /UNSTABLE: no stable routing for 203\.0\.113\.0\/24/);
  assert.match(io.stdout, /R1 keeps switching between: /);
  assert.doesNotMatch(io.stdout, /longest-prefix match further on/);
});

test('seed diagram: --fail-each shows, for every PoP, where its clients would go', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--fail-each'], io), 0, io.stderr);
  assert.match(io.stdout, /If one PoP withdraws \(N-1\), worst first/);
  assert.match(
    io.stdout,
    /PoPUS \(US-East\): 1 client\(s\) move, weight 1: 1 to PoPEU \(EU-West\); RTT \+[\d.]+ ms on average, worst ClientUS/,
  );
  const json = fakeIo({ 'seed.anycast.mmd': SEED });
  await runResolve(['seed.anycast.mmd', '--fail-each', '--json'], json);
  const impact = (JSON.parse(json.stdout) as { impact: { pop: string; absorbedBy: { pop: string }[] }[] }).impact;
  assert.deepEqual(
    impact.map((i) => [i.pop, i.absorbedBy[0]?.pop]),
    [
      ['PoPAP', 'PoPEU'],
      ['PoPEU', 'PoPUS'],
      ['PoPUS', 'PoPEU'],
    ],
  );
});

test('cdn example: a tie between two transits that both lead to the same PoP is not arbitrary', async () => {
  // Rogers (Toronto) buys from Cogent and Arelion, and YYZ buys from both: Rogers's two routes
  // (812 174 64600 and 812 1299 64600) tie and router-id picks Cogent (declared on line 49, before
  // Arelion on 51), but both lead to YYZ. Where YYZ was really chosen is Cogent's Toronto router:
  // its eBGP route from YYZ (LOCAL_PREF 200) beats its iBGP routes to the other PoPs (also 200)
  // at eBGP over iBGP; the nearest of those is IAD.
  const cdn = readFileSync(join(import.meta.dirname, '../../../examples/cdn.anycast.mmd'));
  const io = fakeIo({ 'cdn.anycast.mmd': cdn });
  assert.equal(await runResolve(['cdn.anycast.mmd', '--json'], io), 0, io.stderr);
  const out = JSON.parse(io.stdout) as DiagramJson;
  const tor = out.clients.find((c) => c.id === 'TOR');
  assert.deepEqual(
    [tor?.pop, tor?.decidedBy, tor?.decidedAt, tor?.alternative?.pop, tor?.arbitrary, tor?.arbitraryAt],
    ['YYZ', 'ebgp-over-ibgp', 'Cogent@YYZ', 'IAD', false, []],
  );
  const text = fakeIo({ 'cdn.anycast.mmd': cdn });
  assert.equal(await runResolve(['cdn.anycast.mmd', '--why', 'TOR'], text), 0, text.stderr);
  assert.doesNotMatch(text.stdout, /clients reach their PoP through an arbitrary choice/);
  assert.match(
    text.stdout,
    /At Cogent \(AS174, YYZ\), where the PoP was decided: \d+ candidate route\(s\); PoP chosen by ebgp-over-ibgp over the nearest alternative via IAD/,
  );
  assert.match(
    text.stdout,
    /The final tie-break \(router id, which is the order of declaration: Cogent, line 49, declared first, vs Arelion, line 51\) chose between routes to the same PoP \(YYZ\): it decides the path, not the PoP/,
  );
});

test('seed diagram: --why shows every candidate of a client and what each step of the decision kept', async () => {
  // Without US-East, New York's router hears EU-West and Asia-Pacific over iBGP with equal
  // attributes up to the IGP cost: ~5,570 km to London against ~10,850 km to Tokyo.
  const io = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--fail', 'US-East', '--why', 'ClientUS'], io), 0, io.stderr);
  assert.match(
    io.stdout,
    /Why ClientUS reaches PoPEU \(EU-West\):\n +PoP decided at Internet \(AS64496, New York\) by lower IGP cost \(hot potato\) \(IGP cost 5,570 vs 10,849\), on 203\.0\.113\.0\/24, over the nearest alternative via PoPAP \(Asia-Pacific\)/,
  );
  assert.match(io.stdout, /At Internet \(AS64496, New York\), the client's router: 2 candidate route\(s\)/);
  assert.match(io.stdout, /1 +PoPEU \(EU-West\) +203\.0\.113\.0\/24 .* <- best/);
  assert.match(io.stdout, /2 +PoPAP \(Asia-Pacific\) .* <- nearest alternative/);
  assert.match(io.stdout, /elimination: igp-cost keeps #1/);
  const bad = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--why', 'Nobody'], bad), 1);
  assert.match(bad.stderr, /--why Nobody: no client or router has that id; clients: ClientUS, ClientEU, ClientAP/);
});

test('--fail-as takes an AS down by name or number and lists who moved', async () => {
  // Comcast buys from Cogent (East PoP behind it) and Lumen (West PoP behind it): equal paths
  // 7922 174 64500 and 7922 3356 64501, so the lowest neighbour ASN (174) wins: East. With
  // Cogent down, only Lumen's route is left: West.
  const diagram = [
    'flowchart TD',
    '  P[PoP: East<br>Advertises 203.0.113.0/24]:::pop@{ asn: 64500, loc: IAD }',
    '  Q[PoP: West<br>Advertises 203.0.113.0/24]:::pop@{ asn: 64501, loc: LAX }',
    '  T1[AS174 Cogent]:::transit@{ loc: IAD }',
    '  T2[AS3356 Lumen]:::transit@{ loc: LAX }',
    '  E[AS7922 Comcast]:::eyeball@{ loc: IAD }',
    '  P -->|transit| T1',
    '  Q -->|transit| T2',
    '  E -->|transit| T1',
    '  E -->|transit| T2',
    '  U([Users in Washington]):::users@{ in: E }',
  ].join('\n');
  const run = async (...args: string[]): Promise<{ code: number; io: ReturnType<typeof fakeIo> }> => {
    const io = fakeIo({ 'd.anycast.mmd': diagram });
    return { code: await runResolve(['d.anycast.mmd', ...args], io), io };
  };
  const byName = await run('--fail-as', 'Cogent', '--json');
  assert.equal(byName.code, 0, byName.io.stderr);
  const out = JSON.parse(byName.io.stdout) as { moved: { id: string; from: string | null; to: string | null }[] };
  assert.deepEqual(
    out.moved.map((m) => [m.id, m.from, m.to]),
    [['U', 'P', 'Q']],
  );
  const byNumber = await run('--fail-as', 'AS174', '--json');
  assert.equal(byNumber.io.stdout, byName.io.stdout);
  const unknown = await run('--fail-as', 'Atlantis');
  assert.equal(unknown.code, 1);
  assert.match(
    unknown.io.stderr,
    /--fail-as Atlantis: no such AS; the diagram has T1 \(AS174 Cogent\), T2 \(AS3356 Lumen\), E \(AS7922 Comcast\)/,
  );
});

test('--fail-link takes a BGP session down, named by its ends in either order', async () => {
  const diagram = readFileSync(new URL('../../fixtures/cli/two-transits.anycast.mmd', import.meta.url), 'utf8');
  const moved = async (...args: string[]): Promise<unknown> => {
    const io = fakeIo({ 'd.anycast.mmd': diagram });
    assert.equal(await runResolve(['d.anycast.mmd', ...args, '--json'], io), 0, io.stderr);
    return (JSON.parse(io.stdout) as { moved: { id: string; from: string | null; to: string | null }[] }).moved.map(
      (m) => [m.id, m.from, m.to],
    );
  };
  assert.deepEqual(await moved('--fail-link', 'E--T1'), [['U', 'P', 'Q']]);
  assert.deepEqual(await moved('--fail-link', 'Cogent--Comcast'), [['U', 'P', 'Q']]);
  assert.deepEqual(await moved('--fail-link', 'E--T2'), []);
  const io = fakeIo({ 'd.anycast.mmd': diagram });
  assert.equal(await runResolve(['d.anycast.mmd', '--fail-link', 'U--P'], io), 1);
  assert.match(io.stderr, /--fail-link U--P: no BGP session between two such nodes; the diagram has P--T1/);
});

const diagramFailures: [string, string[], Record<string, Uint8Array | string>, number, RegExp][] = [
  [
    'an unknown PoP',
    ['seed.anycast.mmd', '--fail', 'Mars'],
    { 'seed.anycast.mmd': SEED },
    1,
    /--fail Mars: no such PoP; the diagram has PoPUS \(US-East\)/,
  ],
  ['a missing file', ['nope.anycast.mmd'], {}, 1, /cannot read nope\.anycast\.mmd: no such file/],
  [
    'a diagram with errors',
    ['bad.anycast.mmd'],
    { 'bad.anycast.mmd': 'flowchart TD\n  A[PoP: X]@{ asn: -5 }\n' },
    1,
    /bad\.anycast\.mmd:2:\d+: error: .*\n.*error\(s\)/,
  ],
  ['no file at all', [], {}, 2, /name a \.anycast\.mmd file/],
  ['an unknown option', ['seed.anycast.mmd', '--colour'], { 'seed.anycast.mmd': SEED }, 2, /unknown option '--colour'/],
];
for (const [what, args, files, exit, message] of diagramFailures) {
  test(`diagram mode exits ${exit} with a clear message on ${what}`, async () => {
    const io = fakeIo(files);
    assert.equal(await runResolve(args, io), exit);
    assert.match(io.stderr, message);
    assert.equal(io.stdout, '');
  });
}

test('diagram mode reads --flag=value as --flag value, for every option that takes one', async () => {
  const diagram = readFileSync(new URL('../../fixtures/cli/two-transits.anycast.mmd', import.meta.url), 'utf8');
  const run = async (args: string[]): Promise<string> => {
    const io = fakeIo({ 'd.anycast.mmd': diagram });
    assert.equal(await runResolve(['d.anycast.mmd', ...args, '--json'], io), 0, io.stderr);
    return io.stdout;
  };
  const options: [string, string][] = [
    ['fail-link', 'P--T1'],
    ['fail-as', 'Cogent'],
    ['why', 'U'],
    ['tie-break', 'random'],
    ['seed', '3'],
  ];
  const joined = await run(options.map(([name, value]) => `--${name}=${value}`));
  assert.equal(joined, await run(options.flatMap(([name, value]) => [`--${name}`, value])));
  assert.deepEqual(
    (JSON.parse(joined) as DiagramJson).moved?.map((m) => [m.id, m.from, m.to]),
    [['U', 'P', 'Q']],
  );
  const io = fakeIo({ 'seed.anycast.mmd': SEED });
  assert.equal(await runResolve(['seed.anycast.mmd', '--fail=US-East', '--fail=Asia-Pacific', '--json'], io), 0);
  assert.deepEqual(
    (JSON.parse(io.stdout) as DiagramJson).pops.map((p) => p.state),
    ['down', 'up', 'down'],
  );
});

test('--as-rel mode reads --flag=value as --flag value, for every option that takes one', async () => {
  const run = async (args: string[]): Promise<string> => {
    const io = fakeIo({ 'rel.txt': AS_REL });
    assert.equal(await runResolve([...args, '--json'], io), 0, io.stderr);
    return io.stdout;
  };
  const options: [string, string][] = [
    ['as-rel', 'rel.txt'],
    ['origin', '777'],
    ['origin', 'AS888'],
    ['prepend', '888=1'],
    ['fail', '777'],
    ['fail-as', '7'],
    ['fail-link', '1-5'],
    ['as', '5'],
    ['tie-break', 'random'],
    ['seed', '7'],
    ['solver', 'path-vector'],
    ['local-pref', '5-2=50'],
  ];
  const joined = await run(options.map(([name, value]) => `--${name}=${value}`));
  assert.equal(joined, await run(options.flatMap(([name, value]) => [`--${name}`, value])));
  const out = JSON.parse(joined) as { solver: string; routes: RouteJson[]; explanations: unknown[] };
  assert.equal(out.solver, 'path-vector');
  assert.deepEqual(out.routes.find((r) => r.asn === 5)?.asPath, [5, 2, 4, 888, 888]);
  assert.equal(out.explanations.length, 1);
});

test('a mistyped or valueless option is one line on stderr naming it, exit 2, in both modes', async () => {
  const cases: [string[], string][] = [
    [['seed.anycast.mmd', '--fail'], '--fail needs a value: --fail POP'],
    [['seed.anycast.mmd', '--why='], '--why needs a value: --why ID'],
    [['seed.anycast.mmd', '--json=yes'], "--json takes no value, got 'yes'"],
    [['seed.anycast.mmd', '--origin', '1'], "unknown option '--origin'"],
    [['--as-rel=rel.txt', '--origin'], '--origin needs a value: --origin ASN'],
    [['--as-rel', 'rel.txt', '--origin', '1', '--why', 'x'], "unknown option '--why'"],
  ];
  for (const [args, message] of cases) {
    const io = fakeIo({ 'seed.anycast.mmd': SEED, 'rel.txt': AS_REL });
    assert.equal(await runResolve(args, io), 2, args.join(' '));
    assert.equal(io.stderr, `anycast resolve: ${message} (see anycast resolve --help)\n`);
    assert.equal(io.stdout, '');
  }
});

test('--fail-each ranks the PoPs by traffic moved and folds those whose loss moves nobody into one line', async () => {
  // Implicit transit: each client reaches its nearest PoP. Berlin (weight 5) is ~420 km from
  // Frankfurt, ~575 km from Amsterdam; Osaka (weight 2) is ~400 km from Tokyo, ~7,800 km from
  // Sydney, ~9,300 km from Amsterdam. Without FRA 5 move, without TYO 2, without AMS or SYD nobody.
  const text = [
    '---',
    'anycast:',
    '  service: 192.0.2.1',
    '  prefixes: [192.0.2.0/24]',
    '---',
    'flowchart LR',
    '  AMS[PoP: Amsterdam]@{ loc: "52.37,4.90" }',
    '  FRA[PoP: Frankfurt]@{ loc: "50.11,8.68" }',
    '  SYD[PoP: Sydney]@{ loc: "-33.87,151.21" }',
    '  TYO[PoP: Tokyo]@{ loc: "35.68,139.69" }',
    '  BER([Users in Berlin])@{ loc: "52.52,13.40", weight: 5 }',
    '  OSA([Users in Osaka])@{ loc: "34.69,135.50", weight: 2 }',
    '',
  ].join('\n');
  const io = fakeIo({ 'four.anycast.mmd': text });
  assert.equal(await runResolve(['four.anycast.mmd', '--fail-each'], io), 0, io.stderr);
  const n1 = io.stdout.slice(io.stdout.indexOf('If one PoP withdraws'));
  const lines = n1.split('\n').slice(1);
  assert.match(lines[0] ?? '', /^ {2}FRA \(Frankfurt\): 1 client\(s\) move, weight 5: 1 to AMS \(Amsterdam\)/);
  assert.match(lines[1] ?? '', /^ {2}TYO \(Tokyo\): 1 client\(s\) move, weight 2: 1 to SYD \(Sydney\)/);
  assert.equal(lines[2], '  2 PoP(s) move no client: AMS (Amsterdam), SYD (Sydney)');
  const json = fakeIo({ 'four.anycast.mmd': text });
  await runResolve(['four.anycast.mmd', '--fail-each', '--json'], json);
  const impact = (JSON.parse(json.stdout) as { impact: { pop: string; movedWeight: number }[] }).impact;
  assert.deepEqual(
    impact.map((i) => [i.pop, i.movedWeight]),
    [
      ['FRA', 5],
      ['TYO', 2],
      ['AMS', 0],
      ['SYD', 0],
    ],
  );
});
