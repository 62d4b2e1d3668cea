/** The engine's AS-level types: CAIDA graphs, origins, what-ifs and per-AS route tables. */
import type { Asn, TieBreak } from './types';

/**
 * An AS-level graph (CAIDA AS relationships): one BGP speaker per AS, compressed sparse rows of
 * neighbour indexes split by relationship. AS index order is ascending ASN order, so "lowest
 * neighbour ASN" is "lowest neighbour index".
 */
export interface AsGraph {
  readonly size: number;
  /** Ascending. `asns[i]` is the ASN of AS index i. */
  readonly asns: Uint32Array;
  /** Neighbours of i that are its customers: `customers[customerStart[i] .. customerStart[i+1])`. */
  readonly customerStart: Int32Array;
  readonly customers: Int32Array;
  readonly peerStart: Int32Array;
  readonly peers: Int32Array;
  readonly providerStart: Int32Array;
  readonly providers: Int32Array;
  /** Customer-provider depth: 0 for an AS without customers, else 1 + the deepest customer. -1 on a cycle. */
  readonly rank: Int32Array;
  /** AS indexes sorted by ascending rank (stable by index); ASes on a provider cycle come last. */
  readonly rankOrder: Int32Array;
  /** Distinct links kept. */
  readonly linkCount: number;
  /** Repeated links (same pair again) that were ignored. */
  readonly duplicateLinks: number;
  /** ASNs on customer-provider cycles (each AS its own indirect provider); the sweep cannot run then. */
  readonly providerCycle: readonly Asn[];
}

/** An AS that announces the anycast prefix (a PoP at AS granularity). */
export interface AsOrigin {
  readonly asn: Asn;
  /** Extra copies of the ASN on every announcement. */
  readonly prepend?: number;
}

/** What-if at AS level. */
export interface AsScenario {
  readonly withdrawn?: readonly Asn[];
  readonly failedAses?: readonly Asn[];
  readonly failedLinks?: readonly (readonly [Asn, Asn])[];
}

export type AsSolver = 'auto' | 'sweep' | 'path-vector';

export interface PropagateOptions {
  /** 'auto' picks the sweep when the policy is pure Gao-Rexford and the graph has no provider cycle. */
  readonly solver?: AsSolver;
  readonly tieBreak?: TieBreak;
  /** LOCAL_PREF overrides: (receiving ASN, neighbour ASN, value). Any override makes 'auto' use the path-vector solver. */
  readonly localPref?: readonly (readonly [Asn, Asn, number])[];
  /** Path-vector safety valve: activations before declaring no stable routing. Default 64 per AS + 1024. */
  readonly maxActivations?: number;
  /** When LOCAL_PREF overrides break Gao-Rexford, look for other stable states under other orders of events (default true). */
  readonly searchStableStates?: boolean;
}

/** How an AS learned its best route; codes of `RouteTable.learnedFrom`. */
export const LEARNED_NONE = 0;
export const LEARNED_ORIGIN = 1;
export const LEARNED_CUSTOMER = 2;
export const LEARNED_PEER = 3;
export const LEARNED_PROVIDER = 4;

/** Routes of every AS for one anycast prefix, as typed arrays indexed by AS index. */
export interface RouteTable {
  readonly graph: AsGraph;
  readonly origins: readonly AsOrigin[];
  readonly solver: 'sweep' | 'path-vector';
  readonly tieBreak: TieBreak;
  /** AS index of the next hop; the AS itself for an origin; -1 when no route. */
  readonly nextHop: Int32Array;
  /** ASNs in the AS path including the holder and prepends (holder first); 0 when no route. */
  readonly pathLength: Int32Array;
  /** Index into `origins`; -1 when no route. */
  readonly originIndex: Int32Array;
  /** LEARNED_* code. */
  readonly learnedFrom: Uint8Array;
  readonly localPref: Int32Array;
  /** Present when the path-vector solver found no stable routing (the table is then a snapshot). */
  readonly unstable?: AsInstability;
  /** Present when another order of events settles in another stable state. */
  readonly orderDependent?: AsOrderDependence;
  /** Path-vector activations used (0 for the sweep). */
  readonly activations: number;
  /** The origins and what-if the table was computed for, as the solvers read them. */
  readonly masks: AsMasks;
  /** LOCAL_PREF overrides keyed by receiver index * size + neighbour index. */
  readonly localPrefOverrides?: ReadonlyMap<number, number>;
}

/** Origins and a what-if resolved against a graph into per-AS and per-link masks. */
export interface AsMasks {
  /** Per AS: index into the origins when it announces (and is not withdrawn), else -1. */
  readonly originAt: Int32Array;
  /** Per AS: 1 when failed. */
  readonly asDown: Uint8Array;
  /** Per CSR position: 1 when that link failed. Undefined when no link failed. */
  readonly customerDown?: Uint8Array;
  readonly peerDown?: Uint8Array;
  readonly providerDown?: Uint8Array;
}

/** One stable routing at AS level, and the order of events that reaches it; the routes of the ASes whose route differs between states. */
export interface AsStableState {
  readonly order: string;
  readonly routes: readonly { readonly asn: Asn; readonly originAsn?: Asn; readonly asPath?: readonly Asn[] }[];
}

/** Several stable states at AS level (LOCAL_PREF overrides that break Gao-Rexford): the ASes whose route differs, and each state found. */
export interface AsOrderDependence {
  readonly asns: readonly Asn[];
  /** Every stable state found; the first is the one the table holds. */
  readonly states: readonly AsStableState[];
  readonly message: string;
}

export interface AsInstability {
  readonly asns: readonly Asn[];
  /** For each cycling AS, the distinct AS paths it kept switching between. */
  readonly cycle: readonly { readonly asn: Asn; readonly paths: readonly (readonly Asn[])[] }[];
  readonly message: string;
}

/** The explanation of every AS's choice in compact form. */
export interface AsExplanations {
  /** Index into `DECISION_CODES` (types.ts); meaningless where there is no route. */
  readonly decidedBy: Uint8Array;
  /** AS index of the neighbour offering the runner-up route, -1 when none. */
  readonly runnerUp: Int32Array;
  /** Origin index the runner-up leads to, -1 when none. */
  readonly runnerUpOrigin: Int32Array;
  /** Number of candidate routes (valley-free exports that pass loop rejection). */
  readonly candidates: Int32Array;
  /**
   * Per AS, when its choice was arbitrary: the neighbour (AS index) offering the best route to
   * another origin that tied with the best on every step before the tie-break; else -1. A tie
   * between routes to the same origin picks a path, not a PoP, and is not arbitrary.
   */
  readonly arbitraryOver: Int32Array;
  /** ASes that have a route and at least two candidates, and how many of them were arbitrary. */
  readonly contested: number;
  readonly arbitrary: number;
  readonly routed: number;
}

export interface AsMove {
  readonly asn: Asn;
  readonly from?: Asn;
  readonly to?: Asn;
}

export interface RouteTableDiff {
  /** ASes whose origin changed, including those that lost or gained a route. */
  readonly moved: readonly AsMove[];
  readonly lost: readonly Asn[];
}
