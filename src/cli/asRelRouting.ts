// Runs in Node: the --as-rel request routed over a CAIDA graph: the route table, its summary, what moved and the N-1 impact.
import {
  DECISION_CODES,
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
  AsScenario,
  DecisionStep,
  RouteTable,
  RouteTableDiff,
  TieBreak,
} from '../engine/index';
import type { AsRelArgs } from './asRelArgs';

export interface Summary {
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

export function summarise(table: RouteTable, explained: AsExplanations): Summary {
  const {
    decidedBy: decided,
    runnerUp: _runnerUp,
    runnerUpOrigin: _runnerUpOrigin,
    arbitraryOver,
    ...stats
  } = explained;
  const { downstream, reachedViaArbitrary } = influenceOf(table, explained);
  const asns = table.graph.asns;
  const weightiest: number[] = [];
  for (let x = 0; x < table.graph.size; x++)
    if ((arbitraryOver[x] as number) >= 0 && (table.nextHop[x] as number) >= 0) weightiest.push(x);
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
        neighborAsn: asns[arbitraryOver[x] as number] as number,
        originAsn: originAsnAt(table, arbitraryOver[x] as number) as number,
      },
    })),
  };
}

/** What happens to the catchment of one origin when it withdraws as well. */
export interface OriginImpact {
  readonly originAsn: Asn;
  readonly moved: number;
  readonly lost: number;
  readonly absorbedBy: { readonly to: string; readonly ases: number }[];
  readonly unstable?: string;
}

/** Everything the --as-rel mode reports, computed once. */
export interface AsRelAnswer {
  readonly graph: AsGraph;
  readonly tieBreak: TieBreak;
  readonly table: RouteTable;
  readonly explained: AsExplanations;
  readonly summary: Summary;
  readonly diff?: RouteTableDiff;
  readonly explanations: (AsExplanation | undefined)[];
  readonly impact?: OriginImpact[];
}

/** N-1 on top of the scenario: each origin still announcing, withdrawn in turn. */
function originImpact(args: AsRelArgs, table: RouteTable, withdraw: (asn: Asn) => RouteTable): OriginImpact[] {
  return args.origins
    .filter((asn) => !args.fail.includes(asn))
    .map((asn) => {
      const without = withdraw(asn);
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
    });
}

/** Routes the request over `graph`: once as asked, once more before the failures, once per origin for N-1. */
export function routeAsRel(args: AsRelArgs, graph: AsGraph): AsRelAnswer {
  const origins = args.origins.map((asn) => {
    const prepend = args.prepend.find(([a]) => a === asn)?.[1];
    return prepend ? { asn, prepend } : { asn };
  });
  const tieBreak: TieBreak =
    args.tieBreak === 'random' ? { model: 'random', seed: args.seed } : { model: args.tieBreak };
  const options = { tieBreak, solver: args.solver, localPref: args.localPref };
  const scenario: AsScenario = { withdrawn: args.fail, failedAses: args.failAses, failedLinks: args.failLinks };
  const failing = args.fail.length + args.failAses.length + args.failLinks.length > 0;
  // Only the routing asked for looks for other stable states; the comparisons run once each.
  const once = { ...options, searchStableStates: false };
  const before = failing ? propagate(graph, origins, once) : undefined;
  const table = propagate(graph, origins, options, scenario);
  const explained = explainAll(table);
  const withdraw = (asn: Asn): RouteTable =>
    propagate(graph, origins, once, { ...scenario, withdrawn: [...args.fail, asn] });
  return {
    graph,
    tieBreak,
    table,
    explained,
    summary: summarise(table, explained),
    ...(before ? { diff: diffRouteTables(before, table) } : {}),
    explanations: args.explain.map((asn) => explainAs(table, asn)),
    ...(args.failEach ? { impact: originImpact(args, table, withdraw) } : {}),
  };
}
