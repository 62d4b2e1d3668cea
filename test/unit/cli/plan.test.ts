import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { runCli } from '../../../src/cli/cli';
import { threadsFor, workerEvaluator } from '../../../src/cli/planWorkers';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { candidateChanges, MOVE_KINDS } from '../../../src/routing/plan/candidates';
import { localEvaluator } from '../../../src/routing/plan/plan';
import { leftoverDrain } from '../routing/plan/plannedDiagrams';
import { fakeIo } from './fakeIo';

const dns = readFileSync(new URL('../../../examples/dns.anycast.mmd', import.meta.url), 'utf8');

describe('anycast plan', () => {
  it('prints the left-over prepend first, with its effect and the exact edit', async () => {
    const io = fakeIo({ 'd.anycast.mmd': leftoverDrain });
    assert.equal(await runCli(['plan', '--objective', 'mean-rtt', 'd.anycast.mmd'], io), 0);
    const lines = io.stdout.split('\n');
    // (1 + 3 x 33.4) / 4 = 25.3 ms as written; 2 sessions x (3 prepends + no-export) + 2 withdrawals.
    assert.equal(lines[0], 'd.anycast.mmd: mean-rtt 25.3 ms as written; 10 changes tried');
    assert.equal(lines[1], ' 1. 25.3 ms -> 1.0 ms (-24.3 ms), 1 client moved');
    assert.equal(lines[2], '    East → AS200 Transit: no prepend');
    assert.equal(lines[3], '    d.anycast.mmd:10:9: transit prepend 2 -> transit');
  });

  it('gives the plan as JSON, edits one-based', async () => {
    const io = fakeIo({ 'd.anycast.mmd': leftoverDrain });
    assert.equal(
      await runCli(['plan', '--objective', 'mean-rtt', '--moves', 'prepend', '--json', 'd.anycast.mmd'], io),
      0,
    );
    const plan = JSON.parse(io.stdout) as {
      evaluated: number;
      suggestions: { edits: { line: number; column: number; oldText: string; newText: string }[] }[];
    };
    // Prepends only: East 0, 1, 3 and West 1, 2, 3.
    assert.equal(plan.evaluated, 6);
    assert.deepEqual(plan.suggestions[0]?.edits, [
      { line: 10, column: 9, endLine: 10, endColumn: 26, oldText: 'transit prepend 2', newText: 'transit' },
    ]);
  });

  it('refuses a missing objective, an unknown change and a depth of 3 as bad usage', async () => {
    for (const args of [
      ['plan', 'd.anycast.mmd'],
      ['plan', '--objective', 'mean-rtt', '--moves', 'prepend,shout', 'd.anycast.mmd'],
      ['plan', '--objective', 'mean-rtt', '--depth', '3', 'd.anycast.mmd'],
    ]) {
      const io = fakeIo({ 'd.anycast.mmd': leftoverDrain });
      assert.equal(await runCli(args, io), 2, args.join(' '));
    }
  });

  it('uses worker threads only with two idle cores, and enough changes for each', () => {
    assert.equal(threadsFor(247, 0), 1);
    assert.equal(threadsFor(247, 1), 1);
    assert.equal(threadsFor(247, 2), 2);
    assert.equal(threadsFor(100, 8), 1);
    assert.equal(threadsFor(1000, 8), 4);
  });

  it('answers the same in two worker threads as in this one, in the same order', async () => {
    const analysis = new DiagramAnalysis(dns);
    const sets = candidateChanges(analysis.model, MOVE_KINDS).map((c) => [c]);
    const here = localEvaluator(analysis, 'mean-rtt');
    // The workers run the CLI as it ships: bundled, with main.ts as the entry.
    const script = fileURLToPath(new URL('../../../.cache/test/plan-cli.cjs', import.meta.url));
    await esbuild.build({
      entryPoints: [fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url))],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['playwright-core'],
      logLevel: 'warning',
    });
    const threaded = workerEvaluator(script, dns, 'mean-rtt', here, () => 2);
    assert.deepEqual(await threaded(sets), await here(sets));
  });
});
