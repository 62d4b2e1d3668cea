// Runs in Node (tests and benchmarks): a deterministic, seeded generator of Internet-like AS graphs,
// written as CAIDA serial-1 text, so the default suite and the benchmarks need no CAIDA download.
// The shape follows what the CAIDA snapshots show: a clique of tier-1s peering with each other;
// transit ASes buying from tier-1s and bigger transit ASes of their region, peering mostly within
// it; and a large majority of stubs, often multihomed, some peering at exchanges.

/** How big a graph to make; the same options always give the same text. */
export interface InternetLikeOptions {
  readonly seed: number;
  /** Total ASes; at least 100. */
  readonly ases: number;
}

export interface InternetLikeGraph {
  /** CAIDA serial-1: `# ` comment lines, then `provider|customer|-1` and `peer|peer|0`, sorted. */
  readonly text: string;
  readonly tier1: readonly number[];
  readonly transit: readonly number[];
  readonly stubs: readonly number[];
  readonly providerLinks: number;
  readonly peerLinks: number;
  /** Eight ASes spread over the tiers and regions: two tier-1s, four transit, two stubs. */
  readonly origins: readonly number[];
}

const REGIONS = 5;
const REGION_WEIGHTS = [0.3, 0.25, 0.25, 0.12, 0.08];

/** mulberry32: a small 32-bit generator, plenty for picking links. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** ASNs are AS indexes until the end; links are kept once per pair in either direction. */
class Builder {
  readonly providerOf: [number, number][] = [];
  readonly peering: [number, number][] = [];
  private readonly pairs = new Set<number>();

  constructor(private readonly size: number) {}

  private claim(a: number, b: number): boolean {
    const key = Math.min(a, b) * this.size + Math.max(a, b);
    if (a === b || this.pairs.has(key)) return false;
    this.pairs.add(key);
    return true;
  }

  sell(provider: number, customer: number): boolean {
    if (!this.claim(provider, customer)) return false;
    this.providerOf.push([provider, customer]);
    return true;
  }

  peer(a: number, b: number): boolean {
    if (!this.claim(a, b)) return false;
    this.peering.push([a, b]);
    return true;
  }
}

/**
 * Preferential attachment: an AS is drawn in proportion to one plus its customers so far, which
 * gives the heavy-tailed customer counts of the real graph.
 */
class Pool {
  private readonly entries: number[] = [];
  add(as: number): void {
    this.entries.push(as);
  }
  get empty(): boolean {
    return this.entries.length === 0;
  }
  draw(random: () => number): number {
    return this.entries[Math.floor(random() * this.entries.length)] as number;
  }
}

function pickRegion(random: () => number): number {
  let r = random();
  for (let region = 0; region < REGIONS; region++) {
    r -= REGION_WEIGHTS[region] as number;
    if (r < 0) return region;
  }
  return REGIONS - 1;
}

/** One, two or three providers, weighted towards the low end. */
function providerCount(random: () => number, two: number, three: number): number {
  const r = random();
  return r < three ? 3 : r < three + two ? 2 : 1;
}

/** Distinct ASNs: tier-1s and transit in the 16-bit range, a third of stubs in the 32-bit range. */
function assignAsns(random: () => number, transitEnd: number, size: number): number[] {
  const used = new Set<number>();
  const asns: number[] = [];
  for (let x = 0; x < size; x++) {
    const wide = x >= transitEnd && random() < 0.33;
    for (;;) {
      const asn = wide ? 131072 + Math.floor(random() * 268000) : 1 + Math.floor(random() * 64000);
      if (asn === 23456 || used.has(asn)) continue;
      used.add(asn);
      asns.push(asn);
      break;
    }
  }
  return asns;
}

interface Tiers {
  readonly tier1End: number;
  readonly transitEnd: number;
  readonly size: number;
  readonly region: readonly number[];
}

/** Lays out links by AS index: providers always have a smaller index, so there is no provider cycle. */
function layLinks(random: () => number, tiers: Tiers): { links: Builder; customers: Int32Array } {
  const { tier1End, transitEnd, size, region } = tiers;
  const links = new Builder(size);
  const customers = new Int32Array(size);
  const tier1Pool = new Pool();
  const transitPools = Array.from({ length: REGIONS }, () => new Pool());
  const stubsOf = Array.from({ length: REGIONS }, (): number[] => []);
  const poolOf = (as: number): Pool => (as < tier1End ? tier1Pool : (transitPools[region[as] as number] as Pool));
  const buyTransit = (x: number, count: number, tier1Share: number): void => {
    const local = transitPools[region[x] as number] as Pool;
    for (let got = 0, tries = 0; got < count && tries < 8 * count; tries++) {
      const provider = (random() < tier1Share || local.empty ? tier1Pool : local).draw(random);
      if (!links.sell(provider, x)) continue;
      got++;
      customers[provider] = (customers[provider] as number) + 1;
      poolOf(provider).add(provider);
    }
  };
  for (let a = 0; a < tier1End; a++) {
    tier1Pool.add(a);
    for (let b = 0; b < a; b++) links.peer(b, a);
  }
  for (let x = tier1End; x < transitEnd; x++) {
    buyTransit(x, providerCount(random, 0.4, 0.2), 0.3);
    poolOf(x).add(x);
  }
  for (let k = 0; k < 4 * (transitEnd - tier1End); k++) {
    const a = tier1End + Math.floor(random() * (transitEnd - tier1End));
    const pool = random() < 0.75 ? (transitPools[region[a] as number] as Pool) : transitPools[pickRegion(random)];
    links.peer(a, (pool as Pool).draw(random));
  }
  for (let x = transitEnd; x < size; x++) {
    buyTransit(x, providerCount(random, 0.4, 0.15), 0.05);
    const neighbours = stubsOf[region[x] as number] as number[];
    if (random() < 0.15) {
      for (let k = Math.floor(random() * 4); k >= 0; k--) {
        const other =
          random() < 0.5 || neighbours.length === 0
            ? (transitPools[region[x] as number] as Pool).draw(random)
            : (neighbours[Math.floor(random() * neighbours.length)] as number);
        links.peer(x, other);
      }
    }
    neighbours.push(x);
  }
  return { links, customers };
}

/** Two tier-1s, the transit AS with the most customers in each of four regions, two multihomed stubs. */
function pickOrigins(tiers: Tiers, customers: Int32Array, providerCounts: Int32Array): number[] {
  const { tier1End, transitEnd, size, region } = tiers;
  const origins = [0, tier1End - 1];
  for (let r = 0; r < 4; r++) {
    let best = -1;
    for (let x = tier1End; x < transitEnd; x++)
      if (region[x] === r && (best < 0 || (customers[x] as number) > (customers[best] as number))) best = x;
    if (best >= 0) origins.push(best);
  }
  for (let x = transitEnd, found = 0; x < size && found < 2; x++) {
    if ((providerCounts[x] as number) >= 2 && region[x] === 2 + found) {
      origins.push(x);
      found++;
    }
  }
  return origins;
}

/** Sorted like CAIDA's files: by the first ASN, then the second. */
function serialOne(links: Builder, asn: readonly number[], header: readonly string[]): string {
  const keys = new Float64Array(links.providerOf.length + links.peering.length);
  let k = 0;
  for (const [p, c] of links.providerOf) keys[k++] = ((asn[p] as number) * 2 ** 20 + (asn[c] as number)) * 2 + 1;
  for (const [a, b] of links.peering) {
    const [low, high] = [asn[a] as number, asn[b] as number].sort((x, y) => x - y) as [number, number];
    keys[k++] = (low * 2 ** 20 + high) * 2;
  }
  keys.sort();
  const lines = header.map((h) => `# ${h}`);
  for (const key of keys) {
    const pair = Math.floor(key / 2);
    lines.push(`${Math.floor(pair / 2 ** 20)}|${pair % 2 ** 20}|${key % 2 === 1 ? -1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A tiered, Internet-like AS graph; the same seed and size always give byte-identical text. */
export function internetLikeGraph({ seed, ases }: InternetLikeOptions): InternetLikeGraph {
  if (!Number.isInteger(ases) || ases < 100)
    throw new RangeError(`ases must be an integer of at least 100, got ${ases}`);
  const random = seededRandom(seed);
  const tier1End = Math.min(18, Math.max(8, Math.round(ases / 2000)));
  const transitEnd = tier1End + Math.round(ases * 0.14);
  const region = Array.from({ length: ases }, (_, x) => (x < tier1End ? -1 : pickRegion(random)));
  const tiers: Tiers = { tier1End, transitEnd, size: ases, region };
  const { links, customers } = layLinks(random, tiers);
  const providerCounts = new Int32Array(ases);
  for (const [, c] of links.providerOf) providerCounts[c] = (providerCounts[c] as number) + 1;
  const asn = assignAsns(random, transitEnd, ases);
  const asnsOf = (from: number, to: number): number[] => asn.slice(from, to);
  const header = [
    `generated Internet-like AS graph (test/unit/engine/internetLike.ts), seed ${seed}, ${ases} ASes:`,
    `${tier1End} tier-1, ${transitEnd - tier1End} transit, ${ases - transitEnd} stubs`,
    '<provider-as>|<customer-as>|-1',
    '<peer-as>|<peer-as>|0',
  ];
  return {
    text: serialOne(links, asn, header),
    tier1: asnsOf(0, tier1End),
    transit: asnsOf(tier1End, transitEnd),
    stubs: asnsOf(transitEnd, ases),
    providerLinks: links.providerOf.length,
    peerLinks: links.peering.length,
    origins: pickOrigins(tiers, customers, providerCounts).map((x) => asn[x] as number),
  };
}
