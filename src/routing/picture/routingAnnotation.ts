/**
 * The resolver's answer, said about the user's own diagram: which colour each PoP wears, which PoP
 * serves each client, the path its traffic takes, catchment sizes, what a failure moved. Plain
 * data the preview paints onto its SVG without laying out again, and that annotatedMermaid.ts
 * writes as mermaid text. Pure and deterministic.
 */
import type { ClientResult, Resolution, Route } from '../../engine/types';
import { clientRoutes } from '../words/clientRoute';
import type { ClientRoute } from '../words/clientRoute';
import { popDecisionByWords } from '../words/decisionWords';
import { percent, plural } from '../words/figures';
import type { DocumentModel, NodeModel, NodeRole } from '../../language/meaning/model';
import { isWrittenDown } from '../scenario';
import { baselinePopColors } from './popColors';
import type { LoadReport } from '../load';
import { attackAnnotation, legendLoad, loadSummaryLine, nodeLoad } from './loadAnnotation';
import type { AttackAnnotation, LegendLoad, NodeLoad } from './loadAnnotation';

export { paletteSize } from './palette';

/** The routing facts of one diagram node, keyed by its mermaid node id. */
export interface NodeAnnotation {
  readonly id: string;
  readonly role: 'pop' | 'as' | 'client' | 'service' | 'other';
  /** Palette slot: a PoP's own colour, or for a client the colour of the PoP that serves it. */
  readonly color?: number;
  /** For a client: the node id of the PoP that serves it; absent when no PoP is reachable. */
  readonly pop?: string;
  /** A PoP that does not announce (failed in the scenario or written down). */
  readonly withdrawn?: boolean;
  /** An AS failed in the scenario or written down: it carries no route. */
  readonly failed?: boolean;
  /** A client served by a different PoP than with nothing failed. */
  readonly moved?: boolean;
  /** A client that no PoP reaches. */
  readonly unreachable?: boolean;
  /** For a client: node ids its traffic crosses, from the client to the PoP. */
  readonly path?: readonly string[];
  /** Route summary shown when hovering the node, one line each. */
  readonly summary: readonly string[];
  /** For a PoP above the load threshold or over capacity: its marking. */
  readonly load?: NodeLoad;
}

/** One line of the legend: a PoP, its catchment and traffic share. */
export interface LegendAnnotation {
  readonly pop: string;
  readonly label: string;
  readonly color: number;
  readonly clients: number;
  /** Share of total client weight, 0..1. */
  readonly share: number;
  readonly withdrawn: boolean;
  /** The file marks it `state: down`: its button shows it up in the simulation (or down again), never fails it. */
  readonly writtenDown?: boolean;
  /** Its load and utilisation, when the diagram states traffic. */
  readonly load?: LegendLoad;
}

/** What the preview paints and the annotated text shows. */
export interface RoutingAnnotation {
  readonly nodes: readonly NodeAnnotation[];
  readonly legend: readonly LegendAnnotation[];
  /** A one-line headline, e.g. "US-East down · 1 client moved"; empty when nothing failed. */
  readonly headline: string;
  /** Edges (document order) whose BGP sessions are all down: failed links and the links of failed ASes. */
  readonly failedEdges?: readonly number[];
  /** Set when the engine could not resolve (e.g. no stable routing): shown, picture kept. */
  readonly problem?: string;
  /** Present when the diagram states an attack: the Simulate attack toggle and, when on, its totals. */
  readonly attack?: AttackAnnotation;
}

export interface RoutingInput {
  readonly resolution: Resolution;
  /** The resolution with nothing failed, to tell which clients moved; omit when nothing failed. */
  readonly baseline?: Resolution;
  /** PoP node ids failed in the scenario (written-down PoPs come from the resolution itself). */
  readonly failedPops?: readonly string[];
  /** The what-if in one line (see simulationHeadline); empty when nothing failed. */
  readonly headline: string;
  /** Maps an engine id (router, origin, client) back to the diagram node it came from. */
  readonly nodeOf: (engineId: string) => string | undefined;
  /** Engine session ids and ASNs failed in the scenario, drawn as failed edges and ASes. */
  readonly failedSessions?: readonly string[];
  readonly failedAses?: readonly number[];
  /** Engine session id → the edge it came from (undefined for implicit sessions). */
  readonly sessionEdge?: Readonly<Record<string, number | undefined>>;
  /** The load under `resolution`, and under `baseline` when something is failed. */
  readonly load?: LoadReport;
  readonly loadBefore?: LoadReport;
  /** Whether the attack is simulated (it is then part of `load`). */
  readonly attackOn?: boolean;
}

function roleOf(role: NodeRole): NodeAnnotation['role'] {
  return role === 'narrative' ? 'other' : role;
}

/** Node ids the route's traffic crosses, from `start`, with repeats (routers of one node) folded. */
function pathNodes(start: string, route: Route | undefined, nodeOf: RoutingInput['nodeOf']): string[] {
  const path = [start];
  for (const router of route?.routerPath ?? []) {
    const node = nodeOf(router);
    if (node !== undefined && node !== path[path.length - 1]) path.push(node);
  }
  return path;
}

function asPathText(route: Route): string {
  return route.asPath.length === 0 ? '(local)' : route.asPath.join(' ');
}

/** The route said in the preview's node tooltip, one plain line each. */
function clientSummary(
  node: NodeModel,
  route: ClientRoute | undefined,
  name: (id: string) => string,
  nodeOf: RoutingInput['nodeOf'],
): string[] {
  if (!route?.pop || !route.asPath) return [`${node.name}: no PoP reachable`];
  const lines = [
    `${node.name} → ${name(route.pop)}`,
    `AS path ${route.asPath.length === 0 ? '(local)' : route.asPath.join(' ')}`,
  ];
  const decision = route.decision;
  if (decision) {
    const at = name(nodeOf(decision.router) ?? decision.router);
    const over = route.alternativePop !== undefined ? ` over ${name(route.alternativePop)}` : '';
    const prefix = decision.by === 'more-specific-prefix' ? ` ${decision.prefix}` : '';
    lines.push(
      decision.by === 'only-pop'
        ? `Only PoP reachable along its path (${decision.prefix})`
        : `Decided at ${at} by ${popDecisionByWords[decision.by]}${prefix}${over}${decision.by === 'tie-break' ? ' (arbitrary)' : ''}`,
    );
  }
  for (const pop of route.alsoReaches ?? [])
    lines.push(`May also land on ${name(pop)}, depending on the order of events`);
  if (route.rttMs !== undefined) lines.push(`RTT ≈ ${Math.round(route.rttMs)} ms`);
  if (route.movedFrom !== undefined) lines.push(`Moved from ${name(route.movedFrom)}`);
  return lines;
}

function popAnnotation(
  node: NodeModel,
  result: Resolution['pops'][number] | undefined,
  failed: boolean,
  color: number,
): NodeAnnotation {
  const withdrawn = failed || result?.state === 'down';
  const clients = result?.clients.length ?? 0;
  const summary = withdrawn
    ? [`${node.name}: withdrawn`, failed ? 'Failed in this simulation' : 'Written down in the diagram']
    : [`${node.name}: ${plural(clients, 'client')} · ${percent(result?.trafficShare ?? 0)} of traffic`];
  if (!withdrawn && isWrittenDown(node)) summary.push('Up in this simulation (down in the file)');
  if (node.asn) summary.push(`Origin AS${node.asn.value}`);
  return { id: node.id, role: 'pop', color, withdrawn, summary };
}

const loadOf = <T>(load: T | undefined): { load?: T } => (load === undefined ? {} : { load });

/** A PoP that is up gets its load in the tooltip and, above the threshold, a marking. */
function withLoad(pop: NodeAnnotation, input: RoutingInput): NodeAnnotation {
  const report = input.load;
  if (!report || pop.withdrawn) return pop;
  const line = loadSummaryLine(report, pop.id, input.loadBefore);
  const summary = line === undefined ? pop.summary : [...pop.summary.slice(0, 1), line, ...pop.summary.slice(1)];
  return { ...pop, summary, ...loadOf(nodeLoad(report, pop.id)) };
}

/** ASes down in the file or failed in the scenario. */
function failedAsNodes(model: DocumentModel, failedAses: readonly number[]): Set<string> {
  const failed = model.nodes.filter(
    (n) => n.role === 'as' && (n.state?.value === 'down' || (n.asn !== undefined && failedAses.includes(n.asn.value))),
  );
  return new Set(failed.map((n) => n.id));
}

/** Edges whose every session failed, and every edge of a failed AS. */
function failedEdgesOf(model: DocumentModel, input: RoutingInput, failedAses: ReadonlySet<string>): number[] {
  const failed = new Set<number>();
  for (const edge of model.edges) if (failedAses.has(edge.from) || failedAses.has(edge.to)) failed.add(edge.index);
  const down = new Set(input.failedSessions ?? []);
  const sessionsOf = new Map<number, string[]>();
  for (const [session, edge] of Object.entries(input.sessionEdge ?? {})) {
    if (edge !== undefined) sessionsOf.set(edge, [...(sessionsOf.get(edge) ?? []), session]);
  }
  for (const [edge, sessions] of sessionsOf) if (sessions.every((s) => down.has(s))) failed.add(edge);
  return [...failed].sort((a, b) => a - b);
}

function asAnnotation(
  node: NodeModel,
  best: Route | undefined,
  failed: boolean,
  popName: (id: string) => string,
): NodeAnnotation {
  const head = node.asn ? `AS${node.asn.value} ${node.name}` : node.name;
  if (failed) return { id: node.id, role: 'as', failed: true, summary: [head, 'Failed: carries no route'] };
  const summary = best
    ? [head, `Best route → ${popName(best.pop)}`, `AS path ${asPathText(best)}`]
    : [head, 'No route to the anycast prefix'];
  return { id: node.id, role: 'as', summary };
}

/** One legend line per PoP: colour, catchment, share and load. */
function legendOf(
  pops: readonly NodeModel[],
  popResults: ReadonlyMap<string, Resolution['pops'][number]>,
  colorOf: ReadonlyMap<string, number>,
  failed: ReadonlySet<string>,
  input: RoutingInput,
): LegendAnnotation[] {
  return pops.map((pop) => {
    const result = popResults.get(pop.id);
    return {
      pop: pop.id,
      label: pop.name,
      color: colorOf.get(pop.id) ?? 0,
      clients: result?.clients.length ?? 0,
      share: result?.trafficShare ?? 0,
      withdrawn: failed.has(pop.id) || result?.state === 'down',
      ...(isWrittenDown(pop) ? { writtenDown: true } : {}),
      ...loadOf(input.load && legendLoad(input.load, pop.id, input.loadBefore)),
    };
  });
}

/** Computes what to show for `model` under `input`'s resolution. */
export function annotateRouting(model: DocumentModel, input: RoutingInput): RoutingAnnotation {
  const { resolution, baseline, nodeOf } = input;
  const pops = model.nodes.filter((n) => n.role === 'pop');
  const colorOf = baselinePopColors(model, input.baseline ?? input.resolution, input.nodeOf);
  const failedAses = failedAsNodes(model, input.failedAses ?? []);
  const nameOf = new Map(model.nodes.map((n) => [n.id, n.name]));
  const popNode = (engineId: string | undefined): string | undefined =>
    engineId === undefined ? undefined : (nodeOf(engineId) ?? engineId);

  const popResults = new Map<string, Resolution['pops'][number]>();
  for (const pop of resolution.pops) {
    const node = popNode(pop.id);
    if (node !== undefined) popResults.set(node, pop);
  }
  const clientResults = new Map<string, ClientResult>();
  for (const client of resolution.clients) {
    const node = nodeOf(client.id) ?? client.id;
    clientResults.set(node, client);
  }
  const routes = clientRoutes(resolution, baseline, nodeOf);
  const name = (id: string): string => nameOf.get(id) ?? id;
  const routerResults = new Map<string, Resolution['routers'][number]>();
  for (const router of resolution.routers) {
    const node = nodeOf(router.id);
    if (node !== undefined && !routerResults.has(node)) routerResults.set(node, router);
  }
  const failed = new Set(input.failedPops ?? []);

  const nodes: NodeAnnotation[] = model.nodes.map((node): NodeAnnotation => {
    const role = roleOf(node.role);
    if (node.role === 'pop')
      return withLoad(
        popAnnotation(node, popResults.get(node.id), failed.has(node.id), colorOf.get(node.id) ?? 0),
        input,
      );
    if (node.role === 'client') {
      const route = routes.get(node.id);
      const summary = clientSummary(node, route, name, nodeOf);
      const pop = route?.pop;
      if (pop === undefined) return { id: node.id, role, unreachable: true, summary };
      const color = colorOf.get(pop);
      return {
        id: node.id,
        role,
        ...(color === undefined ? {} : { color }),
        pop,
        ...(route?.movedFrom !== undefined ? { moved: true } : {}),
        path: pathNodes(node.id, clientResults.get(node.id)?.route, nodeOf),
        summary,
      };
    }
    if (node.role === 'as')
      return asAnnotation(node, routerResults.get(node.id)?.best, failedAses.has(node.id), (pop) =>
        name(popNode(pop) ?? pop),
      );
    if (node.role === 'service') {
      return { id: node.id, role, summary: [node.address ? `Anycast address ${node.address.value}` : node.name] };
    }
    return { id: node.id, role, summary: [] };
  });

  const legend = legendOf(pops, popResults, colorOf, failed, input);

  const headline = input.headline;
  const failedEdges = failedEdgesOf(model, input, failedAses);
  const attack = attackAnnotation(model, input.load, input.attackOn ?? false);
  const drawn = {
    nodes,
    legend,
    headline,
    ...(failedEdges.length > 0 ? { failedEdges } : {}),
    ...(attack ? { attack } : {}),
  };
  return resolution.unstable ? { ...drawn, problem: resolution.unstable.message } : drawn;
}
