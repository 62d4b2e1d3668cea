/**
 * N-1 capacity: withdraw each PoP in turn and find the worst utilisation its loss causes anywhere,
 * and where ("if FRA fails, AMS reaches 130% of 100 Gbps"). Each withdrawal re-settles from the
 * settled routing (`resolveWithout`); the load is `computeLoad` on the withdrawal's clients. Pure.
 */
import { failureBase, withdrawals } from '../engine/withdraw';
import type { Withdrawals } from '../engine/withdraw';
import type { Scenario, Topology } from '../engine/types';
import type { DocumentModel } from '../language/meaning/model';
import { computeLoad, worstPop } from './load';
import type { LoadOptions, LoadReport } from './load';
import type { TopologyBuild } from './topology';

/** The PoP its loss loads most: its utilisation with the failure, and before it. */
export interface N1Worst {
  readonly pop: string;
  readonly before?: number;
  readonly after: number;
  readonly load: number;
  readonly capacity: number;
}

export interface N1Capacity {
  /** The PoP that fails. */
  readonly pop: string;
  /** The most utilised PoP without it; undefined when no other PoP has a capacity. */
  readonly worst?: N1Worst;
  /** The load on every PoP without it. */
  readonly load: LoadReport;
  /** Present when routing does not settle without this PoP. */
  readonly unstable?: string;
}

/** True when some PoP states a capacity: only then is N-1 capacity worth asking. */
export function hasCapacities(model: DocumentModel): boolean {
  return model.nodes.some((n) => n.role === 'pop' && n.capacity !== undefined);
}

/** Worst first: a higher worst utilisation, rows without one last; ties keep file order (stable sort). */
export function byWorstUtilisation(a: { worst?: N1Worst }, b: { worst?: N1Worst }): number {
  return (b.worst?.after ?? -1) - (a.worst?.after ?? -1);
}

/** The most utilised PoP of `after` other than the failed one, with its utilisation in `before`. */
export function worstAfter(before: LoadReport, after: LoadReport, failed: string): N1Worst | undefined {
  const p = worstPop({ ...after, pops: after.pops.filter((x) => x.pop !== failed) });
  if (p?.utilisation === undefined || p.capacity === undefined) return undefined;
  const was = before.pops.find((x) => x.pop === p.pop)?.utilisation;
  return {
    pop: p.pop,
    ...(was !== undefined ? { before: was } : {}),
    after: p.utilisation,
    load: p.load,
    capacity: p.capacity,
  };
}

/**
 * Every PoP that is up under `scenario`, withdrawn one at a time: the worst utilisation left,
 * worst first. Client traffic only (the attack is its own question). `options.topology` stands in
 * for the build's (the CLI's `--tie-break`); `options.withdrawals`, settled from that topology and
 * `scenario`, are shared with another reader (the CLI's `--fail-each` impact) so each PoP is
 * withdrawn once.
 */
export function n1Capacity(
  model: DocumentModel,
  build: TopologyBuild,
  scenario: Scenario = {},
  options: Pick<LoadOptions, 'warnAbove'> & { readonly topology?: Topology; readonly withdrawals?: Withdrawals } = {},
): N1Capacity[] {
  const shared = options.withdrawals ?? withdrawals(failureBase(options.topology ?? build.topology, scenario));
  const base = shared.base;
  const before = computeLoad(model, build, base.before, options);
  return base.before.pops
    .filter((p) => p.state === 'up')
    .map((p): N1Capacity => {
      const without = shared.without(p.id);
      const load = computeLoad(model, build, without, options);
      const worst = worstAfter(before, load, p.id);
      return {
        pop: p.id,
        ...(worst ? { worst } : {}),
        load,
        ...(without.unstable ? { unstable: without.unstable.message } : {}),
      };
    })
    .sort(byWorstUtilisation);
}
