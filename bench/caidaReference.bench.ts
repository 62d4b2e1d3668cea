// Runs in Node: the object-per-route reference (bench/reference.ts) on the same input as caida.bench.ts.
import { readFileSync } from 'node:fs';
import { diffReference, explainReference, parseReference, pathVectorReference, propagateReference } from './reference';
import { benchAsGraph, peakRssMb, report, time } from './harness';

const { file, origins } = benchAsGraph();
const withdrawn = origins[0] as number;
const graph = time('load and index the file', 'reference', () => parseReference(readFileSync(file, 'utf8')), {
  runs: 5,
  warmup: 1,
}).last;
const table = time('one full propagation (warm)', 'reference', () => propagateReference(graph, origins), {
  runs: 9,
  warmup: 2,
}).last;
time(
  'propagation with the explanation for every AS',
  'reference',
  () => explainReference(graph, propagateReference(graph, origins)),
  { runs: 5, warmup: 1 },
);
time(
  'withdraw one PoP and diff',
  'reference',
  () =>
    diffReference(
      table,
      propagateReference(
        graph,
        origins.filter((a) => a !== withdrawn),
      ),
    ),
  { runs: 9, warmup: 2 },
);
const general = time('the general solver (path vector)', 'reference', () => pathVectorReference(graph, origins), {
  runs: 1,
}).last;
let disagree = 0;
for (const [as, r] of table) if (general.get(as)?.asPath.join() !== r.asPath.join()) disagree++;
console.log(`          reference path vector differs from the reference sweep at ${disagree} ASes`);
report({ name: 'peak memory (RSS, all of the above)', implementation: 'reference', value: peakRssMb(), unit: 'MB' });
