// Runs in Node: the --as-rel answer as text: the graph, catchments, decisions, what moved, N-1 and explanations.
import { DECISION_CODES } from '../engine/index';
import type { AsExplanation } from '../engine/index';
import { percent } from '../routing/words/figures';
import type { AsRelArgs } from './asRelArgs';
import type { AsRelAnswer } from './asRelRouting';

const SHOWN_CANDIDATES = 8;

const number = (n: number): string => n.toLocaleString('en-US');
const percentOf = (part: number, whole: number): string => percent(whole > 0 ? part / whole : 0);

function explanationText(e: AsExplanation): string[] {
  const lines = [
    `AS${e.asn}: ${e.candidates.length} candidate route(s); decided by ${e.decidedBy}${e.arbitrary ? ' (arbitrary: a route to another origin tied with the best on every step before the tie-break)' : ''}`,
  ];
  // Candidates come in decision order; the first few show the contest, the rest are a count.
  e.candidates.slice(0, SHOWN_CANDIDATES).forEach((c, i) => {
    const mark = i === e.best ? 'best  ' : i === e.runnerUp ? 'runner' : '      ';
    lines.push(
      `  ${mark} via AS${c.neighborAsn} (${c.learnedFrom}, local-pref ${c.localPref}) path ${c.asPath.join(' ')} -> origin AS${c.originAsn}`,
    );
  });
  if (e.candidates.length > SHOWN_CANDIDATES)
    lines.push(`         ... and ${e.candidates.length - SHOWN_CANDIDATES} more (--json lists them all)`);
  const steps = e.survivors.filter((s, i) => i === 0 || s.remaining.length !== e.survivors[i - 1]?.remaining.length);
  lines.push(`  survivors: ${steps.map((s) => `${s.step} ${s.remaining.length}`).join(', ')}`);
  return lines;
}

/** The graph, the request, any instability and each origin's catchment. */
function catchmentLines(args: AsRelArgs, { graph, table, summary }: AsRelAnswer): string[] {
  const lines = [
    `${args.file}: ${number(graph.size)} ASes, ${number(graph.linkCount)} links${graph.duplicateLinks ? ` (${number(graph.duplicateLinks)} repeated links ignored)` : ''}`,
    `origins ${args.origins.map((a) => `AS${a}`).join(', ')}; solver ${table.solver}; tie-break ${args.tieBreak}${args.tieBreak === 'random' ? ` (seed ${args.seed})` : ''}`,
  ];
  if (table.unstable) {
    lines.push(`UNSTABLE: ${table.unstable.message}`);
    for (const c of table.unstable.cycle.slice(0, 10))
      lines.push(`  AS${c.asn} keeps switching between: ${c.paths.map((p) => p.join(' ')).join(' | ')}`);
  }
  if (table.orderDependent) lines.push(`ORDER-DEPENDENT: ${table.orderDependent.message}`);
  lines.push('', 'Catchments:');
  for (const c of summary.catchments) {
    const withdrawn = args.fail.includes(c.originAsn) ? '  (withdrawn)' : '';
    lines.push(
      `  AS${String(c.originAsn).padEnd(10)} ${number(c.ases).padStart(8)} ASes  ${percentOf(c.ases, graph.size).padStart(6)}${withdrawn}`,
    );
  }
  lines.push(
    `  ${'no route'.padEnd(12)} ${number(summary.unreachable).padStart(8)} ASes  ${percentOf(summary.unreachable, graph.size).padStart(6)}`,
  );
  return lines;
}

/** How the ASes decided, how many choices were arbitrary, and the arbitrary ones that weigh most. */
function decisionLines(args: AsRelArgs, { summary }: AsRelAnswer): string[] {
  const lines = [
    '',
    'Decisions:',
    `  ${number(summary.routed)} ASes routed; ${number(summary.contested)} had more than one candidate route`,
    `  ${number(summary.arbitrary)} (${percentOf(summary.arbitrary, summary.routed)} of routed ASes) were arbitrary: the final tie-break (${args.tieBreak}) chose between routes to different origins`,
    `  decided by: ${DECISION_CODES.filter((s) => summary.decidedBy[s])
      .map((s) => `${s} ${number(summary.decidedBy[s] as number)}`)
      .join(', ')}`,
    `  ${number(summary.reachedViaArbitrary)} ASes (${percentOf(summary.reachedViaArbitrary, summary.routed)} of routed) reach their PoP through at least one arbitrary decision`,
  ];
  if (summary.weightiestArbitrary.length > 0) {
    lines.push('', 'Arbitrary decisions with the most ASes behind them:');
    for (const w of summary.weightiestArbitrary) {
      lines.push(
        `  AS${String(w.asn).padEnd(10)} ${number(w.downstream).padStart(8)} ASes  chose via AS${w.chose.neighborAsn} (-> AS${w.chose.originAsn}) over via AS${w.over.neighborAsn} (-> AS${w.over.originAsn})`,
      );
    }
  }
  return lines;
}

/** What the failures moved, and where each origin's catchment would go without it. */
function changeLines({ diff, impact }: AsRelAnswer): string[] {
  const lines: string[] = [];
  if (diff) {
    lines.push(
      '',
      `What moved: ${number(diff.moved.length)} ASes changed PoP, ${number(diff.lost.length)} lost their route`,
    );
    const flows = new Map<string, number>();
    for (const m of diff.moved) {
      const key = `${m.from === undefined ? 'none' : `AS${m.from}`} -> ${m.to === undefined ? 'no route' : `AS${m.to}`}`;
      flows.set(key, (flows.get(key) ?? 0) + 1);
    }
    for (const [flow, count] of [...flows].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
      lines.push(`  ${flow.padEnd(26)} ${number(count).padStart(8)} ASes`);
  }
  if (impact) {
    lines.push('', 'If one origin withdraws (N-1):');
    for (const i of impact) {
      const where = i.absorbedBy.map((a) => `${number(a.ases)} to ${a.to}`).join(', ');
      lines.push(
        `  AS${String(i.originAsn).padEnd(10)} ${number(i.moved).padStart(8)} ASes move${where ? `: ${where}` : ''}${i.unstable ? ' (UNSTABLE without it)' : ''}`,
      );
    }
  }
  return lines;
}

/** The whole text report of the --as-rel mode. */
export function asRelText(args: AsRelArgs, answer: AsRelAnswer): string {
  const explained = answer.explanations.flatMap((e, i) => [
    '',
    ...(e ? explanationText(e) : [`AS${args.explain[i]}: no route`]),
  ]);
  return [...catchmentLines(args, answer), ...decisionLines(args, answer), ...changeLines(answer), ...explained].join(
    '\n',
  );
}
