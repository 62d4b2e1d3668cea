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

/**
 * Three PoPs, each client going to the nearest: Amsterdam serves its 60 of 100 Gbps (60%),
 * Frankfurt its 70 of 200 Gbps (35%), Rome its 20 of 50 Gbps (40%).
 */
export const threePops: readonly string[] = [
  ...loadHeader,
  '  AMS[PoP: Amsterdam]@{ capacity: 100Gbps }',
  '  FRA[PoP: Frankfurt]@{ capacity: 200Gbps }',
  '  ROM[PoP: Rome]@{ capacity: 50Gbps }',
  '  Amsterdam([Users in Amsterdam])@{ traffic: 60Gbps }',
  '  Frankfurt([Users in Frankfurt])@{ traffic: 70Gbps }',
  '  Rome([Users in Rome])@{ traffic: 20Gbps }',
];
