// The layering of HOUSE_STYLE.md, enforced: each folder may import only what lies below it.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'zlib',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'process',
  'readline',
];
const nodeImports = [...nodeBuiltins, ...nodeBuiltins.map((m) => `${m}/*`)];
const noNode = [{ group: ['node:*', ...nodeImports], message: 'Pure code does no Node I/O: take data as arguments.' }];
const noVscode = { name: 'vscode', message: "Only src/extension imports 'vscode'." };
const adapters = (...names) =>
  names.map((n) => ({ group: [`**/${n}/*`, `**/${n}`], message: `Nothing imports the ${n} adapter from here.` }));

function restrict(files, patterns, paths = [noVscode]) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.vscode-test*/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts'],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  restrict(
    ['src/engine/**/*.ts'],
    [...noNode, ...adapters('language', 'routing', 'extension', 'webview', 'cli', 'protocol')],
  ),
  restrict(['src/language/**/*.ts'], [...noNode, ...adapters('routing', 'extension', 'webview', 'cli', 'protocol')]),
  restrict(['src/routing/**/*.ts'], [...noNode, ...adapters('extension', 'webview', 'cli', 'protocol')]),
  restrict(['src/protocol/**/*.ts'], [...noNode, ...adapters('extension', 'webview', 'cli')]),
  restrict(['src/webview/**/*.ts'], [...noNode, ...adapters('extension', 'cli')]),
  restrict(['src/cli/**/*.ts'], adapters('extension', 'webview')),
  restrict(['src/extension/**/*.ts'], adapters('cli', 'webview'), []),
  // Size limits (HOUSE_STYLE.md): files under 400 lines, functions under 80; generated data is exempt.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/language/places/gazetteerData.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
);
