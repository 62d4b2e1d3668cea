// Runs in Node at build time: one bundle per runtime (extension host, webview, CLI).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions[]} */
const entries = [
  {
    // The extension host: Node (desktop, code-server) and the web worker (vscode.dev) share one bundle,
    // so it uses no Node built-ins.
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['module', 'main'],
  },
  {
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
  },
  {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // Loaded only by \`anycast export\`, from node_modules: it drives Chromium and is too big to bundle.
    external: ['playwright-core'],
  },
];

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', target: 'es2022' };

const builds = entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => ({ ...common, ...e }));
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
