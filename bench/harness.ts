// Runs in Node, inside one benchmark process: times a function, prints the figure, and emits a
// `##bench {json}` line that bench/run.mjs gathers into the summary.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { caidaFolder, citation, snapshotFile } from '../test/caida/snapshots';
import { internetLikeGraph } from '../test/unit/engine/internetLike';

export interface Figure {
  /** Same name in the engine and the reference file: the runner prints their ratio. */
  readonly name: string;
  readonly implementation: 'engine' | 'preview' | 'reference';
  readonly value: number;
  readonly unit: 'ms' | 'MB' | 'count' | '%';
  readonly target?: number;
  readonly runs?: number;
}

export function report(figure: Figure): void {
  const verdict = figure.target === undefined ? '' : figure.value <= figure.target ? '  PASS' : '  MISS';
  const target = figure.target === undefined ? '' : ` (target < ${figure.target} ${figure.unit})`;
  const runs = figure.runs === undefined ? '' : `, median of ${figure.runs}`;
  console.log(
    `${figure.implementation.padEnd(9)} ${figure.name}: ${figure.value.toFixed(2)} ${figure.unit}${runs}${target}${verdict}`,
  );
  console.log(`##bench ${JSON.stringify(figure)}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; reports and returns the median in ms. */
export function time<T>(
  name: string,
  implementation: Figure['implementation'],
  fn: () => T,
  options: { runs: number; warmup?: number; target?: number },
): { ms: number; last: T } {
  let last = undefined as T;
  for (let i = 0; i < (options.warmup ?? 0); i++) last = fn();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    last = fn();
    samples.push(performance.now() - start);
  }
  const ms = median(samples);
  report({
    name,
    implementation,
    value: ms,
    unit: 'ms',
    runs: options.runs,
    ...(options.target !== undefined ? { target: options.target } : {}),
  });
  return { ms, last };
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** An AS graph file to measure on, the anycast origins to announce from it, and what it is. */
export interface BenchAsGraph {
  readonly file: string;
  readonly origins: readonly number[];
  /** Printed with the figures: the CAIDA citation, or what was generated instead and why. */
  readonly source: string;
}

/** Eight well-known anycast networks present in the 2018 snapshot. */
const CAIDA_ORIGINS = [13335, 15169, 16509, 20940, 54113, 8075, 32934, 714];

/**
 * CAIDA 2018 from `$ANYCAST_CAIDA_DIR` or `../shared/data/caida` (CI keeps it beside the clone);
 * without it, a generated Internet-like graph of the same number of ASes, so the figures still mean
 * something on a fresh clone. Prints which one it is.
 */
export function benchAsGraph(): BenchAsGraph {
  const folder = caidaFolder();
  const snapshot = snapshotFile(folder, '20180101');
  if (existsSync(snapshot)) return announce({ file: snapshot, origins: CAIDA_ORIGINS, source: citation('20180101') });
  const generated = internetLikeGraph({ seed: 2018, ases: 60_006 });
  const file = join('.cache', 'bench', 'internet-like-2018-60006.as-rel.txt');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generated.text);
  console.log(
    `No CAIDA snapshot at ${snapshot} (${folder.from}); to measure on CAIDA data, point ANYCAST_CAIDA_DIR at a folder holding it.`,
  );
  return announce({
    file,
    origins: generated.origins,
    source: `a generated Internet-like AS graph (test/unit/engine/internetLike.ts, seed 2018, 60006 ASes), not CAIDA data`,
  });
}

function announce(graph: BenchAsGraph): BenchAsGraph {
  console.log(`Data: ${graph.source} (${graph.file})`);
  return graph;
}

/** IATA codes of 22 metros on every continent, for generated benchmark diagrams. */
export const metroCodes = [
  'IAD',
  'EWR',
  'ATL',
  'ORD',
  'DFW',
  'LAX',
  'SJC',
  'SEA',
  'YYZ',
  'GRU',
  'LHR',
  'AMS',
  'FRA',
  'CDG',
  'MAD',
  'ARN',
  'NRT',
  'HKG',
  'SIN',
  'SYD',
  'BOM',
  'JNB',
];
