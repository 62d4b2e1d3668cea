/**
 * The semantic model of an `.anycast.mmd` document: every mermaid node and edge as written (with
 * exact ranges, for diagnostics and two-way linking with the preview), plus the anycast meaning the
 * parser read from it (roles, ASNs, locations, prefixes, BGP relationships and policy) and where
 * each fact came from. Plain data, serialisable as JSON.
 */
import type { ConvergenceTimers } from '../../engine/convergence/types';
import type { Community, GeoPoint, TieBreakModel } from '../../engine/types';
import type { Range } from '../types';

/** What a node stands for. 'narrative' nodes are the story around the network and are left alone. */
export type NodeRole = 'pop' | 'as' | 'client' | 'service' | 'narrative';

/** Where a fact came from, so hints can say which facts were inferred rather than written. */
export type FactSource =
  /** `A@{ asn: 174 }` node or edge metadata. */
  | 'metadata'
  /** The visible label, e.g. `PoP: US-East`, `AS174 Cogent`, `User in London`, an edge label `peer`. */
  | 'label'
  /** The node id itself, e.g. an IATA code `IAD` or `AS174`. */
  | 'id'
  /** A class such as `:::pop` or `class A,B transit`. */
  | 'class'
  /** The title of an enclosing subgraph: `subgraph Cogent [AS174 Cogent]` makes its nodes routers of AS174. */
  | 'subgraph'
  /** The front matter `anycast:` block. */
  | 'front-matter'
  /** The parser's default for a plain diagram that says nothing of BGP. */
  | 'default';

/** A value together with the text that produced it. `range` covers that text (for defaults: the node id). */
export interface Fact<T> {
  readonly value: T;
  readonly range: Range;
  readonly source: FactSource;
}

/** How a location was understood; mirrors the gazetteer's place kinds. */
export type LocationKind = 'coordinates' | 'airport' | 'city' | 'region' | 'unknown';

export interface LocationFact {
  /** As written: `IAD`, `New York`, `US-East`, `40.71,-74.01`. */
  readonly text: string;
  readonly range: Range;
  readonly source: FactSource;
  readonly kind: LocationKind;
  /** Undefined when the name is unknown (an 'unknown-location' diagnostic says so). */
  readonly point?: GeoPoint;
  /** What the gazetteer matched, e.g. `Washington Dulles International Airport (IAD), US`. */
  readonly resolvedName?: string;
}

/** Mermaid node shapes we read (`[]`, `()`, `([])`, ...); 'none' when the node only appears bare. */
export type NodeShape =
  | 'none'
  | 'rect'
  | 'round'
  | 'stadium'
  | 'subroutine'
  | 'cylinder'
  | 'circle'
  | 'double-circle'
  | 'diamond'
  | 'hexagon'
  | 'asymmetric'
  | 'parallelogram'
  | 'parallelogram-alt'
  | 'trapezoid'
  | 'trapezoid-alt'
  /** `A@{ shape: ... }` */
  | 'metadata';

export type AdminState = 'up' | 'down';

/** The two units traffic is planned in: bits per second and requests per second. */
export type RateUnit = 'bps' | 'rps';

/** A traffic rate, in the base unit (`40Gbps` is 4e10 bps, `120k rps` is 120000 rps). */
export interface Rate {
  readonly value: number;
  readonly unit: RateUnit;
}

/** An attack from every client and AS inside a subgraph (front matter `attack: { EU: 300Gbps }`). */
export interface GroupAttack {
  /** The subgraph id as written in the front matter. */
  readonly subgraph: Fact<string>;
  readonly rate: Fact<Rate>;
}

export interface NodeModel {
  readonly id: string;
  /** The first occurrence of the id (its definition when it has a label, else its first mention). */
  readonly idRange: Range;
  /** Every occurrence of the id in statements (node definitions, edges, class, style, click). */
  readonly references: readonly Range[];
  /** Label text with mermaid escapes applied (`\n` and `<br>` become newlines); the id when there is no label. */
  readonly label: string;
  /** The label text inside its brackets/quotes; undefined when the node has no label. */
  readonly labelRange?: Range;
  readonly shape: NodeShape;
  /** Classes from `:::cls` and `class A cls`, in order of appearance. */
  readonly classes: readonly string[];
  /** Range of the `@{ ... }` metadata block, when present. */
  readonly metadataRange?: Range;
  /** The subgraph id the node was first defined in. */
  readonly subgraph?: string;
  readonly role: NodeRole;
  readonly roleSource: FactSource;
  /** A short display name: `US-East` for `PoP: US-East`, `Cogent` for `AS174 Cogent`. */
  readonly name: string;
  /** as: the AS's own name when the node is one router of it (drawn inside `subgraph X [AS174 Cogent]`). */
  readonly asName?: string;
  /** pop, as: origin ASN / the AS number. */
  readonly asn?: Fact<number>;
  /** pop, client: one location; as: one or more (its routers); service: none. */
  readonly locations: readonly LocationFact[];
  /** pop: the prefixes it announces. */
  readonly announces: readonly Fact<string>[];
  /** pop: communities on every announcement (`no-export`, `65000:1`). */
  readonly communities: readonly Fact<Community>[];
  /** pop: extra prepends on every announcement. */
  readonly prepend?: Fact<number>;
  /** pop: announced or withdrawn; as: up or failed. */
  readonly state: Fact<AdminState> | undefined;
  /** client: relative traffic weight. */
  readonly weight?: Fact<number>;
  /** client: its traffic (`traffic: 40Gbps`, `rps: 120k`); unlike `weight`, a figure with a unit. */
  readonly traffic?: Fact<Rate>;
  /** pop: what it can serve, in the unit of the clients' traffic. */
  readonly capacity?: Fact<Rate>;
  /** client, as: the attack traffic it sends (`attack: 300Gbps`). */
  readonly attack?: Fact<Rate>;
  /** client: the id of the AS node the client sits in. */
  readonly inAs?: Fact<string>;
  /** service: the service address written on it. */
  readonly address?: Fact<string>;
}

export type EdgeStroke = 'normal' | 'thick' | 'dotted' | 'invisible';
export type EdgeHead = 'arrow' | 'circle' | 'cross' | 'none';

/** What an edge means to BGP (see docs/language.md): the tail is the subject, `A -->|transit| B` is "A buys transit from B". */
export type EdgeMeaning =
  /**
   * An eBGP session. For 'customer-provider', `customer` and `provider` are node ids; for
   * 'peer-peer', `customer` is the edge's tail and `provider` its head (just the two ends).
   */
  | EdgeSession
  /** A client sitting in an AS (`Client --> AS`). */
  | { readonly kind: 'access'; readonly client: string; readonly as: string; readonly source: FactSource }
  /** An IGP link between two routers of one AS, with an optional cost. */
  | {
      readonly kind: 'igp';
      readonly cost?: Fact<number>;
      readonly source: FactSource;
      /** `rr-client`: the tail is a route-reflector client of the head, in the head's cluster if given. */
      readonly reflectorClient?: { readonly clusterId?: number };
    }
  /**
   * The author's claim that a client reaches a PoP (`Client -->|Routes to nearest| PoP`): never
   * routed on, but checked against what BGP decides.
   */
  | { readonly kind: 'expectation'; readonly client: string; readonly pop: string }
  /** The picture's story (`Serve request`, `PoP failure`): no BGP meaning. */
  | { readonly kind: 'none' };

export interface EdgeSession {
  readonly kind: 'session';
  readonly relationship: 'customer-provider' | 'peer-peer';
  readonly customer: string;
  readonly provider: string;
  readonly relationshipSource: FactSource;
  /** What the edge's tail (the subject of `A -->|transit prepend 2| B`) does on this session. */
  readonly tail: SessionPolicy;
  /** What the head does: the same as the tail for `<-->` and `---`, else only what metadata says. */
  readonly head: SessionPolicy;
  readonly state?: Fact<AdminState>;
}

/**
 * One end's policy on a session: on the routes it sends (prepend, MED, communities) and on the
 * routes it receives (LOCAL_PREF, and the extra IGP cost of leaving through this session).
 */
export interface SessionPolicy {
  readonly prepend?: Fact<number>;
  readonly med?: Fact<number>;
  readonly communities: readonly Fact<Community>[];
  readonly localPref?: Fact<number>;
  readonly exitCost?: Fact<number>;
}

export interface EdgeModel {
  /** Order of appearance, which is mermaid's `linkStyle` index. */
  readonly index: number;
  /** `e1` in `A e1@--> B`. */
  readonly id?: string;
  readonly idRange?: Range;
  readonly from: string;
  readonly fromRange: Range;
  readonly to: string;
  readonly toRange: Range;
  /** From the start of the tail id to the end of the head id. */
  readonly range: Range;
  /** The arrow text (`-->`, `-.->`, `<-->`, `-- text -->`). */
  readonly arrow: string;
  readonly arrowRange: Range;
  readonly stroke: EdgeStroke;
  readonly headAtStart: EdgeHead;
  readonly headAtEnd: EdgeHead;
  readonly label?: string;
  readonly labelRange?: Range;
  readonly metadataRange?: Range;
  readonly meaning: EdgeMeaning;
}

export interface SubgraphModel {
  readonly id: string;
  readonly idRange: Range;
  readonly title: string;
  /** From `subgraph` to its `end`. */
  readonly range: Range;
  readonly parent?: string;
}

export type Direction = 'TD' | 'TB' | 'BT' | 'LR' | 'RL';

/** The front matter's `anycast:` block (and mermaid's `title`). */
export interface DocumentSettings {
  readonly title?: Fact<string>;
  /** The address clients send to; inferred from an `Anycast IP:` label when not set. */
  readonly serviceAddress?: Fact<string>;
  /** Prefixes every PoP announces unless it says otherwise. */
  readonly prefixes: readonly Fact<string>[];
  readonly tieBreak?: Fact<TieBreakModel>;
  readonly tieBreakSeed?: Fact<number>;
  /** Traffic weight of a client that gives none (default 1). */
  readonly defaultWeight?: Fact<number>;
  /** Utilisation above this share (0..10, `warnAbove: 80%`) is marked as a warning; over 1 is overloaded. */
  readonly warnAbove?: Fact<number>;
  /** Attacks from every client and AS inside a subgraph. */
  readonly groupAttacks?: readonly GroupAttack[];
  /** `convergence:`: the timers and seed of the convergence simulation. */
  readonly convergence?: ConvergenceSettings;
  /** Where each known key of `anycast:` is written, by its path under `anycast:` (docs spelling), for hover. */
  readonly keys?: readonly { readonly path: readonly string[]; readonly range: Range }[];
}

/** What `anycast: convergence:` sets; what it leaves out takes the engine's defaults. */
export interface ConvergenceSettings {
  readonly timers: Partial<ConvergenceTimers>;
  /** Seed of the delays and the MRAI jitter. */
  readonly seed?: number;
}

export interface DocumentModel {
  /** Undefined when the header line is missing (a diagnostic says so). */
  readonly direction?: Direction;
  readonly headerRange?: Range;
  readonly frontMatterRange?: Range;
  readonly settings: DocumentSettings;
  /** In order of first appearance. */
  readonly nodes: readonly NodeModel[];
  readonly edges: readonly EdgeModel[];
  readonly subgraphs: readonly SubgraphModel[];
  /** `classDef` names with their ranges. */
  readonly classDefs: readonly { readonly name: string; readonly range: Range }[];
  /**
   * True when the document says nothing of BGP sessions (no relationship on any edge): the
   * topology bridge then adds the implicit "Internet" transit AS described in docs/language.md.
   */
  readonly implicitTransit: boolean;
  /** Facts filled in by defaults or read from plain labels, as human sentences (also given as hints). */
  readonly inferred: readonly { readonly message: string; readonly range: Range }[];
}
