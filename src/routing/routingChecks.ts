/**
 * What only the BGP resolver can see about a diagram as written, said as diagnostics beside the
 * parse's: clients left without a route because every neighbour that could serve them prefers a
 * route it may not pass on (BGP advertises only its best), a client drawn reaching a PoP that BGP
 * does not send it to, and routing that never settles. Read from the analysis' baseline
 * resolution, so checking costs no resolve of its own. Pure.
 */
import type { Resolution } from '../engine/types';
import { compareRanges } from '../language/types';
import type { Diagnostic } from '../language/types';
import type { DocumentModel } from '../language/meaning/model';

/**
 * The router-level resolver costs more than linear time (about 0.1 s at 400 routers, seconds at
 * 1,500), so the live check reads it only on diagrams of a size people draw; bigger documents keep
 * the parse's linear graph check of reachability and a hint says so (`anycast resolve` still
 * answers for them).
 */
export const MAX_ROUTERS_FOR_RESOLVER_CHECK = 400;

/** Clients the parse's graph check already warned about: one warning per client is enough. */
function flaggedClients(model: DocumentModel, parseDiagnostics: readonly Diagnostic[]): Set<string> {
  const at = new Set(
    parseDiagnostics
      .filter((d) => d.code === 'unreachable-client')
      .map((d) => `${d.range.start.line}:${d.range.start.character}`),
  );
  return new Set(
    model.nodes
      .filter((n) => n.role === 'client' && at.has(`${n.idRange.start.line}:${n.idRange.start.character}`))
      .map((n) => n.id),
  );
}

/** What the baseline resolution says against the diagram: never resolves by itself. */
export function routingDiagnostics(
  model: DocumentModel,
  parseDiagnostics: readonly Diagnostic[],
  routers: number,
  baseline: () => Resolution | undefined,
): Diagnostic[] {
  if (!model.nodes.some((n) => n.role === 'pop') || !model.nodes.some((n) => n.role === 'client')) return [];
  const out: Diagnostic[] = [];
  if (routers > MAX_ROUTERS_FOR_RESOLVER_CHECK) {
    const at = model.headerRange ?? model.nodes[0]?.idRange;
    const message = `${routers} routers: above ${MAX_ROUTERS_FOR_RESOLVER_CHECK} the live check skips the full BGP resolution (only the graph check of reachability runs); 'anycast resolve' gives the full answer`;
    if (at) out.push({ range: at, severity: 'hint', code: 'resolver-check-skipped', message });
    return out;
  }
  const resolution = baseline();
  if (!resolution) return out;
  if (resolution.unstable) {
    const first = model.headerRange ?? model.nodes[0]?.idRange;
    if (first)
      out.push({
        range: first,
        severity: 'warning',
        code: 'unstable-routing',
        message: `Routing never settles: ${resolution.unstable.message}`,
      });
    return out;
  }
  if (resolution.orderDependent) {
    const first = model.headerRange ?? model.nodes[0]?.idRange;
    if (first)
      out.push({
        range: first,
        severity: 'warning',
        code: 'order-dependent',
        message: `Routing is not unique: ${resolution.orderDependent.message}`,
      });
  }
  const reached = new Map(resolution.clients.map((c) => [c.id, c]));
  for (const edge of model.edges) {
    const m = edge.meaning;
    if (m.kind !== 'expectation') continue;
    const result = reached.get(m.client);
    if (!result?.pop || result.pop === m.pop) continue;
    const why = result.explanation ? ` (decided by ${result.explanation.decidedBy})` : '';
    out.push({
      range: edge.range,
      severity: 'warning',
      code: 'expectation-mismatch',
      message: `The diagram shows '${m.client}' reaching '${m.pop}', but BGP sends it to '${result.pop}'${why}`,
    });
  }
  const flagged = flaggedClients(model, parseDiagnostics);
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  for (const c of resolution.clients) {
    if (c.pop !== undefined || flagged.has(c.id)) continue;
    const node = byId.get(c.id);
    if (!node) continue;
    out.push({
      range: node.idRange,
      severity: 'warning',
      code: 'unreachable-client',
      message: `Client '${c.id}' reaches no PoP: a route exists in the graph, but the neighbours that could pass it on each prefer a route they may not export (such as a NO_EXPORT or peer route), and BGP advertises only its best`,
    });
  }
  return out;
}

/** The parse's diagnostics and the routing's in one list, in document order (the parse's first on a tie). */
export function mergeDiagnostics(parse: readonly Diagnostic[], routing: readonly Diagnostic[]): readonly Diagnostic[] {
  if (routing.length === 0) return parse;
  return [...parse, ...routing].sort((a, b) => compareRanges(a.range, b.range));
}
