// The caida layer: the engine against the object-per-route reference on real CAIDA snapshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReference, propagateReference } from '../../bench/reference';
import { asPathOf, parseAsRelationships, propagate } from '../../src/engine/index';
import { SNAPSHOTS, citation, readSnapshot } from './snapshots';

for (const snapshot of SNAPSHOTS) {
  test(`CAIDA ${snapshot}: the typed-array sweep gives every AS the same AS path as the object-per-route reference`, (t) => {
    const bytes = readSnapshot(snapshot);
    const text = bytes.toString('utf8');
    const graph = parseAsRelationships(bytes);
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
    t.diagnostic(`${graph.size} ASes, ${graph.linkCount} links, ${routed} routed from AS${origins.join(', AS')}`);
    t.diagnostic(citation(snapshot));
  });
}
