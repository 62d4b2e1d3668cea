// Runs in Node: the gazetteer as the editor uses it: the first lookup (which builds the index from
// the generated data), warm lookups of every kind of name, and "did you mean" for typos.
import { greatCircleKm, lookupLocation, suggestLocations } from '../src/language/gazetteer';
import { AIRPORTS, CITIES, CITY_ALIASES } from '../src/language/gazetteerData';
import { report, time } from './harness';

const kib = (s: string): number => new TextEncoder().encode(s).length / 1024;
console.log(`          generated data: ${(kib(AIRPORTS) + kib(CITIES) + kib(CITY_ALIASES)).toFixed(0)} KiB of tables`);

const start = performance.now();
const first = lookupLocation('IAD');
report({ name: 'gazetteer: first lookup (builds the index)', implementation: 'engine', value: performance.now() - start, unit: 'ms', target: 60 });
if (!first) process.exitCode = 1;

const names = ['IAD', 'lhr', 'New York', 'São Paulo', 'London, UK', 'us-east-1', 'EU-West', 'Frankfurt', 'NYC', '40.7,-74.0', 'Atlantis'];
time('gazetteer: 1,000 lookups of mixed names', 'engine', () => {
  let found = 0;
  for (let i = 0; i < 1000; i++) if (lookupLocation(names[i % names.length]!)) found++;
  return found;
}, { runs: 21, warmup: 3, target: 5 });

const typos = ['Londn', 'Frankfrut', 'IADD', 'Tokio', 'Sidney', 'Amster', 'us-east-7', 'Asia Pacfic'];
const suggested = time(`gazetteer: "did you mean" for ${typos.length} typos`, 'engine', () => typos.map((t) => suggestLocations(t)), {
  runs: 21,
  warmup: 3,
  target: 20,
}).last;
console.log(`          ${typos.map((t, i) => `${t} → ${suggested[i]?.[0] ?? '-'}`).join(', ')}`);

const ny = lookupLocation('New York')!.point;
console.log(`          New York–London ${greatCircleKm(ny, lookupLocation('London')!.point).toFixed(0)} km, New York–Tokyo ${greatCircleKm(ny, lookupLocation('Tokyo')!.point).toFixed(0)} km`);

