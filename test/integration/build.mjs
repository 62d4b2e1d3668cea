// Runs in Node at test time: bundles the integration suite twice, once per extension host.
// Output: dist/test/integration/web.js (web worker, mocha browser build) and node.js (Node, mocha
// from node_modules). Every suite/*.test.ts is included, so a new feature adds one file, nothing else.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const suiteDir = join(here, 'suite');
const outDir = resolve(here, '..', '..', 'dist', 'test', 'integration');

/** The virtual module 'anycast:suites': requires each test file when the entry calls loadSuites(). */
const suitesPlugin = {
  name: 'anycast-suites',
  setup(build) {
    build.onResolve({ filter: /^anycast:suites$/ }, () => ({ path: 'suites', namespace: 'anycast-suites' }));
    build.onLoad({ filter: /.*/, namespace: 'anycast-suites' }, () => {
      const files = readdirSync(suiteDir)
        .filter((f) => f.endsWith('.test.ts'))
        .sort();
      const requires = files.map((f) => `  require(${JSON.stringify(join(suiteDir, f))});`).join('\n');
      return { contents: `export function loadSuites() {\n${requires}\n}\n`, loader: 'js', resolveDir: suiteDir };
    });
  },
};

/** In the worker, Node's assert comes from the npm polyfill; tests write `node:assert/strict`. */
const webAssertPlugin = {
  name: 'anycast-web-assert',
  setup(build) {
    build.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, (args) => ({
      path: args.path,
      namespace: 'anycast-web-assert',
    }));
    build.onLoad({ filter: /.*/, namespace: 'anycast-web-assert' }, (args) => ({
      contents: args.path.endsWith('strict')
        ? 'module.exports = require("assert/").strict;'
        : 'module.exports = require("assert/");',
      loader: 'js',
      resolveDir: here,
    }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode'],
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [join(suiteDir, 'webIndex.ts')],
    outfile: join(outDir, 'web.js'),
    platform: 'browser',
    plugins: [suitesPlugin, webAssertPlugin],
    define: { global: 'globalThis' },
    // The assert polyfill and its util dependency read process.env and friends.
    banner: {
      js: 'var process = globalThis.process ?? { env: {}, argv: [], platform: "browser", version: "", versions: {}, nextTick: (f, ...a) => queueMicrotask(() => f(...a)), cwd: () => "/" };',
    },
  }),
  esbuild.build({
    ...common,
    entryPoints: [join(suiteDir, 'nodeIndex.ts')],
    outfile: join(outDir, 'node.js'),
    platform: 'node',
    target: 'node20',
    plugins: [suitesPlugin],
    // Resolved from the repo's node_modules at run time: mocha's Node API loads reporters dynamically.
    external: ['vscode', 'mocha'],
  }),
]);
