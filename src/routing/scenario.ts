/**
 * A what-if on a diagram, in the diagram's own terms (PoP node ids, edges by their two ends, AS
 * node ids) so it survives edits that renumber edges: the one scenario type from the language to
 * the protocol, converted to the engine's `Scenario` here only. Also how a user names the things
 * to fail (the CLI's flags, the simulation's requests). Pure.
 */
import type { Scenario } from '../engine/types';
import { editDistance } from '../language/places/gazetteerKeys';
import type { DocumentModel, NodeModel } from '../language/meaning/model';
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
  /** PoP node ids the file marks `state: down`, shown up (announcing) in this what-if. */
  readonly upPops?: readonly string[];
  /** Policy changes tried on top of the text (a suggestion previewed); none when absent. */
  readonly changes?: readonly PolicyChange[];
}

/**
 * A policy change a suggestion makes, in the diagram's terms: what the edge's tail does on the
 * session (and its head too on `<-->` and `---`, as the label's words do), or a PoP withdrawn.
 */
export type PolicyChange =
  /** The tail prepends its ASN `count` times (0 removes the prepend). */
  | { readonly kind: 'prepend'; readonly edge: EdgeKey; readonly count: number }
  /** The tail attaches NO_EXPORT to what it sends. */
  | { readonly kind: 'no-export'; readonly edge: EdgeKey }
  /** The tail sets LOCAL_PREF `value` on the routes it hears over the session. */
  | { readonly kind: 'local-pref'; readonly edge: EdgeKey; readonly value: number }
  /** The PoP stops announcing (`state: down`). */
  | { readonly kind: 'withdraw'; readonly pop: string };

/** One string per change, for memo keys and stable ordering. */
export function changeKey(c: PolicyChange): string {
  switch (c.kind) {
    case 'withdraw':
      return `withdraw\u0000${c.pop}`;
    case 'no-export':
      return `no-export\u0000${c.edge.from}\u0000${c.edge.to}`;
    case 'prepend':
      return `prepend\u0000${c.edge.from}\u0000${c.edge.to}\u0000${c.count}`;
    case 'local-pref':
      return `local-pref\u0000${c.edge.from}\u0000${c.edge.to}\u0000${c.value}`;
  }
}

export const noFailures: DiagramScenario = { failedPops: [], failedLinks: [], failedAses: [] };

/** Only these PoPs failed. */
export function failingPops(pops: readonly string[]): DiagramScenario {
  return { ...noFailures, failedPops: pops };
}

export function isEmptyScenario(s: DiagramScenario): boolean {
  return !hasFailures(s) && (s.upPops ?? []).length === 0 && (s.changes ?? []).length === 0;
}

/** Something is taken down (as opposed to only PoPs the file marks down shown up). */
export function hasFailures(s: DiagramScenario): boolean {
  return s.failedPops.length > 0 || s.failedLinks.length > 0 || s.failedAses.length > 0;
}

/** The PoP's `state: down` in the file. */
export function isWrittenDown(node: NodeModel): boolean {
  return node.role === 'pop' && node.state?.value === 'down';
}

/** One string per distinct scenario, whatever the order things were failed in: the analysis' memo key. */
export function scenarioKey(s: DiagramScenario): string {
  const sorted = (xs: readonly string[]): string[] => [...xs].sort();
  return JSON.stringify([
    sorted(s.failedPops),
    sorted(s.failedLinks.map((k) => `${k.from}\u0000${k.to}`)),
    sorted(s.failedAses),
    sorted(s.upPops ?? []),
    sorted((s.changes ?? []).map(changeKey)),
  ]);
}

export function sameEdge(a: EdgeKey, b: EdgeKey): boolean {
  return a.from === b.from && a.to === b.to;
}

/** The part of `scenario` that still names things in `model` (the text may have changed under it). */
export function pruneScenario(scenario: DiagramScenario, model: DocumentModel): DiagramScenario {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const roleOf = (id: string): string | undefined => byId.get(id)?.role;
  const upPops = (scenario.upPops ?? []).filter((id) => {
    const node = byId.get(id);
    return node !== undefined && isWrittenDown(node);
  });
  const isSession = (k: EdgeKey): boolean => model.edges.some((e) => e.meaning.kind === 'session' && sameEdge(e, k));
  const changes = (scenario.changes ?? []).filter((c) =>
    c.kind === 'withdraw' ? roleOf(c.pop) === 'pop' : isSession(c.edge),
  );
  return {
    failedPops: scenario.failedPops.filter((id) => roleOf(id) === 'pop'),
    failedLinks: scenario.failedLinks.filter(isSession),
    failedAses: scenario.failedAses.filter((id) => roleOf(id) === 'as'),
    ...(upPops.length > 0 ? { upPops } : {}),
    ...(changes.length > 0 ? { changes } : {}),
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
  const origins = new Set(build.topology.origins.map((o) => o.id));
  const withdrawn = (scenario.changes ?? []).flatMap((c) => (c.kind === 'withdraw' ? [c.pop] : []));
  const failedPops = [...new Set([...scenario.failedPops, ...withdrawn])].filter((id) => origins.has(id));
  const upPops = (scenario.upPops ?? []).filter((id) => origins.has(id));
  return {
    ...(failedPops.length > 0 ? { failedPops } : {}),
    ...(upPops.length > 0 ? { upPops } : {}),
    ...(failedSessions.length > 0 ? { failedSessions } : {}),
    ...(failedAses.length > 0 ? { failedAses } : {}),
  };
}

function toggled(ids: readonly string[], id: string): readonly string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/**
 * Fails a PoP that is up, restores one that is failed; a PoP the file marks down is shown up
 * instead (never "failed"), and shown as the file has it again on the next toggle.
 */
export function togglePop(scenario: DiagramScenario, pop: string, writtenDown = false): DiagramScenario {
  if (!writtenDown) return { ...scenario, failedPops: toggled(scenario.failedPops, pop) };
  const upPops = toggled(scenario.upPops ?? [], pop);
  const { upPops: _dropped, ...rest } = scenario;
  return upPops.length > 0 ? { ...rest, upPops } : rest;
}

/** The PoP a user named, by node id or (case-insensitive) display name, as the CLI's `--fail` takes it. */
export function findPop(model: DocumentModel, wanted: string): NodeModel | undefined {
  const pops = model.nodes.filter((n) => n.role === 'pop');
  return pops.find((p) => p.id === wanted) ?? pops.find((p) => p.name.toLowerCase() === wanted.toLowerCase());
}

/** The diagram's PoPs for an error message: `PoPUS (US-East), PoPEU (EU-West)`, the nearest to `wanted` first when many. */
export function popList(model: DocumentModel, wanted = ''): string {
  const pops = model.nodes.filter((n) => n.role === 'pop');
  return offeredNames(
    pops.map((p) => (p.name === p.id ? p.id : `${p.id} (${p.name})`)),
    wanted,
  );
}

/** At most this many names in an error message; past it, the nearest to what was asked and a count. */
export const OFFERED_NAMES = 10;

/**
 * Names to offer after a lookup failed: all of them when few (in diagram order), else the ones
 * nearest to `wanted` by edit distance (ties in diagram order) and how many more there are.
 */
export function offeredNames(names: readonly string[], wanted: string): string {
  if (names.length === 0) return 'none';
  if (names.length <= OFFERED_NAMES) return names.join(', ');
  const key = wanted.toLowerCase();
  const nearest = names
    .map((name, index) => ({ name, index, distance: editDistance(key, name.toLowerCase(), 64) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, OFFERED_NAMES)
    .map((n) => n.name);
  return `${nearest.join(', ')} and ${names.length - OFFERED_NAMES} more`;
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
export function asList(model: DocumentModel, wanted = ''): string {
  return offeredNames(
    model.nodes.filter((n) => n.role === 'as').map((n) => `${n.id} (${displayName(n)})`),
    wanted,
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
export function linkList(model: DocumentModel, wanted = ''): string {
  return offeredNames(
    model.edges.filter((e) => e.meaning.kind === 'session').map((e) => `${e.from}--${e.to}`),
    wanted,
  );
}

/** The node's display name: `US-East`, `AS174 Cogent`. */
export function displayName(node: NodeModel): string {
  return node.role === 'as' && node.asn ? `AS${node.asn.value} ${node.name}` : node.name;
}
