/**
 * The policy changes a plan tries, in document order: on each session of a PoP, prepend 1 to 3
 * (or none, where one is written) and NO_EXPORT; on each session an AS hears routes over, LOCAL_PREF
 * below and above the defaults; and each PoP withdrawn while another stays up. Pure.
 */
import type { DocumentModel, EdgeModel, NodeModel } from '../../language/meaning/model';
import type { PolicyChange } from '../scenario';

export type MoveKind = 'prepend' | 'withdraw' | 'no-export' | 'lp';

export const MOVE_KINDS: readonly MoveKind[] = ['prepend', 'withdraw', 'no-export', 'lp'];

/** Prepend counts tried on a PoP's session. */
export const PREPEND_COUNTS: readonly number[] = [1, 2, 3];

/** LOCAL_PREF values tried: under a provider's default (100) and over a customer's (200). */
export const LOCAL_PREF_VALUES: readonly number[] = [50, 250];

const isDown = (node: NodeModel | undefined): boolean => node?.state?.value === 'down';

/** A session whose label's words reach a PoP's side: the PoP is the tail, or the edge goes both ways. */
function popSide(edge: EdgeModel, byId: ReadonlyMap<string, NodeModel>): boolean {
  if (byId.get(edge.from)?.role === 'pop') return true;
  return byId.get(edge.to)?.role === 'pop' && edge.headAtStart === edge.headAtEnd;
}

function sessionChanges(
  edge: EdgeModel,
  byId: ReadonlyMap<string, NodeModel>,
  kinds: ReadonlySet<MoveKind>,
): PolicyChange[] {
  const m = edge.meaning;
  if (m.kind !== 'session' || m.state?.value === 'down') return [];
  if (isDown(byId.get(edge.from)) || isDown(byId.get(edge.to))) return [];
  const key = { from: edge.from, to: edge.to };
  const out: PolicyChange[] = [];
  if (popSide(edge, byId)) {
    const current = m.tail.prepend?.value ?? 0;
    if (kinds.has('prepend')) {
      const counts = current > 0 ? [0, ...PREPEND_COUNTS] : PREPEND_COUNTS;
      for (const count of counts) if (count !== current) out.push({ kind: 'prepend', edge: key, count });
    }
    if (kinds.has('no-export') && !m.tail.communities.some((c) => c.value === 'no-export'))
      out.push({ kind: 'no-export', edge: key });
  } else if (kinds.has('lp') && byId.get(edge.from)?.role === 'as') {
    for (const value of LOCAL_PREF_VALUES)
      if (value !== m.tail.localPref?.value) out.push({ kind: 'local-pref', edge: key, value });
  }
  return out;
}

/** Every change of the asked kinds, sessions in document order, then the PoPs to withdraw. */
export function candidateChanges(model: DocumentModel, kinds: readonly MoveKind[]): PolicyChange[] {
  const wanted = new Set(kinds);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const changes = model.edges.flatMap((e) => sessionChanges(e, byId, wanted));
  const up = model.nodes.filter((n) => n.role === 'pop' && !isDown(n));
  if (wanted.has('withdraw') && up.length > 1) for (const p of up) changes.push({ kind: 'withdraw', pop: p.id });
  return changes;
}

/** Whether two changes make a pair: not both on one edge, nor a PoP withdrawn with a change on its own session. */
export function compatible(a: PolicyChange, b: PolicyChange): boolean {
  if (a.kind === 'withdraw' && b.kind === 'withdraw') return a.pop !== b.pop;
  if (a.kind === 'withdraw') return b.kind === 'withdraw' || (b.edge.from !== a.pop && b.edge.to !== a.pop);
  if (b.kind === 'withdraw') return compatible(b, a);
  return a.edge.from !== b.edge.from || a.edge.to !== b.edge.to;
}
