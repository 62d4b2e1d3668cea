// Runs in Node: the one test command. Type-check, lint, build, then every test layer in turn;
// prints each layer's counts and ends with the plain line "N passed, N failed".
// `--only a,b` runs just those layers (type-check, lint and build always run first).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : undefined;
mkdirSync('test-results', { recursive: true });

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function nodeTestLayer(name, dir) {
  const tap = `test-results/${name}.tap`;
  return {
    name,
    files: () => findTests(dir),
    command: (files) => [
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...files,
      ],
    ],
    counts: () => {
      const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const pass = /^# pass (\d+)/m.exec(text);
      const fail = /^# fail (\d+)/m.exec(text);
      const cancelled = /^# cancelled (\d+)/m.exec(text);
      return pass && fail ? { passed: +pass[1], failed: +fail[1] + (cancelled ? +cancelled[1] : 0) } : undefined;
    },
  };
}

/** A layer whose command prints "N passed, N failed" as its last such line. */
function scriptLayer(name, script, scriptArgs = []) {
  return {
    name,
    files: () => (existsSync(script) ? [script] : []),
    command: () => [process.execPath, ['--import', 'tsx', script, ...scriptArgs]],
    counts: (output) => {
      const all = [...output.matchAll(/^(?:\w[\w-]*: )?(\d+) passed, (\d+) failed/gm)];
      const last = all.at(-1);
      return last ? { passed: +last[1], failed: +last[2] } : undefined;
    },
  };
}

const layers = [
  nodeTestLayer('unit', 'test/unit'),
  nodeTestLayer('webview', 'test/webview'),
  scriptLayer('web-host', 'test/integration/runWeb.ts'),
  scriptLayer('node-host', 'test/integration/runCodeServer.ts'),
  scriptLayer('end-to-end', 'test/e2e/run.ts'),
];

function run(cmd, cmdArgs, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, {
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        output += d;
        process.stdout.write(d);
      });
      child.stderr.on('data', (d) => {
        output += d;
        process.stderr.write(d);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const npx = (bin) => join('node_modules', '.bin', bin);
const steps = [
  ['type-check', npx('tsc'), ['-p', 'tsconfig.json']],
  ['type-check pure engine', npx('tsc'), ['-p', 'src/engine/tsconfig.json']],
  ['type-check pure language', npx('tsc'), ['-p', 'src/language/tsconfig.json']],
  ['type-check pure routing', npx('tsc'), ['-p', 'src/routing/tsconfig.json']],
  ['type-check webview', npx('tsc'), ['-p', 'src/webview/tsconfig.json']],
  ['lint', npx('eslint'), ['src', 'test', 'bench']],
  ['format check', npx('prettier'), ['--check', '--log-level', 'warn', '.']],
  ['build', process.execPath, ['esbuild.mjs']],
];

const results = [];
for (const [name, cmd, cmdArgs] of steps) {
  console.log(`\n== ${name}`);
  const { code } = await run(cmd, cmdArgs);
  // A check is not a test: it adds no pass, but a failed check fails the run.
  results.push({ name, passed: 0, failed: code === 0 ? 0 : 1 });
}

for (const layer of layers) {
  if (only && !only.has(layer.name)) continue;
  const files = layer.files();
  if (files.length === 0) continue;
  console.log(`\n== ${layer.name}`);
  const [cmd, cmdArgs] = layer.command(files);
  const { code, output } = await run(cmd, cmdArgs, { capture: true });
  const counts = layer.counts(output) ?? { passed: 0, failed: 0 };
  // A layer that crashed or reported nothing still counts as a failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ name: layer.name, ...counts, layer: true });
}

console.log('\n== summary');
for (const r of results) {
  console.log(
    r.layer
      ? `  ${r.name.padEnd(24)} ${r.passed} ok, ${r.failed} not ok`
      : `  ${r.name.padEnd(24)} ${r.failed ? 'FAILED' : 'ok'}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
