/**
 * Sessions that span continents: a PoP meets the networks it buys from or peers with in its own
 * metro, so a session drawn to a router of another AS thousands of kilometres away is most often a
 * place written wrong (easy to do at scale) and is worth a hint naming both places.
 */
import { greatCircleKm } from '../../engine/geo';
import type { AnalysisContext } from './context';
import type { EdgeModel, LocationFact, NodeModel } from './model';

/** Longer than any metro or regional interconnection; shorter than an ocean. */
export const FAR_SESSION_KM = 2000;

/** The closest pair of placed locations of two nodes, as the topology attaches a session. */
function closestPair(
  a: readonly LocationFact[],
  b: readonly LocationFact[],
): { from: LocationFact; to: LocationFact; km: number } | undefined {
  let best: { from: LocationFact; to: LocationFact; km: number } | undefined;
  for (const x of a)
    for (const y of b) {
      if (!x.point || !y.point) continue;
      const km = greatCircleKm(x.point, y.point);
      if (!best || km < best.km) best = { from: x, to: y, km };
    }
  return best;
}

/** A hint on each session between a PoP and a router of another AS more than FAR_SESSION_KM apart. */
export function checkFarSessions(cx: AnalysisContext, nodes: readonly NodeModel[], edges: readonly EdgeModel[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    if (e.meaning.kind !== 'session') continue;
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to || from.asn?.value === to.asn?.value) continue;
    if (from.role !== 'pop' && to.role !== 'pop') continue;
    const pair = closestPair(from.locations, to.locations);
    if (!pair || pair.km <= FAR_SESSION_KM) continue;
    const km = Math.round(pair.km).toLocaleString('en-US');
    cx.diagnostics.push({
      range: e.range,
      severity: 'hint',
      code: 'far-session',
      message: `This session joins '${from.id}' in ${pair.from.text} and '${to.id}' in ${pair.to.text}, ${km} km apart: networks meet in one metro, so one of the two places may be wrong`,
    });
  }
}
