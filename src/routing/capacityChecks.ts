/**
 * The N-1 capacity check: a warning on each PoP whose loss pushes another PoP over its capacity
 * ("If FRA fails, AMS reaches 130% of 100 Gbps"). Runs only when PoPs state capacities, and only up
 * to a size where withdrawing every PoP in turn stays quick on a keystroke. Pure.
 */
import type { Resolution } from '../engine/types';
import type { Diagnostic } from '../language/types';
import type { DocumentModel } from '../language/meaning/model';
import { computeLoad } from './load';
import type { LoadReport, PopLoad } from './load';
import { hasCapacities } from './n1Capacity';
import type { N1Capacity } from './n1Capacity';
import type { TopologyBuild } from './topology';
import { formatRate } from '../language/meaning/rates';
import { utilisationText } from './words/loadWords';

/**
 * Each PoP withdrawn is one re-settling of the routing, so the check costs PoPs x a re-settling on
 * every keystroke; above this many PoPs (well inside the resolver check's 400 routers) it is skipped.
 */
export const MAX_POPS_FOR_N1_CHECK = 100;

/** The PoP most over its capacity in `after` that was not over it in `before`, other than `failed`. */
function newlyOver(before: LoadReport, after: LoadReport, failed: string): PopLoad | undefined {
  let worst: PopLoad | undefined;
  for (const p of after.pops) {
    if (p.pop === failed || p.utilisation === undefined || p.utilisation <= 1) continue;
    const was = before.pops.find((x) => x.pop === p.pop)?.utilisation;
    if (was !== undefined && was > 1) continue;
    if (!worst || p.utilisation > (worst.utilisation ?? 0)) worst = p;
  }
  return worst;
}

/** Where the check reads N-1 from: the one analysis's build and its memoised rows (read only when needed). */
export interface CapacitySource {
  readonly build: TopologyBuild;
  readonly n1Capacity: readonly N1Capacity[];
}

/** A warning on each PoP whose loss overloads another; a hint instead above the size budget. */
export function n1Diagnostics(model: DocumentModel, source: CapacitySource, resolution: Resolution): Diagnostic[] {
  if (!hasCapacities(model)) return [];
  const pops = model.nodes.filter((n) => n.role === 'pop');
  if (pops.length > MAX_POPS_FOR_N1_CHECK) {
    const at = model.headerRange ?? model.nodes[0]?.idRange;
    const message = `${pops.length} PoPs: above ${MAX_POPS_FOR_N1_CHECK} the live check skips N-1 capacity (which PoP's loss overloads another); 'anycast resolve --fail-each' gives it`;
    return at ? [{ range: at, severity: 'hint', code: 'n1-check-skipped', message }] : [];
  }
  const before = computeLoad(model, source.build, resolution);
  const unit = before.unit;
  const byId = new Map(pops.map((n) => [n.id, n]));
  const out: Diagnostic[] = [];
  for (const row of source.n1Capacity) {
    const over = newlyOver(before, row.load, row.pop);
    const node = byId.get(row.pop);
    if (!over || !node || !unit || over.utilisation === undefined || over.capacity === undefined) continue;
    const was = before.pops.find((x) => x.pop === over.pop)?.utilisation;
    out.push({
      range: node.idRange,
      severity: 'warning',
      code: 'n1-overload',
      message: `If ${row.pop} fails, ${over.pop} reaches ${utilisationText(over.utilisation)} of ${formatRate(over.capacity, unit)}${was !== undefined ? ` (from ${utilisationText(was)})` : ''}`,
    });
  }
  return out;
}
