// Runs in Node: the worst cases issues 12 and 13 found for the diagram resolver: one AS whose 5,000
// routers all have eBGP sessions (iBGP full mesh at its widest), and dispute wheels that must be
// reported as unstable, not looped on: 1,000 routers in the engine, and a 300-router diagram
// through `anycast resolve` and `anycast check` (parse, analysis, diagnostics). Each runs once.
import { resolve } from '../src/engine/index';
import type { OriginSpec, RouterSpec, SessionSpec, Topology } from '../src/engine/index';
import { DiagramAnalysis } from '../src/routing/analysis';
import { peakRssMb, report } from './harness';

/** One AS of `n` routers round the globe, each with an eBGP session to one of 50 PoPs. */
function wideAsWithExits(n: number): Topology {
  const routers: RouterSpec[] = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    asn: 3356,
    point: { lat: (i % 120) - 60, lon: ((i * 37) % 360) - 180 },
  }));
  const origins: OriginSpec[] = [];
  const sessions: SessionSpec[] = [];
  for (let k = 0; k < 50; k++) {
    routers.push({ id: `pop${k}`, asn: 64500, point: { lat: (k % 100) - 50, lon: ((k * 53) % 360) - 180 } });
    origins.push({ id: `P${k}`, router: `pop${k}`, prefixes: ['203.0.113.0/24'] });
  }
  for (let i = 0; i < n; i++)
    sessions.push({ id: `s${i}`, a: `pop${i % 50}`, b: `r${i}`, relationship: 'customer-provider' });
  return { routers, sessions, origins, clients: [] };
}

/**
 * BAD GADGET over a ring of `n` (odd) transit ASes: the origin buys from every one, each prefers
 * (LOCAL_PREF 300) the route of the next in the ring over its own customer route. An odd ring has
 * no stable routing.
 */
function disputeWheel(n: number): Topology {
  const routers: RouterSpec[] = [{ id: 'o', asn: 100 }];
  const sessions: SessionSpec[] = [];
  for (let i = 0; i < n; i++) {
    routers.push({ id: `w${i}`, asn: 1000 + i });
    sessions.push({ id: `o${i}`, a: 'o', b: `w${i}`, relationship: 'customer-provider' });
    sessions.push({ id: `p${i}`, a: `w${i}`, b: `w${(i + 1) % n}`, relationship: 'peer-peer', localPref: { a: 300 } });
  }
  return { routers, sessions, origins: [{ id: 'O', router: 'o', prefixes: ['203.0.113.0/24'] }], clients: [] };
}

/** The same BAD GADGET as a diagram: an origin PoP buying transit from `n` (odd) ASes that peer in a ring. */
function disputeWheelDiagram(n: number): string {
  const lines = ['flowchart TD', '  O[PoP: Origin<br>Advertises 203.0.113.0/24]:::pop@{ asn: 64500, loc: IAD }'];
  for (let i = 0; i < n; i++) lines.push(`  R${i}[AS${1000 + i} T${i}]:::transit@{ loc: IAD }`);
  for (let i = 0; i < n; i++) lines.push(`  O -->|transit| R${i}`);
  for (let i = 0; i < n; i++) lines.push(`  R${(i + 1) % n} -->|peer lp 300| R${i}`);
  lines.push('  U([Users in Washington]):::users@{ in: R0 }');
  return lines.join('\n');
}

/** Runs fn once; reports the wall time, and prints the CPU time beside it (the machine may be shared). */
function once(name: string, target: number, fn: () => string): void {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const said = fn();
  const used = process.cpuUsage(cpu);
  report({ name, implementation: 'engine', value: performance.now() - start, unit: 'ms', target, runs: 1 });
  console.log(`          CPU ${((used.user + used.system) / 1000).toFixed(0)} ms; ${said}`);
}

once('report a dispute wheel of 1,000 routers as unstable', 2000, () => {
  const result = resolve(disputeWheel(999));
  return result.unstable ? `unstable: ${result.unstable.routers.length} routers cycle` : 'NOT reported unstable';
});

const wheelText = disputeWheelDiagram(299);
// The language layer's one-time start (the gazetteer, the grammar) is not the wheel's cost: a
// three-router wheel warms it first, untimed, so resolve and check below are measured alike.
void new DiagramAnalysis(disputeWheelDiagram(3)).diagnostics;
once('resolve a dispute-wheel diagram of 300 routers', 1000, () => {
  const message = new DiagramAnalysis(wheelText).baseline?.unstable?.message;
  return message ? `unstable, a message of ${message.length} characters: ${message}` : 'NOT reported unstable';
});
once('check a dispute-wheel diagram of 300 routers', 1000, () => {
  const found = new DiagramAnalysis(wheelText).diagnostics.find((d) => d.code === 'unstable-routing');
  return found ? `warning 'unstable-routing', ${found.message.length} characters` : 'NOT reported unstable';
});

// The target is 5,000 routers in 2 s and 300 MB (peak RSS of this process, the runs above
// included). 1,000 and 2,000 show how the time grows when the AS doubles (2 is linear, 4 quadratic).
const wide = [1000, 2000, 5000].map((n) => {
  const start = performance.now();
  const result = resolve(wideAsWithExits(n));
  const ms = performance.now() - start;
  report({
    name: `resolve one AS of ${n} routers, every one with an eBGP exit`,
    implementation: 'engine',
    value: ms,
    unit: 'ms',
    target: (2000 * n) / 5000,
    runs: 1,
  });
  console.log(`          ${result.routers.filter((r) => r.best).length} routers hold a route`);
  return ms;
});
const [at1000, at2000, at5000] = wide as [number, number, number];
const perDoubling = (at5000 / at2000) ** (1 / Math.log2(5000 / 2000));
console.log(
  `          doubling the AS multiplies the time by ${(at2000 / at1000).toFixed(1)} from 1,000 to 2,000 and ${perDoubling.toFixed(1)} from 2,000 to 5,000 (linear 2, quadratic 4)`,
);
report({
  name: 'peak memory (RSS, up to the 5,000-router AS)',
  implementation: 'engine',
  value: peakRssMb(),
  unit: 'MB',
  target: 300,
});
