/**
 * Where a client's PoP was decided: walking its forwarding path from its own router, the first
 * router where a route to another PoP lost (a decision step, or longest-prefix match against a
 * shorter prefix), with the nearest alternative there. A client's router often hears one PoP only
 * because a border router upstream chose it, so its own explanation alone would say `only-route`.
 */
import type { PrefixSolution } from './propagation';
import type { Net } from './routerNet';
import { toRoute } from './routerNet';
import type { OriginSpec, PopDecision, RouterResult } from './types';

/**
 * The decision for traffic that crosses `walk` (router indexes, the client's router first) and
 * lands on PoP index `pop`. `routers` are the per-router results, each explained on the prefix
 * that router forwards on.
 */
export function popDecisionAlong(
  net: Net,
  solutions: readonly PrefixSolution[],
  routers: readonly RouterResult[],
  walk: readonly number[],
  pop: number,
): PopDecision | undefined {
  const popId = (net.topology.origins[pop] as OriginSpec).id;
  const at = (r: number): { router: string; asn: number } => ({
    router: (net.topology.routers[r] as { id: string }).id,
    asn: net.asn[r] as number,
  });
  // Traffic diverted on its way: the routers before the last that routes elsewhere sent it
  // towards another PoP, and the next one sent it on by a more-specific prefix.
  let lastElsewhere = -1;
  walk.forEach((r, i) => {
    if (routers[r]?.best?.pop !== popId) lastElsewhere = i;
  });
  if (lastElsewhere >= 0) {
    const r = walk[lastElsewhere + 1];
    const own = r === undefined ? undefined : routers[r]?.best;
    const previous = routers[walk[lastElsewhere] as number]?.best;
    if (r === undefined || !own) return undefined;
    return {
      ...at(r),
      by: 'more-specific-prefix',
      prefix: own.prefix,
      chosen: own,
      ...(previous ? { alternative: previous } : {}),
    };
  }
  for (const r of walk) {
    const e = routers[r]?.explanation;
    const chosen = e?.candidates[e.best];
    if (!e || !chosen) return undefined;
    const prefix = chosen.prefix;
    if (e.alternative) {
      return {
        ...at(r),
        by: e.alternative.step,
        prefix,
        chosen,
        alternative: e.candidates[e.alternative.index] as NonNullable<PopDecision['alternative']>,
        ...(e.alternative.tieBreak ? { tieBreak: e.alternative.tieBreak } : {}),
      };
    }
    // Solutions are longest first: those after the one forwarded on are shorter prefixes.
    const shorter = solutions.slice(solutions.findIndex((s) => s.prefix === prefix) + 1);
    for (const s of shorter) {
      const held = s.best[r];
      if (held && held.pop !== pop)
        return { ...at(r), by: 'more-specific-prefix', prefix, chosen, alternative: toRoute(net, held, s.prefix) };
    }
  }
  const first = walk[0] as number;
  const chosen = routers[first]?.best;
  return chosen ? { ...at(first), by: 'only-pop', prefix: chosen.prefix, chosen } : undefined;
}
