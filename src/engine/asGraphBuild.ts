/**
 * An AS graph from its links: dense indexes in ascending ASN order, repeated pairs dropped, the
 * customer, peer and provider lists as compressed rows, and a rank from the stubs upward (with the
 * ASes on a provider cycle named).
 */
import type { Asn } from './types';
import type { AsGraph } from './asTypes';

/** Post-increment of a typed-array slot (returns the old value). */
function bump(array: Int32Array, i: number): number {
  const old = array[i] as number;
  array[i] = old + 1;
  return old;
}

/** Pre-decrement of a typed-array slot (returns the new value). */
function drop(array: Int32Array, i: number): number {
  const now = (array[i] as number) - 1;
  array[i] = now;
  return now;
}

/** Open-addressing ASN -> dense id table; first-seen ids. */
function denseIds(ends: Uint32Array): { ids: Int32Array; firstSeen: Uint32Array; count: number } {
  let capacity = 1024;
  while (capacity < ends.length) capacity <<= 1;
  const keys = new Uint32Array(capacity);
  const values = new Int32Array(capacity).fill(-1);
  const mask = capacity - 1;
  const ids = new Int32Array(ends.length);
  const firstSeen = new Uint32Array(ends.length);
  let count = 0;
  for (let k = 0; k < ends.length; k++) {
    const asn = ends[k] as number;
    let h = (Math.imul(asn, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const v = values[h] as number;
      if (v < 0) {
        keys[h] = asn;
        values[h] = count;
        firstSeen[count] = asn;
        ids[k] = count++;
        break;
      }
      if (keys[h] === asn) {
        ids[k] = v;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { ids, firstSeen, count };
}

/** The links with both ends as indexes in ascending ASN order, and those ASNs. */
function indexLinks(ends: Uint32Array): { size: number; asns: Uint32Array; from: Int32Array; to: Int32Array } {
  const m = ends.length >> 1;
  const { ids, firstSeen, count: size } = denseIds(ends);
  const asns = firstSeen.slice(0, size).sort();
  // first-seen id -> index in ascending ASN order
  const remap = new Int32Array(size);
  const byAsn = new Map<number, number>();
  for (let i = 0; i < size; i++) byAsn.set(asns[i] as number, i);
  for (let i = 0; i < size; i++) remap[i] = byAsn.get(firstSeen[i] as number) as number;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    from[k] = remap[ids[2 * k] as number] as number;
    to[k] = remap[ids[2 * k + 1] as number] as number;
  }
  return { size, asns, from, to };
}

/** Which links to keep: a repeated pair keeps the first line's relationship. */
function dropRepeatedPairs(
  size: number,
  from: Int32Array,
  to: Int32Array,
): { keep: Uint8Array; duplicateLinks: number } {
  const m = from.length;
  // Undirected adjacency to find repeated pairs.
  const degree = new Int32Array(size + 1);
  for (let k = 0; k < m; k++) {
    bump(degree, (from[k] as number) + 1);
    bump(degree, (to[k] as number) + 1);
  }
  for (let i = 0; i < size; i++) degree[i + 1] = (degree[i + 1] as number) + (degree[i] as number);
  const fill = degree.slice(0, size);
  const adjacentLink = new Int32Array(2 * m);
  for (let k = 0; k < m; k++) {
    adjacentLink[bump(fill, from[k] as number)] = k;
    adjacentLink[bump(fill, to[k] as number)] = k;
  }
  const keep = new Uint8Array(m).fill(1);
  const seenBy = new Int32Array(size).fill(-1);
  const seenLink = new Int32Array(size);
  let duplicateLinks = 0;
  for (let x = 0; x < size; x++) {
    for (let p = degree[x] as number; p < (degree[x + 1] as number); p++) {
      const k = adjacentLink[p] as number;
      const other = from[k] === x ? (to[k] as number) : (from[k] as number);
      if (seenBy[other] === x) {
        const first = seenLink[other] as number;
        if (first !== k && keep[k] && keep[first]) {
          keep[Math.max(first, k)] = 0;
          duplicateLinks++;
        }
      } else {
        seenBy[other] = x;
        seenLink[other] = k;
      }
    }
  }
  return { keep, duplicateLinks };
}

type Adjacency = Pick<AsGraph, 'customerStart' | 'customers' | 'peerStart' | 'peers' | 'providerStart' | 'providers'>;

/** Each AS's customers, peers and providers as compressed rows (start offsets and one flat list each). */
function adjacencyLists(
  size: number,
  from: Int32Array,
  to: Int32Array,
  rels: Uint32Array,
  keep: Uint8Array,
): Adjacency {
  const m = rels.length;
  const customerStart = new Int32Array(size + 1);
  const peerStart = new Int32Array(size + 1);
  const providerStart = new Int32Array(size + 1);
  for (let k = 0; k < m; k++) {
    if (!keep[k]) continue;
    const a = from[k] as number;
    const b = to[k] as number;
    if (rels[k] === 1) {
      bump(customerStart, a + 1);
      bump(providerStart, b + 1);
    } else {
      bump(peerStart, a + 1);
      bump(peerStart, b + 1);
    }
  }
  for (let i = 0; i < size; i++) {
    customerStart[i + 1] = (customerStart[i + 1] as number) + (customerStart[i] as number);
    peerStart[i + 1] = (peerStart[i + 1] as number) + (peerStart[i] as number);
    providerStart[i + 1] = (providerStart[i + 1] as number) + (providerStart[i] as number);
  }
  const customers = new Int32Array(customerStart[size] as number);
  const peers = new Int32Array(peerStart[size] as number);
  const providers = new Int32Array(providerStart[size] as number);
  const cf = customerStart.slice(0, size);
  const pf = peerStart.slice(0, size);
  const vf = providerStart.slice(0, size);
  for (let k = 0; k < m; k++) {
    if (!keep[k]) continue;
    const a = from[k] as number;
    const b = to[k] as number;
    if (rels[k] === 1) {
      customers[bump(cf, a)] = b;
      providers[bump(vf, b)] = a;
    } else {
      peers[bump(pf, a)] = b;
      peers[bump(pf, b)] = a;
    }
  }
  return { customerStart, customers, peerStart, peers, providerStart, providers };
}

/** Builds the graph from link ends (`a`, `b` per link) and relationships (1: a is b's provider, 0: peers). */
export function buildAsGraph(ends: Uint32Array, rels: Uint32Array): AsGraph {
  const m = rels.length;
  const { size, asns, from, to } = indexLinks(ends);
  const { keep, duplicateLinks } = dropRepeatedPairs(size, from, to);
  const adjacency = adjacencyLists(size, from, to, rels, keep);
  const { customerStart, customers, peerStart, peers, providerStart, providers } = adjacency;
  const { rank, rankOrder, providerCycle } = rankByDepth(
    size,
    asns,
    customerStart,
    customers,
    providerStart,
    providers,
  );
  return {
    size,
    asns,
    customerStart,
    customers,
    peerStart,
    peers,
    providerStart,
    providers,
    rank,
    rankOrder,
    linkCount: m - duplicateLinks,
    duplicateLinks,
    providerCycle,
  };
}

/** Kahn's algorithm from the stubs upward; what never becomes ready lies on or above a provider cycle. */
function rankByDepth(
  size: number,
  asns: Uint32Array,
  customerStart: Int32Array,
  customers: Int32Array,
  providerStart: Int32Array,
  providers: Int32Array,
): { rank: Int32Array; rankOrder: Int32Array; providerCycle: Asn[] } {
  const rank = new Int32Array(size).fill(-1);
  const pending = new Int32Array(size);
  const queue = new Int32Array(size);
  let tail = 0;
  for (let x = 0; x < size; x++) {
    pending[x] = (customerStart[x + 1] as number) - (customerStart[x] as number);
    if (pending[x] === 0) {
      rank[x] = 0;
      queue[tail++] = x;
    }
  }
  for (let head = 0; head < tail; head++) {
    const x = queue[head] as number;
    const upRank = (rank[x] as number) + 1;
    for (let p = providerStart[x] as number; p < (providerStart[x + 1] as number); p++) {
      const v = providers[p] as number;
      if (upRank > (rank[v] as number)) rank[v] = upRank;
      if (drop(pending, v) === 0) queue[tail++] = v;
    }
  }
  // Peel the pending ASes from the top: what has no pending provider is above a cycle, not on one.
  const pendingProviders = new Int32Array(size);
  tail = 0;
  for (let x = 0; x < size; x++) {
    if ((pending[x] as number) === 0) continue;
    for (let p = providerStart[x] as number; p < (providerStart[x + 1] as number); p++) {
      if ((pending[providers[p] as number] as number) > 0) bump(pendingProviders, x);
    }
    if (pendingProviders[x] === 0) queue[tail++] = x;
  }
  const peeled = new Uint8Array(size);
  for (let head = 0; head < tail; head++) {
    const x = queue[head] as number;
    peeled[x] = 1;
    for (let p = customerStart[x] as number; p < (customerStart[x + 1] as number); p++) {
      const c = customers[p] as number;
      if ((pending[c] as number) > 0 && drop(pendingProviders, c) === 0) queue[tail++] = c;
    }
  }
  const providerCycle: Asn[] = [];
  let maxRank = 0;
  for (let x = 0; x < size; x++) {
    if ((pending[x] as number) > 0) {
      rank[x] = -1;
      if (!peeled[x]) providerCycle.push(asns[x] as number);
    } else if ((rank[x] as number) > maxRank) maxRank = rank[x] as number;
  }
  return { rank, rankOrder: orderByRank(rank, maxRank), providerCycle };
}

/** Counting sort by rank, stable by index; unranked ASes (on or above a cycle) last. */
function orderByRank(rank: Int32Array, maxRank: number): Int32Array {
  const size = rank.length;
  const next = new Int32Array(maxRank + 2);
  for (let x = 0; x < size; x++) {
    const r = rank[x] as number;
    if (r >= 0) bump(next, r + 1);
  }
  for (let r = 1; r < next.length; r++) next[r] = (next[r] as number) + (next[r - 1] as number);
  const rankOrder = new Int32Array(size);
  let unranked = next[maxRank + 1] as number;
  for (let x = 0; x < size; x++) {
    const r = rank[x] as number;
    if (r >= 0) rankOrder[bump(next, r)] = x;
    else rankOrder[unranked++] = x;
  }
  return rankOrder;
}
