// Runs in Node: the integration suite in code-server's Node extension host (VS Code 1.139), driven
// through the smoke-test driver payload. Offline; part of npm test.
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { startCodeServer, type CodeServerSession } from './codeServer';
import {
  buildForTests,
  chromiumLaunchOptions,
  finish,
  startWatchdog,
  prepareWorkspace,
  removeDirs,
  SuiteProgress,
  withTimeout,
} from './harness';
import { repoRoot } from './testEnv';

const layer = 'node-host';
const runTimeoutMs = 5 * 60_000;
/** Build, start-up and the suite together; the suite's own timeout normally fires first. */
const layerTimeoutMs = 10 * 60_000;

async function main(): Promise<void> {
  const progress = new SuiteProgress();
  let session: CodeServerSession | undefined;
  let browser: Browser | undefined;
  let workspace: string | undefined;
  startWatchdog(
    layer,
    layerTimeoutMs,
    () => progress.counts(),
    () => session?.service.kill(),
  );
  try {
    buildForTests();
    workspace = prepareWorkspace('node');
    session = await startCodeServer(workspace);
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${session!.port}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(repoRoot)],
      ['extensionTestsPath', remote(join(repoRoot, 'dist', 'test', 'integration', 'node.js'))],
      ['skipWelcome', 'true'],
    ];
    browser = await chromium.launch(chromiumLaunchOptions());
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = format(...args);
      if (progress.accept(line)) (type === 'error' ? console.error : console.log)(line);
    });
    await page.goto(
      `${session.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const code = await withTimeout(exitCode, runTimeoutMs, 'the integration suite in the Node extension host');
    finish(layer, progress.counts(), code === 0 ? undefined : new Error(`the extension host exited with code ${code}`));
  } catch (error) {
    finish(layer, progress.counts(), progress.explain(error));
  } finally {
    await browser?.close().catch(() => undefined);
    await session?.service.stop();
    removeDirs(...(session?.dirs ?? []), ...(workspace ? [workspace] : []));
  }
}

void main();
