/**
 * Small diagrams for the planning tests, on the equator so distances are whole degrees: one
 * degree of longitude there is 6371 km x pi / 180 = 111.19 km, and an RTT is 2 x km x 1.5 (path
 * stretch) / 200 km per ms, never below the 1 ms metro floor.
 */

/**
 * West (0,0) and East (0,20) buy transit from T, present at both places; East's session still
 * prepends twice. Users west sit at (0,0) (weight 1), users east at (0,20) (weight 3).
 *
 * As written every T router prefers West (AS path 1 against 3), so users east cross 20 degrees:
 * 2 x 2223.9 x 1.5 / 200 = 33.4 ms; users west 1 ms; the weighted mean (1 + 3 x 33.4) / 4 = 25.3 ms.
 * Without East's prepend both routes are one AS long and each T router keeps its own eBGP route:
 * both users at 1 ms, mean 1.0 ms, one client (users east) moved.
 */
export const leftoverDrain = [
  '---',
  'anycast:',
  '  service: 192.0.2.1',
  '  prefixes: [192.0.2.0/24]',
  '---',
  'flowchart LR',
  '  W[PoP: West]@{ asn: 64600, loc: "0,0" }',
  '  E[PoP: East]@{ asn: 64600, loc: "0,20" }',
  '  T[AS200 Transit]@{ loc: ["0,0", "0,20"] }',
  '  E -->|transit prepend 2| T',
  '  W -->|transit| T',
  '  CW([Users west])@{ in: T, loc: "0,0" }',
  '  CE([Users east])@{ in: T, loc: "0,20", weight: 3 }',
  '',
].join('\n');
