// Runs in Node: generates the large diagram of the preview benchmarks, a CDN of `pops` PoPs on eight
// transit providers with twenty eyeball networks and `clients` client nodes, written as a user would.

const cities = [
  'IAD',
  'EWR',
  'ATL',
  'MIA',
  'ORD',
  'DFW',
  'DEN',
  'LAX',
  'SJC',
  'SEA',
  'YYZ',
  'GRU',
  'LHR',
  'AMS',
  'FRA',
  'CDG',
  'MAD',
  'WAW',
  'ARN',
  'NRT',
  'HKG',
  'SIN',
  'BOM',
  'SYD',
  'JNB',
];
const transits = [
  'AS174 Cogent',
  'AS3356 Lumen',
  'AS1299 Arelion',
  'AS2914 NTT',
  'AS6453 Tata',
  'AS6762 Sparkle',
  'AS3257 GTT',
  'AS6939 HE',
];

export interface LargeDiagram {
  readonly text: string;
  readonly pops: readonly string[];
  readonly edges: number;
}

/**
 * How a client says which AS it sits in: `metadata` as examples/cdn.anycast.mmd does
 * (`C@{ in: E }`, no edge to lay out), or `edge` (`C --> E`, one edge per client).
 */
export type ClientStyle = 'metadata' | 'edge';

export function largeDiagram(pops: number, clients: number, style: ClientStyle = 'metadata'): LargeDiagram {
  const lines = ['---', 'anycast:', '  service: 198.51.100.10', '  prefixes: [198.51.100.0/24]', '---', 'flowchart LR'];
  let edges = 0;
  const popIds: string[] = [];
  transits.forEach((name, t) => {
    const locs = cities.filter((_, c) => (c + t) % 2 === 0);
    lines.push(`  T${t}[${name}]@{ loc: [${locs.join(', ')}] }`);
  });
  for (let a = 0; a < transits.length; a++) {
    for (let b = a + 1; b < transits.length; b++) {
      if ((a + b) % 3 !== 0) continue;
      lines.push(`  T${a} <-->|peer| T${b}`);
      edges++;
    }
  }
  for (let p = 0; p < pops; p++) {
    const city = cities[p % cities.length]!;
    const id = `P${p}`;
    popIds.push(id);
    lines.push(`  ${id}[PoP: ${city}-${Math.floor(p / cities.length) + 1}]@{ asn: 64600, loc: ${city} }`);
    lines.push(`  ${id} -->|transit| T${p % transits.length}`);
    lines.push(`  ${id} -->|transit| T${(p + 3) % transits.length}`);
    edges += 2;
  }
  const eyeballs = 20;
  for (let e = 0; e < eyeballs; e++) {
    const city = cities[e % cities.length]!;
    lines.push(`  E${e}[AS${65100 + e} Eyeball ${e}]@{ loc: [${city}] }`);
    lines.push(`  E${e} -->|transit| T${e % transits.length}`);
    lines.push(`  E${e} -->|transit| T${(e + 5) % transits.length}`);
    edges += 2;
  }
  for (let c = 0; c < clients; c++) {
    const e = c % eyeballs;
    if (style === 'edge') {
      lines.push(`  C${c}([Users in ${cities[e % cities.length]}]) --> E${e}`);
      edges++;
    } else {
      lines.push(`  C${c}([Users in ${cities[e % cities.length]}])@{ in: E${e} }`);
    }
  }
  return { text: `${lines.join('\n')}\n`, pops: popIds, edges };
}
