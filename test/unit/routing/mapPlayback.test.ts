import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { convergenceOf, failureMode } from '../../../src/routing/convergence';
import { mapRoutingAt } from '../../../src/routing/map/mapPlayback';
import { mapScene } from '../../../src/routing/map/mapScene';
import { convergencePlayback } from '../../../src/routing/picture/convergencePlayback';

const seed = readFileSync(join(import.meta.dirname, '../../../examples/seed.anycast.mmd'), 'utf8');
const crashed = new DiagramAnalysis(seed).underScenario({ failedPops: ['PoPUS'], failedLinks: [], failedAses: [] });
const points = new Map(crashed.build.topology.routers.map((r) => [r.id, r.point]));
const playback = convergencePlayback(convergenceOf(crashed, failureMode('crash'), { seed: 1 }), crashed.nodeOf, (r) =>
  points.get(r),
);
const settled = mapScene(crashed)?.routing;

test('the map 45 s into the US-East crash: New York without service, EU-West with London alone', () => {
  assert.ok(settled);
  const at45 = mapRoutingAt(settled, playback, 45);
  const ny = at45.clients.find((c) => c.id === 'ClientUS');
  const place = settled.clients.find((c) => c.id === 'ClientUS')?.path[0];
  // No PoP, the PoP it used before the crash as the ghost, and a path that stays at New York.
  assert.deepEqual(ny, { id: 'ClientUS', previousPop: 'PoPUS', path: [place] });
  // Three clients of weight 1: once settled EU-West serves London and New York (2/3); at 45 s only London.
  const eu = (routing: typeof settled) => routing.pops.find((p) => p.id === 'PoPEU');
  assert.deepEqual([eu(settled)?.clients, eu(settled)?.share], [2, 2 / 3]);
  assert.equal(eu(at45)?.clients, 1);
  assert.ok(Math.abs((eu(at45)?.share ?? 0) - 1 / 3) < 1e-12);
  assert.equal(at45.pops.find((p) => p.id === 'PoPUS')?.withdrawn, true, 'US-East stays crossed out');
  assert.deepEqual(
    at45.clients.filter((c) => c.id !== 'ClientUS'),
    settled.clients.filter((c) => c.id !== 'ClientUS'),
    'London and Tokyo never move',
  );
});

test('from 90 s on the map is the settled map: New York at EU-West, its path across the Atlantic', () => {
  assert.ok(settled);
  const at90 = mapRoutingAt(settled, playback, 90);
  assert.deepEqual(at90.pops, settled.pops);
  const ny = at90.clients.find((c) => c.id === 'ClientUS');
  assert.equal(ny?.pop, 'PoPEU');
  assert.equal(ny?.previousPop, 'PoPUS');
  // At 90 s New York's router still forwards by way of US-East's router (Washington); 12 ms later
  // it goes straight to EU-West's: then the path is the settled one, New York to London.
  const nyPath = (at: number) => mapRoutingAt(settled, playback, at).clients.find((c) => c.id === 'ClientUS')?.path;
  assert.deepEqual(
    nyPath(90)?.map((p) => p.lon),
    [-74.006, -77.456, -0.126],
  );
  assert.deepEqual(
    nyPath(playback.end)?.map((p) => p.lon),
    [-74.006, -0.126],
  );
  assert.deepEqual(mapRoutingAt(settled, playback, playback.end), settled);
  // Before the crash (a moment before 0) nothing has changed yet.
  assert.deepEqual(mapRoutingAt(settled, playback, -1), settled);
});
