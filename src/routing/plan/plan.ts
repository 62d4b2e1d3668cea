/**
 * Suggestions: try each candidate policy change on the diagram (and, at depth 2, each pair of the
 * best single changes), score each routing with the objective, and rank the ones that improve it,
 * each with the exact edit that writes it into the file. The search is deterministic: candidates in
 * document order, ties kept in that order. Evaluation is a function of the text and the changes
 * alone, so an adapter may spread it over worker threads and get the same answer. Pure.
 */
import { resolve } from '../../engine/index';
import type { DiagramAnalysis } from '../analysis';
import { noFailures, toEngineScenario } from '../scenario';
import type { PolicyChange } from '../scenario';
import { candidateChanges, compatible } from './candidates';
import type { MoveKind } from './candidates';
import { changeEdit } from './changeEdits';
import type { ChangeEdit } from './changeEdits';
import { objectiveValue } from './objectives';
import type { Objective } from './objectives';
import { withPolicyChanges } from './policyChanges';

export interface PlanOptions {
  readonly objective: Objective;
  readonly moves: readonly MoveKind[];
  readonly depth: 1 | 2;
}

/** One set of changes tried: the objective after it, and what it does to the clients. */
export interface Evaluation {
  /** Undefined when the routing does not settle or the objective cannot be said. */
  readonly value?: number;
  /** Clients that reach another PoP than in the text as written. */
  readonly moved: number;
  /** Clients that reach no PoP any more. */
  readonly lostService: number;
}

export interface Suggestion {
  readonly changes: readonly PolicyChange[];
  readonly before: number;
  readonly after: number;
  readonly moved: number;
  /** One edit per change, in the order of `changes`. */
  readonly edits: readonly ChangeEdit[];
}

export interface Plan {
  readonly objective: Objective;
  /** The objective for the text as written. */
  readonly before: number;
  /** Sets of changes evaluated (single changes, then pairs). */
  readonly evaluated: number;
  /** The best improvements, best first, at most `TOP_SUGGESTIONS`. */
  readonly suggestions: readonly Suggestion[];
}

/** Evaluates sets of changes, answering in the same order. */
export type Evaluate = (sets: readonly (readonly PolicyChange[])[]) => Promise<readonly Evaluation[]>;

export const TOP_SUGGESTIONS = 10;
/** Depth 2 pairs the changes among this many best single ones. */
export const PAIR_POOL = 25;
/** An improvement smaller than this is rounding, not an improvement. */
const EPSILON = 1e-9;

/** Why an objective cannot be measured on a diagram. */
const unmeasurable: Readonly<Record<Objective, string>> = {
  'max-utilization':
    'max-utilization needs a PoP with a capacity and traffic to set against it (`capacity: 100Gbps`, `traffic: 40Gbps`).',
  'mean-rtt': 'mean-rtt needs a client whose RTT is known (place the clients and the PoPs).',
  'attack-spread': 'attack-spread needs an attack (`attack: 300Gbps` on a client or an AS, or in the front matter).',
};

/** One set of changes, resolved from scratch on the shared topology (only the changed sessions copied). */
export function evaluateChanges(
  analysis: DiagramAnalysis,
  objective: Objective,
  changes: readonly PolicyChange[],
): Evaluation {
  const { model, build } = analysis;
  const baseline = analysis.baseline;
  const topology = withPolicyChanges(build, model, changes);
  const engineScenario = toEngineScenario({ ...noFailures, changes }, model, build);
  const after = resolve(topology, engineScenario, { searchStableStates: false, explain: false });
  const before = new Map((baseline?.clients ?? []).map((c) => [c.id, c.pop]));
  let moved = 0;
  let lostService = 0;
  for (const c of after.clients) {
    const was = before.get(c.id);
    if (c.pop === undefined && was !== undefined) lostService++;
    else if (c.pop !== was) moved++;
  }
  const value = after.unstable ? undefined : objectiveValue(objective, model, build, after);
  return { ...(value !== undefined ? { value } : {}), moved, lostService };
}

/** Evaluates in this thread. */
export function localEvaluator(analysis: DiagramAnalysis, objective: Objective): Evaluate {
  return (sets) => Promise.resolve(sets.map((changes) => evaluateChanges(analysis, objective, changes)));
}

type Scored = {
  readonly changes: readonly PolicyChange[];
  readonly value: number;
  readonly moved: number;
  readonly order: number;
};

/** Sets that keep every client served and settle, best first (then fewer clients moved, then candidate order). */
function ranked(sets: readonly (readonly PolicyChange[])[], results: readonly Evaluation[], offset: number): Scored[] {
  const scored: Scored[] = [];
  sets.forEach((changes, i) => {
    const r = results[i];
    if (r?.value === undefined || r.lostService > 0) return;
    scored.push({ changes, value: r.value, moved: r.moved, order: offset + i });
  });
  return scored.sort((a, b) => a.value - b.value || a.moved - b.moved || a.order - b.order);
}

function pairsOf(best: readonly Scored[]): PolicyChange[][] {
  const pairs: PolicyChange[][] = [];
  for (let i = 0; i < best.length; i++)
    for (let j = i + 1; j < best.length; j++) {
      const a = best[i]?.changes[0];
      const b = best[j]?.changes[0];
      if (a && b && compatible(a, b)) pairs.push([a, b]);
    }
  return pairs;
}

/** The plan for `analysis`, or why there is none. */
export async function planChanges(
  analysis: DiagramAnalysis,
  options: PlanOptions,
  evaluate: Evaluate = localEvaluator(analysis, options.objective),
): Promise<Plan | string> {
  const baseline = analysis.baseline;
  if (!baseline) return 'The routing could not be computed, so there is nothing to improve.';
  if (baseline.unstable) return `The routing does not settle: ${baseline.unstable.message}`;
  const before = objectiveValue(options.objective, analysis.model, analysis.build, baseline);
  if (before === undefined) return unmeasurable[options.objective];
  const singles = candidateChanges(analysis.model, options.moves).map((c) => [c]);
  const single = ranked(singles, await evaluate(singles), 0);
  let all = single;
  let evaluated = singles.length;
  if (options.depth === 2) {
    const pairs = pairsOf(single.slice(0, PAIR_POOL));
    all = [...single, ...ranked(pairs, await evaluate(pairs), singles.length)];
    all.sort((a, b) => a.value - b.value || a.moved - b.moved || a.order - b.order);
    evaluated += pairs.length;
  }
  const suggestions = all
    .filter((s) => s.value < before - EPSILON)
    .slice(0, TOP_SUGGESTIONS)
    .map((s): Suggestion => ({
      changes: s.changes,
      before,
      after: s.value,
      moved: s.moved,
      edits: s.changes
        .map((c) => changeEdit(analysis.text, analysis.model, c))
        .filter((e): e is ChangeEdit => e !== undefined),
    }));
  return { objective: options.objective, before, evaluated, suggestions };
}
