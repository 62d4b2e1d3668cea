// Runs in Node: the parser as the editor runs it on every change: a generated ~1 MB diagram (full
// semantics and diagnostics), the same at a quarter of the size (linearity), error-heavy and
// one-line inputs, and the shipped examples (which also run the resolver check).
import { readFileSync } from 'node:fs';
import { parseDocument } from '../src/language/index';
import { parseSyntax } from '../src/language/syntax/flowchart';
import { metroCodes as cities, time } from './harness';

/** A deterministic diagram of `pops` PoPs, eight transit ASes, an access AS and a client per PoP. */
function generate(pops: number): string {
  const out = [
    '---',
    'title: generated',
    'anycast:',
    '  service: 198.51.100.1',
    '  prefixes: [198.51.100.0/24]',
    '---',
    'flowchart LR',
  ];
  for (let t = 0; t < 8; t++)
    out.push(`  T${t}[AS${100 + t} Transit ${t}]:::transit@{ loc: [${cities.slice(t, t + 6).join(', ')}] }`);
  for (let t = 0; t < 8; t++) for (let u = t + 1; u < 8; u++) out.push(`  T${t} <-->|peer| T${u}`);
  for (let i = 0; i < pops; i++) {
    const city = cities[i % cities.length] as string;
    out.push(`  subgraph S${i} ["Site ${i}"]`);
    out.push(`    P${i}[PoP: ${city} ${i}<br>Advertises 198.51.100.0/24]:::pop@{ asn: 64600, loc: ${city} }`);
    out.push(`    A${i}[AS${65000 + i} Access ${i}]:::access@{ loc: ${city} }`);
    out.push(`    C${i}([Users in ${city}]):::users@{ in: A${i}, weight: ${1 + (i % 5)} }`);
    out.push('  end');
    out.push(`  P${i} -->|transit${i % 7 === 0 ? ' prepend 2' : ''}| T${i % 8}`);
    out.push(`  P${i} e${i}@-->|transit| T${(i + 3) % 8}`);
    out.push(`  e${i}@{ med: ${i % 50}, communities: [64600:${i % 1000}] }`);
    out.push(`  A${i} -->|transit lp 120| T${(i + 1) % 8}`);
    out.push(`  %% site ${i}: two transits, one access network`);
  }
  out.push(
    '  classDef pop fill:#f96',
    '  classDef transit fill:#9cf',
    '  classDef access fill:#cfc',
    '  classDef users fill:#ffd',
  );
  return `${out.join('\n')}\n`;
}

function sized(targetBytes: number): string {
  let pops = 100;
  let text = generate(pops);
  while (text.length < targetBytes) {
    pops = Math.ceil((pops * targetBytes) / text.length);
    text = generate(pops);
  }
  return text;
}

const mb = sized(1_000_000);
const quarter = sized(250_000);
const kb = (s: string): string => `${(s.length / 1024).toFixed(0)} KiB, ${s.split('\n').length} lines`;
console.log(`          generated: ${kb(mb)}; quarter: ${kb(quarter)}`);

// The first call builds the gazetteer index; time it separately so the figures below are steady state.
const firstStart = performance.now();
const first = parseDocument(mb);
console.log(
  `          first parse (builds the gazetteer index): ${(performance.now() - firstStart).toFixed(0)} ms; ${first.model.nodes.length} nodes, ${first.model.edges.length} edges, ${first.diagnostics.filter((d) => d.severity === 'error').length} errors`,
);
if (first.diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;

const full = time('parse: 1 MB diagram, model + diagnostics', 'engine', () => parseDocument(mb), {
  runs: 7,
  warmup: 1,
  target: 500,
}).ms;
const part = time('parse: 250 KB diagram, model + diagnostics', 'engine', () => parseDocument(quarter), {
  runs: 7,
  warmup: 1,
}).ms;
console.log(`          1 MB / 250 KB time ratio: ${(full / part).toFixed(2)} (4 is linear)`);
time('parse: 1 MB diagram, syntax only', 'engine', () => parseSyntax(mb), { runs: 7, warmup: 1, target: 100 });

// Error-heavy: every line broken differently, so recovery runs ~20k times.
const broken = Array.from(
  { length: 20000 },
  (_, i) => ['  A[unclosed --> B', '  C --| x', '  D[(x)] --> ', '  E@{ asn: ', '  end', '  F -- text'][i % 6],
).join('\n');
time(
  `parse: ${(broken.length / 1024).toFixed(0)} KiB of broken lines (recovery)`,
  'engine',
  () => parseDocument(`flowchart LR\n${broken}`),
  { runs: 5, warmup: 1, target: 1000 },
);

// One 1 MB line: no line-based shortcut, and labels or quotes that never close.
const oneLine = `flowchart LR\n  A["${'x'.repeat(1_000_000)}`;
time('parse: one unclosed 1 MB label', 'engine', () => parseDocument(oneLine), { runs: 5, warmup: 1, target: 200 });
const chain = `flowchart LR\n  ${Array.from({ length: 60000 }, (_, i) => `N${i}`).join(' --> ')}`;
time(
  `parse: a ${(chain.length / 1024).toFixed(0)} KiB single-line chain of 60,000 nodes`,
  'engine',
  () => parseDocument(chain),
  { runs: 5, warmup: 1, target: 1000 },
);

// Inputs that make a backtracking regex or a naive rescan quadratic.
const dots = `flowchart LR\n  A -. ${'.'.repeat(500_000)} B`;
time('parse: edge text of 500,000 dots that never closes', 'engine', () => parseDocument(dots), {
  runs: 5,
  warmup: 1,
  target: 200,
});
const statements = `flowchart LR\n  ${';a'.repeat(200_000)}`;
time('parse: 200,000 one-node statements on one line', 'engine', () => parseDocument(statements), {
  runs: 5,
  warmup: 1,
  target: 500,
});
const spaces = `flowchart LR\n  N["Users in a${' '.repeat(500_000)}x"]`;
time('parse: a client label with 500,000 spaces inside', 'engine', () => parseDocument(spaces), {
  runs: 5,
  warmup: 1,
  target: 200,
});

for (const name of ['seed', 'cdn', 'dns', 'ipv6']) {
  const text = readFileSync(`examples/${name}.anycast.mmd`, 'utf8');
  time(`parse: examples/${name}.anycast.mmd (with resolver check)`, 'engine', () => parseDocument(text), {
    runs: 11,
    warmup: 2,
    target: 50,
  });
}
