import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runResolve } from '../../../src/cli/resolve';
import { fakeIo } from './fakeIo';

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
