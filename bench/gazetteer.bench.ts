// Runs in Node: the gazetteer as the editor uses it: the first lookup (which builds the index from
// the generated data), warm lookups of every kind of name, and "did you mean" for typos.
import { spawnSync } from 'node:child_process';
import { greatCircleKm, lookupLocation, suggestLocations } from '../src/language/places/gazetteer';
import { report, time } from './harness';

// The first lookup happens once per process, so time it in fresh processes (this file, re-run with
// GAZETTEER_FIRST_LOOKUP set) and report the median. CPU time, not wall time: the figure should not
// depend on what else the machine is running.
if (process.env.GAZETTEER_FIRST_LOOKUP) {
  const start = process.cpuUsage();
  const place = lookupLocation('IAD');
  const used = process.cpuUsage(start);
  console.log(JSON.stringify({ ms: (used.user + used.system) / 1000, found: place !== undefined }));
  process.exit(0);
}
const firsts = Array.from({ length: 7 }, () => {
  const child = spawnSync(process.execPath, [process.argv[1]!], {
    env: { ...process.env, GAZETTEER_FIRST_LOOKUP: '1' },
    encoding: 'utf8',
  });
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; found: boolean };
});
if (!firsts.every((f) => f.found)) process.exitCode = 1;
report({
  name: 'gazetteer: first lookup, CPU (builds the index)',
  implementation: 'engine',
  value: firsts.map((f) => f.ms).sort((a, b) => a - b)[3]!,
  unit: 'ms',
  runs: firsts.length,
  target: 60,
});

let fresh = 0;
time(
  'gazetteer: 1,000 new lat,lon (uncached, nearest city)',
  'engine',
  () => {
    let found = 0;
    for (let i = 0; i < 1000; i++, fresh++)
      if (lookupLocation(`${(fresh % 17000) / 100 - 85},${((fresh * 7) % 360) - 180}`)) found++;
    return found;
  },
  { runs: 9, warmup: 1, target: 60 },
);

const names = [
  'IAD',
  'lhr',
  'New York',
  'São Paulo',
  'London, UK',
  'us-east-1',
  'EU-West',
  'Frankfurt',
  'NYC',
  '40.7,-74.0',
  'Atlantis',
];
time(
  'gazetteer: 1,000 lookups of known names (remembered)',
  'engine',
  () => {
    let found = 0;
    for (let i = 0; i < 1000; i++) if (lookupLocation(names[i % names.length]!)) found++;
    return found;
  },
  { runs: 21, warmup: 3, target: 5 },
);

const typos = ['Londn', 'Frankfrut', 'IADD', 'Tokio', 'Sidney', 'Amster', 'us-east-7', 'Asia Pacfic'];
// Suggestions are remembered per spelling; trailing spaces (which the lookup folds away) make each
// run's spellings new, so every run computes them.
let pass = 0;
const suggested = time(
  `gazetteer: "did you mean" for ${typos.length} typos`,
  'engine',
  () => {
    pass++;
    return typos.map((t) => suggestLocations(t + ' '.repeat(pass)));
  },
  {
    runs: 21,
    warmup: 3,
    target: 20,
  },
).last;
console.log(`          ${typos.map((t, i) => `${t} → ${suggested[i]?.[0] ?? '-'}`).join(', ')}`);

const ny = lookupLocation('New York')!.point;
console.log(
  `          New York–London ${greatCircleKm(ny, lookupLocation('London')!.point).toFixed(0)} km, New York–Tokyo ${greatCircleKm(ny, lookupLocation('Tokyo')!.point).toFixed(0)} km`,
);
