import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConverge } from '../../../src/cli/converge';
import { fakeIo } from './fakeIo';

const seed = readFileSync(join(import.meta.dirname, '../../../examples/seed.anycast.mmd'), 'utf8');

test('a crashed PoP: New York is without service for the hold time, then on EU-West, its TCP connections reset', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': seed });
  const code = await runConverge(['seed.anycast.mmd', '--fail', 'US-East', '--crash'], io);
  assert.equal(code, 0, io.stderr);
  assert.match(
    io.stdout,
    /User in New York: 90 s without service, then 1 PoP change; settled on EU-West after 90\.\d+ s; its TCP and QUIC connections to US-East reset/,
  );
  assert.match(io.stdout, /The other 2 clients: not affected\./);
  assert.match(io.stdout, /90 s {4}EU-West {5}Internet → EU-West/);
});

test('--bfd shortens the crash to 0.9 s; --drain leaves no time without service', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': seed });
  assert.equal(await runConverge(['seed.anycast.mmd', '--fail=PoPUS', '--crash', '--bfd', '300x3'], io), 0);
  assert.match(io.stdout, /User in New York: 900 ms without service/);
  const drained = fakeIo({ 'seed.anycast.mmd': seed });
  assert.equal(await runConverge(['seed.anycast.mmd', '--fail', 'US-East', '--drain', '30'], drained), 0);
  assert.match(drained.stdout, /User in New York: 1 PoP change; settled on EU-West/);
  assert.doesNotMatch(drained.stdout, /New York: [^\n]*without service/);
  assert.match(drained.stdout, /0 s without service on average/);
});

test('--json carries every client timeline with the seed and timers', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': seed });
  const code = await runConverge(
    ['seed.anycast.mmd', '--fail', 'US-East', '--crash', '--seed', '4', '--mrai-ebgp', '5', '--json'],
    io,
  );
  assert.equal(code, 0, io.stderr);
  const out = JSON.parse(io.stdout) as {
    clients: { id: string; withoutService: number; states: { at: number; pop?: string }[] }[];
    seed: number;
    timers: { mraiEbgp: number };
  };
  assert.equal(out.seed, 4);
  assert.equal(out.timers.mraiEbgp, 5);
  const ny = out.clients.find((c) => c.id === 'ClientUS');
  assert.equal(ny?.withoutService, 90);
  assert.deepEqual(
    ny?.states.map((s) => s.pop ?? null),
    ['PoPUS', null, 'PoPEU', 'PoPEU'].slice(0, ny?.states.length),
  );
});

test('usage errors exit 2 and name the problem; a PoP that does not exist exits 1 with the list', async () => {
  const io = fakeIo({ 'seed.anycast.mmd': seed });
  assert.equal(await runConverge(['seed.anycast.mmd'], io), 2);
  assert.match(io.stderr, /name what fails/);
  assert.equal(await runConverge(['seed.anycast.mmd', '--fail', 'US-East', '--crash', '--drain', '5'], io), 2);
  assert.match(io.stderr, /--crash and --drain exclude each other/);
  assert.equal(await runConverge(['seed.anycast.mmd', '--fail', 'US-East', '--bfd', 'fast'], io), 2);
  assert.match(io.stderr, /--bfd needs an interval in ms and a multiplier/);
  assert.equal(await runConverge(['seed.anycast.mmd', '--frobnicate'], io), 2);
  assert.equal(await runConverge(['seed.anycast.mmd', '--fail', 'Mars'], io), 1);
  assert.match(io.stderr, /--fail Mars: no such PoP; the diagram has/);
});

/** 1 and 2 are tier-1 peers; 1 sells transit to 3 and 5, 2 to 4 and 5; 777 buys from 3, 888 from 4. */
const AS_REL = ['1|2|0', '1|3|-1', '1|5|-1', '2|4|-1', '2|5|-1', '3|777|-1', '4|888|-1'].join('\n');

test('--as-rel prints the share of the ASes whose route changed that settled after 1, 10, 30, 60 and 120 s', async () => {
  const io = fakeIo({ 'rel.txt': AS_REL });
  const code = await runConverge(
    ['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--withdraw', 'AS777'],
    io,
  );
  assert.equal(code, 0, io.stderr);
  // 777 itself now takes 888's route through 3; 3, 1 and 5 move to it too; 2 already held it.
  assert.match(io.stdout, /withdrawing AS777 changed the route of 4 \(0 left without one\)/);
  for (const s of [1, 10, 30, 60, 120]) assert.match(io.stdout, new RegExp(`${s} s +\\d+\\.\\d%`));
  const json = fakeIo({ 'rel.txt': AS_REL });
  await runConverge(['--as-rel', 'rel.txt', '--origin', '777', '--origin', '888', '--withdraw', '777', '--json'], json);
  const out = JSON.parse(json.stdout) as {
    ases: number;
    affected: number;
    settled: { seconds: number; share: number }[];
  };
  assert.equal(out.ases, 7);
  assert.equal(out.settled.length, 5);
  assert.equal(out.settled[4]?.share, 1);
});

test('--as-rel refuses to withdraw an AS that does not announce', async () => {
  const io = fakeIo({ 'rel.txt': AS_REL });
  assert.equal(await runConverge(['--as-rel', 'rel.txt', '--origin', '777', '--withdraw', '3'], io), 1);
  assert.match(io.stderr, /AS3 is not an origin/);
});

test("the diagram's timers and seed apply; a flag overrides only what it names", async () => {
  const timed = `---\nanycast:\n  convergence: { hold: 20s, bfd: 300ms x 3, seed: 9, processing: 2-3ms }\n---\n${seed}`;
  const io = fakeIo({ 'timed.anycast.mmd': timed });
  assert.equal(await runConverge(['timed.anycast.mmd', '--fail', 'US-East', '--crash'], io), 0, io.stderr);
  // BFD from the file notices the crash after 300 ms x 3.
  assert.match(
    io.stdout,
    /Timers: MRAI eBGP 30 s \(jitter 0\.75-1\), iBGP 0 s; BFD 300 ms x 3; processing 2-3 ms; seed 9\./,
  );
  assert.match(io.stdout, /User in New York: 900 ms without service/);
  const flags = fakeIo({ 'timed.anycast.mmd': timed });
  const args = ['timed.anycast.mmd', '--fail', 'US-East', '--crash', '--bfd', 'off', '--seed', '2'];
  assert.equal(await runConverge(args, flags), 0, flags.stderr);
  // --bfd off: the file's 20 s hold time notices it.
  assert.match(
    flags.stdout,
    /Timers: MRAI eBGP 30 s \(jitter 0\.75-1\), iBGP 0 s; hold time 20 s; processing 2-3 ms; seed 2\./,
  );
  assert.match(flags.stdout, /User in New York: 20 s without service/);
});
