/**
 * What only the BGP resolver can see about a diagram as written, said as diagnostics beside the
 * parse's: clients left without a route because every neighbour that could serve them prefers a
 * route it may not pass on (BGP advertises only its best), a client drawn reaching a PoP that BGP
 * does not send it to, routing that never settles, and a PoP whose loss overloads another. Read from the analysis' baseline
 * resolution, so checking costs no resolve of its own. Pure.
 */
import type { Resolution } from '../engine/types';
import { compareRanges } from '../language/types';
import type { Diagnostic } from '../language/types';
import type { DocumentModel } from '../language/meaning/model';
import { n1Diagnostics } from './capacityChecks';
import type { CapacitySource } from './capacityChecks';

/**
 * The router-level resolver costs more than linear time (about 0.1 s at 400 routers, seconds at
 * 1,500), so the live check reads it only on diagrams of a size people draw; bigger documents keep
 * the parse's linear graph check of reachability and a hint says so (`anycast resolve` still
 * answers for them).
 */
export const MAX_ROUTERS_FOR_RESOLVER_CHECK = 400;

/** The parse's warning about each client it found unreachable, by client id. */
function parseUnreachable(model: DocumentModel, parseDiagnostics: readonly Diagnostic[]): Map<string, Diagnostic> {
  const at = new Map(
    parseDiagnostics
      .filter((d) => d.code === 'unreachable-client')
      .map((d) => [`${d.range.start.line}:${d.range.start.character}`, d]),
  );
  const out = new Map<string, Diagnostic>();
  for (const n of model.nodes) {
    const d = n.role === 'client' ? at.get(`${n.idRange.start.line}:${n.idRange.start.character}`) : undefined;
    if (d) out.set(n.id, d);
  }
  return out;
}

/**
 * A PoP that is up but announces nothing has its error already (no prefix, or an invalid one):
 * clients left without a route, or sent elsewhere, because of it are that error's consequence.
 */
function prefixMissing(model: DocumentModel): boolean {
  return model.nodes.some((n) => n.role === 'pop' && n.state?.value !== 'down' && n.announces.length === 0);
}

/**
 * Every problem with the document: the parse's and what the baseline resolution shows, in
 * document order. When the resolver runs, it alone says which clients are reachable: the parse's
 * graph check (valley-free reach, which cannot see that BGP advertises only its best route) is
 * kept for the clients the resolution also leaves without a PoP, and dropped for the others.
 * Given the analysis's build and N-1 rows, it also warns of each PoP whose loss overloads another
 * (`capacityChecks.ts`).
 */
export function checkedDiagnostics(
  model: DocumentModel,
  parseDiagnostics: readonly Diagnostic[],
  routers: number,
  baseline: () => Resolution | undefined,
  capacity?: CapacitySource,
): readonly Diagnostic[] {
  const unreachable = parseUnreachable(model, parseDiagnostics);
  const routing = routingDiagnostics(model, unreachable, routers, baseline);
  if (routing.resolution && capacity && !routing.resolution.unstable && !prefixMissing(model))
    routing.diagnostics.push(...n1Diagnostics(model, capacity, routing.resolution));
  if (!routing.resolution) return mergeDiagnostics(parseDiagnostics, routing.diagnostics);
  const reached = new Set(routing.resolution.clients.filter((c) => c.pop !== undefined).map((c) => c.id));
  const wrong = new Set([...unreachable].filter(([id]) => reached.has(id)).map(([, d]) => d));
  const kept = wrong.size > 0 ? parseDiagnostics.filter((d) => !wrong.has(d)) : parseDiagnostics;
  return mergeDiagnostics(kept, routing.diagnostics);
}

/**
 * What the baseline resolution says against the diagram, and the resolution it read (none when
 * the check did not run): never resolves by itself.
 */
function routingDiagnostics(
  model: DocumentModel,
  parseUnreachable: ReadonlyMap<string, Diagnostic>,
  routers: number,
  baseline: () => Resolution | undefined,
): { diagnostics: Diagnostic[]; resolution?: Resolution } {
  const out: Diagnostic[] = [];
  if (!model.nodes.some((n) => n.role === 'pop') || !model.nodes.some((n) => n.role === 'client'))
    return { diagnostics: out };
  if (routers > MAX_ROUTERS_FOR_RESOLVER_CHECK) {
    const at = model.headerRange ?? model.nodes[0]?.idRange;
    const message = `${routers} routers: above ${MAX_ROUTERS_FOR_RESOLVER_CHECK} the live check skips the full BGP resolution (only the graph check of reachability runs); 'anycast resolve' gives the full answer`;
    if (at) out.push({ range: at, severity: 'hint', code: 'resolver-check-skipped', message });
    return { diagnostics: out };
  }
  const resolution = baseline();
  if (!resolution) return { diagnostics: out };
  if (resolution.unstable) {
    const first = model.headerRange ?? model.nodes[0]?.idRange;
    if (first)
      out.push({
        range: first,
        severity: 'warning',
        code: 'unstable-routing',
        message: `Routing never settles: ${resolution.unstable.message}`,
      });
    return { diagnostics: out };
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
  if (prefixMissing(model)) return { diagnostics: out, resolution };
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
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  for (const c of resolution.clients) {
    if (c.pop !== undefined || parseUnreachable.has(c.id)) continue;
    const node = byId.get(c.id);
    if (!node) continue;
    out.push({
      range: node.idRange,
      severity: 'warning',
      code: 'unreachable-client',
      message: `Client '${c.id}' reaches no PoP: a route exists in the graph, but the neighbours that could pass it on each prefer a route they may not export (such as a NO_EXPORT or peer route), and BGP advertises only its best`,
    });
  }
  return { diagnostics: out, resolution };
}

/** The parse's diagnostics and the routing's in one list, in document order (the parse's first on a tie). */
function mergeDiagnostics(parse: readonly Diagnostic[], routing: readonly Diagnostic[]): readonly Diagnostic[] {
  if (routing.length === 0) return parse;
  return [...parse, ...routing].sort((a, b) => compareRanges(a.range, b.range));
}
