import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asGraphFromLinks, asPathAt, propagate } from '../../../src/engine/index';

/**
 * BGPy's own engine tests, re-encoded: every version of every `engine_gt.yaml` in BGPy's history
 * whose ASes all run plain BGP (no ROV, ASPA, BGPsec...), with the origins each prefix was seeded
 * at and the AS path every AS ended up with. The `lowest-neighbor-asn` model must reproduce them
 * exactly. (The JSON's `source` field carries BGPy's MIT notice.)
 */
interface Case {
  readonly name: string;
  readonly commit: string;
  readonly links: readonly (readonly [number, number, -1 | 0])[];
  readonly prefixes: Readonly<Record<string, { readonly origins: readonly (readonly [number, number])[]; readonly expected: Readonly<Record<string, readonly number[]>> }>>;
}

const { cases } = JSON.parse(readFileSync(join(import.meta.dirname, 'bgpyGroundTruth.json'), 'utf8')) as { cases: Case[] };

for (const c of cases) {
  for (const [prefix, { origins, expected }] of Object.entries(c.prefixes)) {
    if (origins.length === 0) continue;
    test(`matches BGPy ${c.name} (${c.commit}) for ${prefix}: every AS's path`, () => {
      const graph = asGraphFromLinks(c.links.map(([a, b, rel]) => ({ a, b, relationship: rel === -1 ? 'provider-customer' : 'peer-peer' })));
      for (const solver of ['sweep', 'path-vector'] as const) {
        const table = propagate(graph, origins.map(([asn, prepend]) => ({ asn, prepend })), { solver, tieBreak: { model: 'lowest-neighbor-asn' } });
        const got: Record<string, number[]> = {};
        for (let x = 0; x < graph.size; x++) {
          const path = asPathAt(table, x);
          if (path) got[String(graph.asns[x])] = path;
        }
        assert.deepEqual(got, expected, solver);
      }
    });
  }
}
