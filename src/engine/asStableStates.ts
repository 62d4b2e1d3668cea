/**
 * The search for other stable states at AS level, as stableStates.ts does for diagrams: LOCAL_PREF
 * overrides that break Gao-Rexford (an AS preferring a peer or provider route at least as much as
 * a customer route) can leave several stable routings, and which one the Internet is in depends
 * on the order of events. The path-vector solver is re-run with each origin announced first, in
 * reverse order and in seeded random orders, and every distinct outcome is kept.
 */
import { asPathAt, originAsnAt } from './asRoutes';
import type { AsGraph, AsOrderDependence, AsOrigin, AsStableState, RouteTable } from './asTypes';
import type { AsActivationOrder, LocalPrefOverrides } from './pathVector';
import { pathVector } from './pathVector';
import { LOCAL_PREF_CUSTOMER, LOCAL_PREF_PEER, LOCAL_PREF_PROVIDER } from './policy';
import { MAX_FIRST_ANNOUNCED, RANDOM_ORDERS } from './stableStates';
import type { TieBreak } from './types';

/** ASes named in a message; the rest are counted. */
const NAMED_ASES = 10;

/** Whether some AS with an override prefers a peer or provider route at least as much as a customer route. */
export function overridesBreakGaoRexford(graph: AsGraph, overrides: LocalPrefOverrides): boolean {
  const n = graph.size;
  const receivers = new Set([...overrides.keys()].map((key) => Math.floor(key / n)));
  for (const x of receivers) {
    const pref = (y: number, fallback: number): number => overrides.get(x * n + y) ?? fallback;
    let customerMin = Infinity;
    let otherMax = -Infinity;
    for (let p = graph.customerStart[x] as number; p < (graph.customerStart[x + 1] as number); p++)
      customerMin = Math.min(customerMin, pref(graph.customers[p] as number, LOCAL_PREF_CUSTOMER));
    for (let p = graph.peerStart[x] as number; p < (graph.peerStart[x + 1] as number); p++)
      otherMax = Math.max(otherMax, pref(graph.peers[p] as number, LOCAL_PREF_PEER));
    for (let p = graph.providerStart[x] as number; p < (graph.providerStart[x + 1] as number); p++)
      otherMax = Math.max(otherMax, pref(graph.providers[p] as number, LOCAL_PREF_PROVIDER));
    if (otherMax >= customerMin) return true;
  }
  return false;
}

/** The orders of events tried: each origin announced first, all in reverse order, seeded random orders. */
function alternativeOrders(
  origins: readonly AsOrigin[],
  ks: readonly number[],
): { label: string; order: AsActivationOrder }[] {
  const orders: { label: string; order: AsActivationOrder }[] = ks.slice(0, MAX_FIRST_ANNOUNCED).map((k) => ({
    label: `AS${(origins[k] as AsOrigin).asn} announced first`,
    order: { stages: [[k], ks.filter((j) => j !== k)] },
  }));
  orders.push({ label: 'reverse order', order: { stages: [...ks].reverse().map((k) => [k]) } });
  for (let seed = 1; seed <= RANDOM_ORDERS; seed++)
    orders.push({ label: `random order (seed ${seed})`, order: { stages: [ks], seed } });
  return orders;
}

/**
 * Re-runs the path-vector solver under other orders of events; undefined when the overrides keep
 * Gao-Rexford, when every order settles where `baseline` did, or when the baseline never settled.
 */
export function searchAsStableStates(
  baseline: RouteTable,
  tieBreak: TieBreak,
  overrides: LocalPrefOverrides,
  maxActivations: number | undefined,
): AsOrderDependence | undefined {
  const { graph, origins, masks } = baseline;
  if (baseline.unstable || !overridesBreakGaoRexford(graph, overrides)) return undefined;
  const ks = [...new Set(masks.originAt.filter((k) => k >= 0))].sort((a, b) => a - b);
  const found = [{ label: 'as written', table: baseline }];
  const keys = new Set([baseline.nextHop.join(',')]);
  for (const { label, order } of alternativeOrders(origins, ks)) {
    const table = pathVector(graph, origins, tieBreak, masks, overrides, maxActivations, order);
    const key = table.nextHop.join(',');
    if (table.unstable || keys.has(key)) continue;
    keys.add(key);
    found.push({ label, table });
  }
  return found.length < 2 ? undefined : describe(found);
}

function describe(found: readonly { label: string; table: RouteTable }[]): AsOrderDependence {
  const first = (found[0] as { table: RouteTable }).table;
  const differing: number[] = [];
  for (let x = 0; x < first.graph.size; x++)
    if (found.some(({ table }) => table.nextHop[x] !== first.nextHop[x])) differing.push(x);
  const states: AsStableState[] = found.map(({ label, table }) => ({
    order: label,
    routes: differing.map((x) => {
      const originAsn = originAsnAt(table, x);
      const asPath = asPathAt(table, x);
      return {
        asn: first.graph.asns[x] as number,
        ...(originAsn !== undefined && asPath ? { originAsn, asPath } : {}),
      };
    }),
  }));
  const asns = differing.map((x) => first.graph.asns[x] as number);
  return { asns, states, message: orderMessage(states, asns) };
}

/** "2 stable states, depending on the order of events: as written, AS10 reaches AS100 (10 100), ...; with ..., .... ASes whose route differs: AS10, AS20" */
function orderMessage(states: readonly AsStableState[], asns: readonly number[]): string {
  const outcome = (s: AsStableState): string =>
    s.routes
      .slice(0, 5)
      .map((r) =>
        r.originAsn === undefined
          ? `AS${r.asn} has no route`
          : `AS${r.asn} reaches AS${r.originAsn} (${r.asPath?.join(' ')})`,
      )
      .join(', ') + (s.routes.length > 5 ? ` and ${s.routes.length - 5} more` : '');
  const named =
    asns
      .slice(0, NAMED_ASES)
      .map((a) => `AS${a}`)
      .join(', ') + (asns.length > NAMED_ASES ? ` and ${asns.length - NAMED_ASES} more` : '');
  return (
    `${states.length} stable states, depending on the order of events: ` +
    states.map((s, i) => `${i === 0 ? 'as written' : `with ${s.order}`}, ${outcome(s)}`).join('; ') +
    `. ASes whose route differs: ${named}`
  );
}
