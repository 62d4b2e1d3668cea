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

/**
 * West (0,0; 100 Gbps) and East (0,20; 60 Gbps) buy transit from One and Two, each present at both
 * places; users A (70 Gbps, in One) and users B (40 Gbps, in Two) sit at (0,0). As written each
 * transit's (0,0) router keeps West's eBGP route (IGP cost 0 against 2,224 km to East), so West
 * carries 70 + 40 = 110 Gbps of 100: 110%. West prepending once towards Two makes West's route
 * two ASes long there against East's one, so users B go to East: West 70/100 = 70%, East 40/60 =
 * 66.7%, the worst 70%, under 80%. Prepending towards One instead sends users A to East: 70/60 =
 * 116.7%; withdrawing West puts 110 Gbps on East: 183.3%.
 */
export const overloadedWest = [
  '---',
  'anycast:',
  '  service: 192.0.2.1',
  '  prefixes: [192.0.2.0/24]',
  '---',
  'flowchart LR',
  '  W[PoP: West]@{ asn: 64600, loc: "0,0", capacity: 100Gbps }',
  '  E[PoP: East]@{ asn: 64600, loc: "0,20", capacity: 60Gbps }',
  '  T1[AS100 One]@{ loc: ["0,0", "0,20"] }',
  '  T2[AS200 Two]@{ loc: ["0,0", "0,20"] }',
  '  W -->|transit| T1',
  '  W -->|transit| T2',
  '  E -->|transit| T1',
  '  E -->|transit| T2',
  '  CA([Users A])@{ in: T1, loc: "0,0", traffic: 70Gbps }',
  '  CB([Users B])@{ in: T2, loc: "0,0", traffic: 40Gbps }',
  '',
].join('\n');
