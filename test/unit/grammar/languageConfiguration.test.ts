import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../../', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { markers: { start: string; end: string } };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  wordPattern: string;
}

const config = read('language-configuration.json') as LanguageConfiguration;

/** The word VS Code would pick at `column` (double-click, hover, rename), found the way VS Code does: by scanning matches. */
function wordAt(line: string, column: number): string | undefined {
  const pattern = new RegExp(config.wordPattern, 'g');
  for (const m of line.matchAll(pattern)) {
    if (m.index <= column && column < m.index + m[0].length) return m[0];
  }
  return undefined;
}

describe('language configuration', () => {
  it('comments lines with %%', () => {
    assert.equal(config.comments.lineComment, '%%');
  });

  it('pairs and auto-closes brackets and quotes', () => {
    assert.deepEqual(config.brackets, [
      ['[', ']'],
      ['(', ')'],
      ['{', '}'],
    ]);
    const opens = config.autoClosingPairs.map((p) => p.open);
    for (const open of ['[', '(', '{', '"', '|']) assert.ok(opens.includes(open), open);
    assert.ok(config.autoClosingPairs.find((p) => p.open === '"')?.notIn?.includes('string'));
    assert.ok(config.surroundingPairs.some(([a, b]) => a === '|' && b === '|'));
  });

  it('folds subgraph to end and %% region markers', () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    assert.ok(start.test('  subgraph eu [Europe]'));
    assert.ok(end.test('  end'));
    assert.ok(end.test('end;'));
    assert.ok(!end.test('  endpoint --> B'));
    assert.ok(start.test('%% region transit'));
    assert.ok(end.test('%% endregion'));
    assert.ok(!start.test('A --> subgraphs'));
  });

  it('indents inside a subgraph', () => {
    assert.ok(new RegExp(config.indentationRules.increaseIndentPattern).test('subgraph eu'));
    assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('  end'));
  });

  it('keeps ASNs, prefixes, addresses, communities and region names whole as words', () => {
    const line = 'PoP[AS13335 203.0.113.0/24 2001:db8::/32 2001:db8::1 65000:100 us-east-1 no-export]';
    for (const word of [
      'AS13335',
      '203.0.113.0/24',
      '2001:db8::/32',
      '2001:db8::1',
      '65000:100',
      'us-east-1',
      'no-export',
    ]) {
      const column = line.indexOf(word) + 2;
      assert.equal(wordAt(line, column), word);
    }
  });

  it('stops words at arrows and class markers', () => {
    assert.equal(wordAt('A-->B', 0), 'A');
    assert.equal(wordAt('A-->B', 4), 'B');
    assert.equal(wordAt('A:::pop', 0), 'A');
    assert.equal(wordAt('A:::pop', 5), 'pop');
    assert.equal(wordAt('IAD[Ashburn]', 1), 'IAD');
    assert.equal(wordAt('A -->|lp 150| B', 9), '150');
  });
});

describe('package.json contributes the language', () => {
  const pkg = read('package.json') as {
    contributes: {
      languages: { id: string; extensions: string[]; configuration: string }[];
      grammars: { language: string; scopeName: string; path: string }[];
    };
  };

  it('points at the configuration and grammar that exist', () => {
    const language = pkg.contributes.languages.find((l) => l.id === 'anycast');
    assert.ok(language);
    assert.ok(language.extensions.includes('.anycast.mmd'));
    assert.ok(existsSync(new URL(language.configuration, root)));
    const grammar = pkg.contributes.grammars.find((g) => g.language === 'anycast');
    assert.ok(grammar);
    assert.ok(existsSync(new URL(grammar.path, root)));
    const tm = read(grammar.path) as { scopeName: string };
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.equal(grammar.scopeName, 'source.anycast');
  });
});
