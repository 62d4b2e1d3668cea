/**
 * A plain diagram for the load tests: each client reaches the nearest PoP. Frankfurt serves Paris
 * and London (40 + 30 of 100 Gbps), IAD New York (45 of 50 Gbps), Singapore Tokyo and Sydney
 * (10 + 15 of 20 Gbps).
 */
/** The front matter and header every load test diagram starts with. */
export const loadHeader: readonly string[] = [
  '---',
  'anycast:',
  '  service: 192.0.2.1',
  '  prefixes: [192.0.2.0/24]',
  '---',
  'flowchart LR',
];

export const smallCdn: readonly string[] = [
  ...loadHeader,
  '  FRA[PoP: Frankfurt]@{ capacity: 100Gbps }',
  '  IAD[PoP: IAD]@{ capacity: 50Gbps }',
  '  SIN[PoP: Singapore]@{ capacity: 20Gbps }',
  '  Paris([Users in Paris])@{ traffic: 40Gbps }',
  '  London([Users in London])@{ traffic: 30Gbps }',
  '  NY([Users in New York])@{ traffic: 45Gbps }',
  '  Tokyo([Users in Tokyo])@{ traffic: 10Gbps }',
  '  Sydney([Users in Sydney])@{ traffic: 15Gbps }',
];
