// Runs in Node: how long the property tests run. `npm test` runs a few thousand inputs with a
// fixed seed; `npm run fuzz` sets FUZZ_RUNS (and FUZZ_SEED to replay a failure) for a release run.

/** Runs for one property: FUZZ_RUNS scales the default, so a long run scales every property alike. */
export function runs(defaultRuns: number): number {
  const scale = Number(process.env.FUZZ_RUNS ?? '');
  return Number.isFinite(scale) && scale > 0 ? Math.ceil((defaultRuns * scale) / 1000) : defaultRuns;
}

/** The seed every property starts from: fixed in `npm test` so a failure replays, FUZZ_SEED otherwise. */
export function seed(): number {
  const value = Number(process.env.FUZZ_SEED ?? '');
  return Number.isInteger(value) ? value : 13;
}
