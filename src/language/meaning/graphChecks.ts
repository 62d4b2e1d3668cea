/**
 * Whole-graph checks on the model: customer-provider cycles, and clients that no PoP can reach
 * under valley-free export (Gao-Rexford) and NO_EXPORT. Both run at AS level (nodes sharing an
 * ASN are one AS) in time linear in nodes plus sessions.
 */
import type { Community } from '../../engine/types';
import type { EdgeModel, EdgeSession, NodeModel } from './model';
import type { Range, Severity } from '../types';

/** What a check needs from the analyser: a way to report. */
export interface Reporter {
  readonly diagnostics: { range: Range; severity: Severity; code: string; message: string }[];
}

/** Cycles reported at most; one is enough to act on, a handful shows the pattern. */
const maxCycles = 20;

function asnOf(nodes: ReadonlyMap<string, NodeModel>, id: string): number | undefined {
  return nodes.get(id)?.asn?.value;
}

function liveSessions(edges: readonly EdgeModel[]): { edge: EdgeModel; session: EdgeSession }[] {
  const out: { edge: EdgeModel; session: EdgeSession }[] = [];
  for (const edge of edges) {
    if (edge.meaning.kind === 'session') out.push({ edge, session: edge.meaning });
  }
  return out;
}

/** Reports each customer-provider cycle once, on the edge that closes it, naming the ASes around it. */
export function checkProviderCycles(
  reporter: Reporter,
  nodes: readonly NodeModel[],
  edges: readonly EdgeModel[],
): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const providers = new Map<number, { asn: number; edge: EdgeModel }[]>();
  const names = new Map<number, string>();
  for (const n of nodes) if (n.asn && !names.has(n.asn.value)) names.set(n.asn.value, n.id);
  for (const { edge, session } of liveSessions(edges)) {
    if (session.relationship !== 'customer-provider') continue;
    const c = asnOf(byId, session.customer);
    const p = asnOf(byId, session.provider);
    if (c === undefined || p === undefined || c === p) continue;
    const list = providers.get(c) ?? [];
    list.push({ asn: p, edge });
    providers.set(c, list);
  }
  const color = new Map<number, 1 | 2>();
  let reported = 0;
  const starts = [...providers.keys()].sort((a, b) => a - b);
  for (const root of starts) {
    if (color.has(root)) continue;
    // Iterative DFS: the stack holds the path, so a grey neighbour closes a cycle along it.
    const stack: { asn: number; next: number; via?: EdgeModel }[] = [{ asn: root, next: 0 }];
    color.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const out = providers.get(top.asn) ?? [];
      const link = out[top.next++];
      if (!link) {
        color.set(top.asn, 2);
        stack.pop();
        continue;
      }
      const state = color.get(link.asn);
      if (state === undefined) {
        color.set(link.asn, 1);
        stack.push({ asn: link.asn, next: 0, via: link.edge });
      } else if (state === 1 && reported < maxCycles) {
        reported++;
        const from = stack.findIndex((s) => s.asn === link.asn);
        const path = stack.slice(from).map((s) => `${names.get(s.asn) ?? ''} (AS${s.asn})`);
        path.push(`${names.get(link.asn) ?? ''} (AS${link.asn})`);
        reporter.diagnostics.push({
          range: link.edge.range,
          severity: 'error',
          code: 'provider-cycle',
          message: `Customer-provider cycle: ${path.join(' → ')}. Each would be its own provider's provider, which BGP export rules do not allow; one of these links is probably 'peer'`,
        });
      }
    }
  }
}

const blocksExport = (communities: readonly Community[]): boolean =>
  communities.some((c) => c === 'no-export' || c === 'no-advertise');

/** One direction of a live eBGP session between two ASes. */
interface Hop {
  readonly to: number;
  readonly toIsCustomer: boolean;
  readonly fromIsCustomer: boolean;
  readonly communities: readonly Community[];
}

/** Each AS's live sessions to other ASes, both ways, with the communities each end attaches. */
function asAdjacency(byId: ReadonlyMap<string, NodeModel>, edges: readonly EdgeModel[]): Map<number, Hop[]> {
  const adjacency = new Map<number, Hop[]>();
  const add = (from: number, hop: Hop): void => {
    const list = adjacency.get(from) ?? [];
    list.push(hop);
    adjacency.set(from, list);
  };
  for (const { edge, session } of liveSessions(edges)) {
    if (session.state?.value === 'down') continue;
    const tail = asnOf(byId, edge.from);
    const head = asnOf(byId, edge.to);
    if (tail === undefined || head === undefined || tail === head) continue;
    const c2p = session.relationship === 'customer-provider';
    const tailIsCustomer = c2p && session.customer === edge.from;
    const headIsCustomer = c2p && session.customer === edge.to;
    add(tail, {
      to: head,
      toIsCustomer: headIsCustomer,
      fromIsCustomer: tailIsCustomer,
      communities: session.tail.communities.map((f) => f.value),
    });
    add(head, {
      to: tail,
      toIsCustomer: tailIsCustomer,
      fromIsCustomer: headIsCustomer,
      communities: session.head.communities.map((f) => f.value),
    });
  }
  return adjacency;
}

/**
 * The ASes a route from the live PoPs reaches under valley-free export and NO_EXPORT, breadth
 * first. State per AS: bit 1 = holds a route it may export to everyone (learned from a customer or
 * originated), bit 2 = holds one it may export to customers only; the same route carrying
 * NO_EXPORT sets bit 4 or 8 instead, so a PoP announcing with NO_EXPORT never hides a sibling of
 * its ASN that announces without it, whichever is written first.
 */
function valleyFreeReach(
  adjacency: ReadonlyMap<number, readonly Hop[]>,
  livePops: readonly NodeModel[],
): Map<number, number> {
  const state = new Map<number, number>();
  const queue: { asn: number; all: boolean; origin: boolean; communities: readonly Community[] }[] = [];
  const visit = (asn: number, all: boolean, origin: boolean, communities: readonly Community[]): void => {
    const bit = (all ? 1 : 2) * (blocksExport(communities) ? 4 : 1);
    const had = state.get(asn) ?? 0;
    if (had & bit) return;
    state.set(asn, had | bit);
    queue.push({ asn, all, origin, communities });
  };
  for (const pop of livePops) {
    if (pop.asn)
      visit(
        pop.asn.value,
        true,
        true,
        pop.communities.map((c) => c.value),
      );
  }
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i];
    if (!item) break;
    if (!item.origin && blocksExport(item.communities)) continue;
    for (const hop of adjacency.get(item.asn) ?? []) {
      if (!item.all && !hop.toIsCustomer) continue;
      visit(hop.to, hop.fromIsCustomer, false, [...item.communities, ...hop.communities]);
    }
  }
  return state;
}

/** With PoPs drawn but none up and announcing, every client is unreachable. */
function flagAllWithoutLivePop(
  reporter: Reporter,
  nodes: readonly NodeModel[],
  clients: readonly NodeModel[],
): Set<string> {
  const flagged = new Set<string>();
  if (!nodes.some((n) => n.role === 'pop')) return flagged;
  for (const c of clients) {
    reporter.diagnostics.push({
      range: c.idRange,
      severity: 'warning',
      code: 'unreachable-client',
      message: `Client '${c.id}' reaches no PoP: no PoP is up and announcing a prefix`,
    });
    flagged.add(c.id);
  }
  return flagged;
}

/**
 * Warns about clients whose AS can get no route to any PoP that is up. PoPs in `prefixReported`
 * wrote prefixes that are invalid (already reported): a client they alone would reach is that
 * error's consequence, not a second problem, so it is not warned about. Returns the ids of the
 * clients it warned about.
 */
export function checkReachability(
  reporter: Reporter,
  nodes: readonly NodeModel[],
  edges: readonly EdgeModel[],
  implicitTransit: boolean,
  prefixReported: ReadonlySet<string> = new Set(),
): Set<string> {
  const flagged = new Set<string>();
  const clients = nodes.filter((n) => n.role === 'client');
  if (clients.length === 0) return flagged;
  const upPops = nodes.filter((n) => n.role === 'pop' && n.state?.value !== 'down');
  const livePops = upPops.filter((n) => n.announces.length > 0 || prefixReported.has(n.id));
  if (livePops.length === 0) return flagAllWithoutLivePop(reporter, nodes, clients);
  if (implicitTransit) return flagged;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = valleyFreeReach(asAdjacency(byId, edges), livePops);
  for (const c of clients) {
    if (!c.inAs) continue;
    const as = byId.get(c.inAs.value);
    const asn = as?.asn?.value;
    if (asn === undefined || state.has(asn)) continue;
    flagged.add(c.id);
    reporter.diagnostics.push({
      range: c.idRange,
      severity: 'warning',
      code: 'unreachable-client',
      message: `Client '${c.id}' reaches no PoP: its AS '${as?.id ?? c.inAs.value}' (AS${asn}) gets no route under valley-free export (routes from peers and providers go only to customers) and NO_EXPORT`,
    });
  }
  return flagged;
}
