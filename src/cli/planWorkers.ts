// Runs in Node: a plan's evaluations shared over worker threads when the machine has cores to
// spare (cores less the 1-minute load average: a worker starts cold, and on a busy machine it only
// competes with the others for the same cores). Each worker analyses the same text and evaluates every n-th set of changes; the answers
// go back in the order asked, so the plan is the same with or without workers.
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DiagramAnalysis } from '../routing/analysis';
import { evaluateChanges } from '../routing/plan/plan';
import type { Evaluate, Evaluation } from '../routing/plan/plan';
import type { Objective } from '../routing/plan/objectives';
import type { PolicyChange } from '../routing/scenario';

interface PlanTask {
  readonly kind: 'anycast-plan';
  readonly text: string;
  readonly objective: Objective;
  readonly sets: readonly (readonly PolicyChange[])[];
}

/** At most this many threads: past it the analyses each worker repeats cost more than they save. */
const MAX_THREADS = 4;
/** Fewer sets than this per thread are evaluated here: a worker starts cold, with a parse and a resolve. */
const MIN_SETS_PER_THREAD = 64;

/** True in a worker thread started by `workerEvaluator`. */
export function isPlanWorker(): boolean {
  return !isMainThread && (workerData as Partial<PlanTask> | undefined)?.kind === 'anycast-plan';
}

/** The worker's whole life: analyse, evaluate its share, post the answers. */
export function runPlanWorker(): void {
  const task = workerData as PlanTask;
  const analysis = new DiagramAnalysis(task.text);
  parentPort?.postMessage(task.sets.map((changes) => evaluateChanges(analysis, task.objective, changes)));
}

function inWorker(script: string, task: PlanTask): Promise<readonly Evaluation[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: task });
    worker.once('message', (answers: readonly Evaluation[]) => {
      resolve(answers);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** Cores nobody is using: the machine's, less the 1-minute load average (0 where the system has none). */
export function idleCores(): number {
  return Math.max(0, Math.floor(availableParallelism() - (loadavg()[0] ?? 0)));
}

/** How many threads to use for `sets` sets: 1 (this thread) unless at least two cores are idle. */
export function threadsFor(sets: number, idle: number = idleCores()): number {
  if (idle <= 1) return 1;
  return Math.max(1, Math.min(idle, MAX_THREADS, Math.floor(sets / MIN_SETS_PER_THREAD)));
}

/** Evaluates in worker threads running `script` (the CLI's own file) when worth it, else with `here`. */
export function workerEvaluator(
  script: string,
  text: string,
  objective: Objective,
  here: Evaluate,
  threadsOf: (sets: number) => number = threadsFor,
): Evaluate {
  return async (sets) => {
    const threads = threadsOf(sets.length);
    if (threads <= 1) return here(sets);
    const shares = Array.from({ length: threads }, (_, t) => sets.filter((_, i) => i % threads === t));
    const answers = await Promise.all(
      shares.map((share) => inWorker(script, { kind: 'anycast-plan', text, objective, sets: share })),
    );
    return sets.map((_, i) => answers[i % threads]?.[Math.floor(i / threads)] as Evaluation);
  };
}
