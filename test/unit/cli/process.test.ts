import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const seed = fileURLToPath(new URL('../../../examples/seed.anycast.mmd', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'anycast-process-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Runs the real `anycast` command in its own process, as a shell would. */
function anycast(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the anycast process', () => {
  it('-o into a missing folder: one line on stderr, exit 1, nothing left behind', () => {
    const run = anycast('mermaid', seed, '-o', join(root, 'missing', 'out.mmd'));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^anycast: cannot write .*missing\/out\.mmd: no such directory\n$/);
    assert.deepEqual(readdirSync(root), []);
  });

  it('-o onto a directory: one line on stderr, exit 1, the directory untouched', () => {
    const run = anycast('mermaid', seed, '-o', root);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^anycast: cannot write .*: is a directory\n$/);
    assert.deepEqual(readdirSync(root), []);
  });

  it('-o into a read-only place: one line on stderr, exit 1', () => {
    const run = anycast('mermaid', seed, '-o', '/sys/anycast-out.mmd');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^anycast: cannot write \/sys\/anycast-out\.mmd: not writable\n$/);
  });

  it('--help ends with the exit-code table', () => {
    const run = anycast('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Exit codes:\n {2}0 {3}success\n {2}1 {3}bad input/);
  });
});
