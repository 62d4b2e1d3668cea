/**
 * N-1 analysis: withdraw each PoP in turn and measure what it would do to the clients. Operators
 * ask it before every maintenance: where does this PoP's traffic go, and how much slower is it.
 * Each withdrawal re-settles the routing from the settled one (`resolveWithout`); the answers come
 * worst first.
 */
import { diffResolutions } from './diff';
import type { ResolveOptions } from './resolve';
import type { ClientMove, Resolution, Scenario, Topology } from './types';
import { failureBase, withdrawals } from './withdraw';
import type { Withdrawal, Withdrawals } from './withdraw';

export interface PopFailureImpact {
  readonly pop: string;
  /** Clients that would change PoP, with where they go and the RTT before and after. */
  readonly moved: readonly ClientMove[];
  /** The traffic weight of the moved clients (a client without a weight counts 1). */
  readonly movedWeight: number;
  /** Clients that would have no PoP at all. */
  readonly lostService: readonly string[];
  /** Where the moved clients land: PoP id and how many. */
  readonly absorbedBy: readonly { readonly pop: string; readonly clients: number }[];
  /** Traffic-weighted mean RTT increase of the moved clients whose RTT is known, in ms. */
  readonly meanRttIncreaseMs?: number;
  /** The moved client with the largest RTT increase. */
  readonly worst?: { readonly client: string; readonly rttBeforeMs: number; readonly rttAfterMs: number };
  /** Present when routing does not settle without this PoP. */
  readonly unstable?: string;
}

/** Worst first: more traffic moved, then a larger mean RTT increase, then file order. */
export function byImpact(a: PopFailureImpact, b: PopFailureImpact): number {
  return b.movedWeight - a.movedWeight || (b.meanRttIncreaseMs ?? 0) - (a.meanRttIncreaseMs ?? 0);
}

/**
 * Withdraws every PoP that is up, one at a time, on top of `scenario`, from the state `base`
 * settled in (the search for other stable states is the baseline's to report); worst first.
 * `shared` are withdrawals another reader asks too (settled from the same topology and scenario).
 */
export function popFailureImpact(
  topology: Topology,
  scenario: Scenario = {},
  options: ResolveOptions = {},
  base?: Pick<Resolution, 'clients' | 'pops'>,
  shared: Withdrawals = withdrawals(failureBase(topology, scenario, options)),
): PopFailureImpact[] {
  const weight = new Map(
    topology.clients.map(
      (c) => [c.id, c.weight !== undefined && Number.isFinite(c.weight) && c.weight >= 0 ? c.weight : 1] as const,
    ),
  );
  const before = base ?? shared.base.before;
  return before.pops
    .filter((p) => p.state === 'up')
    .map((p) => impactOf(p.id, before, shared.without(p.id), weight))
    .sort(byImpact);
}

function impactOf(
  pop: string,
  before: Pick<Resolution, 'clients'>,
  after: Withdrawal,
  weight: ReadonlyMap<string, number>,
): PopFailureImpact {
  const diff = diffResolutions(before, after);
  const absorbed = new Map<string, number>();
  for (const m of diff.moved) if (m.to !== undefined) absorbed.set(m.to, (absorbed.get(m.to) ?? 0) + 1);
  let weighted = 0;
  let total = 0;
  let worst: PopFailureImpact['worst'];
  for (const m of diff.moved) {
    if (m.rttBeforeMs === undefined || m.rttAfterMs === undefined) continue;
    const w = weight.get(m.id) ?? 1;
    weighted += w * (m.rttAfterMs - m.rttBeforeMs);
    total += w;
    if (!worst || m.rttAfterMs - m.rttBeforeMs > worst.rttAfterMs - worst.rttBeforeMs)
      worst = { client: m.id, rttBeforeMs: m.rttBeforeMs, rttAfterMs: m.rttAfterMs };
  }
  return {
    pop,
    moved: diff.moved,
    movedWeight: diff.moved.reduce((sum, m) => sum + (weight.get(m.id) ?? 1), 0),
    lostService: diff.lostService,
    absorbedBy: [...absorbed]
      .map(([to, clients]) => ({ pop: to, clients }))
      .sort((a, b) => b.clients - a.clients || (a.pop < b.pop ? -1 : 1)),
    ...(total > 0 ? { meanRttIncreaseMs: Math.round((weighted / total) * 10) / 10 } : {}),
    ...(worst ? { worst } : {}),
    ...(after.unstable ? { unstable: after.unstable.message } : {}),
  };
}
