// Runs in Node: the long fuzz run for a release (`npm run fuzz`). The property tests of test/unit/fuzz
// with many more inputs: FUZZ_RUNS inputs per 1,000 that `npm test` runs (default 20,000, so 20 times
// more), from a seed given by --seed N or FUZZ_SEED (random otherwise, and printed so a failure replays).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: npm run fuzz -- [--seed N] [--scale RUNS_PER_1000]';
let values;
try {
  ({ values } = parseArgs({ options: { seed: { type: 'string' }, scale: { type: 'string' } } }));
} catch (error) {
  console.error(`${error.message}\n${usage}`);
  process.exit(2);
}
const seed = values.seed ?? process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const scale = values.scale ?? process.env.FUZZ_RUNS ?? '20000';
if (!/^-?\d+$/.test(seed) || !/^\d+$/.test(scale)) {
  console.error(`seed and scale are integers\n${usage}`);
  process.exit(2);
}
const dir = 'test/unit/fuzz';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => join(dir, f));
console.log(`fuzz: seed ${seed}, ${scale} runs per 1,000 of npm test's (replay: npm run fuzz -- --seed ${seed})`);
const started = Date.now();
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: scale },
});
console.log(
  `fuzz: ${run.status === 0 ? 'no failures' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s (seed ${seed})`,
);
process.exit(run.status ?? 1);
