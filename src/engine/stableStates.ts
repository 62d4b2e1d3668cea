/**
 * The search for other stable states. A policy that departs from Gao-Rexford (a LOCAL_PREF set by
 * hand) can leave a network with several stable routings, and which one it is in depends on the
 * order of events: the BGP wedgie of RFC 4264, or two ASes that each prefer the other (DISAGREE).
 * The search re-runs the propagation under other orders of events and keeps every distinct outcome.
 */
import { forward } from './forwarding';
import type { ActivationOrder, PrefixSolution } from './propagation';
import { solvePrefix } from './propagation';
import type { Net } from './routerNet';
import { LOCAL_PREF_CUSTOMER, LOCAL_PREF_PEER, LOCAL_PREF_PROVIDER } from './policy';
import type { OrderDependence, OriginSpec, StableState, Topology } from './types';

/** "Each PoP announced first" is tried for at most this many PoPs (in file order). */
export const MAX_FIRST_ANNOUNCED = 16;
/** Seeded random orders of events tried after the PoP-by-PoP ones. */
export const RANDOM_ORDERS = 4;

export interface AnnouncedPrefix {
  readonly text: string;
  readonly pops: readonly number[];
}

/**
 * Gao-Rexford's guideline (each AS prefers its customers' routes to any peer or provider route)
 * with valley-free export leaves no dispute wheel, hence exactly one stable state (Gao and Rexford
 * 2001; Griffin, Shepherd and Wilfong 2002); the search runs only for an AS where some LOCAL_PREF
 * set by hand breaks it (a peer or provider route at least as preferred as a customer route).
 */
export function mayHaveSeveralStableStates(topology: Topology): boolean {
  const asnOf = new Map(topology.routers.map((r) => [r.id, r.asn]));
  const customerMin = new Map<number, number>();
  const otherMax = new Map<number, number>();
  let overridden = false;
  for (const s of topology.sessions) {
    for (const end of ['a', 'b'] as const) {
      const asn = asnOf.get(end === 'a' ? s.a : s.b);
      if (asn === undefined) continue;
      const fromCustomer = s.relationship === 'customer-provider' && end === 'b';
      const learned = fromCustomer
        ? LOCAL_PREF_CUSTOMER
        : s.relationship === 'peer-peer'
          ? LOCAL_PREF_PEER
          : LOCAL_PREF_PROVIDER;
      const pref = s.localPref?.[end] ?? learned;
      overridden ||= s.localPref?.[end] !== undefined;
      if (fromCustomer) customerMin.set(asn, Math.min(customerMin.get(asn) ?? Infinity, pref));
      else otherMax.set(asn, Math.max(otherMax.get(asn) ?? -Infinity, pref));
    }
  }
  return overridden && [...customerMin].some(([asn, min]) => (otherMax.get(asn) ?? -Infinity) >= min);
}

/** The orders of events tried: each PoP announced first, all of them in reverse order, seeded random orders. */
function alternativeOrders(net: Net, pops: readonly number[]): { label: string; order: ActivationOrder }[] {
  const name = (k: number): string => {
    const o = net.topology.origins[k] as OriginSpec;
    return o.name ?? o.id;
  };
  const orders: { label: string; order: ActivationOrder }[] = pops.slice(0, MAX_FIRST_ANNOUNCED).map((k) => ({
    label: `${name(k)} announced first`,
    order: { stages: [[k], pops.filter((j) => j !== k)] },
  }));
  orders.push({ label: 'reverse order', order: { stages: [...pops].reverse().map((k) => [k]) } });
  for (let seed = 1; seed <= RANDOM_ORDERS; seed++)
    orders.push({ label: `random order (seed ${seed})`, order: { stages: [pops], seed } });
  return orders;
}

function stateKey(solutions: readonly PrefixSolution[]): string {
  return solutions.map((s) => s.best.map((h) => h?.pop ?? -1).join(',')).join(';');
}

/**
 * Re-runs the propagation of every prefix under other orders of events; undefined when they all
 * settle where `baseline` did (or never settle).
 */
export function searchStableStates(
  net: Net,
  prefixes: readonly AnnouncedPrefix[],
  baseline: readonly PrefixSolution[],
  maxActivations: number,
): OrderDependence | undefined {
  if (!mayHaveSeveralStableStates(net.topology) || baseline.some((s) => s.unstable)) return undefined;
  const pops = [...new Set(prefixes.flatMap((p) => p.pops))].sort((a, b) => a - b);
  const found = [{ label: 'as written', solutions: baseline }];
  const keys = new Set([stateKey(baseline)]);
  for (const { label, order } of alternativeOrders(net, pops)) {
    const solutions = prefixes.map((p) => solvePrefix(net, p.text, p.pops, maxActivations, order));
    if (solutions.some((s) => s.unstable)) continue;
    const key = stateKey(solutions);
    if (keys.has(key)) continue;
    keys.add(key);
    found.push({ label, solutions });
  }
  return found.length < 2 ? undefined : describe(net, found);
}

function describe(
  net: Net,
  found: readonly { label: string; solutions: readonly PrefixSolution[] }[],
): OrderDependence {
  const topology = net.topology;
  const popId = (k: number | undefined): string | undefined =>
    k === undefined ? undefined : (topology.origins[k] as OriginSpec).id;
  const reached = found.map((f) => topology.routers.map((_, r) => forward(f.solutions, r).pop));
  const differs = (r: number): boolean => reached.some((pops) => pops[r] !== reached[0]?.[r]);
  const routers = topology.routers.map((_, r) => r).filter(differs);
  const states: StableState[] = found.map((f, i) => ({
    order: f.label,
    clients: topology.clients.map((c) => {
      const r = net.indexOf.get(c.router);
      const pop = popId(r === undefined ? undefined : reached[i]?.[r]);
      return pop === undefined ? { id: c.id } : { id: c.id, pop };
    }),
    routers: routers.map((r) => {
      const pop = popId(reached[i]?.[r]);
      const id = (topology.routers[r] as { id: string }).id;
      return pop === undefined ? { id } : { id, pop };
    }),
  }));
  const ids = routers.map((r) => (topology.routers[r] as { id: string }).id);
  return { routers: ids, states, message: orderMessage(states, ids) };
}

/** "2 stable states, depending on the order of events: as written, A reaches IAD; with LHR announced first, A reaches LHR. ..." */
function orderMessage(states: readonly StableState[], routers: readonly string[]): string {
  const first = states[0] as StableState;
  const outcome = (s: StableState): string => {
    const shown = s.clients
      .filter((c, i) =>
        s === first ? states.some((t) => t.clients[i]?.pop !== c.pop) : c.pop !== first.clients[i]?.pop,
      )
      .slice(0, 5)
      .map((c) => `${c.id} reaches ${c.pop ?? 'no PoP'}`);
    return shown.length > 0 ? shown.join(', ') : 'every client reaches the same PoP';
  };
  const named = routers.slice(0, 10).join(', ') + (routers.length > 10 ? ` and ${routers.length - 10} more` : '');
  return (
    `${states.length} stable states, depending on the order of events: ` +
    states.map((s) => `${s === first ? 'as written' : `with ${s.order}`}, ${outcome(s)}`).join('; ') +
    `. Routers whose choice differs: ${named}`
  );
}
