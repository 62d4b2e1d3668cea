// Runs in Node: `npm run bench`. Bundles each bench/*.bench.ts with esbuild (our code in one scope, as
// it ships; packages stay external), runs each in its own Node process so peak memory is per file,
// then prints every figure with its target, PASS/MISS, and the ratio to the reference implementation.
// A benchmark reports through bench/harness.ts; `--only NAME` runs the files whose name contains NAME.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const strict = args.includes('--strict');
const outDir = join('.cache', 'bench');
mkdirSync(outDir, { recursive: true });

const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmarks${only ? ` matching '${only}'` : ''} in bench/`);
  process.exit(2);
}

function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = [];
/** The `Data: ...` lines (which AS graph, with its citation) repeated under the summary. */
const sources = new Set();
let failedFiles = 0;
for (const file of files) {
  const outfile = join(outDir, file.replace(/\.ts$/, '.mjs'));
  await esbuild.build({
    entryPoints: [join('bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  console.log(`\n== ${file}`);
  const { code, output } = await run(outfile);
  if (code !== 0) {
    failedFiles++;
    console.log(`${file} exited with code ${code}`);
  }
  for (const line of output.split('\n')) {
    if (line.startsWith('##bench ')) results.push({ file, ...JSON.parse(line.slice(8)) });
    if (line.startsWith('Data: ')) sources.add(line);
  }
}

// Join each figure with the reference figure of the same name (from any file).
const reference = new Map(results.filter((r) => r.implementation === 'reference').map((r) => [r.name, r]));
const ours = results.filter((r) => r.implementation !== 'reference');
const fmt = (v, unit) => (v === undefined ? '-' : `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ${unit}`);
console.log('\n== Summary (median of runs; ratio = reference / ours)');
let misses = 0;
for (const r of ours) {
  const ref = reference.get(r.name);
  const verdict = r.target === undefined ? '' : r.value <= r.target ? 'PASS' : 'MISS';
  if (verdict === 'MISS') misses++;
  const ratio = ref ? `${(ref.value / r.value).toFixed(1)}x vs reference ${fmt(ref.value, ref.unit)}` : '';
  console.log(
    `${r.name.padEnd(52)} ${fmt(r.value, r.unit).padStart(10)}  target ${r.target === undefined ? '-' : `< ${r.target} ${r.unit}`}`.padEnd(
      86,
    ) + ` ${verdict.padEnd(4)}  ${ratio}`,
  );
}
for (const source of sources) console.log(source);
console.log(
  `\n${ours.length - misses} of ${ours.length} figures within target${failedFiles ? `; ${failedFiles} benchmark file(s) failed` : ''}`,
);
process.exitCode = failedFiles > 0 || (strict && misses > 0) ? 1 : 0;
