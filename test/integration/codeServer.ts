// Runs in Node (the node-host and end-to-end launchers): code-server on a loopback port with a
// throwaway profile, and installing a .vsix into it.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, scratchDir, startService, withTimeout, type Service } from './harness';
import { codeServer } from './testEnv';

const startTimeoutMs = 60_000;
const installTimeoutMs = 120_000;

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
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // An untrusted folder opens straight in Restricted Mode, without a modal question.
  'security.workspace.trust.startupPrompt': 'never',
};

/**
 * code-server's default extension gallery is on the internet: an empty gallery turns it off, so
 * nothing is looked up (the tests install only our own .vsix, from disk).
 */
const offlineEnv = { ...process.env, EXTENSIONS_GALLERY: '{}' };

export interface CodeServerOptions {
  /** Where extensions are installed; a fresh empty folder when not given. */
  readonly extensionsDir?: string;
  /**
   * Keep workspace trust on, so the folder opens untrusted in Restricted Mode (the end-to-end test
   * proves the extension works there). The integration suite turns trust off.
   */
  readonly workspaceTrust?: boolean;
}

export interface CodeServerSession {
  readonly url: string;
  readonly port: number;
  readonly service: Service;
  /** Scratch folders to remove after `service.stop()`. */
  readonly dirs: readonly string[];
}

function profileDir(): string {
  const userDataDir = scratchDir('user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 2));
  return userDataDir;
}

/** Starts code-server on a free loopback port with a throwaway profile, opening `folder`. */
export async function startCodeServer(folder: string, options: CodeServerOptions = {}): Promise<CodeServerSession> {
  const { node, entry } = codeServer();
  const userDataDir = profileDir();
  const extensionsDir = options.extensionsDir ?? scratchDir('extensions');
  const port = await freePort();
  const service = await startService(
    node,
    [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--vscode-option',
      'enable-smoke-test-driver',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      folder,
    ],
    /HTTP server listening on/,
    startTimeoutMs,
    'code-server',
    offlineEnv,
  );
  const dirs = options.extensionsDir ? [userDataDir] : [userDataDir, extensionsDir];
  return { url: `http://127.0.0.1:${port}`, port, service, dirs };
}

/** `code-server --install-extension`, as a user installs a downloaded .vsix; returns its output. */
export async function installVsix(vsix: string, extensionsDir: string): Promise<string> {
  const { node, entry } = codeServer();
  const userDataDir = profileDir();
  const { stdout, stderr } = await withTimeout(
    promisify(execFile)(
      node,
      [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
      { env: offlineEnv },
    ),
    installTimeoutMs,
    'code-server to install the .vsix',
  );
  return stdout + stderr;
}
