// The checks the CAIDA layer (test/caida) makes on real snapshots, made here on a generated
// Internet-like graph of 30,000 ASes, so the default suite needs nothing beside the repository.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseReference, propagateReference } from '../../../bench/reference';
import { readAsRelFile } from '../../../src/cli/asRel';
import { nodeIo } from '../../../src/cli/io';
import { asIndex, asPathOf, diffRouteTables, explainAll, originAsnAt, propagate } from '../../../src/engine/index';
import type { AsGraph } from '../../../src/engine/index';
import { internetLikeGraph } from './internetLike';

const generated = internetLikeGraph({ seed: 2026, ases: 30_000 });
const origins = generated.origins.map((asn) => ({ asn }));
const folder = mkdtempSync(join(tmpdir(), 'anycast-internet-like-'));
let graph: AsGraph;

before(async () => {
  const file = join(folder, 'internet-like.as-rel.txt.gz');
  writeFileSync(file, gzipSync(generated.text));
  graph = await readAsRelFile(nodeIo, file);
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('the generator is deterministic: one seed gives byte-identical text, another seed another graph', () => {
  const once = internetLikeGraph({ seed: 7, ases: 2_000 });
  assert.equal(internetLikeGraph({ seed: 7, ases: 2_000 }).text, once.text);
  assert.deepEqual(internetLikeGraph({ seed: 7, ases: 2_000 }).origins, once.origins);
  assert.notEqual(internetLikeGraph({ seed: 8, ases: 2_000 }).text, once.text);
});

test('a gzip-compressed file read through the CLI reader gives the same graph as the plain text', async () => {
  const plain = join(folder, 'internet-like.as-rel.txt');
  writeFileSync(plain, generated.text);
  assert.deepEqual(await readAsRelFile(nodeIo, plain), graph);
});

test('the generated graph is tiered: a tier-1 clique, every other AS buys transit, most ASes are stubs', (t) => {
  assert.equal(graph.size, 30_000);
  assert.equal(graph.linkCount, generated.providerLinks + generated.peerLinks);
  assert.equal(graph.duplicateLinks, 0);
  assert.deepEqual(graph.providerCycle, []);
  const count = (start: Int32Array, x: number): number => (start[x + 1] as number) - (start[x] as number);
  for (const asn of generated.tier1) {
    const x = asIndex(graph, asn);
    assert.equal(count(graph.providerStart, x), 0, `tier-1 AS${asn} has no provider`);
    const peers = new Set(
      [...graph.peers.subarray(graph.peerStart[x], graph.peerStart[x + 1])].map((p) => graph.asns[p]),
    );
    for (const other of generated.tier1)
      if (other !== asn) assert.ok(peers.has(other), `AS${asn} peers with AS${other}`);
  }
  for (const asn of [...generated.transit, ...generated.stubs])
    assert.ok(count(graph.providerStart, asIndex(graph, asn)) >= 1, `AS${asn} buys transit`);
  for (const asn of generated.stubs) assert.equal(count(graph.customerStart, asIndex(graph, asn)), 0);
  assert.ok(generated.stubs.length / graph.size > 0.8, 'stubs are the large majority, as in CAIDA 2018');
  t.diagnostic(
    `${graph.size} ASes (${generated.tier1.length} tier-1, ${generated.transit.length} transit, ${generated.stubs.length} stubs), ` +
      `${graph.linkCount} links (${generated.providerLinks} provider-customer, ${generated.peerLinks} peering)`,
  );
});

test('the typed-array sweep gives every AS the same AS path as the object-per-route reference', () => {
  const reference = propagateReference(parseReference(generated.text), generated.origins);
  const table = propagate(graph, origins);
  let routed = 0;
  for (let x = 0; x < graph.size; x++) if ((table.nextHop[x] as number) >= 0) routed++;
  assert.equal(routed, reference.size);
  for (const [as, route] of reference) assert.deepEqual(asPathOf(table, as.asn), route.asPath, `AS${as.asn}`);
});

test('the path-vector solver agrees with the sweep at every AS, for samples of origins', () => {
  const samples = [
    generated.origins,
    [generated.stubs[0] as number],
    [...generated.tier1.slice(0, 3), ...generated.transit.slice(-3)],
  ];
  for (const sample of samples) {
    const chosen = sample.map((asn) => ({ asn }));
    const sweep = propagate(graph, chosen);
    const general = propagate(graph, chosen, { solver: 'path-vector' });
    assert.equal(general.solver, 'path-vector');
    assert.equal(general.unstable, undefined);
    assert.deepEqual(general.nextHop, sweep.nextHop, `origins ${sample.join(', ')}`);
  }
});

test('every AS is routed, some choose between routes and some only by the tie-break', (t) => {
  const e = explainAll(propagate(graph, origins));
  assert.equal(e.routed, graph.size);
  assert.ok(e.contested > 0 && e.arbitrary > 0 && e.arbitrary < e.contested);
  const share = e.arbitrary / e.routed;
  assert.ok(share > 0.05 && share < 0.4, `arbitrary share ${share}`);
  t.diagnostic(`${e.routed} routed, ${e.contested} with a choice, ${e.arbitrary} arbitrary`);
});

test('withdrawing one origin moves exactly its catchment and leaves no AS without a route', () => {
  const table = propagate(graph, origins);
  const withdrawn = generated.origins[0] as number;
  let catchment = 0;
  for (let x = 0; x < graph.size; x++) if (originAsnAt(table, x) === withdrawn) catchment++;
  const diff = diffRouteTables(table, propagate(graph, origins, {}, { withdrawn: [withdrawn] }));
  assert.ok(catchment > 0);
  assert.equal(diff.moved.length, catchment);
  assert.ok(diff.moved.every((m) => m.from === withdrawn && m.to !== undefined));
  assert.deepEqual(diff.lost, []);
});
