// Runs in Node (tests and `npm run fuzz`): random engine topologies for property tests.
import fc from 'fast-check';
import type {
  Community,
  OriginSpec,
  RouterSpec,
  SessionSpec,
  TieBreakModel,
  Topology,
} from '../../../src/engine/index';

const PREFIXES = ['203.0.113.0/24', '203.0.112.0/23', '198.51.100.0/24'];
const COMMUNITIES: readonly Community[] = ['no-export', 'no-advertise', '64500:1'];
const TIE_BREAKS: readonly TieBreakModel[] = ['lowest-neighbor-asn', 'router-id', 'oldest', 'random'];

const side = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<{ a?: T; b?: T }> =>
  fc.record({ a: value, b: value }, { requiredKeys: [] });

/**
 * A topology of a few ASes, each with one to four routers, random customer-provider and peer
 * sessions between them (cycles included), LOCAL_PREF overrides, MEDs, prepends and communities:
 * the inputs that reach the solver's budget and its tie-breaks.
 */
export function randomTopology(maxAses = 8): fc.Arbitrary<Topology> {
  return fc
    .record({
      routersPerAs: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: maxAses }),
      sessions: fc.array(
        fc.record(
          {
            a: fc.nat(),
            b: fc.nat(),
            relationship: fc.constantFrom<SessionSpec['relationship']>('customer-provider', 'peer-peer'),
            localPref: side(fc.integer({ min: 0, max: 400 })),
            med: side(fc.integer({ min: 0, max: 100 })),
            prepend: side(fc.integer({ min: 0, max: 3 })),
            communities: side(fc.subarray([...COMMUNITIES])),
            down: fc.boolean(),
          },
          { requiredKeys: ['a', 'b', 'relationship'] },
        ),
        { maxLength: 24 },
      ),
      pops: fc.array(fc.record({ at: fc.nat(), prefix: fc.constantFrom(...PREFIXES) }), {
        minLength: 1,
        maxLength: 4,
      }),
      clients: fc.array(fc.nat(), { maxLength: 6 }),
      tieBreak: fc.constantFrom(...TIE_BREAKS),
      seed: fc.nat(1000),
    })
    .map(({ routersPerAs, sessions, pops, clients, tieBreak, seed }) => {
      const routers: RouterSpec[] = [];
      routersPerAs.forEach((count, i) => {
        for (let k = 0; k < count; k++)
          routers.push({
            id: `R${i}_${k}`,
            asn: 64500 + i,
            point: { lat: (i * 7 + k * 13) % 80, lon: (i * 31) % 170 },
          });
      });
      const at = (n: number): RouterSpec => routers[n % routers.length] as RouterSpec;
      const sessionSpecs: SessionSpec[] = [];
      sessions.forEach((s, i) => {
        const a = at(s.a);
        const b = at(s.b);
        if (a.asn === b.asn) return;
        const { down, a: _a, b: _b, ...settings } = s;
        sessionSpecs.push({
          ...settings,
          id: `S${i}`,
          a: a.id,
          b: b.id,
          ...(down && i % 5 === 0 ? { state: 'down' } : {}),
        });
      });
      const origins: OriginSpec[] = pops.map((p, i) => ({ id: `P${i}`, router: at(p.at).id, prefixes: [p.prefix] }));
      return {
        routers,
        sessions: sessionSpecs,
        origins,
        clients: clients.map((c, i) => ({ id: `C${i}`, router: at(c).id })),
        serviceAddress: '203.0.113.1',
        tieBreak: { model: tieBreak, seed },
      };
    });
}
