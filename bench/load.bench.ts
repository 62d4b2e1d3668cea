// Runs in Node: what per-PoP load and utilisation (and the attack) add to a resolve. The cdn example
// (25 PoPs, 60 clients) with a capacity on every PoP and traffic and an attack on every client:
// the load must cost under 5% of the resolve it reads, so showing it everywhere is free.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolve } from '../src/engine/index';
import { DiagramAnalysis } from '../src/routing/analysis';
import { computeLoad } from '../src/routing/load';
import { report, time } from './harness';

const cdn = readFileSync(join('examples', 'cdn.anycast.mmd'), 'utf8')
  .replace(/:::pop@\{ /g, ':::pop@{ capacity: 100Gbps, ')
  .replace(/:::users@\{ /g, ':::users@{ traffic: 10Gbps, attack: 5Gbps, ');
const analysis = new DiagramAnalysis(cdn);
const { model, build } = analysis;
const pops = model.nodes.filter((n) => n.capacity).length;
const clients = model.nodes.filter((n) => n.traffic).length;
console.log(`          cdn example with figures: ${pops} PoPs with a capacity, ${clients} clients with traffic`);
const resolved = time('resolve the cdn example (diagram)', 'engine', () => resolve(build.topology), {
  runs: 15,
  warmup: 3,
});
const load = time('per-PoP load of the cdn example', 'engine', () => computeLoad(model, build, resolved.last), {
  runs: 51,
  warmup: 5,
});
const attack = time(
  'per-PoP load with the attack (cdn example)',
  'engine',
  () => computeLoad(model, build, resolved.last, { attack: true }),
  { runs: 51, warmup: 5 },
);
const worst = Math.max(load.ms, attack.ms);
report({
  name: 'load (with attack) over resolve, cdn example',
  implementation: 'engine',
  value: (worst / resolved.ms) * 100,
  unit: '%',
  target: 5,
});
