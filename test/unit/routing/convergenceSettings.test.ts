import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientTimeline } from '../../../src/engine/convergence/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { convergenceOf, failureMode } from '../../../src/routing/convergence';
import { convergenceSection } from '../../../src/routing/words/convergenceWords';
import { hoverAt } from '../../../src/routing/words/hoverText';

/**
 * The engine test's chain as a diagram, with MRAI 5 s from the front matter. AS1 hosts the users
 * and buys transit from AS2, AS2 from AS3. PoP P buys from AS1 and from AS8, AS8 from AS7, and AS7
 * peers with AS2: a longer, second way to P. PoP Q peers with AS3. No locations, so every message
 * takes exactly the 10 ms processing delay; the jitter factor is 1, so each MRAI run lasts 5 s.
 */
const chain = [
  '---',
  'anycast:',
  '  service: 203.0.113.1',
  '  prefixes: [203.0.113.0/24]',
  '  convergence:',
  '    mrai: { ebgp: 5s, jitter: 1-1 }',
  '    processing: 10ms',
  '    seed: 7',
  '---',
  'flowchart LR',
  '  P[P]@{ role: pop, asn: 10 }',
  '  Q[Q]@{ role: pop, asn: 90 }',
  '  A1[AS1]@{ asn: 1 }',
  '  A2[AS2]@{ asn: 2 }',
  '  A3[AS3]@{ asn: 3 }',
  '  A7[AS7]@{ asn: 7 }',
  '  A8[AS8]@{ asn: 8 }',
  '  U[Users]@{ role: client, in: A1 }',
  '  P -->|transit| A1',
  '  P -->|transit| A8',
  '  A8 -->|transit| A7',
  '  A7 <-->|peer| A2',
  '  A1 -->|transit| A2',
  '  A2 -->|transit| A3',
  '  Q <-->|peer| A3',
].join('\n');

const withdrawP = new DiagramAnalysis(chain).underScenario({ failedPops: ['P'], failedLinks: [], failedAses: [] });

function steps(timeline: ClientTimeline | undefined): string[] {
  return (timeline?.states ?? []).map((s) => `${s.at}:${s.pop ?? '-'}`);
}

test('MRAI 5 s from the front matter: the path exploration worked by hand', () => {
  const result = convergenceOf(withdrawP, failureMode('withdraw'));
  // t=0      P withdraws: AS1 still points at P: no service.
  // t=10 ms  AS1 hears the withdrawal, has no other route (AS2's holds AS1) and withdraws to AS2;
  //          AS8 withdraws to AS7.
  // t=20 ms  AS2 takes the stale peer route [2 7 8 10] and advertises it to AS1: the AS2→AS1 MRAI
  //          starts and runs until 5.020 s. AS2 withdraws from AS3 and AS7; AS7 takes [7 2 1 10].
  // t=30 ms  AS1 takes [1 2 7 8 10], whose packets die at AS2: AS2 heard AS7's withdrawal at the same
  //          moment and withdrew to AS1 at once (withdrawals wait for no MRAI). AS3 falls back to Q
  //          [3 90] and advertises it to its customer AS2.
  // t=40 ms  AS1 hears the withdrawal: no route. AS2 takes [2 3 90]; its advertisement to AS1 waits.
  // t=5.020 s  AS2's MRAI runs out; t=5.030 s AS1 takes [1 2 3 90]: the users reach Q.
  // t=5.040 s  the last message: AS1's new route reaches P's router, its customer.
  const users = result.clients.find((c) => c.id === 'U');
  assert.deepEqual(steps(users), ['0:P', '0:-', '0.01:-', '0.03:-', '0.04:-', '5.03:Q']);
  assert.equal(users?.withoutService, 5.03);
  assert.equal(result.lastUpdate, 5.04);
  assert.equal(result.timers.mraiEbgp, 5);
  assert.equal(result.seed, 7);
});

test('options given beside the file (the CLI flags) override its timers one by one', () => {
  const result = convergenceOf(withdrawP, failureMode('withdraw'), { timers: { mraiEbgp: 30 }, seed: 3 });
  // Same steps; AS2's MRAI towards AS1 now runs from 20 ms to 30.020 s (the file's jitter 1-1 stays).
  assert.deepEqual(steps(result.clients.find((c) => c.id === 'U')), [
    '0:P',
    '0:-',
    '0.01:-',
    '0.03:-',
    '0.04:-',
    '30.03:Q',
  ]);
  assert.equal(result.seed, 3);
  assert.deepEqual(result.timers.processingMs, [10, 10]);
});

test("the simulation summary's convergence section plays with the file's timers", () => {
  const markdown = convergenceSection(withdrawP);
  assert.match(markdown, /- Users: 5\.03 s without service/);
  assert.match(markdown, /\| 5\.03 s \| Q \| AS1 AS1 → AS2 AS2 → AS3 AS3 → Q \|/);
  assert.match(
    markdown,
    /_Simulated with MRAI 5 s on eBGP \(jitter 1–1\), hold time 90 s, processing 10–10 ms, seed 7\._/,
  );
});

test('hover on a convergence key says what it does and the value the simulation uses', () => {
  const routing = new DiagramAnalysis(chain).underScenario({ failedPops: [], failedLinks: [], failedAses: [] });
  // Line 6 is `    mrai: { ebgp: 5s, jitter: 1-1 }`: `ebgp` starts at character 12.
  const ebgp = hoverAt(routing, { line: 5, character: 14 });
  assert.deepEqual(ebgp?.range, { start: { line: 5, character: 12 }, end: { line: 5, character: 16 } });
  assert.match(
    ebgp?.markdown ?? '',
    /^\*\*anycast › convergence › mrai › ebgp\*\*\n\nMRAI on eBGP sessions \(default 30s/,
  );
  assert.match(ebgp?.markdown ?? '', /The simulation uses: 5 s$/);
  // `processing` on line 7 and `seed` on line 8 (both at character 4).
  assert.match(hoverAt(routing, { line: 6, character: 5 })?.markdown ?? '', /The simulation uses: 10 ms to 10 ms$/);
  assert.match(hoverAt(routing, { line: 7, character: 4 })?.markdown ?? '', /The simulation uses: 7$/);
  // `convergence` itself: what the block is for; the tie-break `seed` is another setting.
  assert.match(hoverAt(routing, { line: 4, character: 3 })?.markdown ?? '', /timers of the convergence simulation/i);
  assert.equal(hoverAt(routing, { line: 4, character: 1 }), undefined, 'the indentation is no key');
});
