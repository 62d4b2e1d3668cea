// Runs in Node: the capacity part of `anycast resolve --fail-each` (each failure's worst utilisation, ranked by it).
import { byImpact } from '../engine/index';
import type { PopFailureImpact } from '../engine/index';
import type { N1Capacity, N1Worst } from '../routing/n1Capacity';
import { byWorstUtilisation } from '../routing/n1Capacity';

/** A PoP failure's impact on the clients, and the worst utilisation it causes when PoPs have capacities. */
export interface CapacityImpact extends PopFailureImpact {
  readonly worstUtilisation?: N1Worst;
}

/** Each impact with its failure's worst utilisation; worst utilisation first, then the engine's order. */
export function withWorstUtilisation(impact: readonly PopFailureImpact[], n1: readonly N1Capacity[]): CapacityImpact[] {
  const worst = new Map(n1.map((r) => [r.pop, r.worst]));
  return impact
    .map((i): CapacityImpact => {
      const w = worst.get(i.pop);
      return w ? { ...i, worstUtilisation: w } : i;
    })
    .sort((a, b) => byWorstUtilisation({ worst: a.worstUtilisation }, { worst: b.worstUtilisation }) || byImpact(a, b));
}
