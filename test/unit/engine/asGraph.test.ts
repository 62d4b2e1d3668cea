import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsRelError, asIndex, parseAsRelationships } from '../../../src/engine/index';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('reads serial-1 and serial-2 lines, comments and repeated headers', () => {
  const graph = parseAsRelationships(
    bytes(
      [
        '# source:topology|BGP|20180101|ripe|rrc00',
        '# source:topology|BGP|20180101|ripe|rrc00',
        '1|2|-1',
        '2|3|0|bgp',
        '',
        '1|4|-1\r',
        '# trailing comment',
      ].join('\n'),
    ),
  );
  assert.deepEqual([...graph.asns], [1, 2, 3, 4]);
  assert.equal(graph.linkCount, 3);
  // 1 is provider of 2 and 4; 2 and 3 peer.
  const customersOf1 = [...graph.customers.subarray(graph.customerStart[0], graph.customerStart[1])].map(
    (i) => graph.asns[i],
  );
  assert.deepEqual(customersOf1.sort(), [2, 4]);
  const peersOf2 = [...graph.peers.subarray(graph.peerStart[1], graph.peerStart[2])].map((i) => graph.asns[i]);
  assert.deepEqual(peersOf2, [3]);
  assert.equal(graph.rank[asIndex(graph, 1)], 1);
  assert.equal(graph.rank[asIndex(graph, 2)], 0);
});

test('ignores a repeated link and counts it', () => {
  const graph = parseAsRelationships(bytes('1|2|-1\n2|1|0\n1|2|-1\n'));
  assert.equal(graph.linkCount, 1);
  assert.equal(graph.duplicateLinks, 2);
  assert.equal(graph.peers.length, 0);
});

test('accepts 32-bit ASNs', () => {
  const graph = parseAsRelationships(bytes('4200000000|4294967295|0\n'));
  assert.deepEqual([...graph.asns], [4200000000, 4294967295]);
});

const bad: [string, string, number, number, RegExp][] = [
  ['a word instead of an ASN', '1|2|-1\nfoo|2|0\n', 2, 1, /expected an ASN/],
  ['a missing separator', '1 2|-1\n', 1, 2, /expected '\|'/],
  ['an unknown relationship', '1|2|1\n', 1, 5, /relationship must be -1/],
  ['text after the relationship', '1|2|-1x\n', 1, 7, /unexpected 'x'/],
  ['a self-link', '7|7|0\n', 1, 1, /itself/],
  ['ASN zero', '0|7|0\n', 1, 1, /outside/],
  ['an ASN above 32 bits', '4294967296|7|0\n', 1, 1, /outside/],
];
for (const [what, text, line, column, message] of bad) {
  test(`rejects ${what} with its line and column`, () => {
    assert.throws(
      () => parseAsRelationships(bytes(text)),
      (error: unknown) => {
        assert.ok(error instanceof AsRelError);
        assert.equal(error.line, line);
        assert.equal(error.column, column);
        assert.match(error.message, message);
        return true;
      },
    );
  });
}

test('finds ASes on a customer-provider cycle', () => {
  // 1 > 2 > 3 > 1 (each the provider of the next) is a cycle; 9 sits above it, 5 below.
  const graph = parseAsRelationships(bytes('1|2|-1\n2|3|-1\n3|1|-1\n9|1|-1\n3|5|-1\n'));
  assert.deepEqual([...graph.providerCycle], [1, 2, 3]);
  assert.equal(graph.rank[asIndex(graph, 5)], 0);
  assert.equal(graph.rank[asIndex(graph, 9)], -1);
});
