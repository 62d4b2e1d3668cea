/**
 * The engine's input and output: plain, serialisable data. The language layer builds a `Topology`
 * from a diagram; the CLI builds an `AsGraph` from CAIDA files. Nothing here knows about mermaid.
 */

export type Asn = number;

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/**
 * A BGP speaker: one router (site) of one AS. An AS present in several cities has several
 * routers, joined by iBGP (full mesh, or `reflection`) and an IGP (docs/engine.md). Two routers
 * that both originate PoPs speak iBGP only over a drawn backbone.
 */
export interface RouterSpec {
  readonly id: string;
  readonly asn: Asn;
  readonly point?: GeoPoint;
  /** BGP identifier for the router-id tie-break; defaults to the order of the router in the topology. */
  readonly routerId?: number;
}

/**
 * An eBGP session between routers of two different ASes, seen from `a`:
 * 'customer-provider' means a is the customer and b the provider; 'peer-peer' is settlement-free.
 */
export type Relationship = 'customer-provider' | 'peer-peer';

/** Per-direction settings of a session. `a` is what router a does, `b` what router b does. */
export interface PerSide<T> {
  readonly a?: T;
  readonly b?: T;
}

export interface SessionSpec {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  readonly relationship: Relationship;
  /** LOCAL_PREF the receiving side assigns to routes learned over this session (overrides the role default). */
  readonly localPref?: PerSide<number>;
  /** MED the sending side attaches to routes it advertises over this session. */
  readonly med?: PerSide<number>;
  /** Extra copies of the sender's ASN prepended to routes it advertises over this session. */
  readonly prepend?: PerSide<number>;
  /** Communities the sending side attaches to routes it advertises over this session. */
  readonly communities?: PerSide<readonly Community[]>;
  /** Extra IGP cost, in km-equivalents, for using this session as the exit of the receiving AS. */
  readonly exitCost?: PerSide<number>;
  readonly state?: 'up' | 'down';
}

/** A drawn IGP link between two routers of the same AS (symmetric); without a cost, its great-circle km. */
export interface IgpLinkSpec {
  readonly a: string;
  readonly b: string;
  readonly cost?: number;
}

/** Well-known communities have names; others are written `asn:value` (RFC 1997) and only carried. */
export type Community = 'no-export' | 'no-advertise' | `${number}:${number}`;

export type Origin = 'igp' | 'egp' | 'incomplete';

/** A PoP: a router that originates the anycast prefix(es). */
export interface OriginSpec {
  readonly id: string;
  /** Display name (`US-East`); the CLI accepts it wherever a PoP id is asked for. */
  readonly name?: string;
  /** The router that originates; several PoPs may share one ASN (each is its own router). */
  readonly router: string;
  /** CIDR strings, IPv4 or IPv6. */
  readonly prefixes: readonly string[];
  readonly origin?: Origin;
  /** Communities attached to every announcement of this PoP. */
  readonly communities?: readonly Community[];
  /** Extra prepends on every announcement of this PoP (added to any per-session prepend). */
  readonly prepend?: number;
  readonly state?: 'up' | 'down';
}

export interface ClientSpec {
  readonly id: string;
  /** The router whose routing table the client's traffic follows (its access router). */
  readonly router: string;
  readonly point?: GeoPoint;
  /** Relative traffic weight; default 1. */
  readonly weight?: number;
}

/** How the final tie-break of the decision process is made. */
export type TieBreakModel = 'lowest-neighbor-asn' | 'router-id' | 'oldest' | 'random';

export interface TieBreak {
  readonly model: TieBreakModel;
  /** Seed for 'random'; results are a pure function of it. */
  readonly seed?: number;
}

export interface Topology {
  readonly routers: readonly RouterSpec[];
  readonly sessions: readonly SessionSpec[];
  readonly igpLinks?: readonly IgpLinkSpec[];
  /** Route-reflector client sessions (RFC 4456); an AS without any is a full iBGP mesh. */
  readonly reflection?: readonly { readonly reflector: string; readonly client: string; readonly clusterId?: number }[];
  readonly origins: readonly OriginSpec[];
  readonly clients: readonly ClientSpec[];
  readonly serviceAddress?: string; // clients follow the longest announced prefix that covers it
  readonly tieBreak?: TieBreak;
  /** Optional AS names, for explanations. */
  readonly asNames?: Readonly<Record<number, string>>;
}

/** The steps of RFC 4271 section 9.1.2.2, in order, plus the two outcomes that are not comparisons. */
export type DecisionStep =
  'only-route' | 'local-pref' | 'as-path-length' | 'origin' | 'med' | 'ebgp-over-ibgp' | 'igp-cost' | 'tie-break';

/** The comparison steps, in the order the decision process applies them. */
export const DECISION_STEPS: readonly DecisionStep[] = [
  'local-pref',
  'as-path-length',
  'origin',
  'med',
  'ebgp-over-ibgp',
  'igp-cost',
  'tie-break',
];

/** A route as held by one router. */
export interface Route {
  /** The PoP (OriginSpec id) the route leads to. */
  readonly pop: string;
  readonly prefix: string;
  /** Starts with the holder's ASN and ends with the origin ASN; prepends repeat ASNs. */
  readonly asPath: readonly Asn[];
  /** Routers the traffic crosses, from the holder to the originating router. */
  readonly routerPath: readonly string[];
  readonly localPref: number;
  readonly origin: Origin;
  readonly med: number;
  /** The neighbour AS the route was learned from (the holder's own ASN when learned over iBGP from itself). */
  readonly neighborAsn: Asn;
  readonly learnedFrom: 'ebgp' | 'ibgp' | 'local';
  /** IGP cost from the holder to the exit router; NaN when unknown (a router on the way has no location). */
  readonly igpCost: number;
  readonly communities: readonly Community[];
}

/**
 * What the final tie-break compared between two routes, under the topology's model: the first
 * key of `tieBreak.model` on which they differ. Router ids are engine router ids; a router's BGP
 * identifier is its position among the topology's routers (the order of declaration) unless set.
 */
export type TieBreakComparison = { readonly model: TieBreakModel } & (
  | { readonly by: 'neighbor-asn'; readonly best: Asn; readonly other: Asn }
  /** The BGP identifiers (ORIGINATOR_ID for a reflected route) and the routers that carry them. */
  | {
      readonly by: 'router-id';
      readonly best: string;
      readonly other: string;
      readonly bestId: number;
      readonly otherId: number;
    }
  | { readonly by: 'cluster-list'; readonly best: number; readonly other: number }
  /** The advertising routers (their peer addresses); the same router when two sessions join them. */
  | { readonly by: 'peer-address'; readonly best: string; readonly other: string }
  /** Arrival order: the PoP announced first (the order of `origins`). */
  | { readonly by: 'arrival'; readonly best: string; readonly other: string }
  /** Arrival order between copies of one PoP's route: the one that crossed fewer routers came first. */
  | { readonly by: 'hops'; readonly best: number; readonly other: number }
  | { readonly by: 'seed'; readonly seed: number }
);

/** The best route to another PoP than the best's, and the step that eliminated the last such route. */
export interface Alternative {
  readonly index: number;
  readonly step: DecisionStep;
  /** When `step` is the tie-break: what it compared between the best and this route. */
  readonly tieBreak?: TieBreakComparison;
}

/** Why the best route won: the candidates, who survived each step, and what separated best from runner-up. */
export interface Explanation {
  readonly candidates: readonly Route[];
  /** For each comparison step in order, the indexes of candidates still in the running after it. */
  readonly survivors: readonly { readonly step: DecisionStep; readonly remaining: readonly number[] }[];
  readonly best: number;
  /** The best of the rest, whatever its PoP. */
  readonly runnerUp?: number;
  /** The first step at which the runner-up lost to the best ('only-route' when there was one candidate). */
  readonly decidedBy: DecisionStep;
  /** When `decidedBy` is the tie-break: what it compared between the best and the runner-up. */
  readonly tieBreak?: TieBreakComparison;
  /** The nearest alternative: absent when every candidate leads to the best's PoP. */
  readonly alternative?: Alternative;
  /**
   * True when the PoP was left to the final tie-break: a route to another PoP tied with the best
   * on every step before it. A tie between routes to the same PoP changes the path, not the PoP,
   * and is not arbitrary.
   */
  readonly arbitrary: boolean;
  /**
   * True when routes still tied at the IGP-cost step and a cost was unknown (a router without a
   * location): that step compared nothing and the next one decided.
   */
  readonly igpCostUnknown?: boolean;
}

/** Where on a client's forwarding path its PoP was decided, and how. */
export interface PopDecision {
  /** The router on the path where the last route to another PoP lost (the client's own, or one further on). */
  readonly router: string;
  readonly asn: Asn;
  /**
   * The decision step that eliminated the last route to another PoP there; `more-specific-prefix`
   * when longest-prefix match chose `prefix` over a shorter prefix that leads to another PoP;
   * `only-pop` when no router on the path holds a route to another PoP (then `router` is the client's).
   */
  readonly by: DecisionStep | 'more-specific-prefix' | 'only-pop';
  /** The prefix the router forwards the traffic on. */
  readonly prefix: string;
  /** The route the router chose (on `prefix`). */
  readonly chosen: Route;
  /** The nearest alternative there: the best route to another PoP (on the shorter prefix for `more-specific-prefix`). */
  readonly alternative?: Route;
  /** When `by` is the tie-break: what it compared. */
  readonly tieBreak?: TieBreakComparison;
}

export interface ClientResult {
  readonly id: string;
  /** Undefined when no PoP is reachable. */
  readonly pop?: string;
  readonly route?: Route;
  readonly explanation?: Explanation;
  /** Estimated round-trip time along the routers the traffic crosses (great-circle, fibre speed), when points are known. */
  readonly rttMs?: number;
  /**
   * The routers the traffic actually crosses, present only when it differs from `route.routerPath`:
   * longest-prefix match at a router further on found a more-specific prefix that the client's
   * router never heard, and `pop` is where that prefix leads.
   */
  readonly forwardingPath?: readonly string[];
  /**
   * Routers on the traffic's path (the client's own included) where the final tie-break chose
   * between routes to different PoPs: the client's PoP rests on each of these coin tosses. Empty
   * when none.
   */
  readonly arbitraryAt?: readonly string[];
  /** Where on the path the PoP was decided, by what, on which prefix, over which nearest alternative. */
  readonly decision?: PopDecision;
  /** The other PoPs this client reaches in another stable state, depending on the order of events. */
  readonly alsoReaches?: readonly string[];
}

export interface PopResult {
  readonly id: string;
  readonly name?: string;
  readonly state: 'up' | 'down';
  readonly clients: readonly string[];
  /** Share of total client weight, 0..1. */
  readonly trafficShare: number;
  /** Traffic-weighted mean RTT of its clients whose RTT is known, in ms. */
  readonly meanRttMs?: number;
}

export interface RouterResult {
  readonly id: string;
  readonly best?: Route;
  readonly explanation?: Explanation;
}

export interface Instability {
  /** The routers whose choice keeps changing (a dispute wheel), and the routes they cycle through. */
  readonly routers: readonly string[];
  readonly cycle: readonly { readonly router: string; readonly routes: readonly Route[] }[];
  readonly message: string;
}

/** One stable routing of the topology, and the order of events ('as written', 'IAD announced first') that reaches it. */
export interface StableState {
  readonly order: string;
  /** The PoP each client (in client order), and each router whose choice differs, reaches: none, no route. */
  readonly clients: readonly { readonly id: string; readonly pop?: string }[];
  readonly routers: readonly { readonly id: string; readonly pop?: string }[];
}

/** Several stable states (a BGP wedgie): the routers whose choice differs, and each state found. */
export interface OrderDependence {
  readonly routers: readonly string[];
  /** Every stable state found; the first is the one the rest of the resolution describes. */
  readonly states: readonly StableState[];
  readonly message: string;
}

export interface Resolution {
  readonly clients: readonly ClientResult[];
  readonly pops: readonly PopResult[];
  readonly routers: readonly RouterResult[];
  /**
   * Present when the general solver found no stable routing within its budget: routers that
   * forward on the prefix that never settled hold no route and their clients reach no PoP.
   */
  readonly unstable?: Instability;
  /** Present when another order of events settles in another stable state. */
  readonly orderDependent?: OrderDependence;
  /** Things in the topology the resolver had to ignore (a session to an unknown router, a bad prefix). */
  readonly warnings: readonly string[];
}

/** A what-if: things taken down on top of the topology as written. */
export interface Scenario {
  readonly failedPops?: readonly string[];
  /** Origins configured `state: 'down'` that announce in this what-if. */
  readonly upPops?: readonly string[];
  readonly failedSessions?: readonly string[];
  readonly failedAses?: readonly Asn[];
  readonly failedRouters?: readonly string[];
}

export interface ClientMove {
  readonly id: string;
  readonly from?: string;
  readonly to?: string;
  /** What decided the new PoP where it was decided (`PopDecision.by`); 'unreachable' when there is none. */
  readonly why: PopDecision['by'] | 'unreachable';
  /** True when the old PoP is no longer among the client's candidate routes (withdrawn, or its path failed). */
  readonly previousRouteGone: boolean;
  readonly rttBeforeMs?: number;
  readonly rttAfterMs?: number;
}

export interface ResolutionDiff {
  readonly moved: readonly ClientMove[];
  /** Clients with a route before and none after. */
  readonly lostService: readonly string[];
}

/** Why the final decision was what it was, per AS, in the sweep's compact form (index into DECISION_CODES). */
export const DECISION_CODES: readonly DecisionStep[] = ['only-route', ...DECISION_STEPS];
