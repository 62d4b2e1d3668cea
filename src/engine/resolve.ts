/**
 * The resolver for diagrams: a path-vector solver at router granularity with the full RFC 4271
 * section 9.1.2.2 decision process, full-mesh iBGP inside each AS, Gao-Rexford export,
 * communities, prepending and hot-potato exits. It answers which PoP each client reaches, why
 * (explanation by elimination), and reports a dispute wheel instead of looping.
 */
import { explainChoice } from './decision';
import { clientResults, forwardingSolution, popResults } from './forwarding';
import type { Net } from './routerNet';
import { buildNet, toRoute } from './routerNet';
import { candidatesAt, currentBest, solvePrefix } from './propagation';
import type { PrefixSolution } from './propagation';
import { cidrContains, parseAddress, parseCidr } from './prefix';
import type { AnnouncedPrefix } from './stableStates';
import { searchStableStates } from './stableStates';
import type { ClientResult, OrderDependence, Resolution, RouterResult, Scenario, Topology } from './types';

export { FIBRE_KM_PER_MS, METRO_ACCESS_FLOOR_MS, PATH_STRETCH } from './forwarding';

export interface ResolveOptions {
  /** Route recomputations before declaring no stable routing. Default 64 per router + 1000. */
  readonly maxActivations?: number;
  /** Look for other stable states under other orders of events (default true). */
  readonly searchStableStates?: boolean;
  /**
   * Explain each router's choice and where each client's PoP was decided (default true). Without,
   * the resolution still says which PoP each client reaches, by which route, and its RTT: what a
   * search over many candidate changes needs, at about two thirds of the cost.
   */
  readonly explain?: boolean;
}

/**
 * Resolves a topology: every router's best route and its explanation, the PoP each client
 * reaches with the route, explanation and estimated RTT, and each PoP's catchment. Clients follow
 * the longest announced prefix that covers the service address and has a route at their router.
 */
export function resolve(topology: Topology, scenario: Scenario = {}, options: ResolveOptions = {}): Resolution {
  const net = buildNet(topology, scenario);
  const popUp = popsUp(net, scenario);
  const maxActivations = options.maxActivations ?? 64 * topology.routers.length + 1000;
  const prefixes = announcedPrefixes(net, popUp);
  const solutions = prefixes.map((p) => solvePrefix(net, p.text, p.pops, maxActivations));
  const unstable = solutions.find((s) => s.unstable)?.unstable;
  const orderDependent =
    options.searchStableStates === false ? undefined : searchStableStates(net, prefixes, solutions, maxActivations);
  const routers: RouterResult[] = topology.routers.map((spec, r) => {
    const solution = forwardingSolution(solutions, r);
    // A prefix that never settled has no routing to explain: its snapshot mixes routes of
    // different moments, and a router may hold one its neighbours no longer offer.
    if (!solution || solution.unstable) return { id: spec.id };
    if (options.explain === false) {
      const held = solution.best[r];
      return held ? { id: spec.id, best: toRoute(net, held, solution.prefix) } : { id: spec.id };
    }
    return routerResult(net, r, spec.id, solution);
  });
  const clients = withOtherStates(clientResults(net, solutions, routers, unstable), orderDependent);
  const pops = popResults(topology, clients, popUp);
  return {
    clients,
    pops,
    routers,
    ...(unstable ? { unstable } : {}),
    ...(orderDependent ? { orderDependent } : {}),
    warnings: net.warnings,
  };
}

/** Each client's PoPs in the other stable states, when there are several. */
function withOtherStates(clients: ClientResult[], order: OrderDependence | undefined): ClientResult[] {
  if (!order) return clients;
  return clients.map((c, i) => {
    const others = [...new Set(order.states.map((s) => s.clients[i]?.pop))].filter(
      (p): p is string => p !== undefined && p !== c.pop,
    );
    return others.length > 0 ? { ...c, alsoReaches: others } : c;
  });
}

/** Whether each PoP announces: not down (or up in the scenario), not failed by the scenario, on a router that exists and is up. */
export function popsUp(net: Net, scenario: Scenario): boolean[] {
  const topology = net.topology;
  const failedPops = new Set(scenario.failedPops ?? []);
  const upPops = new Set(scenario.upPops ?? []);
  const popUp = topology.origins.map((o) => {
    const r = net.indexOf.get(o.router);
    if (r === undefined) net.warnings.push(`PoP '${o.id}' names unknown router '${o.router}'`);
    return (o.state !== 'down' || upPops.has(o.id)) && !failedPops.has(o.id) && r !== undefined && !net.down[r];
  });
  for (const id of failedPops)
    if (!topology.origins.some((o) => o.id === id)) net.warnings.push(`no PoP '${id}' to withdraw`);
  return popUp;
}

/**
 * The announced prefixes that cover the service address, each with the PoPs up that announce it;
 * longest first, then announcement order: the first prefix with a route at a router is the one it
 * forwards on.
 */
export function announcedPrefixes(net: Net, popUp: readonly boolean[]): AnnouncedPrefix[] {
  const topology = net.topology;
  const service = topology.serviceAddress === undefined ? undefined : parseAddress(topology.serviceAddress);
  if (service && !service.ok) net.warnings.push(`service address '${topology.serviceAddress}': ${service.error}`);
  const prefixes: { text: string; length: number; pops: number[] }[] = [];
  topology.origins.forEach((o, k) => {
    for (const text of o.prefixes) {
      const cidr = parseCidr(text);
      if (!cidr.ok) {
        net.warnings.push(`PoP '${o.id}' prefix '${text}': ${cidr.error}`);
        continue;
      }
      if (service?.ok && !cidrContains(cidr.value, service.value)) continue;
      let entry = prefixes.find((p) => p.text === cidr.value.text);
      if (!entry) prefixes.push((entry = { text: cidr.value.text, length: cidr.value.length, pops: [] }));
      if (popUp[k] && !entry.pops.includes(k)) entry.pops.push(k);
    }
  });
  return prefixes.map((p, i) => ({ ...p, order: i })).sort((a, b) => b.length - a.length || a.order - b.order);
}

/**
 * A router's route, and its explanation made when first read: in a full mesh of n routers each
 * router has about n candidates, so explaining every router would cost n² where the clients'
 * routers (and the ones a hover asks about) are all that is ever read.
 */
function routerResult(net: Net, r: number, id: string, solution: PrefixSolution): RouterResult {
  const held = solution.best[r];
  if (!held) return { id };
  let explained: ReturnType<typeof explainAt> | null = null;
  return {
    id,
    best: toRoute(net, held, solution.prefix),
    get explanation() {
      if (explained === null) explained = explainAt(net, r, solution);
      return explained?.explanation;
    },
  };
}

export function explainAt(net: Net, r: number, solution: PrefixSolution): ReturnType<typeof explainChoice> | undefined {
  if (!solution.best[r]) return undefined;
  const offers = currentBest(net, solution.best);
  const cands = candidatesAt(net, r, offers, solution.localPops[r] ?? [], undefined, solution.ibgpPeers(r));
  if (cands.length === 0) return undefined;
  return explainChoice(net, r, cands, solution.prefix);
}
