// Runs in Node: what the editor computes on the extension host per document version or request —
// the routing analysis behind hovers, code lenses and the status bar (with and without a failure),
// a hover, completion and the outline — on the shipped examples and a 50-PoP, 300-client diagram;
// and one keystroke under a simulation with the preview open, through the editor's analysis cache.
import { readFileSync } from 'node:fs';
import { completionsAt } from '../src/language/features/completions';
import { hoverAt } from '../src/routing/words/hoverText';
import { DiagramAnalysis } from '../src/routing/analysis';
import { AnalysisCache } from '../src/routing/analysisCache';
import { diagramContent } from '../src/routing/picture/previewContent';
import { failingPops, noFailures } from '../src/routing/scenario';
import { popLenses, simulationHeadline } from '../src/routing/words/simulationSummary';
import { documentSymbols } from '../src/language/features/symbols';
import { metroCodes as metros, time } from './harness';

/** 50 PoPs on four transit ASes present everywhere, and 300 clients in six access networks. */
function large(): string {
  const out = ['---', 'anycast:', '  service: 198.51.100.1', '  prefixes: [198.51.100.0/24]', '---', 'flowchart LR'];
  for (let t = 0; t < 4; t++) out.push(`  T${t}[AS${174 + t} Transit ${t}]@{ loc: [${metros.join(', ')}] }`);
  for (let t = 0; t < 4; t++) for (let u = t + 1; u < 4; u++) out.push(`  T${t} <-->|peer| T${u}`);
  for (let a = 0; a < 6; a++)
    out.push(
      `  A${a}[AS${65100 + a} Access ${a}]@{ loc: [${metros.slice(a * 3, a * 3 + 5).join(', ')}] }`,
      `  A${a} -->|transit| T${a % 4}`,
    );
  for (let i = 0; i < 50; i++)
    out.push(
      `  P${i}[PoP: ${metros[i % metros.length]} ${i}]@{ asn: ${64600 + i}, loc: ${metros[i % metros.length]} }`,
      `  P${i} -->|transit| T${i % 4}`,
    );
  for (let c = 0; c < 300; c++)
    out.push(`  C${c}([Users ${c}])@{ in: A${c % 6}, loc: ${metros[(c * 7) % metros.length]}, role: client }`);
  return `${out.join('\n')}\n`;
}

const inputs: [string, string][] = [
  ['seed', readFileSync('examples/seed.anycast.mmd', 'utf8')],
  ['cdn', readFileSync('examples/cdn.anycast.mmd', 'utf8')],
  ['50 PoPs, 300 clients', large()],
];

for (const [name, text] of inputs) {
  const fresh = (): DiagramAnalysis => new DiagramAnalysis(text);
  const model = fresh().model;
  const pops = model.nodes.filter((n) => n.role === 'pop');
  const client = model.nodes.find((n) => n.role === 'client');
  const failed = failingPops(pops.slice(0, 1).map((p) => p.id));
  console.log(`          ${name}: ${model.nodes.length} nodes, ${model.edges.length} edges, ${pops.length} PoPs`);
  time(
    `${name}: routing analysis per version (parse, topology, resolve)`,
    'engine',
    () => fresh().underScenario(noFailures),
    { runs: 15, warmup: 2, target: 100 },
  );
  const underFailure = time(
    `${name}: analysis with one PoP failed (two resolves, diff)`,
    'engine',
    () => fresh().underScenario(failed),
    { runs: 15, warmup: 2, target: 200 },
  ).last;
  if (client)
    time(`${name}: hover on a client`, 'engine', () => hoverAt(underFailure, client.idRange.start), {
      runs: 50,
      warmup: 5,
      target: 5,
    });
  time(`${name}: code lenses`, 'engine', () => popLenses(underFailure), { runs: 50, warmup: 5, target: 5 });
  const last = text.split('\n').length - 2;
  time(
    `${name}: completion at a line start`,
    'engine',
    () => completionsAt(text, model, { line: last, character: 2 }),
    { runs: 50, warmup: 5, target: 10 },
  );
  time(`${name}: outline`, 'engine', () => documentSymbols(model), { runs: 50, warmup: 5, target: 5 });
}

/**
 * One keystroke in the cdn example with the preview open and one PoP failed, as the extension host
 * handles it: a new version enters the analysis cache, then diagnostics, the preview, the code
 * lenses and the status bar each read it. Texts alternate so every run is a new version.
 */
function keystrokeUnderSimulation(): void {
  const cdn = readFileSync('examples/cdn.anycast.mmd', 'utf8');
  const cache = new AnalysisCache();
  const firstPop = new DiagramAnalysis(cdn).model.nodes.find((n) => n.role === 'pop');
  const scenario = failingPops(firstPop ? [firstPop.id] : []);
  let version = 0;
  let resolves = 0;
  const keystroke = (): number => {
    version++;
    const text = version % 2 === 0 ? cdn : `${cdn} `;
    const before = cache.resolutions;
    const analysis = cache.analysisOf({
      key: 'file:///cdn.anycast.mmd',
      version,
      size: text.length,
      getText: () => text,
    });
    const diagnostics = analysis.diagnostics.length;
    const picture = diagramContent(analysis, scenario).routing;
    const routing = analysis.underScenario(scenario);
    const lenses = popLenses(
      cache
        .analysisOf({ key: 'file:///cdn.anycast.mmd', version, size: text.length, getText: () => text })
        .underScenario(scenario),
    );
    const headline = simulationHeadline(routing);
    resolves = cache.resolutions - before;
    return diagnostics + picture.nodes.length + lenses.length + headline.length;
  };
  time('cdn: keystroke under a simulation, host work (diagnostics, preview, lenses, status bar)', 'engine', keystroke, {
    runs: 30,
    warmup: 3,
    target: 60,
  });
  console.log(
    `          cdn: one keystroke under a one-PoP simulation runs the resolver ${resolves} times (one baseline, one per active what-if)`,
  );
}

keystrokeUnderSimulation();
