// The functions passed to page.evaluate run in Chromium, so these files see the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Runs the built webview bundle (dist/webview.js) in headless Chromium inside a page shaped like
 * the real preview (same CSP, same stylesheet), with a fake `acquireVsCodeApi` that records what
 * the webview posts. Tests post host messages in and assert on the DOM.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { HostToWebview, WebviewToHost } from '../../src/protocol/messages';

/** The repository root, found from this file or (when bundled into .cache/bench) from the working directory. */
function findRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'media', 'preview.css')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
const root = findRoot();
export const resultsDir = join(root, 'test-results', 'webview');

export function chromiumPath(): string {
  const path = process.env['ANYCAST_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with: bash scripts/setup-test-env.sh (or apt-get install -y chromium), or set ANYCAST_CHROMIUM.`,
    );
  }
  return path;
}

export function webviewBundle(): string {
  const bundle = join(root, 'dist', 'webview.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: build first (node esbuild.mjs).`);
  return bundle;
}

/** The page the host builds, reduced to what the webview sees: CSP, stylesheet, script by nonce. */
function pageHtml(bodyClass: string): string {
  const nonce = 'testnonce';
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src file: 'unsafe-inline'",
    'img-src file: data:',
    'font-src file:',
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${pathToFileURL(join(root, 'media', 'preview.css')).href}">
</head><body class="${bodyClass}">
<script nonce="${nonce}">
  window.__posted = [];
  window.__violations = [];
  window.__alerts = [];
  window.alert = (m) => window.__alerts.push(String(m));
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => state,
    setState: (s) => { state = s; },
  });
</script>
<script nonce="${nonce}" src="${pathToFileURL(webviewBundle()).href}"></script>
</body></html>`;
}

export interface PreviewPage {
  readonly page: Page;
  post(message: HostToWebview): Promise<void>;
  /** Waits for the first posted message (from index `from` on) that matches. */
  waitForPosted<T extends WebviewToHost>(
    predicate: (m: WebviewToHost) => m is T,
    from?: number,
    timeoutMs?: number,
  ): Promise<T>;
  posted(): Promise<WebviewToHost[]>;
  /**
   * Posts `message` and measures, inside the page, the milliseconds until the webview answers with
   * a message of `answer.type` for `answer.version` and the next frame is painted.
   */
  postAndTime(message: HostToWebview, answer: { type: WebviewToHost['type']; version: number }): Promise<number>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

let browser: Browser | undefined;

export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export async function openPreview(
  options: { bodyClass?: string; width?: number; height?: number } = {},
): Promise<PreviewPage> {
  const b = await launchBrowser();
  const page = await b.newPage({ viewport: { width: options.width ?? 1100, height: options.height ?? 800 } });
  mkdirSync(resultsDir, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'anycast-webview-'));
  const file = join(dir, 'preview.html');
  writeFileSync(file, pageHtml(options.bodyClass ?? 'vscode-light'));
  // No network: anything not under file:// is refused.
  await page.route(/^(?!file:)/, (route) => route.abort());
  await page.goto(pathToFileURL(file).href);
  const posted = (): Promise<WebviewToHost[]> =>
    page.evaluate(() => (window as unknown as { __posted: WebviewToHost[] }).__posted);
  const handle: PreviewPage = {
    page,
    post: async (message) => {
      await page.evaluate((m) => window.postMessage(m, '*'), message);
    },
    posted,
    postAndTime: (message, answer) =>
      page.evaluate(
        async ([m, a]) => {
          const posted = (window as unknown as { __posted: { type: string; version?: number }[] }).__posted;
          const from = posted.length;
          const started = performance.now();
          window.postMessage(m, '*');
          // No named helper functions in here: tsx would wrap them in a `__name` the page lacks.
          while (!posted.slice(from).some((p) => p.type === a.type && p.version === a.version))
            await new Promise((r) => setTimeout(r, 0));
          await new Promise((r) => requestAnimationFrame(() => r(undefined)));
          return performance.now() - started;
        },
        [message, answer] as const,
      ),
    async waitForPosted<T extends WebviewToHost>(
      predicate: (m: WebviewToHost) => m is T,
      from = 0,
      timeoutMs = 20_000,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const all = await posted();
        const found = all.slice(from).find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`Timed out waiting for a message; posted so far: ${JSON.stringify(all.map((m) => m.type))}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    screenshot: async (name) => {
      await page.screenshot({ path: join(resultsDir, `${name}.png`) });
    },
    close: async () => {
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await handle.waitForPosted((m): m is WebviewToHost & { type: 'ready' } => m.type === 'ready');
  return handle;
}
