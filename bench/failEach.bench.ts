// Runs in Node: N-1 at real size. `anycast resolve --fail-each` on 339 PoPs at real cities and 62
// weighted clients: the settled routing once, then each PoP withdrawn and re-settled from it.
import { failureBase, popFailureImpact, resolveWithout } from '../src/engine/index';
import { DiagramAnalysis } from '../src/routing/analysis';
import { deploymentText } from '../test/webview/mapDeployment';
import { report } from './harness';

const topology = new DiagramAnalysis(deploymentText(339, 62)).build.topology;
console.log(
  `          deployment: ${topology.routers.length} routers, ${topology.origins.length} PoPs, ${topology.clients.length} clients`,
);
const cpuMs = (fn: () => void): number => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
let base = failureBase(topology);
report({
  name: 'N-1: settle once (339 PoPs / 62 clients), CPU',
  implementation: 'engine',
  value: cpuMs(() => (base = failureBase(topology))),
  unit: 'ms',
});
report({
  name: 'N-1: withdraw each of 339 PoPs, CPU',
  implementation: 'engine',
  value: cpuMs(() => topology.origins.forEach((o) => resolveWithout(base, o.id))),
  unit: 'ms',
});
report({
  name: 'N-1: --fail-each impact (339 PoPs / 62 clients), CPU',
  implementation: 'engine',
  value: cpuMs(() => popFailureImpact(topology)),
  unit: 'ms',
  target: 3000,
});
