// Runs in Node: `anycast plan` on the cdn example as the CLI runs it (worker threads when the machine
// has cores to spare), depth 1 (every single change) and depth 2 (also pairs of the 25 best); and
// depth 1 in one thread for comparison. This file is also the workers' script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlanWorker, runPlanWorker, threadsFor, workerEvaluator } from '../src/cli/planWorkers';
import { DiagramAnalysis } from '../src/routing/analysis';
import { MOVE_KINDS } from '../src/routing/plan/candidates';
import { localEvaluator, planChanges } from '../src/routing/plan/plan';
import type { Evaluate, Plan } from '../src/routing/plan/plan';
import { report } from './harness';

async function timed(
  name: string,
  depth: 1 | 2,
  runs: number,
  target: number | undefined,
  evaluator: (analysis: DiagramAnalysis, text: string) => Evaluate,
): Promise<Plan> {
  const text = readFileSync(join('examples', 'cdn.anycast.mmd'), 'utf8');
  const samples: number[] = [];
  let plan: Plan | string = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    // From the text, as the CLI starts: parse, baseline, then the search.
    const analysis = new DiagramAnalysis(text);
    plan = await planChanges(analysis, { objective: 'mean-rtt', moves: MOVE_KINDS, depth }, evaluator(analysis, text));
    samples.push(performance.now() - start);
  }
  if (typeof plan === 'string') throw new Error(plan);
  samples.sort((a, b) => a - b);
  const value = samples[samples.length >> 1] as number;
  report({ name, implementation: 'engine', value, unit: 'ms', runs, ...(target !== undefined ? { target } : {}) });
  return plan;
}

async function main(): Promise<void> {
  const script = process.argv[1] ?? '';
  const threaded = (analysis: DiagramAnalysis, text: string): Evaluate =>
    workerEvaluator(script, text, 'mean-rtt', localEvaluator(analysis, 'mean-rtt'));
  const one = await timed('plan, cdn example, depth 1', 1, 3, 2000, threaded);
  console.log(
    `          ${one.evaluated} changes tried in ${threadsFor(one.evaluated)} thread(s); best: ${one.before.toFixed(1)} -> ${one.suggestions[0]?.after.toFixed(1)} ms`,
  );
  await timed('plan, cdn example, depth 1, one thread', 1, 3, undefined, (analysis) =>
    localEvaluator(analysis, 'mean-rtt'),
  );
  const two = await timed('plan, cdn example, depth 2 (pairs of the 25 best)', 2, 1, 20_000, threaded);
  console.log(
    `          ${two.evaluated} sets tried; best: ${two.before.toFixed(1)} -> ${two.suggestions[0]?.after.toFixed(1)} ms`,
  );
}

if (isPlanWorker()) runPlanWorker();
else await main();
