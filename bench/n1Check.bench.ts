// Runs in Node: the live N-1 capacity check on the typing path. A generated deployment of 100 PoPs
// (the check's limit) with a capacity each and 62 clients with traffic: a fresh analysis per
// keystroke, its whole diagnostics with the n1-overload warning, and the N-1 part's share of it.
import { DiagramAnalysis } from '../src/routing/analysis';
import { MAX_POPS_FOR_N1_CHECK } from '../src/routing/capacityChecks';
import { n1Capacity } from '../src/routing/n1Capacity';
import { deploymentText } from '../test/webview/mapDeployment';
import { report, time } from './harness';

const text = deploymentText(MAX_POPS_FOR_N1_CHECK, 62)
  .replace(/\]@\{ loc:/g, ']@{ capacity: 400Gbps, loc:')
  .replace(/weight: (\d+) \}/g, 'traffic: $1Gbps }');
const probe = new DiagramAnalysis(text);
const warnings = probe.diagnostics.filter((d) => d.code === 'n1-overload').length;
console.log(
  `          deployment: ${probe.model.nodes.filter((n) => n.capacity).length} PoPs with a capacity, ${probe.model.nodes.filter((n) => n.traffic).length} clients with traffic, ${warnings} n1-overload warnings`,
);
if (probe.n1Capacity.length !== MAX_POPS_FOR_N1_CHECK) throw new Error('the N-1 check did not run on every PoP');

const whole = time(
  'diagnostics with N-1 check, 100 PoPs (keystroke)',
  'engine',
  () => new DiagramAnalysis(text).diagnostics,
  { runs: 7, warmup: 2, target: 300 },
);
const settled = new DiagramAnalysis(text);
void settled.baseline;
const n1 = time('N-1 rows of 100 PoPs (within the above)', 'engine', () => n1Capacity(settled.model, settled.build), {
  runs: 7,
  warmup: 2,
});
report({
  name: 'N-1 share of the keystroke analysis, 100 PoPs',
  implementation: 'engine',
  value: (n1.ms / whole.ms) * 100,
  unit: '%',
});
