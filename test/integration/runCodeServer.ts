// Runs in Node: the integration suite in code-server's Node extension host (VS Code 1.139), driven
// through the smoke-test driver payload. Offline; part of npm test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { buildForTests, chromiumLaunchOptions, finish, freePort, parseCounts, prepareWorkspace, removeDirs, scratchDir, startService, withTimeout, type Counts, type Service } from './harness';
import { codeServer, repoRoot } from './testEnv';

const layer = 'node-host';
const startTimeoutMs = 60_000;
const runTimeoutMs = 5 * 60_000;

/** Settings that keep a first start quiet: no welcome page, no prompts, nothing phoned home. */
const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
};

export interface CodeServerSession {
  readonly url: string;
  readonly port: number;
  readonly service: Service;
  readonly extensionsDir: string;
  readonly dirs: string[];
}

/** Starts code-server on a free loopback port with a throwaway profile, opening `folder`. */
export async function startCodeServer(folder: string, extraArgs: string[] = []): Promise<CodeServerSession> {
  const { node, entry } = codeServer();
  const userDataDir = scratchDir('user-data');
  const extensionsDir = scratchDir('extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 2));
  const port = await freePort();
  const service = await startService(
    node,
    [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--vscode-option', 'enable-smoke-test-driver',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      ...extraArgs,
      folder,
    ],
    /HTTP server listening on/,
    startTimeoutMs,
    'code-server',
  );
  return { url: `http://127.0.0.1:${port}`, port, service, extensionsDir, dirs: [userDataDir, extensionsDir] };
}

async function main(): Promise<void> {
  let counts: Counts | undefined;
  let session: CodeServerSession | undefined;
  let browser: Browser | undefined;
  let workspace: string | undefined;
  try {
    buildForTests();
    workspace = prepareWorkspace();
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
      counts = parseCounts(line) ?? counts;
      (type === 'error' ? console.error : console.log)(line);
    });
    await page.goto(`${session.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await withTimeout(exitCode, runTimeoutMs, 'the integration suite in the Node extension host');
    finish(layer, counts, code === 0 ? undefined : new Error(`the extension host exited with code ${code}`));
  } catch (error) {
    finish(layer, counts, error);
  } finally {
    await browser?.close().catch(() => undefined);
    await session?.service.stop();
    removeDirs(...(session?.dirs ?? []), ...(workspace ? [workspace] : []));
  }
}

if (require.main === module) void main();
