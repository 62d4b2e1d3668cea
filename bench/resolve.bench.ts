// Runs in Node: the diagram resolver on a synthetic CDN the size of a large diagram: 12 transit ASes
// present in 8 cities each (full-mesh peering between tier-1s, regional transit below), 60 PoPs of
// one origin ASN, 300 clients. Interactive use re-resolves on every edit, so it must stay far below
// a frame budget of human patience.
import { diffResolutions, resolve } from '../src/engine/index';
import type { ClientSpec, GeoPoint, OriginSpec, RouterSpec, SessionSpec, Topology } from '../src/engine/index';
import { report, time } from './harness';

const CITIES: GeoPoint[] = [
  { lat: 40.71, lon: -74.01 },
  { lat: 38.95, lon: -77.45 },
  { lat: 41.88, lon: -87.63 },
  { lat: 37.77, lon: -122.42 },
  { lat: 51.51, lon: -0.13 },
  { lat: 50.11, lon: 8.68 },
  { lat: 35.68, lon: 139.69 },
  { lat: 1.35, lon: 103.82 },
];

function syntheticCdn(): Topology {
  const routers: RouterSpec[] = [];
  const sessions: SessionSpec[] = [];
  const origins: OriginSpec[] = [];
  const clients: ClientSpec[] = [];
  const tier1 = [174, 1299, 2914, 3356];
  const regional = [6453, 6762, 3257, 6939, 7018, 4637, 2516, 9002];
  for (const asn of [...tier1, ...regional])
    CITIES.forEach((point, c) => routers.push({ id: `as${asn}-${c}`, asn, point }));
  let s = 0;
  for (let i = 0; i < tier1.length; i++) {
    for (let j = i + 1; j < tier1.length; j++) {
      for (let c = 0; c < CITIES.length; c += 2)
        sessions.push({ id: `s${s++}`, a: `as${tier1[i]}-${c}`, b: `as${tier1[j]}-${c}`, relationship: 'peer-peer' });
    }
  }
  regional.forEach((asn, k) => {
    for (let c = 0; c < CITIES.length; c++)
      sessions.push({
        id: `s${s++}`,
        a: `as${asn}-${c}`,
        b: `as${tier1[(k + c) % tier1.length]}-${c}`,
        relationship: 'customer-provider',
      });
  });
  for (let p = 0; p < 60; p++) {
    const c = p % CITIES.length;
    const city = CITIES[c] as GeoPoint;
    const id = `pop${p}`;
    routers.push({ id, asn: 13335, point: { lat: city.lat + (p % 5) * 0.1, lon: city.lon } });
    origins.push({ id, router: id, prefixes: ['203.0.113.0/24'] });
    sessions.push({
      id: `s${s++}`,
      a: id,
      b: `as${regional[p % regional.length]}-${c}`,
      relationship: 'customer-provider',
    });
    sessions.push({ id: `s${s++}`, a: id, b: `as${tier1[p % tier1.length]}-${c}`, relationship: 'peer-peer' });
  }
  for (let u = 0; u < 300; u++) {
    const c = u % CITIES.length;
    const asn = [...tier1, ...regional][u % 12] as number;
    clients.push({ id: `client${u}`, router: `as${asn}-${c}`, point: CITIES[c] as GeoPoint });
  }
  return { routers, sessions, origins, clients, serviceAddress: '203.0.113.1' };
}

const topology = syntheticCdn();
console.log(
  `          synthetic CDN: ${topology.routers.length} routers, ${topology.sessions.length} sessions, ${topology.origins.length} PoPs, ${topology.clients.length} clients`,
);
const before = time('resolve a 150-router CDN diagram', 'engine', () => resolve(topology), {
  runs: 15,
  warmup: 3,
  target: 100,
}).last;
time(
  'withdraw a PoP, resolve and diff (diagram)',
  'engine',
  () => diffResolutions(before, resolve(topology, { failedPops: ['pop0'] })),
  { runs: 15, warmup: 3, target: 100 },
);
const arbitrary = before.clients.filter((c) => (c.arbitraryAt?.length ?? 0) > 0).length;
console.log(
  `          ${arbitrary} of ${before.clients.length} clients reach their PoP through a tie-break between PoPs; ${before.warnings.length} warnings`,
);
/** One AS with 1,000 routers spread over the globe and two PoPs under it: iBGP at its widest. */
function wideAs(): Topology {
  const routers: RouterSpec[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `r${i}`,
    asn: 3356,
    point: { lat: (i % 120) - 60, lon: ((i * 37) % 360) - 180 },
  }));
  routers.push(
    { id: 'popA', asn: 64500, point: { lat: 40, lon: -74 } },
    { id: 'popB', asn: 64501, point: { lat: 51, lon: 0 } },
  );
  return {
    routers,
    sessions: [
      { id: 'a', a: 'popA', b: 'r0', relationship: 'customer-provider' },
      { id: 'b', a: 'popB', b: 'r500', relationship: 'customer-provider' },
    ],
    origins: [
      { id: 'A', router: 'popA', prefixes: ['203.0.113.0/24'] },
      { id: 'B', router: 'popB', prefixes: ['203.0.113.0/24'] },
    ],
    clients: routers
      .slice(0, 1000)
      .map((r) => ({ id: `c${r.id}`, router: r.id, ...(r.point ? { point: r.point } : {}) })),
  };
}
const wide = wideAs();
time('resolve one AS of 1,000 routers (iBGP full mesh)', 'engine', () => resolve(wide), {
  runs: 5,
  warmup: 1,
  target: 1000,
});
report({
  name: 'peak memory (RSS, diagram resolver)',
  implementation: 'engine',
  value: process.resourceUsage().maxRSS / 1024,
  unit: 'MB',
  target: 200,
});
