// Runs in Node: `anycast plan FILE --objective OBJ`, policy changes that improve the objective, each with the exact label edit.
import type { DocumentModel } from '../language/meaning/model';
import { DiagramAnalysis } from '../routing/analysis';
import { MOVE_KINDS } from '../routing/plan/candidates';
import type { MoveKind } from '../routing/plan/candidates';
import { formatObjective, OBJECTIVES } from '../routing/plan/objectives';
import type { Objective } from '../routing/plan/objectives';
import { localEvaluator, PAIR_POOL, planChanges, TOP_SUGGESTIONS } from '../routing/plan/plan';
import type { Plan, Suggestion } from '../routing/plan/plan';
import { plural } from '../routing/words/figures';
import { describeChange } from '../routing/words/changeWords';
import { EXIT } from './exitCodes';
import type { CliIo } from './io';
import { helpOption, readCommandLine, usageError } from './options';
import type { CommandSpec, OptionSpec } from './options';
import { workerEvaluator } from './planWorkers';

const planOptions = [
  { name: 'objective', type: 'string', value: 'OBJ', description: `what to lower: ${OBJECTIVES.join(', ')}` },
  {
    name: 'moves',
    type: 'string',
    value: 'LIST',
    default: MOVE_KINDS.join(','),
    description: 'the kinds of change to try, comma-separated',
  },
  {
    name: 'depth',
    type: 'string',
    value: 'N',
    default: '1',
    description: `1: single changes; 2: also pairs of the ${PAIR_POOL} best`,
  },
  { name: 'json', type: 'boolean', description: 'the plan as JSON' },
  helpOption,
] as const satisfies readonly OptionSpec[];

export const planCommand: CommandSpec<typeof planOptions> = {
  name: 'plan',
  synopsis: ['plan --objective OBJ [--moves prepend,withdraw,no-export,lp] [--depth 1|2] [--json] FILE'],
  description: `Tries policy changes on FILE's diagram and prints the ${TOP_SUGGESTIONS} that lower the objective most,
each with its effect (the objective before and after, clients moved) and the exact edit that writes
it into the file (FILE:LINE:COL, old text -> new text). The changes: prepend 1 to 3 on a PoP's
session (or no prepend where one is written), NO_EXPORT on a PoP's session, LOCAL_PREF 50 or 250
on a session an AS hears routes over, and a PoP withdrawn. A change that leaves a client without
service is never suggested. Objectives: max-utilization, the worst PoP's load over its capacity;
mean-rtt, the weighted mean RTT of the clients; attack-spread, the largest share of the attack one
PoP absorbs.`,
  options: planOptions,
  exitStatus:
    '0 done (also when nothing improves), 1 the file cannot be read or does not parse, or the objective cannot be measured on it, 2 bad usage, 3 the routing as written does not settle.',
};

interface PlanArgs {
  readonly file: string;
  readonly objective: Objective;
  readonly moves: readonly MoveKind[];
  readonly depth: 1 | 2;
  readonly json: boolean;
}

const isObjective = (s: string): s is Objective => (OBJECTIVES as readonly string[]).includes(s);
const isMove = (s: string): s is MoveKind => (MOVE_KINDS as readonly string[]).includes(s);

function readArgs(args: readonly string[], io: CliIo): PlanArgs | number {
  const parsed = readCommandLine(planCommand, args, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    return usageError('plan', positionals.length === 0 ? 'name the diagram file' : 'name one diagram file', io);
  const objective = values.objective;
  if (objective === undefined || !isObjective(objective))
    return usageError('plan', `--objective takes one of ${OBJECTIVES.join(', ')}`, io);
  const moves = values.moves.split(',').map((m) => m.trim());
  const unknown = moves.find((m) => !isMove(m));
  if (unknown !== undefined)
    return usageError('plan', `--moves: unknown change '${unknown}'; the kinds are ${MOVE_KINDS.join(', ')}`, io);
  if (values.depth !== '1' && values.depth !== '2') return usageError('plan', '--depth takes 1 or 2', io);
  return {
    file: positionals[0]!,
    objective,
    moves: moves.filter(isMove),
    depth: values.depth === '2' ? 2 : 1,
    json: values.json,
  };
}

function suggestionLines(file: string, s: Suggestion, rank: number, plan: Plan, model: DocumentModel): string[] {
  const f = (v: number): string => formatObjective(plan.objective, v);
  return [
    `${String(rank).padStart(2)}. ${f(s.before)} -> ${f(s.after)} (-${f(s.before - s.after)}), ${plural(s.moved, 'client')} moved`,
    ...s.changes.map((c) => `    ${describeChange(c, model)}`),
    ...s.edits.map(
      (e) =>
        `    ${file}:${e.range.start.line + 1}:${e.range.start.character + 1}: ${e.oldText || "''"} -> ${e.newText}`,
    ),
  ];
}

function planJson(file: string, plan: Plan): unknown {
  return {
    file,
    objective: plan.objective,
    before: plan.before,
    evaluated: plan.evaluated,
    suggestions: plan.suggestions.map((s) => ({
      before: s.before,
      after: s.after,
      moved: s.moved,
      changes: s.changes,
      edits: s.edits.map((e) => ({
        line: e.range.start.line + 1,
        column: e.range.start.character + 1,
        endLine: e.range.end.line + 1,
        endColumn: e.range.end.character + 1,
        oldText: e.oldText,
        newText: e.newText,
      })),
    })),
  };
}

export async function runPlan(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = readArgs(args, io);
  if (typeof parsed === 'number') return parsed;
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(parsed.file));
  } catch (error) {
    io.err(`anycast plan: cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.badInput;
  }
  const analysis = new DiagramAnalysis(text);
  const broken = analysis.syntaxError;
  if (broken) {
    io.err(
      `${parsed.file}:${broken.range.start.line + 1}:${broken.range.start.character + 1}: error: ${broken.message}`,
    );
    return EXIT.badInput;
  }
  const here = localEvaluator(analysis, parsed.objective);
  const evaluate = io.workerScript ? workerEvaluator(io.workerScript, text, parsed.objective, here) : here;
  const plan = await planChanges(analysis, parsed, evaluate);
  if (typeof plan === 'string') {
    io.err(`anycast plan: ${parsed.file}: ${plan}`);
    return analysis.baseline?.unstable ? EXIT.unstable : EXIT.badInput;
  }
  if (parsed.json) {
    io.out(JSON.stringify(planJson(parsed.file, plan), null, 2));
    return EXIT.ok;
  }
  io.out(
    `${parsed.file}: ${plan.objective} ${formatObjective(plan.objective, plan.before)} as written; ${plural(plan.evaluated, 'change')} tried`,
  );
  if (plan.suggestions.length === 0) io.out('No change tried improves it.');
  plan.suggestions.forEach((s, i) => io.out(suggestionLines(parsed.file, s, i + 1, plan, analysis.model).join('\n')));
  return EXIT.ok;
}
