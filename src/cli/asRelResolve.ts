// Runs in Node: `anycast resolve --as-rel`, the route of every AS of a CAIDA graph toward an anycast prefix, and why.
import { DECISION_CODES, RequestError, asIndex, asPathAt, originAsnAt } from '../engine/index';
import type { Asn, AsExplanations, AsOrigin, DecisionStep, RouteTable } from '../engine/index';
import { readAsRelFile } from './asRel';
import type { AsRelArgs } from './asRelArgs';
import { routeAsRel } from './asRelRouting';
import type { AsRelAnswer } from './asRelRouting';
import { asRelText } from './asRelText';
import type { CliIo } from './io';

function routeJson(
  table: RouteTable,
  x: number,
  { decidedBy: decided, runnerUp, runnerUpOrigin, arbitraryOver }: AsExplanations,
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
    arbitrary: (arbitraryOver[x] as number) >= 0,
    ...(r >= 0 ? { runnerUp: { neighborAsn: graph.asns[r], originAsn: (table.origins[ro] as AsOrigin).asn } } : {}),
  };
}

/** The --as-rel answer as one JSON object: the graph, the request, the summary and every AS's route. */
function asRelJson(args: AsRelArgs, answer: AsRelAnswer): string {
  const { graph, table, tieBreak, summary, diff, impact, explanations } = answer;
  const routes: object[] = [];
  const unreachable: Asn[] = [];
  for (let x = 0; x < graph.size; x++) {
    if ((table.nextHop[x] as number) < 0) unreachable.push(graph.asns[x] as number);
    else routes.push(routeJson(table, x, answer.explained));
  }
  return JSON.stringify({
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
    ...(table.orderDependent ? { orderDependent: table.orderDependent } : {}),
  });
}

/** Runs the --as-rel mode; errors the user can act on are thrown as CliError or RequestError. */
export async function runAsRel(args: AsRelArgs, io: CliIo): Promise<number> {
  const graph = await readAsRelFile(io, args.file);
  for (const asn of args.explain)
    if (asIndex(graph, asn) < 0) throw new RequestError(`--as AS${asn} is not in ${args.file}`);
  for (const [asn] of args.prepend)
    if (!args.origins.includes(asn))
      throw new RequestError(`--prepend AS${asn}: only an --origin can prepend its own announcements`);
  const answer = routeAsRel(args, graph);
  io.out(args.json ? asRelJson(args, answer) : asRelText(args, answer));
  return answer.table.unstable ? 3 : 0;
}
