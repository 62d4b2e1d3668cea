import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../../src/language/index';
import { simulateDiagramConvergence } from '../../../src/routing/convergence';
import {
  annotationAt,
  convergencePlayback,
  positionAt,
  stateAt,
  timeAt,
} from '../../../src/routing/picture/convergencePlayback';
import type { RoutingAnnotation } from '../../../src/routing/picture/routingAnnotation';
import { toTopology } from '../../../src/routing/topology';

const text = readFileSync(join(import.meta.dirname, '../../../examples/seed.anycast.mmd'), 'utf8');
const model = parseDocument(text).model;
const build = toTopology(model);
const nodeOf = (id: string): string | undefined =>
  id in build.mapping.routerNode ? build.mapping.routerNode[id] : model.nodes.some((n) => n.id === id) ? id : undefined;
const crash = simulateDiagramConvergence(
  { failedPops: ['PoPUS'], failedLinks: [], failedAses: [] },
  model,
  build,
  { kind: 'crash' },
  { seed: 1 },
);

test('the playback of a crash: New York without service until the hold time, then at EU-West', () => {
  const playback = convergencePlayback(crash, nodeOf);
  assert.deepEqual(
    playback.clients.map((c) => c.node),
    ['ClientUS'],
  );
  const states = playback.clients[0]?.states ?? [];
  assert.equal(stateAt(states, -1), undefined);
  assert.equal(stateAt(states, 0)?.pop, undefined);
  assert.equal(stateAt(states, 89.9)?.pop, undefined);
  assert.equal(stateAt(states, 90)?.pop, 'PoPEU');
  assert.deepEqual(stateAt(states, 90)?.path, ['ClientUS', 'PoPEU']);
  assert.ok(playback.logScale);
  assert.ok(playback.end >= 90 && playback.end < 91);
});

test('the scrubber runs on a log scale for long runs, linear for short ones, and positions round-trip', () => {
  const playback = convergencePlayback(crash, nodeOf);
  assert.equal(timeAt(playback, 0), 0);
  assert.ok(Math.abs(timeAt(playback, 1) - playback.end) < 1e-9);
  assert.ok(timeAt(playback, 0.5) < 1, 'half way on a log scale is well under a second');
  for (const t of [0.005, 0.9, 30, 90]) assert.ok(Math.abs(timeAt(playback, positionAt(playback, t)) - t) < 1e-6);
  const short = { ...playback, end: 2, logScale: false };
  assert.equal(timeAt(short, 0.25), 0.5);
  assert.equal(positionAt(short, 1), 0.5);
});

test('the annotation of a moment marks clients without service and colours interim PoPs, leaving the rest', () => {
  const routing: RoutingAnnotation = {
    nodes: [
      { id: 'ClientUS', role: 'client', color: 1, pop: 'PoPEU', path: ['ClientUS', 'PoPEU'], summary: ['NY'] },
      { id: 'ClientEU', role: 'client', color: 1, pop: 'PoPEU', summary: ['London'] },
    ],
    legend: [
      { pop: 'PoPUS', label: 'US-East', color: 0, clients: 0, share: 0, withdrawn: true },
      { pop: 'PoPEU', label: 'EU-West', color: 1, clients: 2, share: 0.67, withdrawn: false },
    ],
    headline: 'US-East down',
  };
  const playback = convergencePlayback(crash, nodeOf);
  const before = annotationAt(routing, playback, 0);
  assert.deepEqual(before.nodes[0], {
    id: 'ClientUS',
    role: 'client',
    unreachable: true,
    path: ['ClientUS', 'PoPUS'],
    summary: ['NY'],
  });
  assert.equal(before.nodes[1], routing.nodes[1]);
  const after = annotationAt(routing, playback, playback.end);
  assert.equal(after.nodes[0]?.pop, 'PoPEU');
  assert.equal(after.nodes[0]?.color, 1);
  assert.equal(after.nodes[0]?.unreachable, undefined);
});
