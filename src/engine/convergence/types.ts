/**
 * The convergence simulation's input and output: timers, the events of a what-if over time, and
 * per client, per router and overall what happened until the routing settled. Times are seconds.
 */
import type { Asn, Instability } from '../types';

/** BGP and failure-detection timers. Seconds unless the name says otherwise. */
export interface ConvergenceTimers {
  /** Minimum Route Advertisement Interval on eBGP sessions (RFC 4271 suggests 30 s). */
  readonly mraiEbgp: number;
  /** MRAI on iBGP sessions (RFC 4271 suggests 5 s; most implementations use 0). */
  readonly mraiIbgp: number;
  /** Each MRAI run lasts the interval times a factor drawn from this range (RFC 4271 9.2.1.1: 0.75 to 1). */
  readonly mraiJitter: readonly [number, number];
  /** Rate-limit withdrawals too (off, as RFC 4271 says: withdrawals go at once). */
  readonly mraiWithdrawals: boolean;
  /** Time to process one update at the receiver, milliseconds, drawn per message from this range. */
  readonly processingMs: readonly [number, number];
  /** A session whose peer stops talking is declared down after the hold time (RFC 4271 default 90 s). */
  readonly holdTime: number;
  /** With BFD, a failed session is declared down after intervalMs x multiplier instead (e.g. 300 ms x 3). */
  readonly bfd?: { readonly intervalMs: number; readonly multiplier: number };
}

export const DEFAULT_TIMERS: ConvergenceTimers = {
  mraiEbgp: 30,
  mraiIbgp: 0,
  mraiJitter: [0.75, 1],
  mraiWithdrawals: false,
  processingMs: [1, 10],
  holdTime: 90,
};

/** The seed of a run that names none. */
export const DEFAULT_SEED = 1;

/** A change at a moment of the simulation (`at` seconds, default 0). */
export type ConvergenceEvent =
  /** The PoP withdraws its prefixes: its router sends withdrawals at once. */
  | { readonly kind: 'withdraw-pop'; readonly pop: string; readonly at?: number }
  /** The PoP's router dies silently: its neighbours notice only when the hold timer (or BFD) expires. */
  | { readonly kind: 'crash-pop'; readonly pop: string; readonly at?: number }
  /** RFC 8326 graceful shutdown: announce with GRACEFUL_SHUTDOWN (LOCAL_PREF 0), withdraw `withdrawAfter` seconds later. */
  | { readonly kind: 'drain-pop'; readonly pop: string; readonly withdrawAfter: number; readonly at?: number }
  /** The PoP announces again (after a withdrawal) or its router comes back (after a crash). */
  | { readonly kind: 'restore-pop'; readonly pop: string; readonly at?: number }
  /** A BGP session (engine session id) stops carrying anything; both ends notice after the hold timer or BFD. */
  | { readonly kind: 'fail-session'; readonly session: string; readonly at?: number }
  | { readonly kind: 'restore-session'; readonly session: string; readonly at?: number }
  /** Every router of the AS dies silently. */
  | { readonly kind: 'fail-as'; readonly asn: Asn; readonly at?: number }
  | { readonly kind: 'restore-as'; readonly asn: Asn; readonly at?: number };

export interface ConvergenceOptions {
  readonly timers?: Partial<ConvergenceTimers>;
  /** Seed of the delays and jitter; the same seed gives the same run. Default 1. */
  readonly seed?: number;
  /** Stop (and report no stable routing) after this much simulated time, seconds. Default 3600. */
  readonly maxTime?: number;
  /** Stop (and report no stable routing) after this many processed events. Default 2,000,000. */
  readonly maxEvents?: number;
}

/** Where a client's traffic goes at a moment: a PoP over a path of routers, or nowhere. */
export interface ClientState {
  /** Seconds since the start of the simulation. */
  readonly at: number;
  /** Undefined: no service (no route, a loop, or a path through a dead router or session). */
  readonly pop?: string;
  /** The routers the traffic crosses, from the client's router on (as far as it gets when there is no service). */
  readonly path: readonly string[];
}

export interface ClientTimeline {
  readonly id: string;
  readonly weight: number;
  /** The state before the first event, then every change, in time order. */
  readonly states: readonly ClientState[];
  /** Seconds without service after the first event (until settled; to the end when never served again). */
  readonly withoutService: number;
  /** Times the client landed on a PoP other than the one it used before (its connections there reset). */
  readonly popChanges: number;
  /** Seconds from the first event to the client's last change (0 when nothing changed for it). */
  readonly settle: number;
  /** PoPs whose TCP and QUIC connections from this client were reset (the PoPs it left for another). */
  readonly resetAt: readonly string[];
}

export interface RouterActivity {
  readonly id: string;
  /** Advertisements sent (one per prefix per session). */
  readonly updates: number;
  readonly withdrawals: number;
}

export interface ConvergenceResult {
  readonly clients: readonly ClientTimeline[];
  readonly routers: readonly RouterActivity[];
  /** Seconds from the first event to the last routing message delivered or route changed. */
  readonly lastUpdate: number;
  /** Client settle times, seconds: median, 90th percentile, maximum. */
  readonly settle: { readonly p50: number; readonly p90: number; readonly max: number };
  readonly updates: number;
  readonly withdrawals: number;
  /** Events the simulation processed (messages, timers, detections). */
  readonly events: number;
  /** Simulated seconds the run covered. */
  readonly end: number;
  /** Present when the routing did not settle within the bounds: the routers still changing. */
  readonly unstable?: Instability;
  readonly timers: ConvergenceTimers;
  readonly seed: number;
  readonly warnings: readonly string[];
}

/** An AS-level run: origins withdrawn at t=0 on the stable Gao-Rexford routing of a graph. */
export interface AsConvergenceResult {
  /** Per AS index: seconds from the withdrawal to its last change of route; -1 when its route never changed. */
  readonly settle: Float64Array;
  /** ASes whose route changed at least once. */
  readonly affected: number;
  /** Affected ASes left without a route at the end. */
  readonly lost: number;
  /** Settle times of the affected ASes, seconds. */
  readonly quantiles: { readonly p50: number; readonly p90: number; readonly max: number };
  /** Per AS index once quiet: the next-hop AS index (itself for an origin, -1 without route) and origin index. */
  readonly nextHop: Int32Array;
  readonly originIndex: Int32Array;
  readonly updates: number;
  readonly withdrawals: number;
  readonly events: number;
  readonly lastUpdate: number;
  /** Present when the run hit its bound (simulated time or events) before the routing was quiet. */
  readonly unstable?: string;
  readonly timers: ConvergenceTimers;
  readonly seed: number;
}
