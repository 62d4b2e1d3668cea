/**
 * Where each client's traffic goes while the routing converges: a hop-by-hop walk of the routers'
 * current choices, which meets dead routers and broken sessions before the control plane knows,
 * and the per-client figures drawn from the resulting timelines.
 */
import { sane } from '../routerNet';
import type { Held, Net } from '../routerNet';
import type { ClientSpec } from '../types';
import type { ClientState, ClientTimeline } from './types';

/** What the walk reads from the simulation at a moment. */
export interface ForwardingView {
  readonly net: Net;
  readonly alive: Uint8Array;
  /** Per engine session: 1 while it carries traffic. */
  readonly sessionCarrying: Uint8Array;
  /** Per announced prefix, longest first: each router's best route. */
  readonly best: readonly (readonly (Held | undefined)[])[];
}

/** The PoP (origin index) a packet from router `start` reaches, and the routers it crosses. */
export function forward(view: ForwardingView, start: number): { pop?: number; routers: number[] } {
  const crossed = [start];
  for (let at = start; ;) {
    if (!view.alive[at]) return { routers: crossed };
    let held: Held | undefined;
    for (const table of view.best) if ((held = table[at])) break;
    if (!held) return { routers: crossed };
    if (held.learnedFrom === 'local') return { pop: held.pop, routers: crossed };
    const next = held.routerPath[1] as number;
    const linkUp = view.alive[next] && (held.session < 0 || view.sessionCarrying[held.session]);
    if (!linkUp || crossed.includes(next)) return { routers: [...crossed, next] };
    crossed.push(next);
    at = next;
  }
}

/** Records every client's state when it changes; times in ms. */
export class TimelineRecorder {
  private readonly states: ClientState[][];
  private readonly keys: string[];
  private readonly routerOf: readonly (number | undefined)[];

  constructor(
    private readonly view: ForwardingView,
    private readonly clients: readonly ClientSpec[],
  ) {
    this.routerOf = clients.map((c) => view.net.indexOf.get(c.router));
    this.states = clients.map(() => []);
    this.keys = clients.map(() => '\u0000');
  }

  record(nowMs: number): void {
    const routers = this.view.net.topology.routers;
    const origins = this.view.net.topology.origins;
    this.clients.forEach((_, i) => {
      const r = this.routerOf[i];
      const walk = r === undefined ? { routers: [] } : forward(this.view, r);
      const key = `${walk.pop ?? ''}|${walk.routers.join(',')}`;
      if (key === this.keys[i]) return;
      this.keys[i] = key;
      const pop = walk.pop === undefined ? undefined : origins[walk.pop]?.id;
      this.states[i]?.push({
        at: round(nowMs / 1000),
        ...(pop !== undefined ? { pop } : {}),
        path: walk.routers.map((x) => routers[x]?.id ?? String(x)),
      });
    });
  }

  /** Each client's timeline and figures, counted from `startMs` (the first event) to `endMs`. */
  timelines(startMs: number, endMs: number): ClientTimeline[] {
    return this.clients.map((c, i) => timelineOf(c, this.states[i] ?? [], startMs / 1000, endMs / 1000));
  }
}

function timelineOf(client: ClientSpec, states: readonly ClientState[], start: number, end: number): ClientTimeline {
  let withoutService = 0;
  let popChanges = 0;
  const resetAt: string[] = [];
  let lastPop = states[0]?.pop;
  states.forEach((s, k) => {
    const until = states[k + 1]?.at ?? end;
    if (s.pop === undefined && k > 0) withoutService += Math.max(0, until - Math.max(s.at, start));
    if (k === 0 || s.pop === undefined) return;
    if (lastPop !== undefined && s.pop !== lastPop) {
      popChanges++;
      if (!resetAt.includes(lastPop)) resetAt.push(lastPop);
    }
    lastPop = s.pop;
  });
  const last = states[states.length - 1];
  return {
    id: client.id,
    weight: sane(client.weight, 1, 'weight', []),
    states,
    withoutService: round(withoutService),
    popChanges,
    settle: states.length > 1 && last ? round(last.at - start) : 0,
    resetAt,
  };
}

/** Milliseconds precision: the figures stay stable in golden files. */
export function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Nearest-rank percentile of `values` (0 when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
