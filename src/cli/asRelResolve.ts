// Runs in Node: `anycast resolve --as-rel`, the route of every AS of a CAIDA graph toward an anycast prefix, and why.
import {
  DECISION_CODES,
  RequestError,
  asIndex,
  asPathAt,
  diffRouteTables,
  explainAll,
  explainAs,
  influenceOf,
  originAsnAt,
  propagate,
} from '../engine/index';
import type {
  Asn,
  AsExplanation,
  AsExplanations,
  AsGraph,
  AsOrigin,
  AsScenario,
  DecisionStep,
  RouteTable,
  TieBreak,
} from '../engine/index';
import { percent } from '../routing/words/figures';
import type { AsRelArgs } from './asRelArgs';
import { readAsRelFile } from './asRel';
import type { CliIo } from './io';

const SHOWN_CANDIDATES = 8;

const number = (n: number): string => n.toLocaleString('en-US');
const percentOf = (part: number, whole: number): string => percent(whole > 0 ? part / whole : 0);

interface Summary {
  readonly routed: number;
  readonly contested: number;
  readonly arbitrary: number;
  readonly arbitraryShare: number;
  readonly decidedBy: Partial<Record<DecisionStep, number>>;
  readonly catchments: { readonly originAsn: Asn; readonly ases: number; readonly share: number }[];
  readonly unreachable: number;
  /** ASes whose path crosses at least one arbitrary decision (theirs or one further along). */
  readonly reachedViaArbitrary: number;
  /** The arbitrary decisions with the most ASes behind them. */
  readonly weightiestArbitrary: {
    readonly asn: Asn;
    readonly downstream: number;
    readonly chose: { readonly neighborAsn: Asn; readonly originAsn: Asn };
    readonly over: { readonly neighborAsn: Asn; readonly originAsn: Asn };
  }[];
}

const SHOWN_ARBITRARY = 8;

function summarise(table: RouteTable, explained: AsExplanations): Summary {
  const { decidedBy: decided, runnerUp, runnerUpOrigin, ...stats } = explained;
  const { downstream, reachedViaArbitrary } = influenceOf(table, explained);
  const tieBreak = DECISION_CODES.indexOf('tie-break');
  const asns = table.graph.asns;
  const weightiest: number[] = [];
  for (let x = 0; x < table.graph.size; x++)
    if (decided[x] === tieBreak && (table.nextHop[x] as number) >= 0) weightiest.push(x);
  weightiest.sort((a, b) => (downstream[b] as number) - (downstream[a] as number) || a - b);
  const counts = new Array<number>(table.origins.length).fill(0);
  const decidedBy: Partial<Record<DecisionStep, number>> = {};
  for (let x = 0; x < table.graph.size; x++) {
    const k = table.originIndex[x] as number;
    if (k < 0) continue;
    counts[k] = (counts[k] as number) + 1;
    const step = DECISION_CODES[decided[x] as number] as DecisionStep;
    decidedBy[step] = (decidedBy[step] ?? 0) + 1;
  }
  return {
    ...stats,
    arbitraryShare: stats.routed > 0 ? stats.arbitrary / stats.routed : 0,
    decidedBy,
    catchments: table.origins.map((o, k) => ({
      originAsn: o.asn,
      ases: counts[k] as number,
      share: table.graph.size > 0 ? (counts[k] as number) / table.graph.size : 0,
    })),
    unreachable: table.graph.size - stats.routed,
    reachedViaArbitrary,
    weightiestArbitrary: weightiest.slice(0, SHOWN_ARBITRARY).map((x) => ({
      asn: asns[x] as number,
      downstream: downstream[x] as number,
      chose: { neighborAsn: asns[table.nextHop[x] as number] as number, originAsn: originAsnAt(table, x) as number },
      over: {
        neighborAsn: asns[runnerUp[x] as number] as number,
        originAsn: (table.origins[runnerUpOrigin[x] as number] as AsOrigin).asn,
      },
    })),
  };
}

function explanationText(e: AsExplanation): string[] {
  const lines = [
    `AS${e.asn}: ${e.candidates.length} candidate route(s); decided by ${e.decidedBy}${e.arbitrary ? ' (arbitrary: only the tie-break separated the best from the runner-up)' : ''}`,
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

function routeJson(
  table: RouteTable,
  x: number,
  decided: Uint8Array,
  runnerUp: Int32Array,
  runnerUpOrigin: Int32Array,
): object {
  const graph = table.graph;
  const step = DECISION_CODES[decided[x] as number] as DecisionStep;
  const r = runnerUp[x] as number;
  const ro = runnerUpOrigin[x] as number;
  return {
    asn: graph.asns[x],
    originAsn: originAsnAt(table, x),
    asPath: asPathAt(table, x),
    learnedFrom: ['none', 'origin', 'customer', 'peer', 'provider'][table.learnedFrom[x] as number],
    decidedBy: step,
    arbitrary: step === 'tie-break',
    ...(r >= 0 ? { runnerUp: { neighborAsn: graph.asns[r], originAsn: (table.origins[ro] as AsOrigin).asn } } : {}),
  };
}

/** Runs the --as-rel mode; errors the user can act on are thrown as CliError or RequestError. */
export async function runAsRel(args: AsRelArgs, io: CliIo): Promise<number> {
  const graph: AsGraph = await readAsRelFile(io, args.file);
  for (const asn of args.explain)
    if (asIndex(graph, asn) < 0) throw new RequestError(`--as AS${asn} is not in ${args.file}`);
  for (const [asn] of args.prepend)
    if (!args.origins.includes(asn))
      throw new RequestError(`--prepend AS${asn}: only an --origin can prepend its own announcements`);
  const origins = args.origins.map((asn) => {
    const prepend = args.prepend.find(([a]) => a === asn)?.[1];
    return prepend ? { asn, prepend } : { asn };
  });
  const tieBreak: TieBreak =
    args.tieBreak === 'random' ? { model: 'random', seed: args.seed } : { model: args.tieBreak };
  const options = { tieBreak, solver: args.solver, localPref: args.localPref };
  const scenario: AsScenario = { withdrawn: args.fail, failedAses: args.failAses, failedLinks: args.failLinks };
  const failing = args.fail.length + args.failAses.length + args.failLinks.length > 0;
  const before = failing ? propagate(graph, origins, options) : undefined;
  const table = propagate(graph, origins, options, scenario);
  const explained = explainAll(table);
  const { decidedBy, runnerUp, runnerUpOrigin } = explained;
  const summary = summarise(table, explained);
  const diff = before ? diffRouteTables(before, table) : undefined;
  const explanations = args.explain.map((asn) => explainAs(table, asn));
  // N-1 on top of the scenario: each origin still announcing, withdrawn in turn.
  const impact = args.failEach
    ? args.origins
        .filter((asn) => !args.fail.includes(asn))
        .map((asn) => {
          const without = propagate(graph, origins, options, { ...scenario, withdrawn: [...args.fail, asn] });
          const moved = diffRouteTables(table, without);
          const absorbed = new Map<string, number>();
          for (const m of moved.moved) {
            const to = m.to === undefined ? 'no route' : `AS${m.to}`;
            absorbed.set(to, (absorbed.get(to) ?? 0) + 1);
          }
          return {
            originAsn: asn,
            moved: moved.moved.length,
            lost: moved.lost.length,
            absorbedBy: [...absorbed]
              .map(([to, ases]) => ({ to, ases }))
              .sort((a, b) => b.ases - a.ases || (a.to < b.to ? -1 : 1)),
            ...(without.unstable ? { unstable: without.unstable.message } : {}),
          };
        })
    : undefined;

  if (args.json) {
    const routes: object[] = [];
    const unreachable: Asn[] = [];
    for (let x = 0; x < graph.size; x++) {
      if ((table.nextHop[x] as number) < 0) unreachable.push(graph.asns[x] as number);
      else routes.push(routeJson(table, x, decidedBy, runnerUp, runnerUpOrigin));
    }
    io.out(
      JSON.stringify({
        graph: { file: args.file, ases: graph.size, links: graph.linkCount, duplicateLinks: graph.duplicateLinks },
        origins: args.origins,
        solver: table.solver,
        tieBreak,
        summary,
        routes,
        unreachable,
        ...(diff ? { moved: diff.moved, lost: diff.lost } : {}),
        ...(impact ? { impact } : {}),
        ...(args.explain.length > 0
          ? { explanations: explanations.map((e, i) => e ?? { asn: args.explain[i], unreachable: true }) }
          : {}),
        ...(table.unstable ? { unstable: table.unstable } : {}),
      }),
    );
    return table.unstable ? 3 : 0;
  }

  const lines: string[] = [];
  lines.push(
    `${args.file}: ${number(graph.size)} ASes, ${number(graph.linkCount)} links${graph.duplicateLinks ? ` (${number(graph.duplicateLinks)} repeated links ignored)` : ''}`,
  );
  lines.push(
    `origins ${args.origins.map((a) => `AS${a}`).join(', ')}; solver ${table.solver}; tie-break ${args.tieBreak}${args.tieBreak === 'random' ? ` (seed ${args.seed})` : ''}`,
  );
  if (table.unstable) {
    lines.push(`UNSTABLE: ${table.unstable.message}`);
    for (const c of table.unstable.cycle.slice(0, 10))
      lines.push(`  AS${c.asn} keeps switching between: ${c.paths.map((p) => p.join(' ')).join(' | ')}`);
  }
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
  lines.push('', 'Decisions:');
  lines.push(`  ${number(summary.routed)} ASes routed; ${number(summary.contested)} had more than one candidate route`);
  lines.push(
    `  ${number(summary.arbitrary)} (${percentOf(summary.arbitrary, summary.routed)} of routed ASes) were arbitrary: only the final tie-break (${args.tieBreak}) separated the best route from the runner-up`,
  );
  lines.push(
    `  decided by: ${DECISION_CODES.filter((s) => summary.decidedBy[s])
      .map((s) => `${s} ${number(summary.decidedBy[s] as number)}`)
      .join(', ')}`,
  );
  lines.push(
    `  ${number(summary.reachedViaArbitrary)} ASes (${percentOf(summary.reachedViaArbitrary, summary.routed)} of routed) reach their PoP through at least one arbitrary decision`,
  );
  if (summary.weightiestArbitrary.length > 0) {
    lines.push('', 'Arbitrary decisions with the most ASes behind them:');
    for (const w of summary.weightiestArbitrary) {
      lines.push(
        `  AS${String(w.asn).padEnd(10)} ${number(w.downstream).padStart(8)} ASes  chose via AS${w.chose.neighborAsn} (-> AS${w.chose.originAsn}) over via AS${w.over.neighborAsn} (-> AS${w.over.originAsn})`,
      );
    }
  }
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
  explanations.forEach((e, i) => {
    lines.push('');
    if (e) lines.push(...explanationText(e));
    else lines.push(`AS${args.explain[i]}: no route`);
  });
  io.out(lines.join('\n'));
  return table.unstable ? 3 : 0;
}
