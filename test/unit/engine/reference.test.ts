import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReference, propagateReference } from '../../../bench/reference';
import { asPathOf, parseAsRelationships, propagate } from '../../../src/engine/index';

const caidaDir = process.env.ANYCAST_CAIDA_DIR ?? join(import.meta.dirname, '../../../../shared/data/caida');

for (const snapshot of ['19980101', '20050101', '20180101']) {
  test(`CAIDA ${snapshot}: the typed-array sweep gives every AS the same AS path as the object-per-route reference`, () => {
    const file = join(caidaDir, `${snapshot}.as-rel.txt`);
    assert.ok(existsSync(file), `CAIDA data expected at ${caidaDir} (set ANYCAST_CAIDA_DIR)`);
    const text = readFileSync(file, 'utf8');
    const graph = parseAsRelationships(new TextEncoder().encode(text));
    // The most-connected ASes of each snapshot's first links make a spread of origins.
    const origins = [
      ...new Set(
        text
          .split('\n')
          .filter((l) => l && !l.startsWith('#'))
          .slice(0, 400)
          .map((l) => Number(l.split('|')[0])),
      ),
    ].slice(0, 6);
    const reference = propagateReference(parseReference(text), origins);
    const table = propagate(
      graph,
      origins.map((asn) => ({ asn })),
    );
    let routed = 0;
    for (let x = 0; x < graph.size; x++) if ((table.nextHop[x] as number) >= 0) routed++;
    assert.equal(routed, reference.size);
    for (const [as, route] of reference) assert.deepEqual(asPathOf(table, as.asn), route.asPath, `AS${as.asn}`);
  });
}
