/**
 * The event-driven BGP simulation at router granularity: from the stable routing of a topology,
 * the events of a what-if play out message by message, with propagation and processing delays,
 * MRAI timers with jitter, implicit withdrawals and failure detection by hold timer or BFD. Each
 * router runs the static resolver's decision process on what has arrived, so once quiet the
 * simulation ends where `resolve` does. Pure: the same topology, events and seed give the same run.
 */
import { bestOf } from '../decision';
import { sentOverIbgp } from '../ibgpRoutes';
import { candidatesAt, exportableOverEbgp, signature, solvePrefix } from '../propagation';
import type { Offers } from '../propagation';
import type { Held, Net } from '../routerNet';
import type { AnnouncedPrefix } from '../stableStates';
import type { Channels } from './channels';
import { EventQueue } from './eventQueue';
import { between } from './random';
import type { Random } from './random';
import type { ConvergenceEvent, ConvergenceTimers } from './types';

export type Agenda =
  | { readonly kind: 'deliver'; readonly ch: number; readonly p: number; readonly route: Held | undefined }
  | { readonly kind: 'mrai'; readonly ch: number }
  | { readonly kind: 'detect'; readonly ch: number }
  | { readonly kind: 'establish'; readonly ch: number }
  | { readonly kind: 'event'; readonly event: ConvergenceEvent };

/** The routing state of every router and session while the simulation runs. */
export class Simulation {
  readonly alive: Uint8Array;
  readonly sessionCarrying: Uint8Array;
  readonly established: Uint8Array;
  readonly best: (Held | undefined)[][];
  private readonly ribIn: (Held | undefined)[][];
  private readonly ribOut: (Held | undefined)[][];
  private readonly pending: Set<number>[];
  private readonly mraiUntil: Float64Array;
  private readonly mraiArmed: Uint8Array;
  private readonly lastArrival: Float64Array;
  readonly updates: Uint32Array;
  readonly withdrawals: Uint32Array;
  readonly lastChange: Float64Array;
  /** Per router, its last few choices and their prefixes: what a dispute wheel report shows. */
  readonly recent = new Map<number, { readonly p: number; readonly held: Held }[]>();
  private readonly popUp: boolean[];
  private readonly draining = new Set<number>();
  private readonly popRouter: number[];
  readonly queue = new EventQueue<Agenda>();
  /** The static solver found no stable routing: the run starts from its snapshot. */
  readonly baselineUnstable: boolean;
  now = 0;
  /** The last message delivered or route changed, ms. */
  lastActivity = 0;
  dirty = false;

  constructor(
    readonly net: Net,
    readonly channels: Channels,
    readonly prefixes: readonly AnnouncedPrefix[],
    readonly timers: ConvergenceTimers,
    private readonly random: Random,
  ) {
    const n = net.asn.length;
    const c = channels.list.length;
    this.alive = new Uint8Array(n).fill(1);
    this.sessionCarrying = new Uint8Array(net.topology.sessions.length).fill(1);
    this.established = new Uint8Array(c).fill(1);
    this.popRouter = net.topology.origins.map((o) => net.indexOf.get(o.router) ?? -1);
    this.popUp = net.topology.origins.map((o, k) => o.state !== 'down' && (this.popRouter[k] as number) >= 0);
    const baseline = prefixes.map((p) => solvePrefix(net, p.text, this.upPops(p), 200 * n + 1000));
    this.best = baseline.map((s) => s.best);
    this.baselineUnstable = baseline.some((s) => s.unstable);
    this.ribOut = this.best.map((best) => channels.list.map((_, ch) => this.exported(ch, best)));
    this.ribIn = this.ribOut.map((out) => [...out]);
    this.pending = channels.list.map(() => new Set());
    this.mraiUntil = new Float64Array(c).fill(-Infinity);
    this.mraiArmed = new Uint8Array(c);
    this.lastArrival = new Float64Array(c);
    this.updates = new Uint32Array(n);
    this.withdrawals = new Uint32Array(n);
    this.lastChange = new Float64Array(n).fill(-Infinity);
  }

  private upPops(p: AnnouncedPrefix): number[] {
    return p.pops.filter((k) => this.popUp[k]);
  }

  /** What the sender of `ch` advertises on it, given its best routes: the route, or nothing. */
  private exported(ch: number, best: readonly (Held | undefined)[]): Held | undefined {
    const c = this.channels.list[ch];
    const held = c ? best[c.from] : undefined;
    if (!c || !held) return undefined;
    const allowed = c.learned ? exportableOverEbgp(held, c.learned) : sentOverIbgp(this.net, c.from, c.to, held);
    return allowed ? held : undefined;
  }

  carrying(ch: number): boolean {
    const c = this.channels.list[ch];
    if (!c) return false;
    return !!this.alive[c.from] && !!this.alive[c.to] && (c.session < 0 || !!this.sessionCarrying[c.session]);
  }

  private detectMs(): number {
    const bfd = this.timers.bfd;
    return bfd ? bfd.intervalMs * bfd.multiplier : this.timers.holdTime * 1000;
  }

  /** Runs the decision process at router r for prefix p and sends what changed. */
  decide(r: number, p: number): void {
    if (!this.alive[r]) return;
    const prefix = this.prefixes[p] as AnnouncedPrefix;
    const local = prefix.pops.filter((k) => this.popUp[k] && this.popRouter[k] === r);
    const ribIn = this.ribIn[p] as (Held | undefined)[];
    const offers: Offers = (m, s) => {
      const ch = this.channels.channelInto(r, m, s);
      return ch === undefined ? undefined : ribIn[ch];
    };
    const cands = candidatesAt(this.net, r, offers, local, this.draining);
    const chosen = bestOf(this.net, r, cands);
    const best = this.best[p] as (Held | undefined)[];
    if (signature(chosen) === signature(best[r])) return;
    this.setBest(p, r, chosen);
    for (const ch of this.channels.out[r] ?? []) if (this.established[ch]) this.exportTo(ch, p);
  }

  private setBest(p: number, r: number, chosen: Held | undefined): void {
    (this.best[p] as (Held | undefined)[])[r] = chosen;
    this.dirty = true;
    this.lastChange[r] = this.now;
    this.lastActivity = this.now;
    if (!chosen) return;
    const seen = this.recent.get(r) ?? [];
    seen.push({ p, held: chosen });
    if (seen.length > 4) seen.shift();
    this.recent.set(r, seen);
  }

  private mraiMs(ch: number): number {
    const c = this.channels.list[ch];
    return (c && c.session >= 0 ? this.timers.mraiEbgp : this.timers.mraiIbgp) * 1000;
  }

  /** Sends on `ch` what its sender now advertises for prefix p, at once or when the MRAI timer allows. */
  exportTo(ch: number, p: number): void {
    const desired = this.exported(ch, this.best[p] as (Held | undefined)[]);
    const sent = this.ribOut[p] as (Held | undefined)[];
    const pending = this.pending[ch] as Set<number>;
    if (desired === sent[ch]) {
      pending.delete(p);
      return;
    }
    const limited = desired !== undefined || this.timers.mraiWithdrawals;
    const mrai = this.mraiMs(ch);
    if (!limited || mrai === 0 || this.now >= (this.mraiUntil[ch] as number)) {
      pending.delete(p);
      this.send(ch, p, desired);
      if (limited && mrai > 0) this.startMrai(ch, mrai);
      return;
    }
    pending.add(p);
    if (!this.mraiArmed[ch]) {
      this.mraiArmed[ch] = 1;
      this.queue.push(this.mraiUntil[ch] as number, { kind: 'mrai', ch });
    }
  }

  private startMrai(ch: number, mrai: number): void {
    this.mraiUntil[ch] = this.now + mrai * between(this.random, this.timers.mraiJitter);
  }

  /** The MRAI timer of `ch` ran out: send what is still different, and run it again if an advertisement went. */
  mraiExpired(ch: number): void {
    this.mraiArmed[ch] = 0;
    const pending = this.pending[ch] as Set<number>;
    const waiting = [...pending].sort((a, b) => a - b);
    pending.clear();
    if (!this.established[ch]) return;
    let advertised = false;
    for (const p of waiting) {
      const desired = this.exported(ch, this.best[p] as (Held | undefined)[]);
      if (desired === this.ribOut[p]?.[ch]) continue;
      this.send(ch, p, desired);
      if (desired !== undefined || this.timers.mraiWithdrawals) advertised = true;
    }
    if (advertised) this.startMrai(ch, this.mraiMs(ch));
  }

  private send(ch: number, p: number, route: Held | undefined): void {
    const c = this.channels.list[ch];
    if (!c) return;
    (this.ribOut[p] as (Held | undefined)[])[ch] = route;
    const counter = route ? this.updates : this.withdrawals;
    counter[c.from] = (counter[c.from] as number) + 1;
    // A message into a dead router or over a cut session is lost; TCP keeps the rest in order.
    if (!this.carrying(ch)) return;
    const at = Math.max(
      this.now + c.propagationMs + between(this.random, this.timers.processingMs),
      this.lastArrival[ch] as number,
    );
    this.lastArrival[ch] = at;
    this.queue.push(at, { kind: 'deliver', ch, p, route });
  }

  deliver(ch: number, p: number, route: Held | undefined): void {
    const c = this.channels.list[ch];
    if (!c || !this.carrying(ch) || !this.established[ch]) return;
    (this.ribIn[p] as (Held | undefined)[])[ch] = route;
    this.lastActivity = this.now;
    this.decide(c.to, p);
  }

  /** Takes the session of `ch` down at its receiver: what arrived on it is forgotten, nothing is sent back. */
  resetChannel(ch: number): void {
    if (!this.established[ch]) return;
    const c = this.channels.list[ch];
    if (!c) return;
    this.established[ch] = 0;
    this.pending[ch]?.clear();
    this.prefixes.forEach((_, p) => {
      (this.ribOut[p] as (Held | undefined)[])[ch] = undefined;
      const ribIn = this.ribIn[p] as (Held | undefined)[];
      if (ribIn[ch] === undefined) return;
      ribIn[ch] = undefined;
      this.decide(c.to, p);
    });
  }

  reverse(ch: number): number | undefined {
    const c = this.channels.list[ch];
    return c ? this.channels.channelInto(c.from, c.to, c.session) : undefined;
  }

  /** The receiver of `ch` notices that its peer is gone (hold timer or BFD ran out). */
  detect(ch: number): void {
    if (this.carrying(ch)) return;
    this.resetChannel(ch);
    const back = this.reverse(ch);
    if (back !== undefined) this.resetChannel(back);
  }

  /** Channels that broke now; their receivers notice after the detection time. */
  scheduleDetection(chs: readonly number[]): void {
    for (const ch of chs) this.queue.push(this.now + this.detectMs(), { kind: 'detect', ch });
  }

  crash(r: number): void {
    if (!this.alive[r]) return;
    this.alive[r] = 0;
    this.dirty = true;
    this.prefixes.forEach((_, p) => this.setBest(p, r, undefined));
    this.scheduleDetection((this.channels.out[r] ?? []).filter((ch) => this.established[ch]));
  }

  /** Router r starts again: empty tables, its own PoPs, and sessions that open after a round trip. */
  revive(r: number): void {
    if (this.alive[r]) return;
    this.alive[r] = 1;
    for (const ch of [...(this.channels.out[r] ?? []), ...(this.channels.in[r] ?? [])]) this.reopen(ch);
    this.prefixes.forEach((_, p) => this.decide(r, p));
  }

  /** Resets `ch` and opens it again after a TCP and OPEN exchange, when both ends can talk. */
  reopen(ch: number): void {
    this.resetChannel(ch);
    const c = this.channels.list[ch];
    if (!c || !this.carrying(ch)) return;
    const handshake = 3 * c.propagationMs + between(this.random, this.timers.processingMs);
    this.queue.push(this.now + handshake, { kind: 'establish', ch });
  }

  establish(ch: number): void {
    if (this.established[ch] || !this.carrying(ch)) return;
    this.established[ch] = 1;
    this.prefixes.forEach((_, p) => this.exportTo(ch, p));
  }

  setPop(k: number, up: boolean, draining: boolean): void {
    this.popUp[k] = up;
    if (draining) this.draining.add(k);
    else this.draining.delete(k);
    const r = this.popRouter[k] as number;
    if (r < 0) return;
    if (up) this.revive(r);
    this.prefixes.forEach((prefix, p) => {
      if (prefix.pops.includes(k)) this.decide(r, p);
    });
  }

  popRouterOf(k: number): number {
    return this.popRouter[k] as number;
  }
}
