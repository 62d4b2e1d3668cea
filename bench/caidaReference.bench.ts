// Runs in Node: the object-per-route reference (bench/reference.ts) on the same input as caida.bench.ts.
import { readFileSync } from 'node:fs';
import { diffReference, explainReference, parseReference, pathVectorReference, propagateReference } from './reference';
import { ORIGINS, caidaFile, peakRssMb, report, time } from './harness';

const file = caidaFile();
const graph = time('load and index the file', 'reference', () => parseReference(readFileSync(file, 'utf8')), {
  runs: 5,
  warmup: 1,
}).last;
const table = time('one full propagation (warm)', 'reference', () => propagateReference(graph, ORIGINS), {
  runs: 9,
  warmup: 2,
}).last;
time(
  'propagation with the explanation for every AS',
  'reference',
  () => explainReference(graph, propagateReference(graph, ORIGINS)),
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
        ORIGINS.filter((a) => a !== 13335),
      ),
    ),
  { runs: 9, warmup: 2 },
);
const general = time('the general solver (path vector)', 'reference', () => pathVectorReference(graph, ORIGINS), {
  runs: 1,
}).last;
let disagree = 0;
for (const [as, r] of table) if (general.get(as)?.asPath.join() !== r.asPath.join()) disagree++;
console.log(`          reference path vector differs from the reference sweep at ${disagree} ASes`);
report({ name: 'peak memory (RSS, all of the above)', implementation: 'reference', value: peakRssMb(), unit: 'MB' });
