/**
 * What a plan minimises, read off one resolution: the traffic-weighted mean RTT of the clients
 * (mean-rtt). Pure.
 */
import type { Resolution, Topology } from '../../engine/types';

export type Objective = 'mean-rtt';

export const OBJECTIVES: readonly Objective[] = ['mean-rtt'];

/** How an objective's figure is written: `42.1 ms`. */
export function formatObjective(objective: Objective, value: number): string {
  switch (objective) {
    case 'mean-rtt':
      return `${value.toFixed(1)} ms`;
  }
}

/** The client weights the mean is taken over (1 when none is written). */
function weightOf(topology: Topology): Map<string, number> {
  return new Map(
    topology.clients.map((c) => [
      c.id,
      c.weight !== undefined && Number.isFinite(c.weight) && c.weight >= 0 ? c.weight : 1,
    ]),
  );
}

/** The objective's figure under `resolution` (lower is better); undefined when it cannot be said. */
export function objectiveValue(objective: Objective, topology: Topology, resolution: Resolution): number | undefined {
  switch (objective) {
    case 'mean-rtt': {
      const weight = weightOf(topology);
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
  }
}
