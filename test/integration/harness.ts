// Runs in Node (the test launchers): ports, processes, timeouts, browsers and the closing count line,
// shared by the web-host, node-host and end-to-end launchers.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LaunchOptions } from 'playwright-core';
import { chromiumPath, MissingTestDependency, repoRoot } from './testEnv';

export interface Counts {
  passed: number;
  failed: number;
}

/**
 * Follows the suite's output (test/integration/suite/report.ts): per-test markers, then the closing
 * line "suite: N passed, N failed". If the suite never closes (a hung test), the launcher still
 * knows what finished and which test was running.
 */
export class SuiteProgress {
  private passed = 0;
  private failed = 0;
  private running: string | undefined;
  private final: Counts | undefined;

  /** Reads one line of output; returns false for a marker line, which is not worth printing. */
  accept(line: string): boolean {
    const marker = /^suite-event: (start (.*)|pass|fail)$/.exec(line.trim());
    if (marker) {
      if (marker[2] !== undefined) this.running = marker[2];
      else if (marker[1] === 'pass') this.passed++;
      else this.failed++;
      return false;
    }
    const closing = /^suite: (\d+) passed, (\d+) failed$/m.exec(line);
    if (closing) this.final = { passed: Number(closing[1]), failed: Number(closing[2]) };
    return true;
  }

  /** The closing counts, or, for a suite that never closed, those so far plus the unfinished test. */
  counts(): Counts | undefined {
    if (this.final) return this.final;
    if (this.passed + this.failed === 0 && this.running === undefined) return undefined;
    return { passed: this.passed, failed: this.failed + (this.unfinished() ? 1 : 0) };
  }

  /** The test that started and never ended, if the suite stopped in one. */
  unfinished(): string | undefined {
    return this.final ? undefined : this.running;
  }

  /** Adds what is known about a suite that never closed to the launcher's error. */
  explain(error: unknown): unknown {
    const test = this.unfinished();
    if (!test || !(error instanceof Error)) return error;
    return new Error(`${error.message}; the suite stopped in the test "${test}"`);
  }
}

/** A port nobody listens on right now, on loopback only. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Rejects with `what` in the message when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves once `path` exists: on the file system's event for its folder (an atomic write renames
 * into place), with a timeout, and leaves no watcher or timer behind either way.
 */
export function waitForFile(path: string, timeoutMs: number): Promise<void> {
  return new Promise((resolveFile, reject) => {
    const watcher = watch(dirname(path), () => {
      if (existsSync(path)) done();
    });
    const timer = setTimeout(
      () => done(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${path} to be written`)),
      timeoutMs,
    );
    function done(error?: Error): void {
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolveFile();
    }
    if (existsSync(path)) done();
  });
}

/** Debian's chromium, headless, with what VS Code's webviews need (TESTING.md). */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Without this every webview times out: its service worker is refused.
      '--disable-features=ImprovedCookieControls',
    ],
  };
}

/** Builds the extension and the integration test bundles (a few seconds). */
export function buildForTests(): void {
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['test/integration/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

/** A scratch folder under the OS temp dir, removed by `cleanup`. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `anycast-${prefix}-`));
}

/** Which extension host a launcher runs the suite in; the suite checks it got that host. */
export type HostKind = 'web-worker' | 'node';

/** The file in the test workspace that tells the suite which host its launcher meant. */
export const hostFileName = 'anycast-test-host.json';

/**
 * A fresh copy of the test workspace: test/integration/workspace plus the examples a user opens
 * first, so tests may edit files freely, and, for the integration suite, the host it should find.
 */
export function prepareWorkspace(host?: HostKind): string {
  const dir = scratchDir('workspace');
  cpSync(join(repoRoot, 'test', 'integration', 'workspace'), dir, { recursive: true });
  mkdirSync(join(dir, 'examples'));
  for (const name of readdirSync(join(repoRoot, 'examples'))) {
    if (name.endsWith('.anycast.mmd')) cpSync(join(repoRoot, 'examples', name), join(dir, 'examples', name));
  }
  if (host) writeFileSync(join(dir, hostFileName), JSON.stringify({ host }));
  return dir;
}

export function removeDirs(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

export interface Service {
  readonly child: ChildProcess;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** Ends its whole process group (a plain kill leaves children behind) and waits for it. */
  stop(): Promise<void>;
  /** Kills its whole process group at once, for a launcher that is about to exit. */
  kill(): void;
}

/** Starts a server in its own process group and waits until it prints `ready`. */
export async function startService(
  command: string,
  args: string[],
  ready: RegExp,
  timeoutMs: number,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Service> {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const isReady = new Promise<void>((resolveReady, reject) => {
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (ready.test(output)) resolveReady();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${what} exited with code ${code} before it was ready:\n${output}`)));
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    signalGroup('SIGTERM');
    await withTimeout(exited, 10_000, `${what} to stop`).catch(() => signalGroup('SIGKILL'));
  };
  try {
    await withTimeout(isReady, timeoutMs, `${what} to start`);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { child, output: () => output, stop, kill: () => signalGroup('SIGKILL') };
}

/**
 * The last line of defence against a hang nobody foresaw: after `ms`, report the layer as failed
 * (with what `counts` knows) and exit, so CI never waits on a stuck launcher.
 */
export function startWatchdog(
  layer: string,
  ms: number,
  counts: () => Counts | undefined,
  cleanup: () => void = () => undefined,
): void {
  setTimeout(() => {
    finish(layer, counts(), new Error(`the whole layer took longer than ${ms / 60_000} min`));
    cleanup();
    process.exit();
  }, ms).unref();
}

/**
 * Prints the layer's closing line "<layer>: N passed, N failed" (the test runner reads the last
 * such line) and sets the exit code. A launcher that failed before the suite reported counts as
 * one failure, never as a silent pass.
 */
export function finish(layer: string, counts: Counts | undefined, error?: unknown): void {
  if (error !== undefined) {
    const message =
      error instanceof MissingTestDependency
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    console.error(`\n${layer} failed: ${message}`);
  }
  const final = counts ?? { passed: 0, failed: 0 };
  if (error !== undefined && final.failed === 0) final.failed = 1;
  console.log(`${layer}: ${final.passed} passed, ${final.failed} failed`);
  process.exitCode = final.failed === 0 ? 0 : 1;
}
