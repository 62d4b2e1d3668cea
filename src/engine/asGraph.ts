/**
 * CAIDA AS-relationship files to an `AsGraph`. Parses bytes, not strings: the 2018 file has 261k
 * lines and decoding plus splitting them costs more than the whole propagation.
 */
import type { Asn, AsGraph } from './types';

/** A bad line in an AS-relationship file; line and column are 1-based. */
export class AsRelError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'AsRelError';
  }
}

/** One link as written: 'provider-customer' means a is the provider of b (CAIDA's -1). */
export interface AsLink {
  readonly a: Asn;
  readonly b: Asn;
  readonly relationship: 'provider-customer' | 'peer-peer';
}

const NL = 10;
const CR = 13;
const HASH = 35;
const BAR = 124;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const TAB = 9;
const MAX_ASN = 4294967295;

class GrowableU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

function describeByte(c: number | undefined): string {
  if (c === undefined || c === NL || c === CR) return 'end of line';
  return c >= 32 && c < 127 ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
}

/**
 * Parses serial-1 (`a|b|rel`) and serial-2 (`a|b|rel|source`) lines; `#` lines are comments
 * (CAIDA repeats its header lines). rel is -1 (a is b's provider) or 0 (peers).
 */
export function parseAsRelationships(bytes: Uint8Array): AsGraph {
  const ends = new GrowableU32(bytes.length >> 4);
  const rels = new GrowableU32(bytes.length >> 5);
  const n = bytes.length;
  let line = 0;
  let i = 0;
  // UTF-8 byte order mark
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < n) {
    line++;
    const lineStart = i;
    let c = bytes[i] as number;
    if (c === HASH || c === NL || c === CR) {
      while (i < n && bytes[i] !== NL) i++;
      i++;
      continue;
    }
    let lineIsBlank = true;
    for (let j = i; j < n && bytes[j] !== NL; j++) {
      const b = bytes[j];
      if (b !== SPACE && b !== TAB && b !== CR) {
        lineIsBlank = false;
        break;
      }
    }
    if (lineIsBlank) {
      while (i < n && bytes[i] !== NL) i++;
      i++;
      continue;
    }
    for (let field = 0; field < 2; field++) {
      let value = 0;
      const start = i;
      while (i < n && (c = bytes[i] as number) >= ZERO && c <= NINE) {
        value = value * 10 + (c - ZERO);
        i++;
      }
      if (i === start) {
        throw new AsRelError(
          `expected an ASN, found ${describeByte(bytes[i])} (lines are 'a|b|-1' or 'a|b|0')`,
          line,
          i - lineStart + 1,
        );
      }
      if (value > MAX_ASN || value === 0) {
        throw new AsRelError(`ASN ${value} is outside 1..${MAX_ASN}`, line, start - lineStart + 1);
      }
      if (bytes[i] !== BAR) {
        throw new AsRelError(`expected '|' after the ASN, found ${describeByte(bytes[i])}`, line, i - lineStart + 1);
      }
      i++;
      ends.push(value);
    }
    const relStart = i;
    let rel: number;
    if (bytes[i] === MINUS && bytes[i + 1] === ZERO + 1) {
      rel = 1;
      i += 2;
    } else if (bytes[i] === ZERO) {
      rel = 0;
      i += 1;
    } else {
      throw new AsRelError(
        `relationship must be -1 (provider|customer) or 0 (peer|peer), found ${describeByte(bytes[i])}`,
        line,
        relStart - lineStart + 1,
      );
    }
    c = bytes[i] as number;
    if (c === BAR) {
      while (i < n && bytes[i] !== NL) i++;
    } else if (c === CR && (i + 1 >= n || bytes[i + 1] === NL)) {
      i++;
    } else if (i < n && c !== NL) {
      throw new AsRelError(`unexpected ${describeByte(c)} after the relationship`, line, i - lineStart + 1);
    }
    const last = ends.length;
    if (ends.data[last - 1] === ends.data[last - 2]) {
      throw new AsRelError(`AS ${ends.data[last - 1]} cannot have a relationship with itself`, line, 1);
    }
    rels.push(rel);
    i++;
  }
  return buildAsGraph(ends.data.subarray(0, ends.length), rels.data.subarray(0, rels.length));
}

/** Builds a graph from links given as objects (tests, diagrams collapsed to AS level). */
export function asGraphFromLinks(links: readonly AsLink[]): AsGraph {
  const ends = new Uint32Array(links.length * 2);
  const rels = new Uint32Array(links.length);
  links.forEach((l, k) => {
    if (l.a === l.b) throw new Error(`AS ${l.a} cannot have a relationship with itself`);
    ends[2 * k] = l.a;
    ends[2 * k + 1] = l.b;
    rels[k] = l.relationship === 'provider-customer' ? 1 : 0;
  });
  return buildAsGraph(ends, rels);
}

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

function buildAsGraph(ends: Uint32Array, rels: Uint32Array): AsGraph {
  const m = rels.length;
  const { ids, firstSeen, count: size } = denseIds(ends);
  const asns = firstSeen.slice(0, size).sort();
  // first-seen id -> index in ascending ASN order
  const remap = new Int32Array(size);
  {
    const byAsn = new Map<number, number>();
    for (let i = 0; i < size; i++) byAsn.set(asns[i] as number, i);
    for (let i = 0; i < size; i++) remap[i] = byAsn.get(firstSeen[i] as number) as number;
  }
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    from[k] = remap[ids[2 * k] as number] as number;
    to[k] = remap[ids[2 * k + 1] as number] as number;
  }

  // Undirected adjacency to find repeated pairs; a repeat keeps the first line's relationship.
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
  // Counting sort by rank, stable by index; unranked ASes (on or above a cycle) last.
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
  return { rank, rankOrder, providerCycle };
}

/** The AS index of `asn`, or -1. */
export function asIndex(graph: AsGraph, asn: Asn): number {
  const asns = graph.asns;
  let lo = 0;
  let hi = asns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = asns[mid] as number;
    if (v === asn) return mid;
    if (v < asn) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
