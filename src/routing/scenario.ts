/**
 * A what-if on a diagram, in the diagram's own terms (PoP node ids, edges by their two ends, AS
 * node ids) so it survives edits that renumber edges, and the routing analysis under it: the
 * topology, the resolution with nothing failed, the resolution under the what-if, and what moved.
 * The editor computes one analysis per (document version, what-if) and every view reads it. Pure.
 */
import { diffResolutions, resolve } from '../engine/index';
import type { Resolution, ResolutionDiff, Scenario } from '../engine/types';
import { parseDocument } from '../language/index';
import type { ParsedDocument } from '../language/index';
import type { DocumentModel, EdgeModel, NodeModel } from '../language/meaning/model';
import { percent, plural } from './words/figures';
import { toTopology } from './topology';
import type { TopologyBuild } from './topology';

/** An edge named by its ends as written (`A --> B` is `{ from: 'A', to: 'B' }`). */
export interface EdgeKey {
  readonly from: string;
  readonly to: string;
}

export interface DiagramScenario {
  /** PoP node ids taken down (their announcements withdrawn). */
  readonly failedPops: readonly string[];
  /** BGP session edges taken down. */
  readonly failedLinks: readonly EdgeKey[];
  /** AS node ids taken down (every router and session of the AS). */
  readonly failedAses: readonly string[];
}

export const noFailures: DiagramScenario = { failedPops: [], failedLinks: [], failedAses: [] };

export function isEmptyScenario(s: DiagramScenario): boolean {
  return s.failedPops.length === 0 && s.failedLinks.length === 0 && s.failedAses.length === 0;
}

export function sameEdge(a: EdgeKey, b: EdgeKey): boolean {
  return a.from === b.from && a.to === b.to;
}

/** Beyond this many routers plus sessions the editor does not resolve on every keystroke (the CLI does). */
export const maxEditorTopologySize = 20_000;

export interface RoutingAnalysis {
  readonly parsed: ParsedDocument;
  readonly scenario: DiagramScenario;
  /** The engine's scenario for `scenario` (session ids and ASNs of this version of the text). */
  readonly engineScenario: Scenario;
  readonly build: TopologyBuild;
  /** With nothing failed in the simulation (PoPs written down in the text stay down). */
  readonly baseline?: Resolution;
  /** Under the simulation; the baseline itself when nothing is failed. */
  readonly resolution?: Resolution;
  /** Present when something is failed. */
  readonly diff?: ResolutionDiff;
  /** Why there is no resolution (too large), or that routing is unstable. */
  readonly problem?: string;
  /** The diagram node an engine id (router, origin, client) stands for. */
  nodeOf(engineId: string): string | undefined;
}

/** The part of `scenario` that still names things in `model` (the text may have changed under it). */
export function pruneScenario(scenario: DiagramScenario, model: DocumentModel): DiagramScenario {
  const roleOf = new Map(model.nodes.map((n) => [n.id, n.role]));
  return {
    failedPops: scenario.failedPops.filter((id) => roleOf.get(id) === 'pop'),
    failedLinks: scenario.failedLinks.filter((k) =>
      model.edges.some((e) => e.meaning.kind === 'session' && sameEdge(e, k)),
    ),
    failedAses: scenario.failedAses.filter((id) => roleOf.get(id) === 'as'),
  };
}

/** The engine scenario for a diagram scenario, against one build of the topology. */
export function toEngineScenario(scenario: DiagramScenario, model: DocumentModel, build: TopologyBuild): Scenario {
  const edgeIndexes = new Set(
    model.edges.filter((e) => scenario.failedLinks.some((k) => sameEdge(e, k))).map((e) => e.index),
  );
  const failedSessions = Object.entries(build.mapping.sessionEdge)
    .filter(([, index]) => index !== undefined && edgeIndexes.has(index))
    .map(([id]) => id);
  const asnOf = new Map(model.nodes.map((n) => [n.id, n.asn?.value]));
  const failedAses = [
    ...new Set(scenario.failedAses.map((id) => asnOf.get(id)).filter((asn): asn is number => asn !== undefined)),
  ];
  return {
    ...(scenario.failedPops.length > 0 ? { failedPops: [...scenario.failedPops] } : {}),
    ...(failedSessions.length > 0 ? { failedSessions } : {}),
    ...(failedAses.length > 0 ? { failedAses } : {}),
  };
}

/** Parses `text` and resolves it with nothing failed and under `scenario`. Never throws. */
export function analyzeRouting(
  text: string,
  scenario: DiagramScenario = noFailures,
  parsed: ParsedDocument = parseDocument(text),
): RoutingAnalysis {
  const model = parsed.model;
  const build = toTopology(model);
  const kept = pruneScenario(scenario, model);
  const engineScenario = toEngineScenario(kept, model, build);
  const nodeIds = new Set(model.nodes.map((n) => n.id));
  const routerNode = build.mapping.routerNode;
  const nodeOf = (engineId: string): string | undefined =>
    engineId in routerNode ? routerNode[engineId] : nodeIds.has(engineId) ? engineId : undefined;
  const base = { parsed, scenario: kept, engineScenario, build, nodeOf };
  const size = build.topology.routers.length + build.topology.sessions.length;
  if (size > maxEditorTopologySize) {
    return {
      ...base,
      problem: `This diagram has ${size} routers and sessions; the editor resolves at most ${maxEditorTopologySize} (use \`anycast resolve\` in a terminal).`,
    };
  }
  try {
    const baseline = resolve(build.topology);
    if (isEmptyScenario(kept))
      return {
        ...base,
        baseline,
        resolution: baseline,
        ...(baseline.unstable ? { problem: baseline.unstable.message } : {}),
      };
    const resolution = resolve(build.topology, engineScenario);
    const diff = diffResolutions(baseline, resolution);
    return {
      ...base,
      baseline,
      resolution,
      diff,
      ...(resolution.unstable ? { problem: resolution.unstable.message } : {}),
    };
  } catch (error) {
    return {
      ...base,
      problem: `The routing could not be computed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Fails a PoP that is up, restores one that is failed. */
export function togglePop(scenario: DiagramScenario, pop: string): DiagramScenario {
  const failedPops = scenario.failedPops.includes(pop)
    ? scenario.failedPops.filter((p) => p !== pop)
    : [...scenario.failedPops, pop];
  return { ...scenario, failedPops };
}

/** What can fail in a diagram: its PoPs, its BGP session edges and its ASes. */
export interface FailureChoice {
  readonly kind: 'pop' | 'link' | 'as';
  /** Node id (pop, as) or `from → to` (link). */
  readonly key: string;
  readonly label: string;
  /** State and, for a PoP, its catchment: "up · 12 clients · 40%". */
  readonly description: string;
  /** Failed in the current simulation. */
  readonly failed: boolean;
  readonly pop?: string;
  readonly link?: EdgeKey;
  readonly as?: string;
}

/** The PoP a user named, by node id or (case-insensitive) display name, as the CLI's `--fail` takes it. */
export function findPop(model: DocumentModel, wanted: string): NodeModel | undefined {
  const pops = model.nodes.filter((n) => n.role === 'pop');
  return pops.find((p) => p.id === wanted) ?? pops.find((p) => p.name.toLowerCase() === wanted.toLowerCase());
}

/** The diagram's PoPs for an error message: `PoPUS (US-East), PoPEU (EU-West)`. */
export function popList(model: DocumentModel): string {
  const pops = model.nodes.filter((n) => n.role === 'pop');
  return pops.map((p) => (p.name === p.id ? p.id : `${p.id} (${p.name})`)).join(', ') || 'none';
}

/** The AS a user named: its number (174, AS174), else its node id or (case-insensitive) name. */
export function findAs(model: DocumentModel, wanted: string): NodeModel | undefined {
  const ases = model.nodes.filter((n) => n.role === 'as');
  const number = /^(?:AS)?(\d{1,10})$/i.exec(wanted.trim());
  if (number) return ases.find((n) => n.asn?.value === Number(number[1]));
  const lower = wanted.toLowerCase();
  return (
    ases.find((n) => n.id === wanted) ??
    ases.find(
      (n) => n.id.toLowerCase() === lower || n.name.toLowerCase() === lower || displayName(n).toLowerCase() === lower,
    )
  );
}

/** The diagram's ASes for an error message: `T1 (AS174 Cogent), T2 (AS2914 NTT)`. */
export function asList(model: DocumentModel): string {
  return (
    model.nodes
      .filter((n) => n.role === 'as')
      .map((n) => `${n.id} (${displayName(n)})`)
      .join(', ') || 'none'
  );
}

/**
 * The BGP session edge a user named as its two ends, `A--B` (also `A,B`, `A-->B`, `A<-->B`), each
 * end a node id or name, in either direction. Every place the separator could split is tried, so
 * ids with dashes work.
 */
export function findLink(model: DocumentModel, wanted: string): EdgeKey | undefined {
  const nodeNamed = (text: string): NodeModel | undefined => {
    const t = text.trim();
    const lower = t.toLowerCase();
    return (
      model.nodes.find((n) => n.id === t) ??
      model.nodes.find((n) => n.name.toLowerCase() === lower || displayName(n).toLowerCase() === lower)
    );
  };
  for (const m of wanted.matchAll(/<-->|<->|-->|--|,|↔/g)) {
    const a = nodeNamed(wanted.slice(0, m.index));
    const b = nodeNamed(wanted.slice(m.index + m[0].length));
    if (!a || !b) continue;
    const edge = model.edges.find(
      (e) => e.meaning.kind === 'session' && ((e.from === a.id && e.to === b.id) || (e.from === b.id && e.to === a.id)),
    );
    if (edge) return { from: edge.from, to: edge.to };
  }
  return undefined;
}

/** The diagram's BGP session edges for an error message: `P0--T0, T0--T1`. */
export function linkList(model: DocumentModel): string {
  return (
    model.edges
      .filter((e) => e.meaning.kind === 'session')
      .map((e) => `${e.from}--${e.to}`)
      .join(', ') || 'none'
  );
}

/** The node's display name: `US-East`, `AS174 Cogent`. */
export function displayName(node: NodeModel): string {
  return node.role === 'as' && node.asn ? `AS${node.asn.value} ${node.name}` : node.name;
}

function linkLabel(edge: EdgeModel, nameOf: (id: string) => string): string {
  const m = edge.meaning;
  const rel = m.kind === 'session' ? (m.relationship === 'peer-peer' ? 'peer' : 'transit') : '';
  return `${nameOf(edge.from)} ↔ ${nameOf(edge.to)}${rel ? ` (${rel})` : ''}`;
}

/** Everything the "Simulate Failure..." picker offers, PoPs first, with their state and catchment. */
export function failureChoices(analysis: RoutingAnalysis): FailureChoice[] {
  const model = analysis.parsed.model;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string): string => {
    const n = byId.get(id);
    return n ? displayName(n) : id;
  };
  const baselinePops = new Map((analysis.baseline?.pops ?? []).map((p) => [p.id, p]));
  const choices: FailureChoice[] = [];
  for (const node of model.nodes) {
    if (node.role !== 'pop') continue;
    const failed = analysis.scenario.failedPops.includes(node.id);
    const result = baselinePops.get(node.id);
    const writtenDown = node.state?.value === 'down';
    const state = writtenDown ? 'withdrawn in the diagram' : failed ? 'failed' : 'up';
    const catchment =
      result && !writtenDown ? ` · ${plural(result.clients.length, 'client')} · ${percent(result.trafficShare)}` : '';
    choices.push({
      kind: 'pop',
      key: node.id,
      label: node.name,
      description: `PoP · ${state}${catchment}`,
      failed,
      pop: node.id,
    });
  }
  for (const edge of model.edges) {
    if (edge.meaning.kind !== 'session') continue;
    const link = { from: edge.from, to: edge.to };
    const failed = analysis.scenario.failedLinks.some((k) => sameEdge(k, link));
    const writtenDown = edge.meaning.state?.value === 'down';
    choices.push({
      kind: 'link',
      key: `${edge.from} → ${edge.to}`,
      label: linkLabel(edge, nameOf),
      description: `link · ${writtenDown ? 'down in the diagram' : failed ? 'failed' : 'up'}`,
      failed,
      link,
    });
  }
  for (const node of model.nodes) {
    if (node.role !== 'as') continue;
    const failed = analysis.scenario.failedAses.includes(node.id);
    choices.push({
      kind: 'as',
      key: node.id,
      label: displayName(node),
      description: `AS · ${node.state?.value === 'down' ? 'down in the diagram' : failed ? 'failed' : 'up'}`,
      failed,
      as: node.id,
    });
  }
  return choices;
}

/** The scenario made of the chosen items. */
export function scenarioOfChoices(chosen: readonly FailureChoice[]): DiagramScenario {
  return {
    failedPops: chosen.flatMap((c) => (c.pop !== undefined ? [c.pop] : [])),
    failedLinks: chosen.flatMap((c) => (c.link !== undefined ? [c.link] : [])),
    failedAses: chosen.flatMap((c) => (c.as !== undefined ? [c.as] : [])),
  };
}
