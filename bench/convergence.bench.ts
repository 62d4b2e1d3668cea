// Runs in Node: the convergence simulation on the cdn example and on the CAIDA 2018 AS graph, or a generated one of
// the same size when the snapshot is absent (see benchAsGraph in bench/harness.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAsRelationships } from '../src/engine/index';
import { settledShare, simulateAsConvergence } from '../src/engine/convergence/index';
import { parseDocument } from '../src/language/index';
import { simulateDiagramConvergence } from '../src/routing/convergence';
import { toTopology } from '../src/routing/topology';
import { benchAsGraph, peakRssMb, report, time } from './harness';

const model = parseDocument(readFileSync(join('examples', 'cdn.anycast.mmd'), 'utf8')).model;
const build = toTopology(model);
const scenario = { failedPops: ['IAD'], failedLinks: [], failedAses: [] };
const cdn = time(
  'convergence, cdn example, one PoP withdrawn',
  'engine',
  () => simulateDiagramConvergence(scenario, model, build, { kind: 'withdraw' }),
  { runs: 21, warmup: 3, target: 200 },
).last;
console.log(
  `          ${build.topology.routers.length} routers; ${cdn.updates} updates, ${cdn.withdrawals} withdrawals, ${cdn.events} events; quiet after ${cdn.lastUpdate} s`,
);

const { file, origins } = benchAsGraph();
const graph = parseAsRelationships(readFileSync(file));
const withdrawn = origins[0] as number;
const run = time(
  `convergence, AS graph, ${origins.length} origins, one withdrawn, default timers`,
  'engine',
  () =>
    simulateAsConvergence(
      graph,
      origins.map((asn) => ({ asn })),
      [withdrawn],
    ),
  { runs: 3, warmup: 1, target: 20_000 },
).last;
console.log(
  `          AS${withdrawn} withdrawn; ${graph.size} ASes; ${run.affected} changed route, ${run.lost} lost it; ${run.updates} updates, ${run.withdrawals} withdrawals, ${run.events} events; last update after ${run.lastUpdate} s`,
);
console.log(
  `          settle time of the ASes whose route changed: p50 ${run.quantiles.p50} s, p90 ${run.quantiles.p90} s, max ${run.quantiles.max} s`,
);
console.log(
  `          settled after ${[1, 10, 30, 60, 120].map((s) => `${s} s: ${(100 * settledShare(run, s)).toFixed(1)}%`).join(', ')}`,
);
console.log(
  `          measured (ANRW 2024, anycast withdrawal on a global testbed): about 80% converged within about 10 s; here ${(100 * settledShare(run, 10)).toFixed(1)}% within 10 s`,
);
report({
  name: 'peak memory (RSS, convergence)',
  implementation: 'engine',
  value: peakRssMb(),
  unit: 'MB',
  target: 1024,
});
