/**
 * Which palette slot each PoP wears. Neighbouring catchments must be told apart, so PoPs that serve
 * clients of one access AS, sit in one subgraph or lie in one region (within `regionKm`) never share
 * a colour while a free one remains; otherwise colours are spread evenly over the palette. Decided
 * from the routing with nothing failed, so a simulation never recolours the picture. Pure.
 */
import { greatCircleKm } from '../../engine/geo';
import type { Resolution } from '../../engine/types';
import type { DocumentModel } from '../../language/meaning/model';
import { paletteSize } from './palette';

/** PoPs closer than this are in one region. */
export const regionKm = 1500;

function conflictsOf(model: DocumentModel, servedBy: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const pops = model.nodes.filter((n) => n.role === 'pop');
  const conflicts = new Map(pops.map((p) => [p.id, new Set<string>()]));
  const join = (group: readonly string[]): void => {
    for (const a of group) for (const b of group) if (a !== b) conflicts.get(a)?.add(b);
  };
  const popsByAs = new Map<string, Set<string>>();
  for (const client of model.nodes) {
    const as = client.inAs?.value;
    const pop = servedBy.get(client.id);
    if (client.role !== 'client' || as === undefined || pop === undefined) continue;
    popsByAs.set(as, (popsByAs.get(as) ?? new Set()).add(pop));
  }
  for (const group of popsByAs.values()) join([...group]);
  const bySubgraph = new Map<string, string[]>();
  for (const pop of pops) {
    if (pop.subgraph !== undefined) bySubgraph.set(pop.subgraph, [...(bySubgraph.get(pop.subgraph) ?? []), pop.id]);
  }
  for (const group of bySubgraph.values()) join(group);
  for (const a of pops) {
    const pa = a.locations[0]?.point;
    if (!pa) continue;
    for (const b of pops) {
      const pb = b.locations[0]?.point;
      if (a !== b && pb && greatCircleKm(pa, pb) < regionKm) conflicts.get(a.id)?.add(b.id);
    }
  }
  return conflicts;
}

/**
 * A palette slot per PoP node id. `servedBy` maps client node ids to the PoP node that serves them
 * with nothing failed. Most-constrained PoPs choose first; each takes the least used slot that no
 * conflicting PoP holds (the least used overall when all are held). Deterministic.
 */
export function assignPopColors(model: DocumentModel, servedBy: ReadonlyMap<string, string>): Map<string, number> {
  const conflicts = conflictsOf(model, servedBy);
  const order = [...conflicts.keys()].map((id, i) => ({ id, i, degree: conflicts.get(id)!.size }));
  order.sort((x, y) => y.degree - x.degree || x.i - y.i);
  const uses = new Array<number>(paletteSize).fill(0);
  const slotOf = new Map<string, number>();
  for (const { id } of order) {
    const taken = new Set([...conflicts.get(id)!].map((other) => slotOf.get(other)));
    let best = -1;
    for (let slot = 0; slot < paletteSize; slot++) {
      const free = !taken.has(slot);
      const bestFree = best >= 0 && !taken.has(best);
      if (best < 0 || (free && !bestFree) || (free === bestFree && uses[slot]! < uses[best]!)) best = slot;
    }
    slotOf.set(id, best);
    uses[best] = (uses[best] ?? 0) + 1;
  }
  return slotOf;
}

/**
 * The slots from `baseline` (the routing with nothing failed), so a simulation recolours no PoP;
 * `nodeOf` turns engine ids into node ids. The diagram and the map both colour from this.
 */
export function baselinePopColors(
  model: DocumentModel,
  baseline: Resolution,
  nodeOf: (engineId: string) => string | undefined,
): Map<string, number> {
  const servedBy = new Map<string, string>();
  for (const client of baseline.clients) {
    const pop = client.pop === undefined ? undefined : (nodeOf(client.pop) ?? client.pop);
    if (pop !== undefined) servedBy.set(nodeOf(client.id) ?? client.id, pop);
  }
  return assignPopColors(model, servedBy);
}
