/**
 * What a plan minimises, read off one resolution: the worst PoP utilisation (max-utilization), the
 * traffic-weighted mean RTT of the clients (mean-rtt), or the largest share of the attack that one
 * PoP absorbs (attack-spread). Pure.
 */
import type { Resolution } from '../../engine/types';
import type { DocumentModel } from '../../language/meaning/model';
import { computeLoad, worstPop } from '../load';
import type { TopologyBuild } from '../topology';

export type Objective = 'max-utilization' | 'mean-rtt' | 'attack-spread';

export const OBJECTIVES: readonly Objective[] = ['max-utilization', 'mean-rtt', 'attack-spread'];

/** How an objective's figure is written: `112.5%`, `42.1 ms`. */
export function formatObjective(objective: Objective, value: number): string {
  return objective === 'mean-rtt' ? `${value.toFixed(1)} ms` : `${(value * 100).toFixed(1)}%`;
}

/** The client weights the mean is taken over (1 when none is written). */
function weightOf(build: TopologyBuild): Map<string, number> {
  return new Map(
    build.topology.clients.map((c) => [
      c.id,
      c.weight !== undefined && Number.isFinite(c.weight) && c.weight >= 0 ? c.weight : 1,
    ]),
  );
}

function meanRtt(build: TopologyBuild, resolution: Resolution): number | undefined {
  const weight = weightOf(build);
  let sum = 0;
  let total = 0;
  for (const c of resolution.clients) {
    if (c.pop === undefined || c.rttMs === undefined) continue;
    const w = weight.get(c.id) ?? 1;
    sum += w * c.rttMs;
    total += w;
  }
  return total > 0 ? sum / total : undefined;
}

/** The largest share of the routed attack that lands on one PoP; undefined without an attack. */
function attackSpread(model: DocumentModel, build: TopologyBuild, resolution: Resolution): number | undefined {
  const report = computeLoad(model, build, resolution, { attack: true });
  const routed = report.pops.reduce((sum, p) => sum + p.attack, 0);
  if (routed <= 0) return undefined;
  return Math.max(...report.pops.map((p) => p.attack)) / routed;
}

/**
 * The objective's figure under `resolution` (lower is better); undefined when it cannot be said
 * (no capacity, no attack, no RTT). The sessions a change touches do not change the clients, the
 * PoPs or their figures, so `build` is the text's as written.
 */
export function objectiveValue(
  objective: Objective,
  model: DocumentModel,
  build: TopologyBuild,
  resolution: Resolution,
): number | undefined {
  switch (objective) {
    case 'max-utilization':
      return worstPop(computeLoad(model, build, resolution))?.utilisation;
    case 'mean-rtt':
      return meanRtt(build, resolution);
    case 'attack-spread':
      return attackSpread(model, build, resolution);
  }
}
