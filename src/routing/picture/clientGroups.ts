/**
 * The preview's layout of a big diagram: above a threshold, the clients that sit in an access AS
 * (`C@{ in: E }`, or `C --> E`, alone on their line and in no other edge) are drawn as one node
 * per access AS showing their count. The groups depend on the text only, never on routing, so a
 * failure toggle restyles the same picture and moves no node; the routing keeps every client.
 */
import type { DocumentModel, EdgeModel, NodeModel } from '../../language/meaning/model';
import type { NodeAnnotation, RoutingAnnotation } from './routingAnnotation';

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

/** Whether `text` holds nothing between `from` and `to` (columns) but blanks and an optional `;` after. */
function alone(text: string, from: number, to: number): boolean {
  const after = text.slice(to).trim();
  return text.slice(0, from).trim() === '' && (after === '' || after === ';');
}

/**
 * How `node` can join a group: the line it alone fills, its access AS and whether it was drawn with an
 * edge to it (`C([..]) --> E` alone on a line) rather than `C([..])@{ in: E }`; undefined otherwise.
 */
function groupable(
  node: NodeModel,
  edges: readonly EdgeModel[],
  lines: readonly string[],
): { line: number; as: string; edge: boolean } | undefined {
  if (node.role !== 'client') return undefined;
  const line = node.idRange.start.line;
  const text = lines[line] ?? '';
  if (edges.length === 0) {
    const as = node.inAs?.value;
    const end = node.metadataRange?.end;
    if (as === undefined || node.references.length > 1 || !end || end.line !== line) return undefined;
    return alone(text, node.idRange.start.character, end.character) ? { line, as, edge: false } : undefined;
  }
  const [edge] = edges;
  if (
    edges.length > 1 ||
    !edge ||
    edge.meaning.kind !== 'access' ||
    edge.meaning.client !== node.id ||
    edge.id !== undefined
  )
    return undefined;
  if (
    node.references.some((r) => r.start.line !== line) ||
    edge.range.start.line !== line ||
    edge.range.end.line !== line
  )
    return undefined;
  if (edge.range.start.character !== node.idRange.start.character) return undefined;
  return alone(text, edge.range.start.character, edge.range.end.character)
    ? { line, as: edge.meaning.as, edge: true }
    : undefined;
}

function quoted(label: string): string {
  return `"${label.replace(/"/g, '#quot;')}"`;
}

/**
 * Groups `model`'s clients for layout when more than `above` of them can be grouped; undefined
 * when the diagram is drawn as written.
 */
export function groupClients(
  text: string,
  model: DocumentModel,
  above: number = defaultGroupClientsAbove,
): ClientGrouping | undefined {
  const lines = text.split('\n');
  const edgesOf = new Map<string, EdgeModel[]>();
  for (const edge of model.edges) {
    for (const end of new Set([edge.from, edge.to])) {
      const list = edgesOf.get(end) ?? [];
      list.push(edge);
      edgesOf.set(end, list);
    }
  }
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const ids = new Set(model.nodes.map((n) => n.id));
  const candidates = new Map<string, { node: NodeModel; line: number; as: string; edge: boolean }[]>();
  let count = 0;
  for (const node of model.nodes) {
    const place = groupable(node, edgesOf.get(node.id) ?? [], lines);
    if (!place || !byId.has(place.as)) continue;
    // Members of one group share a subgraph, so the group node is drawn where they were.
    const key = `${place.as}\u0000${node.subgraph ?? ''}`;
    const list = candidates.get(key) ?? [];
    list.push({ node, ...place });
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
    const as = first.as;
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
    // Members drawn with an edge to their AS keep one, from the group; `in:` members get an
    // invisible link, so the group is laid out beside its AS instead of in a column of strays.
    const edge = list.some((m) => m.edge) ? ` --> ${as}` : ` ~~~ ${as}`;
    replaced.set(first.line, `${indent}${id}([${quoted(`${list.length} clients in ${byId.get(as)!.name}`)}])${edge}`);
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
