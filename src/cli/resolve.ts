// Runs in Node: `anycast resolve`, which PoP each client of a diagram (or every AS of a CAIDA graph) reaches, and why.
import { RequestError, diffResolutions, failureBase, popFailureImpact, resolve, withdrawals } from '../engine/index';
import type {
  OrderDependence,
  Resolution,
  ResolutionDiff,
  StableState,
  Scenario,
  Topology,
  TieBreakModel,
} from '../engine/index';
import type { DocumentModel } from '../language/index';
import { DiagramAnalysis } from '../routing/analysis';
import { computeLoad, hasLoadFigures } from '../routing/load';
import type { ScenarioRouting } from '../routing/analysis';
import { isEmptyScenario, toEngineScenario } from '../routing/scenario';
import type { DiagramScenario } from '../routing/scenario';
import { percent } from '../routing/words/figures';
import { unplacedSentence } from '../routing/words/unplacedWords';
import { CliError } from './asRel';
import { parseAsRelArgs } from './asRelArgs';
import { runAsRel } from './asRelResolve';
import { diagramFailures } from './failures';
import type { CliIo } from './io';
import { decodeDiagram } from './io';
import { UsageError, usageError, wantsHelp } from './options';
import { parseDiagramArgs, resolveHelp, wantsAsRel } from './resolveArgs';
import { clientWhy, decisionJson, explanationJson, routerWhy, table } from './resolveWhy';
import type { Naming } from '../routing/words/popDecisionWords';
import { loadJson, loadText } from './resolveLoad';
import { hasCapacities, n1Capacity } from '../routing/n1Capacity';
import { n1WorstText } from '../routing/words/loadWords';
import type { RateUnit } from '../language/meaning/model';
import { withWorstUtilisation } from './resolveN1';
import type { CapacityImpact } from './resolveN1';
import type { DiagramArgs } from './resolveArgs';

/** A PoP's display name from the diagram (`US-East` for `PoP: US-East`). */
function popName(model: DocumentModel, id: string): string | undefined {
  const node = model.nodes.find((n) => n.id === id);
  return node && node.name !== id ? node.name : undefined;
}

/** `PoPUS (US-East)`, or the bare id when the PoP has no other name. */
function popLabel(model: DocumentModel, resolution: Resolution, id: string): string {
  const n = resolution.pops.find((p) => p.id === id)?.name ?? popName(model, id);
  return n ? `${id} (${n})` : id;
}

function toJson(model: DocumentModel, resolution: Resolution, diff: ResolutionDiff | undefined): object {
  return {
    clients: resolution.clients.map((c) => {
      const alternative = c.decision?.alternative;
      return {
        id: c.id,
        pop: c.pop ?? null,
        prefix: c.decision?.prefix ?? c.route?.prefix ?? null,
        asPath: c.route?.asPath ?? [],
        routerPath: c.route?.routerPath ?? [],
        decidedBy: c.decision?.by ?? 'unreachable',
        decidedAt: c.decision?.router ?? null,
        arbitrary: (c.arbitraryAt?.length ?? 0) > 0,
        alternative: alternative
          ? {
              pop: alternative.pop,
              prefix: alternative.prefix,
              asPath: alternative.asPath,
              routerPath: alternative.routerPath,
            }
          : null,
        ...(c.decision ? { decision: decisionJson(c.decision) } : {}),
        rttMs: c.rttMs ?? null,
        ...(c.forwardingPath ? { forwardingPath: c.forwardingPath } : {}),
        arbitraryAt: c.arbitraryAt ?? [],
        ...(c.alsoReaches ? { alsoReaches: c.alsoReaches } : {}),
        ...(c.explanation ? { explanation: explanationJson(c.explanation) } : {}),
      };
    }),
    pops: resolution.pops.map((p) => {
      const name = p.name ?? popName(model, p.id);
      return {
        id: p.id,
        ...(name !== undefined ? { name } : {}),
        state: p.state,
        clients: p.clients,
        trafficShare: p.trafficShare,
        meanRttMs: p.meanRttMs ?? null,
      };
    }),
    ...(diff
      ? {
          moved: diff.moved.map((m) => ({
            id: m.id,
            from: m.from ?? null,
            to: m.to ?? null,
            why: m.why,
            rttBeforeMs: m.rttBeforeMs ?? null,
            rttAfterMs: m.rttAfterMs ?? null,
          })),
          lostService: diff.lostService,
        }
      : {}),
    ...(resolution.unstable ? { unstable: resolution.unstable } : {}),
    ...(resolution.orderDependent ? { orderDependent: resolution.orderDependent } : {}),
    warnings: resolution.warnings,
  };
}

function toText(
  model: DocumentModel,
  resolution: Resolution,
  diff: ResolutionDiff | undefined,
  unplaced: string | undefined,
  /** What the clients are shown after: "the failure", or "the what-if" when it also brings a PoP up. */
  change: string,
): string {
  const name = (id: string | undefined): string => (id === undefined ? '-' : popLabel(model, resolution, id));
  const ms = (v: number | undefined): string => (v === undefined ? '-' : `${v.toFixed(1)} ms`);
  const lines: string[] = unplaced ? [`UNPLACED: ${unplaced}`, ''] : [];
  if (resolution.unstable) {
    lines.push(`UNSTABLE: ${resolution.unstable.message}`);
    for (const c of resolution.unstable.cycle)
      lines.push(
        `  ${c.router} keeps switching between: ${c.routes.map((r) => `${r.asPath.join(' ')} (${r.pop})`).join(' | ')}`,
      );
    lines.push('');
  }
  if (resolution.orderDependent) lines.push(...orderText(resolution.orderDependent, name), '');
  lines.push(diff ? `Clients (after ${change}):` : 'Clients:');
  lines.push(
    ...table([
      ['CLIENT', 'POP', 'PREFIX', 'AS PATH', 'DECIDED BY', 'AT', 'NEAREST ALTERNATIVE', 'RTT'],
      ...resolution.clients.map((c) => {
        const d = c.decision;
        return [
          c.id,
          c.pop === undefined ? 'no route' : name(c.pop),
          d?.prefix ?? c.route?.prefix ?? '-',
          c.route?.asPath.join(' ') ?? '-',
          d ? `${d.by}${d.by === 'tie-break' ? ' (arbitrary)' : ''}` : '-',
          d?.router ?? '-',
          d?.alternative ? name(d.alternative.pop) : '-',
          ms(c.rttMs),
        ];
      }),
    ]),
  );
  lines.push('', 'PoPs:');
  lines.push(
    ...table([
      ['POP', 'STATE', 'CLIENTS', 'TRAFFIC', 'MEAN RTT', 'CATCHMENT'],
      ...resolution.pops.map((p) => [
        name(p.id),
        p.state,
        String(p.clients.length),
        percent(p.trafficShare),
        ms(p.meanRttMs),
        p.clients.join(', '),
      ]),
    ]),
  );
  for (const c of resolution.clients) {
    if (c.forwardingPath)
      lines.push(
        `  ${c.id}: its router's route leads to ${name(c.route?.pop)}, but longest-prefix match further on sends the traffic to ${name(c.pop)}: ${c.forwardingPath.join(' > ')}`,
      );
  }
  const fragile = resolution.clients.filter((c) => (c.arbitraryAt?.length ?? 0) > 0);
  if (fragile.length > 0) {
    lines.push(
      '',
      `${fragile.length} of ${resolution.clients.length} clients reach their PoP through an arbitrary choice (the final tie-break chose between routes to different PoPs), fragile under any change:`,
    );
    for (const c of fragile) lines.push(`  ${c.id}: tie-break at ${(c.arbitraryAt ?? []).join(', ')}`);
  }
  if (diff) {
    lines.push('', diff.moved.length === 0 ? 'Moved: nobody.' : 'Moved:');
    for (const m of diff.moved) {
      const rtt =
        m.rttBeforeMs !== undefined || m.rttAfterMs !== undefined
          ? `; RTT ${ms(m.rttBeforeMs)} -> ${ms(m.rttAfterMs)}`
          : '';
      lines.push(`  ${m.id}: ${name(m.from)} -> ${m.to === undefined ? 'no route' : name(m.to)} (${m.why}${rtt})`);
    }
  }
  return lines.join('\n');
}

/** Every stable state found, with the clients whose PoP differs from the one described below it. */
function orderText(order: OrderDependence, name: (id: string | undefined) => string): string[] {
  const first = order.states[0] as StableState;
  const lines = [
    `ORDER-DEPENDENT: ${order.states.length} stable states; which one the network is in depends on the order of events (routers whose choice differs: ${order.routers.join(', ')})`,
  ];
  for (const s of order.states) {
    const differ = s.clients.filter((c, i) => order.states.some((t) => t.clients[i]?.pop !== c.pop));
    const clients = differ.map((c) => `${c.id} -> ${c.pop === undefined ? 'no route' : name(c.pop)}`).join(', ');
    lines.push(`  ${s === first ? 'as written (shown below)' : s.order}: ${clients || 'every client as written'}`);
  }
  return lines;
}

/** At most this many PoPs are named in the line of those whose loss moves no client. */
const QUIET_NAMED = 10;

/**
 * Worst first (with capacities the worst utilisation, then the engine's order); the PoPs whose loss
 * moves nobody folded into one line.
 */
function impactText(
  model: DocumentModel,
  resolution: Resolution,
  impact: readonly CapacityImpact[],
  unit: RateUnit | undefined,
): string[] {
  const name = (id: string): string => popLabel(model, resolution, id);
  const order = unit ? 'worst utilisation, then traffic moved, then RTT increase' : 'traffic moved, then RTT increase';
  const lines = ['', `If one PoP withdraws (N-1), worst first (${order}):`];
  const quiet = impact.filter((i) => i.moved.length === 0 && !i.unstable);
  for (const i of impact) {
    if (quiet.includes(i)) continue;
    const where = i.absorbedBy.map((a) => `${a.clients} to ${name(a.pop)}`).join(', ');
    const moved =
      i.moved.length === 0
        ? 'no client moves'
        : `${i.moved.length} client(s) move, weight ${i.movedWeight}${where ? `: ${where}` : ''}`;
    const lost = i.lostService.length > 0 ? `; ${i.lostService.length} lose service (${i.lostService.join(', ')})` : '';
    const rtt = i.meanRttIncreaseMs !== undefined ? `; RTT +${i.meanRttIncreaseMs.toFixed(1)} ms on average` : '';
    const worst = i.worst
      ? `, worst ${i.worst.client} ${i.worst.rttBeforeMs.toFixed(1)} -> ${i.worst.rttAfterMs.toFixed(1)} ms`
      : '';
    const util = unit && i.worstUtilisation ? `; worst utilisation ${n1WorstText(i.worstUtilisation, unit, name)}` : '';
    lines.push(`  ${name(i.pop)}: ${moved}${lost}${rtt}${worst}${util}${i.unstable ? ' (UNSTABLE without it)' : ''}`);
  }
  if (quiet.length > 0) {
    const named = quiet.slice(0, QUIET_NAMED).map((i) => name(i.pop));
    const more = quiet.length > QUIET_NAMED ? ` and ${quiet.length - QUIET_NAMED} more` : '';
    lines.push(`  ${quiet.length} PoP(s) move no client: ${named.join(', ')}${more}`);
  }
  return lines;
}

interface Resolved {
  readonly topology: Topology;
  readonly scenario: Scenario;
  readonly after: Resolution;
  /** With nothing failed, when something is. */
  readonly before?: Resolution;
  readonly diff?: ResolutionDiff;
}

/** The analysis' own answer (the diagram's tie-break). */
function resolved(routing: ScenarioRouting): Resolved {
  if (!routing.baseline || !routing.resolution)
    throw new CliError(routing.problem ?? 'the routing could not be computed');
  const { topology } = routing.build;
  const { engineScenario: scenario, resolution: after, diff, baseline: before } = routing;
  return { topology, scenario, after, ...(diff ? { diff, before } : {}) };
}

/** With a tie-break other than the diagram's: the same what-if on a topology that breaks ties that way. */
function withTieBreak(
  analysis: DiagramAnalysis,
  failures: DiagramScenario,
  model: TieBreakModel,
  seed: number,
): Resolved {
  const built = analysis.build.topology;
  const topology: Topology = { ...built, tieBreak: { model, ...(model === 'random' ? { seed } : {}) } };
  const scenario = toEngineScenario(failures, analysis.model, analysis.build);
  const failing = !isEmptyScenario(failures);
  const before = resolve(topology);
  const after = failing ? resolve(topology, scenario) : before;
  return { topology, scenario, after, ...(failing ? { diff: diffResolutions(before, after), before } : {}) };
}

/** `--why ID` for a client (where its PoP was decided, and the other stable states) or a router. */
function whyOf(naming: Naming, topology: Topology, after: Resolution, id: string): string[] {
  const client = after.clients.find((c) => c.id === id);
  if (!client) return routerWhy(naming, after, id);
  const routerId = topology.clients.find((c) => c.id === id)?.router ?? id;
  return [
    ...clientWhy(naming, after, client, routerId),
    ...(client.alsoReaches ?? []).map(
      (pop) => `  ${id} may also land on ${naming.pop(pop)}, depending on the order of events (several stable states)`,
    ),
  ];
}

async function runDiagram(args: DiagramArgs, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = decodeDiagram(await io.readFile(args.file));
  } catch (error) {
    throw new CliError(
      `cannot read ${args.file}: ${(error as { code?: string }).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error)}`,
    );
  }
  // One parse and one resolve per scenario: the routing checks read the same baseline as the answer.
  const analysis = new DiagramAnalysis(text);
  const { model, diagnostics } = analysis;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const d of diagnostics.filter((x) => x.severity === 'error' || x.severity === 'warning')) {
    io.err(`${args.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message}`);
  }
  if (errors.length > 0)
    throw new CliError(`${args.file}: ${errors.length} error(s); fix them (see \`anycast check\`) before resolving`);
  const failures = diagramFailures(model, args);
  if (typeof failures === 'string') throw new RequestError(failures);
  const { topology, scenario, after, diff, before } = args.tieBreak
    ? withTieBreak(analysis, failures, args.tieBreak, args.seed)
    : resolved(analysis.underScenario(failures));
  // Each PoP withdrawn once: the clients' impact and, with capacities, the load read the same withdrawals.
  const shared = args.failEach ? withdrawals(failureBase(topology, scenario)) : undefined;
  const engineImpact = shared ? popFailureImpact(topology, scenario, {}, after, shared) : undefined;
  const n1 =
    shared && hasCapacities(model) ? n1Capacity(model, analysis.build, scenario, { withdrawals: shared }) : undefined;
  const impact = engineImpact && n1 ? withWorstUtilisation(engineImpact, n1) : engineImpact;
  for (const id of args.why) {
    if (!after.clients.some((c) => c.id === id) && !after.routers.some((r) => r.id === id))
      throw new RequestError(
        `--why ${id}: no client or router has that id; clients: ${after.clients.map((c) => c.id).join(', ') || 'none'}`,
      );
  }
  const loadOptions = { attack: args.attack };
  const load = hasLoadFigures(model) ? computeLoad(model, analysis.build, after, loadOptions) : undefined;
  const loadBefore = load && before ? computeLoad(model, analysis.build, before, loadOptions) : undefined;
  if (args.attack && !load?.attack?.flows.length)
    io.err(`${args.file}: --attack: the diagram states no attack (attack: on a client or an AS, or per subgraph)`);
  if (args.json)
    io.out(
      JSON.stringify({
        ...toJson(model, after, diff),
        ...(impact ? { impact } : {}),
        ...(load ? { load: loadJson(load, loadBefore) } : {}),
      }),
    );
  else {
    const naming: Naming = { model, build: analysis.build, pop: (id) => popLabel(model, after, id) };
    const whyLines = args.why.flatMap((id) => ['', ...whyOf(naming, topology, after, id)]);
    const unplaced = unplacedSentence(model, analysis.build);
    const loadLines = load ? loadText(load, loadBefore, naming.pop, table) : [];
    io.out(
      [
        toText(model, after, diff, unplaced, failures.upPops ? 'the what-if' : 'the failure'),
        ...loadLines,
        ...(impact ? impactText(model, after, impact, n1?.[0]?.load.unit) : []),
        ...whyLines,
      ].join('\n'),
    );
  }
  for (const w of after.warnings) io.err(`${args.file}: warning: ${w}`);
  return after.unstable ? 3 : 0;
}

/** `anycast resolve`: a diagram, or with --as-rel a CAIDA AS graph. */
export async function runResolve(args: readonly string[], io: CliIo): Promise<number> {
  if (wantsHelp(args)) {
    io.out(resolveHelp);
    return 0;
  }
  try {
    if (wantsAsRel(args)) return await runAsRel(parseAsRelArgs(args), io);
    return await runDiagram(parseDiagramArgs(args), io);
  } catch (error) {
    if (error instanceof UsageError) return usageError('resolve', error.message, io);
    if (error instanceof CliError || error instanceof RequestError) {
      io.err(`anycast resolve: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
