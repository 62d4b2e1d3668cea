/**
 * The preview's layout of a big diagram: above a threshold, the clients that sit in an access AS
 * through metadata alone (`C@{ in: E }`, on a line of their own, in no edge) are drawn as one node
 * per access AS showing their count. The groups depend on the text only, never on routing, so a
 * failure toggle restyles the same picture and moves no node; the routing keeps every client.
 */
import type { DocumentModel, NodeModel } from './model';
import type { NodeAnnotation, RoutingAnnotation } from './annotate';

/** Clients drawn one by one up to this many; above it the preview groups them (`anycast.preview.groupClientsAbove`). */
export const defaultGroupClientsAbove = 100;

/** Summary lines of a group's hover that name single clients; the rest are counted. */
const membersListed = 12;

export interface ClientGroup {
  /** The group's mermaid node id. */
  readonly id: string;
  /** The access AS node id the members sit in. */
  readonly as: string;
  /** Member client node ids, in document order. */
  readonly members: readonly string[];
}

export interface ClientGrouping {
  /** The layout text: the document with each group's member lines replaced by one group node. */
  readonly text: string;
  readonly groups: readonly ClientGroup[];
  /** Member client id → its group. */
  readonly groupOf: ReadonlyMap<string, ClientGroup>;
}

/** The line holding nothing but `node`'s own definition, or undefined when it shares its line or recurs. */
function ownLine(node: NodeModel, lines: readonly string[]): number | undefined {
  if (node.references.length > 1 || !node.metadataRange) return undefined;
  const line = node.idRange.start.line;
  if (node.metadataRange.start.line !== line || node.metadataRange.end.line !== line) return undefined;
  const text = lines[line] ?? '';
  const before = text.slice(0, node.idRange.start.character).trim();
  const after = text.slice(node.metadataRange.end.character).trim();
  return before === '' && (after === '' || after === ';') ? line : undefined;
}

function quoted(label: string): string {
  return `"${label.replace(/"/g, '#quot;')}"`;
}

/**
 * Groups `model`'s clients for layout when more than `above` of them can be grouped; undefined
 * when the diagram is drawn as written.
 */
export function groupClients(text: string, model: DocumentModel, above: number = defaultGroupClientsAbove): ClientGrouping | undefined {
  const lines = text.split('\n');
  const inEdge = new Set(model.edges.flatMap((e) => [e.from, e.to]));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const ids = new Set(model.nodes.map((n) => n.id));
  const candidates = new Map<string, { node: NodeModel; line: number }[]>();
  let count = 0;
  for (const node of model.nodes) {
    const as = node.inAs?.value;
    if (node.role !== 'client' || as === undefined || !byId.has(as) || inEdge.has(node.id)) continue;
    const line = ownLine(node, lines);
    if (line === undefined) continue;
    // Members of one group share a subgraph, so the group node is drawn where they were.
    const key = `${as}\u0000${node.subgraph ?? ''}`;
    const list = candidates.get(key) ?? [];
    list.push({ node, line });
    candidates.set(key, list);
    count++;
  }
  if (count <= above) return undefined;
  const groups: ClientGroup[] = [];
  const groupOf = new Map<string, ClientGroup>();
  const replaced = new Map<number, string>();
  for (const list of candidates.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const as = first.node.inAs!.value;
    let id = `clients_${as}`;
    while (ids.has(id)) id = `_${id}`;
    ids.add(id);
    const group: ClientGroup = { id, as, members: list.map((m) => m.node.id) };
    groups.push(group);
    for (const member of list) {
      groupOf.set(member.node.id, group);
      replaced.set(member.line, '');
    }
    const indent = /^\s*/.exec(lines[first.line] ?? '')![0];
    replaced.set(first.line, `${indent}${id}([${quoted(`${list.length} clients in ${byId.get(as)!.name}`)}])`);
  }
  if (groups.length === 0) return undefined;
  // Emptied lines stay, so every other line keeps its number.
  const layout = lines.map((line, i) => replaced.get(i) ?? line).join('\n');
  return { text: layout, groups, groupOf };
}

/** The PoP serving most of `members` (ties: first in document order), with its colour. */
function majority(members: readonly NodeAnnotation[]): NodeAnnotation | undefined {
  const counts = new Map<string, number>();
  for (const m of members) if (m.pop !== undefined) counts.set(m.pop, (counts.get(m.pop) ?? 0) + 1);
  let best: NodeAnnotation | undefined;
  for (const m of members) {
    if (m.pop === undefined) continue;
    if (!best || counts.get(m.pop)! > counts.get(best.pop!)!) best = m;
  }
  return best;
}

/** `routing` with one client-like node per group: coloured by the PoP serving most members, hover listing them. */
export function routingWithGroups(routing: RoutingAnnotation, grouping: ClientGrouping): RoutingAnnotation {
  const byId = new Map(routing.nodes.map((n) => [n.id, n]));
  const added: NodeAnnotation[] = [];
  for (const group of grouping.groups) {
    const members = group.members.map((id) => byId.get(id)).filter((n): n is NodeAnnotation => n !== undefined);
    const lead = majority(members);
    const pops = new Set(members.map((m) => m.pop).filter((p) => p !== undefined));
    const moved = members.filter((m) => m.moved).length;
    const unreachable = members.filter((m) => m.unreachable).length;
    const head = [
      `${members.length} clients`,
      pops.size === 1 ? 'one PoP' : `${pops.size} PoPs`,
      ...(moved ? [`${moved} moved`] : []),
      ...(unreachable ? [`${unreachable} unreachable`] : []),
    ].join(' · ');
    // Members with the same one-line summary (same place, same PoP) are counted on one line.
    const tally = new Map<string, number>();
    for (const m of members) {
      const line = m.summary[0] ?? m.id;
      tally.set(line, (tally.get(line) ?? 0) + 1);
    }
    const lines = [...tally].map(([line, n]) => (n === 1 ? line : `${n} × ${line}`));
    const listed = lines.slice(0, membersListed);
    const rest = lines.length - listed.length;
    const summary = [head, ...listed, ...(rest > 0 ? [`… and ${rest} more lines`] : [])];
    added.push({
      id: group.id,
      role: 'client',
      ...(lead?.color !== undefined ? { color: lead.color } : {}),
      ...(lead?.pop !== undefined ? { pop: lead.pop } : {}),
      ...(moved > 0 ? { moved: true } : {}),
      ...(unreachable === members.length && members.length > 0 ? { unreachable: true } : {}),
      ...(lead?.path ? { path: [group.id, ...lead.path.slice(1)] } : {}),
      summary,
    });
  }
  return { ...routing, nodes: [...routing.nodes, ...added] };
}
