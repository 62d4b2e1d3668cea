// Runs in Node: the engine on the CAIDA 2018 AS graph, or a generated one of the same size when the
// snapshot is absent, with eight anycast origins (see benchAsGraph in bench/harness.ts).
import { readFileSync } from 'node:fs';
import { diffRouteTables, explainAll, influenceOf, parseAsRelationships, propagate } from '../src/engine/index';
import { benchAsGraph, peakRssMb, report, time } from './harness';

const { file, origins: originAsns } = benchAsGraph();
const origins = originAsns.map((asn) => ({ asn }));
const withdrawn = originAsns[0] as number;

const graph = time('load and index the file', 'engine', () => parseAsRelationships(readFileSync(file)), {
  runs: 9,
  warmup: 2,
  target: 150,
}).last;
console.log(`          ${graph.size} ASes, ${graph.linkCount} links`);
const table = time('one full propagation (warm)', 'engine', () => propagate(graph, origins), {
  runs: 41,
  warmup: 10,
  target: 10,
}).last;
const explained = time(
  'propagation with the explanation for every AS',
  'engine',
  () => explainAll(propagate(graph, origins)),
  { runs: 21, warmup: 5, target: 30 },
).last;
console.log(
  `          ${explained.routed} ASes routed, ${explained.contested} with a choice, ${explained.arbitrary} arbitrary ` +
    `(${((100 * explained.arbitrary) / explained.routed).toFixed(1)}% of routed ASes where the tie-break chose between routes to different origins)`,
);
const reach = influenceOf(table, explained).reachedViaArbitrary;
console.log(
  `          ${reach} ASes (${((100 * reach) / explained.routed).toFixed(1)}%) reach their PoP through at least one arbitrary decision`,
);
const diff = time(
  'withdraw one PoP and diff',
  'engine',
  () => diffRouteTables(table, propagate(graph, origins, {}, { withdrawn: [withdrawn] })),
  { runs: 41, warmup: 10, target: 10 },
).last;
console.log(
  `          withdrawing AS${withdrawn} moves ${diff.moved.length} ASes, ${diff.lost.length} lose their route`,
);
const general = time(
  'the general solver (path vector)',
  'engine',
  () => propagate(graph, origins, { solver: 'path-vector' }),
  { runs: 5, warmup: 1, target: 1000 },
).last;
let disagree = 0;
for (let x = 0; x < graph.size; x++) if (general.nextHop[x] !== table.nextHop[x]) disagree++;
console.log(`          ${general.activations} activations; ${disagree} ASes differ from the sweep`);
if (disagree > 0) process.exitCode = 1;
report({
  name: 'peak memory (RSS, all of the above)',
  implementation: 'engine',
  value: peakRssMb(),
  unit: 'MB',
  target: 200,
});
