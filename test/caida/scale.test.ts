// The caida layer: the full 2018 Internet (60,006 ASes, 261,340 links) through both solvers and the
// CLI's file reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readAsRelFile } from '../../src/cli/asRel';
import { nodeIo } from '../../src/cli/io';
import { explainAll, parseAsRelationships, propagate } from '../../src/engine/index';
import { citation, readSnapshot } from './snapshots';

/** Eight well-known anycast networks present in the 2018 snapshot. */
const ORIGINS = [13335, 15169, 16509, 20940, 54113, 8075, 32934, 714].map((asn) => ({ asn }));

test('CAIDA 2018: both solvers agree at every AS and about one choice in six is arbitrary (a tie between origins)', (t) => {
  const graph = parseAsRelationships(readSnapshot('20180101'));
  assert.equal(graph.size, 60006);
  assert.equal(graph.linkCount, 261340);
  const sweep = propagate(graph, ORIGINS);
  const general = propagate(graph, ORIGINS, { solver: 'path-vector' });
  assert.equal(general.unstable, undefined);
  assert.deepEqual(sweep.nextHop, general.nextHop);
  const e = explainAll(sweep);
  const share = e.arbitrary / e.routed;
  // 17.6% on this snapshot; counting ties between two paths to one origin as well gave 29.1%.
  assert.ok(share > 0.12 && share < 0.24, `arbitrary share ${share}`);
  t.diagnostic(
    `${graph.size} ASes, ${graph.linkCount} links; ${e.routed} routed, ${e.contested} with a choice, ` +
      `${e.arbitrary} arbitrary (${(100 * share).toFixed(1)}%)`,
  );
  t.diagnostic(citation('20180101'));
});

test('CAIDA 2018: the CLI reads the snapshot gzip-compressed into the same graph as the plain file', async () => {
  const bytes = readSnapshot('20180101');
  const folder = mkdtempSync(join(tmpdir(), 'anycast-caida-'));
  try {
    const file = join(folder, '20180101.as-rel.txt.gz');
    writeFileSync(file, gzipSync(bytes));
    assert.deepEqual(await readAsRelFile(nodeIo, file), parseAsRelationships(bytes));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
