/**
 * Runs a what-if through the convergence simulation: looks up the events' PoPs, sessions and
 * ASes, plays the agenda until the routing is quiet (or a bound says it never will be), and
 * gathers the timelines and figures.
 */
import { announcedPrefixes } from '../resolve';
import { buildNet, toRoute } from '../routerNet';
import type { Instability, Scenario, Topology } from '../types';
import { buildChannels } from './channels';
import { TimelineRecorder, percentile, round } from './clientTimelines';
import { seededRandom } from './random';
import { Simulation } from './simulate';
import { DEFAULT_SEED, DEFAULT_TIMERS } from './types';
import type { ConvergenceEvent, ConvergenceOptions, ConvergenceResult } from './types';

/** The PoP an event names, by id or display name; -1 when none. */
function popIndex(topology: Topology, wanted: string): number {
  const byId = topology.origins.findIndex((o) => o.id === wanted);
  return byId >= 0 ? byId : topology.origins.findIndex((o) => o.name === wanted);
}

function apply(sim: Simulation, event: ConvergenceEvent, warnings: string[]): void {
  const topology = sim.net.topology;
  const routersOf = (asn: number): number[] =>
    topology.routers.flatMap((r, i) => (r.asn === asn && sim.net.indexOf.get(r.id) === i ? [i] : []));
  switch (event.kind) {
    case 'withdraw-pop':
    case 'crash-pop':
    case 'drain-pop':
    case 'restore-pop': {
      const k = popIndex(topology, event.pop);
      if (k < 0 || sim.popRouterOf(k) < 0) {
        warnings.push(`no PoP '${event.pop}' to ${event.kind.replace('-pop', '')}`);
        return;
      }
      if (event.kind === 'crash-pop') sim.crash(sim.popRouterOf(k));
      else if (event.kind === 'drain-pop') {
        sim.setPop(k, true, true);
        sim.queue.push(sim.now + event.withdrawAfter * 1000, {
          kind: 'event',
          event: { kind: 'withdraw-pop', pop: event.pop },
        });
      } else sim.setPop(k, event.kind === 'restore-pop', false);
      return;
    }
    case 'fail-session':
    case 'restore-session': {
      const k = topology.sessions.findIndex((s) => s.id === event.session);
      const chs = sim.channels.ofSession.get(k);
      if (!chs) {
        warnings.push(`no working session '${event.session}' to ${event.kind.replace('-session', '')}`);
        return;
      }
      sim.sessionCarrying[k] = event.kind === 'fail-session' ? 0 : 1;
      sim.dirty = true;
      if (event.kind === 'fail-session') sim.scheduleDetection(chs.filter((ch) => sim.established[ch]));
      else for (const ch of chs) sim.reopen(ch);
      return;
    }
    case 'fail-as':
    case 'restore-as': {
      const routers = routersOf(event.asn);
      if (routers.length === 0) warnings.push(`no AS${event.asn} to ${event.kind.replace('-as', '')}`);
      for (const r of routers) {
        if (event.kind === 'fail-as') sim.crash(r);
        else sim.revive(r);
      }
      return;
    }
  }
}

/** The routers still changing when the run hit its bound, and the routes each went through. */
function instability(sim: Simulation, reason: string): Instability {
  const window = Math.max(1000, sim.now / 10);
  const routers = sim.net.topology.routers;
  const cycling = [...sim.recent.keys()]
    .filter((r) => (sim.lastChange[r] as number) >= sim.now - window)
    .sort((a, b) => a - b);
  const ids = cycling.map((r) => routers[r]?.id ?? String(r));
  return {
    routers: ids,
    cycle: cycling.map((r, i) => ({
      router: ids[i] as string,
      routes: (sim.recent.get(r) ?? []).map(({ p, held }) => toRoute(sim.net, held, sim.prefixes[p]?.text ?? '')),
    })),
    message:
      `no stable routing: ${reason}, ${ids.join(', ')} still change their choice ` +
      `(a dispute wheel: each prefers a route through the next, e.g. by LOCAL_PREF overrides that break customer > peer > provider)`,
  };
}

/**
 * Simulates `events` on the stable routing of `topology` and reports, per client, where its
 * traffic went and when, per router the messages it sent, and overall how long it took.
 */
export function simulateConvergence(
  topology: Topology,
  events: readonly ConvergenceEvent[],
  options: ConvergenceOptions = {},
): ConvergenceResult {
  const timers = { ...DEFAULT_TIMERS, ...options.timers };
  const seed = options.seed ?? DEFAULT_SEED;
  const maxTimeMs = (options.maxTime ?? 3600) * 1000;
  const maxEvents = options.maxEvents ?? 2_000_000;
  const net = buildNet(topology, {});
  const prefixes = announcedPrefixes(
    net,
    topology.origins.map(() => true),
  );
  const sim = new Simulation(net, buildChannels(net), prefixes, timers, seededRandom(seed));
  const recorder = new TimelineRecorder(sim, topology.clients);
  recorder.record(0);
  // A snapshot of a dispute wheel is no fixed point: every router decides again, and the wheel turns.
  if (sim.baselineUnstable) prefixes.forEach((_, p) => topology.routers.forEach((_, r) => sim.decide(r, p)));
  const start = Math.min(...events.map((e) => (e.at ?? 0) * 1000), Infinity);
  for (const event of events) sim.queue.push((event.at ?? 0) * 1000, { kind: 'event', event });
  let processed = 0;
  let unstable: Instability | undefined;
  for (let next = sim.queue.pop(); next; next = sim.queue.pop()) {
    if (next.time > maxTimeMs || processed >= maxEvents) {
      unstable = instability(
        sim,
        next.time > maxTimeMs ? `after ${maxTimeMs / 1000} s simulated` : `after ${processed} events`,
      );
      break;
    }
    sim.now = next.time;
    processed++;
    const item = next.item;
    if (item.kind === 'deliver') sim.deliver(item.ch, item.p, item.route);
    else if (item.kind === 'mrai') sim.mraiExpired(item.ch);
    else if (item.kind === 'detect') sim.detect(item.ch);
    else if (item.kind === 'establish') sim.establish(item.ch);
    else apply(sim, item.event, net.warnings);
    if (sim.dirty && sim.queue.peekTime() > sim.now) {
      recorder.record(sim.now);
      sim.dirty = false;
    }
  }
  const from = Number.isFinite(start) ? start : 0;
  const clients = recorder.timelines(from, sim.now);
  const settles = clients.map((c) => c.settle);
  const routers = topology.routers.map((r, i) => ({
    id: r.id,
    updates: sim.updates[i] as number,
    withdrawals: sim.withdrawals[i] as number,
  }));
  return {
    clients,
    routers,
    lastUpdate: round(Math.max(0, sim.lastActivity - from) / 1000),
    settle: { p50: percentile(settles, 50), p90: percentile(settles, 90), max: percentile(settles, 100) },
    updates: routers.reduce((sum, r) => sum + r.updates, 0),
    withdrawals: routers.reduce((sum, r) => sum + r.withdrawals, 0),
    events: processed,
    end: round(sim.now / 1000),
    ...(unstable ? { unstable } : {}),
    timers,
    seed,
    warnings: net.warnings,
  };
}

/** The static what-if the events leave behind: what `resolve` should answer once the simulation is quiet. */
export function finalScenario(topology: Topology, events: readonly ConvergenceEvent[]): Scenario {
  const failedPops = new Set<string>();
  const failedRouters = new Set<string>();
  const failedSessions = new Set<string>();
  const failedAses = new Set<number>();
  const ordered = [...events].sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  for (const e of ordered) {
    const k = 'pop' in e ? popIndex(topology, e.pop) : -1;
    const pop = topology.origins[k];
    if ((e.kind === 'withdraw-pop' || e.kind === 'drain-pop') && pop) failedPops.add(pop.id);
    else if (e.kind === 'crash-pop' && pop) failedRouters.add(pop.router);
    else if (e.kind === 'restore-pop' && pop) {
      failedPops.delete(pop.id);
      failedRouters.delete(pop.router);
    } else if (e.kind === 'fail-session') failedSessions.add(e.session);
    else if (e.kind === 'restore-session') failedSessions.delete(e.session);
    else if (e.kind === 'fail-as') failedAses.add(e.asn);
    else if (e.kind === 'restore-as') failedAses.delete(e.asn);
  }
  return {
    ...(failedPops.size > 0 ? { failedPops: [...failedPops] } : {}),
    ...(failedRouters.size > 0 ? { failedRouters: [...failedRouters] } : {}),
    ...(failedSessions.size > 0 ? { failedSessions: [...failedSessions] } : {}),
    ...(failedAses.size > 0 ? { failedAses: [...failedAses] } : {}),
  };
}
