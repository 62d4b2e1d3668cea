/**
 * Who speaks iBGP with whom inside each AS: the full mesh by default, route reflectors and their
 * clients (RFC 4456) where the topology names them, and anycast sites of one ASN kept apart unless
 * a drawn IGP backbone joins them. A full mesh is never written out router by router (5,000
 * routers would make 25 million pairs): each AS is one group, and the solver reads its exits
 * through one index per group (exitIndex.ts).
 */
import type { Asn, Topology } from './types';

/** For a route reflector, its clients and its cluster id. */
export type ReflectorOf = readonly (
  { readonly clients: ReadonlySet<number>; readonly clusterId: number } | undefined
)[];

/** The smallest full mesh solved through an exit index (below it, the index costs more than it saves). */
export const MESH_INDEX_MIN = 16;

export interface IbgpGroup {
  /** The AS's routers (first definitions of each id), in index order: the routers others hear over iBGP. */
  readonly members: readonly number[];
  /** Every router of the AS, repeated ids included, in index order: the routers that hear the others. */
  readonly readers: readonly number[];
  /**
   * True for a full mesh of at least MESH_INDEX_MIN routers, solved through its exit index: every
   * member's exits are heard by every reader but itself, except the `apart` routers, which hear
   * their own subset. False when the AS has route reflectors, or is small enough that scanning
   * each router's siblings costs less than keeping the index.
   */
  readonly mesh: boolean;
  /** In a full mesh, the PoP routers kept apart from other sites of the ASN: they hear their own subset. */
  readonly apart: readonly number[];
}

export interface IbgpLayout {
  readonly groups: readonly IbgpGroup[];
  /** Each router's group. */
  readonly groupOf: Int32Array;
  /**
   * True for a reader of a full mesh that hears every other member: it chooses through the
   * group's exit index. A PoP router kept apart from other sites of its ASN does not.
   */
  readonly indexed: Uint8Array;
  /** The other routers a router speaks iBGP with, in index order (for an indexed reader, made on each call). */
  readonly siblings: (r: number) => readonly number[];
}

/**
 * The iBGP sessions of each AS. Anycast sites of one ASN are islands unless a drawn IGP backbone
 * joins them: without one, PoP routers do not speak iBGP with each other, so a withdrawn site does
 * not re-announce its siblings' routes, and a route from another site comes back only through
 * other ASes (and is loop-rejected there).
 */
export function ibgpLayout(
  topology: Topology,
  indexOf: ReadonlyMap<string, number>,
  backbone: (a: number, b: number) => boolean,
  reflectorOf: ReflectorOf,
): IbgpLayout {
  const routers = topology.routers;
  const byAs = new Map<Asn, { members: number[]; readers: number[] }>();
  const groupOf = new Int32Array(routers.length);
  routers.forEach((r, i) => {
    let group = byAs.get(r.asn);
    if (!group) byAs.set(r.asn, (group = { members: [], readers: [] }));
    if (indexOf.get(r.id) === i) group.members.push(i);
    group.readers.push(i);
  });
  const groupIndex = new Map([...byAs.keys()].map((asn, k) => [asn, k]));
  routers.forEach((r, i) => (groupOf[i] = groupIndex.get(r.asn) as number));
  const site = new Set(topology.origins.map((o) => indexOf.get(o.router)));
  const isClient = new Set(reflectorOf.flatMap((x) => [...(x?.clients ?? [])]));
  const reflected = new Set([...isClient].map((i) => routers[i]?.asn));
  const groups = [...byAs].map(([asn, g]) => ({
    ...g,
    mesh: !reflected.has(asn) && g.readers.length >= MESH_INDEX_MIN,
    apart: [] as number[],
  }));
  const apart = (i: number, j: number): boolean => site.has(i) && site.has(j) && !backbone(i, j);
  // RFC 4456: a client peers with its reflectors only; reflectors and non-clients keep a full mesh.
  const peers = (i: number, j: number): boolean =>
    reflectorOf[i]?.clients.has(j) === true ||
    reflectorOf[j]?.clients.has(i) === true ||
    (!isClient.has(i) && !isClient.has(j));
  const indexed = new Uint8Array(routers.length);
  for (const g of groups) if (g.mesh) for (const i of g.readers) indexed[i] = 1;
  const sitesOf = new Map<number, number[]>();
  for (const i of site)
    if (i !== undefined) sitesOf.set(groupOf[i] as number, [...(sitesOf.get(groupOf[i] as number) ?? []), i]);
  for (const [g, sites] of sitesOf)
    for (const i of sites)
      if (indexed[i] && sites.some((j) => j !== i && apart(i, j))) {
        indexed[i] = 0;
        groups[g]?.apart.push(i);
      }
  for (const g of groups) g.apart.sort((a, b) => a - b);
  const cached = new Map<number, number[]>();
  const siblings = (i: number): readonly number[] => {
    const g = groups[groupOf[i] as number] as IbgpGroup;
    if (indexed[i]) return g.members.filter((j) => j !== i);
    let list = cached.get(i);
    if (!list) cached.set(i, (list = g.members.filter((j) => j !== i && peers(i, j) && !apart(i, j))));
    return list;
  };
  return { groups, groupOf, indexed, siblings };
}

/** Each route reflector's clients and cluster id (its router id unless the topology gives one). */
export function reflectors(topology: Topology, indexOf: ReadonlyMap<string, number>, warnings: string[]): ReflectorOf {
  const out: { clients: Set<number>; clusterId: number }[] = [];
  for (const spec of topology.reflection ?? []) {
    const rr = indexOf.get(spec.reflector);
    const client = indexOf.get(spec.client);
    if (rr === undefined || client === undefined || topology.routers[rr]?.asn !== topology.routers[client]?.asn) {
      warnings.push(
        `route-reflector client ${spec.client} of ${spec.reflector} must join two known routers of one AS; ignored`,
      );
      continue;
    }
    const clusterId = spec.clusterId ?? topology.routers[rr]?.routerId ?? rr + 1;
    const entry = (out[rr] ??= { clients: new Set(), clusterId });
    entry.clients.add(client);
    if (spec.clusterId !== undefined) entry.clusterId = spec.clusterId;
  }
  return topology.routers.map((_, i) => out[i]);
}
