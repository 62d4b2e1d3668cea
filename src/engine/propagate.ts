/** One entry point for AS-level propagation: picks the sweep or the general path-vector solver. */
import { asIndex } from './asGraph';
import { RequestError, prepareAs } from './asScenario';
import { searchAsStableStates } from './asStableStates';
import { pathVector } from './pathVector';
import { DEFAULT_TIE_BREAK } from './policy';
import { sweep } from './sweep';
import type { AsGraph, AsOrigin, AsScenario, PropagateOptions, RouteTable } from './asTypes';

const MODELS = ['lowest-neighbor-asn', 'router-id', 'oldest', 'random'];

/**
 * Routes of every AS toward the anycast prefix announced by `origins`. The sweep runs when the
 * policy is pure Gao-Rexford and the customer-provider graph is acyclic; otherwise the path-vector
 * solver, which reports a dispute wheel in `unstable` instead of looping, and, when LOCAL_PREF
 * overrides break Gao-Rexford, every other stable state an order of events reaches in `orderDependent`.
 */
export function propagate(
  graph: AsGraph,
  origins: readonly AsOrigin[],
  options: PropagateOptions = {},
  scenario: AsScenario = {},
): RouteTable {
  const tieBreak = options.tieBreak ?? DEFAULT_TIE_BREAK;
  if (!MODELS.includes(tieBreak.model))
    throw new RequestError(`unknown tie-break '${tieBreak.model}'; use one of ${MODELS.join(', ')}`);
  const masks = prepareAs(graph, origins, scenario);
  let overrides: Map<number, number> | undefined;
  for (const [receiver, neighbour, value] of options.localPref ?? []) {
    const x = asIndex(graph, receiver);
    const y = asIndex(graph, neighbour);
    if (x < 0 || y < 0)
      throw new RequestError(`LOCAL_PREF override names AS${x < 0 ? receiver : neighbour}, which is not in the graph`);
    (overrides ??= new Map()).set(x * graph.size + y, value);
  }
  const solver = options.solver ?? 'auto';
  const sweepPossible = overrides === undefined && graph.providerCycle.length === 0;
  if (solver === 'sweep' && !sweepPossible) {
    throw new RequestError(
      overrides
        ? 'the sweep solves pure Gao-Rexford policies only; LOCAL_PREF overrides need the path-vector solver'
        : `the sweep needs an acyclic customer-provider graph (cycle through AS${graph.providerCycle[0]})`,
    );
  }
  if (solver === 'sweep' || (solver === 'auto' && sweepPossible)) return sweep(graph, origins, tieBreak, masks);
  const table = pathVector(graph, origins, tieBreak, masks, overrides, options.maxActivations);
  if (!overrides || options.searchStableStates === false) return table;
  const orderDependent = searchAsStableStates(table, tieBreak, overrides, options.maxActivations);
  return orderDependent ? { ...table, orderDependent } : table;
}
