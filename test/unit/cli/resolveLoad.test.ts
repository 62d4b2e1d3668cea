import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runResolve } from '../../../src/cli/resolve';
import { fakeIo } from './fakeIo';
import { threePops } from '../routing/loadDiagram';

const example = readFileSync(new URL('../../../examples/load.anycast.mmd', import.meta.url), 'utf8');
const G = 1e9;

interface LoadJson {
  load: {
    unit: string;
    pops: { pop: string; load: number; attack: number; utilisation: number; level: string }[];
    attack?: { total: number; inRegion: number; overwhelmed: string[] };
  };
}

test('resolve --json gives each PoP its load and utilisation', async () => {
  const io = fakeIo({ 'load.anycast.mmd': example });
  assert.equal(await runResolve(['load.anycast.mmd', '--json'], io), 0, io.stderr);
  const { load } = JSON.parse(io.stdout) as LoadJson;
  assert.equal(load.unit, 'bps');
  // IAD: New York 60 + Chicago 25 = 85 of 150 Gbps; Singapore: Tokyo 22 of 20 Gbps = 110%.
  const iad = load.pops.find((p) => p.pop === 'IAD');
  assert.deepEqual([iad?.load, iad?.level], [85 * G, 'ok']);
  assert.equal(load.pops.find((p) => p.pop === 'SIN')?.utilisation, 1.1);
  assert.equal(load.pops.find((p) => p.pop === 'SIN')?.level, 'over');
  assert.equal(load.attack, undefined);
});

test('resolve --attack adds the botnet along the same routing and names the overwhelmed PoPs', async () => {
  const io = fakeIo({ 'load.anycast.mmd': example });
  assert.equal(await runResolve(['load.anycast.mmd', '--attack', '--json'], io), 0, io.stderr);
  const { load } = JSON.parse(io.stdout) as LoadJson;
  // 120 Gbps over three bot groups of equal weight: 40 each. Warsaw (Cogent) lands in Frankfurt:
  // 45 + 40 = 85 of 80; Jakarta (NTT) in Singapore: 22 + 40 = 62 of 20; Sao Paulo in IAD: 85 + 40 = 125 of 150.
  assert.equal(load.attack?.total, 120 * G);
  assert.deepEqual(load.attack?.overwhelmed, ['FRA', 'SIN']);
  assert.equal(load.pops.find((p) => p.pop === 'IAD')?.level, 'warn');
  // Warsaw and Jakarta stay in their continents (80 Gbps); Sao Paulo leaves South America.
  assert.equal(load.attack?.inRegion, 80 * G);
});

test('resolve prints the load table with the marking in words, before and after a failure', async () => {
  const io = fakeIo({ 'load.anycast.mmd': example });
  assert.equal(await runResolve(['load.anycast.mmd', '--attack'], io), 0, io.stderr);
  assert.match(io.stdout, /FRA .*106% +OVER CAPACITY/);
  assert.match(io.stdout, /67% absorbed within the continent it comes from \(80 Gbps\)/);
  const failed = fakeIo({ 'load.anycast.mmd': example });
  assert.equal(await runResolve(['load.anycast.mmd', '--fail', 'LHR'], failed), 0, failed.stderr);
  // London's 30 Gbps moves to IAD: 115 of 150 = 77%, was 85 of 150 = 57%.
  assert.match(failed.stdout, /IAD +4 +115 Gbps +150 Gbps +77% +57%/);
});

test('resolve --fail-each with capacities ranks the failures by the worst utilisation they cause', async () => {
  // Three PoPs (see loadDiagram.ts): Amsterdam 60 of 100 Gbps, Frankfurt 70 of 200, Rome 20 of 50.
  // Without Frankfurt, Amsterdam carries 130 of 100; without Amsterdam, Frankfurt 130 of 200 (65%);
  // without Rome, Frankfurt 90 of 200 and Amsterdam, the worst, stays at 60%. By RTT alone Rome
  // would come first (its users move 960 km, the others 360 km).
  const files = { 'three.anycast.mmd': threePops.join('\n') };
  const io = fakeIo(files);
  assert.equal(await runResolve(['three.anycast.mmd', '--fail-each'], io), 0, io.stderr);
  const lines = io.stdout.slice(io.stdout.indexOf('If one PoP withdraws')).split('\n');
  assert.match(lines[0] ?? '', /worst first \(worst utilisation, then traffic moved, then RTT increase\)/);
  assert.match(
    lines[1] ?? '',
    /^ {2}FRA \(Frankfurt\): .*; worst utilisation AMS \(Amsterdam\) 60% -> 130% of 100 Gbps$/,
  );
  assert.match(
    lines[2] ?? '',
    /^ {2}AMS \(Amsterdam\): .*; worst utilisation FRA \(Frankfurt\) 35% -> 65% of 200 Gbps$/,
  );
  assert.match(lines[3] ?? '', /^ {2}ROM \(Rome\): .*; worst utilisation AMS \(Amsterdam\) 60% -> 60% of 100 Gbps$/);
  const json = fakeIo(files);
  await runResolve(['three.anycast.mmd', '--fail-each', '--json'], json);
  type Row = { pop: string; worstUtilisation?: { pop: string; before: number; after: number; capacity: number } };
  const { impact } = JSON.parse(json.stdout) as { impact: Row[] };
  assert.deepEqual(impact[0], {
    ...impact[0],
    worstUtilisation: { pop: 'AMS', before: 0.6, after: 1.3, load: 130 * G, capacity: 100 * G },
  });
  assert.deepEqual(
    impact.map((i) => [i.pop, i.worstUtilisation?.after]),
    [
      ['FRA', 1.3],
      ['AMS', 0.65],
      ['ROM', 0.6],
    ],
  );
});

test('resolve --fail-each without capacities keeps the ranking by traffic moved', async () => {
  const lines = threePops.map((l) => l.replace(/@\{ capacity: \d+Gbps \}/, ''));
  const io = fakeIo({ 'three.anycast.mmd': lines.join('\n') });
  assert.equal(await runResolve(['three.anycast.mmd', '--fail-each', '--json'], io), 0, io.stderr);
  const { impact } = JSON.parse(io.stdout) as { impact: { pop: string; worstUtilisation?: unknown }[] };
  // Each failure moves one client; Rome's moves furthest (960 km against 360), so it comes first.
  assert.equal(impact[0]?.pop, 'ROM');
  assert.ok(impact.every((i) => i.worstUtilisation === undefined));
});
