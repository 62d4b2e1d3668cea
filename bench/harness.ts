// Runs in Node, inside one benchmark process: times a function, prints the figure, and emits a
// `##bench {json}` line that bench/run.mjs gathers into the summary.

export interface Figure {
  /** Same name in the engine and the reference file: the runner prints their ratio. */
  readonly name: string;
  readonly implementation: 'engine' | 'preview' | 'reference';
  readonly value: number;
  readonly unit: 'ms' | 'MB';
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

/** The CAIDA snapshot the benchmarks use; CI keeps ../shared/data/caida beside the clone. */
export function caidaFile(name = '20180101.as-rel.txt'): string {
  const dir = process.env.ANYCAST_CAIDA_DIR ?? '../shared/data/caida';
  return `${dir}/${name}`;
}

/** Eight well-known anycast origins present in the 2018 snapshot. */
export const ORIGINS = [13335, 15169, 16509, 20940, 54113, 8075, 32934, 714] as const;

export const CITATION =
  'The CAIDA AS Relationships Dataset, 2018-01-01, https://www.caida.org/catalog/datasets/as-relationships/';
