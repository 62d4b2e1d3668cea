// Runs in Node at build time: one bundle per runtime (extension host, webview, CLI).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/**
 * Mermaid loads each diagram type and layout on demand (dynamic imports, which an iife bundle
 * inlines). The preview draws flowcharts only, laid out by elk (mermaid 12's default) or dagre, so
 * the other diagram types and layouts (cytoscape, the langium parsers, ...: about half of the
 * bundle) are left out and the preview's first picture does not wait for them to load. One that is
 * asked for anyway fails with the message below. ELK goes in a script of its own (lazyElk.ts).
 */
const lazyElk = fileURLToPath(new URL('src/webview/elk/lazyElk.ts', import.meta.url));

const mermaidFlowchartsOnly = {
  name: 'mermaid-flowcharts-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/.*\.mjs$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || !/[\\/]mermaid[\\/]dist[\\/]/.test(args.importer)) return undefined;
      if (/^\.\/(chunks\/mermaid\.core\/)?(flowDiagram|elk|dagre|sizeCapture|bpmnIcons)-/.test(args.path))
        return undefined;
      return { path: args.path, namespace: 'mermaid-left-out' };
    });
    // ELK itself (1.5 MB) is a script of its own, loaded the first time a diagram asks for it.
    build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, (args) =>
      /[\\/]mermaid[\\/]dist[\\/]/.test(args.importer) ? { path: lazyElk } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'mermaid-left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`The preview draws flowcharts only: mermaid's ${args.path} is not bundled`)});`,
      loader: 'js',
    }));
  },
};

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
    plugins: [mermaidFlowchartsOnly],
  },
  {
    entryPoints: ['src/webview/elk/elkScript.ts'],
    outfile: 'dist/webview-elk.js',
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
