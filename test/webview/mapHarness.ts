// The functions passed to page.evaluate run in Chromium, so this file sees the DOM types.
/// <reference lib="dom" />
/**
 * The catchment map view in headless Chromium: bundles test/webview/mapPage.ts with esbuild (as the
 * webview bundle is built) and loads it in a page with the preview's CSP and stylesheet. Scenes are
 * computed in Node by the pure code and handed to the page as JSON.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import type { MapRouting } from '../../src/routing/map/mapRouting';
import type { MapScene } from '../../src/routing/map/mapScene';
import { launchBrowser, resultsDir } from './harness';

/** The repository root: two folders up, or the working directory when bundled into .cache/bench. */
const up = join(import.meta.dirname, '..', '..');
const root = existsSync(join(up, 'media', 'preview.css')) ? up : process.cwd();
let bundle: string | undefined;

async function mapBundle(): Promise<string> {
  if (bundle) return bundle;
  const outfile = join(root, '.cache', 'webview', 'mapPage.js');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'webview', 'mapPage.ts')],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  // esbuild's service process would keep the test process alive.
  await esbuild.stop();
  bundle = outfile;
  return outfile;
}

export type ThemeKind = 'light' | 'dark' | 'hc-light' | 'hc-dark';
const bodyClass: Record<ThemeKind, string> = {
  light: 'vscode-light',
  dark: 'vscode-dark',
  'hc-light': 'vscode-high-contrast-light',
  'hc-dark': 'vscode-high-contrast',
};

/** The colours VS Code gives a webview in each theme kind (a sample of the variables the map reads). */
const themeVariables: Record<ThemeKind, Record<string, string>> = {
  light: {
    'editor-background': '#ffffff',
    'editor-foreground': '#3b3b3b',
    errorForeground: '#f85149',
    focusBorder: '#005fb8',
    disabledForeground: '#6f6f6f',
    'panel-border': '#e5e5e5',
    'editorWidget-background': '#f8f8f8',
    'textLink-foreground': '#005fb8',
  },
  dark: {
    'editor-background': '#1f1f1f',
    'editor-foreground': '#cccccc',
    errorForeground: '#f85149',
    focusBorder: '#0078d4',
    disabledForeground: '#8b8b8b',
    'panel-border': '#2b2b2b',
    'editorWidget-background': '#202020',
    'textLink-foreground': '#4daafc',
  },
  'hc-light': {
    'editor-background': '#ffffff',
    'editor-foreground': '#292929',
    errorForeground: '#b5200d',
    focusBorder: '#006bbd',
    contrastBorder: '#0f4a85',
    disabledForeground: '#7f7f7f',
    'editorWidget-background': '#ffffff',
    'textLink-foreground': '#0f4a85',
  },
  'hc-dark': {
    'editor-background': '#000000',
    'editor-foreground': '#ffffff',
    errorForeground: '#f48771',
    focusBorder: '#f38518',
    contrastBorder: '#6fc3df',
    disabledForeground: '#a5a5a5',
    'editorWidget-background': '#0c141f',
    'textLink-foreground': '#21a6ff',
  },
};

function themeStyle(theme: ThemeKind): string {
  const vars = Object.entries(themeVariables[theme]).map(([k, v]) => `--vscode-${k}: ${v};`);
  return `html { ${vars.join(' ')} } body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); }`;
}

export interface MapPage {
  readonly page: Page;
  /** Shows `scene`, returning the milliseconds until the next frame is painted. */
  show(scene: MapScene): Promise<number>;
  /** Applies another what-if to the scene on screen, returning the milliseconds until the next frame. */
  restyle(routing: MapRouting): Promise<number>;
  events(): Promise<[string, string | undefined][]>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openMap(options: { theme?: ThemeKind; width?: number; height?: number } = {}): Promise<MapPage> {
  const script = await mapBundle();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: options.width ?? 1100, height: options.height ?? 700 } });
  const dir = mkdtempSync(join(tmpdir(), 'anycast-map-'));
  const file = join(dir, 'map.html');
  const theme = options.theme ?? 'light';
  const nonce = 'testnonce';
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src file: 'unsafe-inline'; img-src file: data:`;
  writeFileSync(
    file,
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${pathToFileURL(join(root, 'media', 'preview.css')).href}">
<style>html, body { height: 100%; margin: 0; } ${themeStyle(theme)}</style>
</head><body class="${bodyClass[theme]}" data-theme="${theme}">
<script nonce="${nonce}">window.__violations = []; window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));</script>
<script nonce="${nonce}" src="${pathToFileURL(script).href}"></script>
</body></html>`,
  );
  await page.route(/^(?!file:)/, (route) => route.abort());
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => '__map' in window);
  mkdirSync(resultsDir, { recursive: true });
  return {
    page,
    show: (scene) =>
      page.evaluate(async (s) => {
        const started = performance.now();
        (window as unknown as { __map: { show(s: unknown): void } }).__map.show(s);
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        return performance.now() - started;
      }, scene),
    restyle: (routing) =>
      page.evaluate(async (r) => {
        const started = performance.now();
        (window as unknown as { __map: { restyle(r: unknown): void } }).__map.restyle(r);
        await new Promise((done) => requestAnimationFrame(() => done(undefined)));
        return performance.now() - started;
      }, routing),
    events: () =>
      page.evaluate(() => (window as unknown as { __mapEvents: [string, string | undefined][] }).__mapEvents),
    screenshot: async (name) => {
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
