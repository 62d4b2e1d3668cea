import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Drives the real preview bundle in headless Chromium: build first (node esbuild.mjs).
const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const cdn = fileURLToPath(new URL('../../../examples/cdn.anycast.mmd', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'anycast-kill-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Processes whose command line names `dir` (Chromium's profile lives in the child's own TMPDIR). */
function processesUsing(dir: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) found.push(Number(pid));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('anycast export ended by a signal', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while Chromium draws: exit ${signal === 'SIGTERM' ? 143 : 130}, no temporary folder, no .tmp, no Chromium left`, async () => {
      const tmp = join(root, `${signal}-tmp`);
      const out = join(root, `${signal}-out`);
      mkdirSync(tmp);
      mkdirSync(out);
      const child = spawn(process.execPath, ['--import', 'tsx', main, 'export', cdn, '-o', join(out, 'cdn.svg')], {
        env: { ...process.env, TMPDIR: tmp },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Chromium's profile folder is made in the child's TMPDIR: once a process names it, Chromium runs.
      await until(() => processesUsing(tmp).some((pid) => pid !== child.pid), 'Chromium to start');
      assert.ok(
        readdirSync(tmp).some((f) => f.startsWith('anycast-export-')),
        'the export folder exists meanwhile',
      );
      child.kill(signal);
      assert.equal(await exited, signal === 'SIGTERM' ? 143 : 130, stderr);
      await until(() => processesUsing(tmp).length === 0, 'every Chromium process to end', 10_000);
      // Nothing left in the child's TMPDIR (the export folder, Chromium's profile) but tsx's own cache.
      assert.deepEqual(
        readdirSync(tmp).filter((f) => !f.startsWith('tsx-')),
        [],
      );
      assert.deepEqual(readdirSync(out), []);
    });
  }
});
