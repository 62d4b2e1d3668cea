// Runs in Node: the one test command. Type-check, lint, build, then every test layer in turn;
// prints each layer's counts and ends with the plain line "N passed, N failed".
// `--only a,b` runs just those layers (type-check, lint and build always run first).
// The caida layer runs only when named (`npm run test:caida [DIR]`): it needs CAIDA data that the
// repository may not carry.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: node scripts/test.mjs [--only layer,layer] [CAIDA_DIR, with --only caida]';
let parsed;
try {
  parsed = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
const only = parsed.values.only === undefined ? undefined : new Set(parsed.values.only.split(','));
const caidaArgument = parsed.positionals[0];
if (parsed.positionals.length > 1 || (caidaArgument !== undefined && !only?.has('caida'))) {
  const extra = parsed.positionals.slice(only?.has('caida') ? 1 : 0).join(' ');
  console.error(`unexpected '${extra}': the one argument is the CAIDA folder, for the caida layer\n${usage}`);
  process.exit(2);
}
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

function nodeTestLayer(name, dir, extra = {}) {
  const tap = `test-results/${name}.tap`;
  return {
    name,
    ...extra,
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

/**
 * The CAIDA folder: the DIR argument, else $ANYCAST_CAIDA_DIR, else ../shared/data/caida beside the
 * repository (where CI keeps it). Relative paths are taken from where npm was started.
 */
function caidaFolder() {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  if (caidaArgument !== undefined) return { dir: resolve(cwd, caidaArgument), from: 'the DIR argument' };
  const fromEnv = process.env.ANYCAST_CAIDA_DIR;
  if (fromEnv) return { dir: resolve(cwd, fromEnv), from: '$ANYCAST_CAIDA_DIR' };
  const root = join(import.meta.dirname, '..');
  return {
    dir: resolve(root, '..', 'shared', 'data', 'caida'),
    from: 'the default, ../shared/data/caida beside the repository',
  };
}

/** Hands the test files an absolute CAIDA folder, or says why the layer cannot run. */
function prepareCaida() {
  const { dir, from } = caidaFolder();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      error: [
        `caida: no CAIDA data folder at ${dir} (${from}).`,
        '  The CAIDA AS-relationship snapshots may not be redistributed, so the repository has none.',
        '  Get 19980101, 20050101 and 20180101 (.as-rel.txt.bz2, decompressed with bunzip2) from',
        '  https://www.caida.org/catalog/datasets/as-relationships/ and point the layer at their folder:',
        '    npm run test:caida /path/to/caida    or    ANYCAST_CAIDA_DIR=/path/to/caida npm run test:caida',
      ].join('\n'),
    };
  }
  console.log(`caida: CAIDA data from ${dir} (${from})`);
  return { env: { ANYCAST_CAIDA_DIR: dir } };
}

const layers = [
  nodeTestLayer('unit', 'test/unit'),
  nodeTestLayer('webview', 'test/webview'),
  scriptLayer('web-host', 'test/integration/runWeb.ts'),
  scriptLayer('node-host', 'test/integration/runCodeServer.ts'),
  scriptLayer('end-to-end', 'test/e2e/run.ts'),
  nodeTestLayer('caida', 'test/caida', { optIn: true, prepare: prepareCaida }),
];

function run(cmd, cmdArgs, { capture = false, env = {} } = {}) {
  return new Promise((settle) => {
    const child = spawn(cmd, cmdArgs, {
      stdio: ['ignore', capture ? 'pipe' : 'inherit', capture ? 'pipe' : 'inherit'],
      env: { ...process.env, ...env },
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
    child.on('close', (code) => settle({ code: code ?? 1, output }));
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
  if (only ? !only.has(layer.name) : layer.optIn) continue;
  const files = layer.files();
  if (files.length === 0) continue;
  console.log(`\n== ${layer.name}`);
  const prepared = layer.prepare?.() ?? {};
  if (prepared.error) {
    console.log(prepared.error);
    results.push({ name: layer.name, passed: 0, failed: 1, layer: true });
    continue;
  }
  const [cmd, cmdArgs] = layer.command(files);
  const { code, output } = await run(cmd, cmdArgs, { capture: true, env: prepared.env });
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
