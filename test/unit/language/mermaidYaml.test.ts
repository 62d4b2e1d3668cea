import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { parseDocument } from '../../../src/language/index';

// mermaid's parser needs a DOM for its sanitizer; jsdom is enough for parsing (not for layout).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const loaded = import('mermaid').then((m) => m.default);

const inline = (meta: string): string => `flowchart LR\n  A@{ ${meta} } --> B\n`;
const block = (lines: string): string => `flowchart LR\n  A@{\n${lines}\n  }\n  A --> B\n`;
const front = (yaml: string): string => `---\n${yaml}\n---\nflowchart LR\n  A --> B\n`;

/** Where our error starts (line, character), for the files mermaid refuses. */
type Verdict =
  { readonly mermaid: 'accepts' } | { readonly mermaid: 'refuses'; readonly at: readonly [number, number] };

const cases: readonly (readonly [string, string, Verdict])[] = [
  ['a duplicate key in one-line metadata', inline('shape: rect, shape: circle'), { mermaid: 'refuses', at: [1, 19] }],
  [
    'a duplicate key in block metadata',
    block('    shape: rect\n    shape: circle'),
    { mermaid: 'refuses', at: [3, 4] },
  ],
  ['a duplicate title in the front matter', front('title: One\ntitle: Two'), { mermaid: 'refuses', at: [2, 0] }],
  [
    'a duplicate anycast setting',
    front('anycast:\n  service: 192.0.2.1\n  service: 192.0.2.2'),
    { mermaid: 'refuses', at: [3, 2] },
  ],
  ['keys that load as the same string', front('config:\n  true: 1\n  "true": 2'), { mermaid: 'refuses', at: [3, 2] }],
  ['keys that load as the same number', front('config:\n  1: a\n  01: b'), { mermaid: 'refuses', at: [3, 2] }],
  ['a value starting with @', inline('label: @home'), { mermaid: 'refuses', at: [1, 13] }],
  ['a value starting with @ in block metadata', block('    label: @home'), { mermaid: 'refuses', at: [2, 11] }],
  ['a title starting with @', front('title: @home'), { mermaid: 'refuses', at: [1, 7] }],
  ['a value starting with a backtick', inline('label: `x`'), { mermaid: 'refuses', at: [1, 13] }],
  ['escaped quotes in a double-quoted value', inline('label: "say \\"hi\\" now"'), { mermaid: 'accepts' }],
  ['escaped quotes in block metadata', block('    label: "say \\"hi\\""'), { mermaid: 'accepts' }],
  ['escaped quotes in the title', front('title: "A \\"quoted\\" title"'), { mermaid: 'accepts' }],
  ['a doubled quote in a single-quoted value', inline("label: 'it''s'"), { mermaid: 'accepts' }],
  ['an unknown escape', inline('label: "a\\qb"'), { mermaid: 'refuses', at: [1, 15] }],
  ['a trailing comment in one-line metadata', inline('shape: rect # the PoP'), { mermaid: 'accepts' }],
  ['a trailing comment in block metadata', block('    shape: rect # the PoP'), { mermaid: 'accepts' }],
  ['a trailing comment in the front matter', front('title: Hello # a comment'), { mermaid: 'accepts' }],
  ['a trailing comment after a flow mapping', front('config: {a: 1} # c'), { mermaid: 'accepts' }],
  ['a tab after the colon', inline('shape:\trect'), { mermaid: 'accepts' }],
  ['a tab indenting block metadata', block('\tshape: rect'), { mermaid: 'refuses', at: [2, 0] }],
  ['a tab indenting the front matter', front('config:\n\tflowchart: {}'), { mermaid: 'refuses', at: [2, 0] }],
  ['an anchor and its alias', block('    label: &l Edge\n    note: *l'), { mermaid: 'accepts' }],
  [
    'an anchor in the front matter',
    front('title: &t Hello\nconfig:\n  flowchart:\n    htmlLabels: false\nanycast:\n  service: 192.0.2.1'),
    { mermaid: 'accepts' },
  ],
  ['an alias with no anchor', block('    note: *nope'), { mermaid: 'refuses', at: [2, 10] }],
  ['an alias with no anchor in the front matter', front('title: *t'), { mermaid: 'refuses', at: [1, 7] }],
  ['a flow list in metadata', inline('note: [1, 2]'), { mermaid: 'accepts' }],
  ['a flow mapping inside one-line metadata', inline('note: {a: 1}'), { mermaid: 'refuses', at: [1, 17] }],
  ['a flow mapping inside block metadata', block('    note: {a: 1}'), { mermaid: 'refuses', at: [2, 15] }],
  ['a brace inside a trailing comment', inline('shape: rect # {x'), { mermaid: 'accepts' }],
  ['an apostrophe inside a plain value', inline("label: it's here"), { mermaid: 'accepts' }],
  ['a caret inside single quotes', inline("label: 'a^b'"), { mermaid: 'refuses', at: [1, 15] }],
  ['a directive in the front matter', front('%YAML 1.2'), { mermaid: 'refuses', at: [1, 0] }],
  ['a key with no value', inline('shape'), { mermaid: 'accepts' }],
  ['multi-line metadata with only a comment', block('    # to do'), { mermaid: 'refuses', at: [1, 4] }],
  ['an empty key with an anchor', front('&k : 1'), { mermaid: 'accepts' }],
  ['a brace inside double quotes', inline('label: "a}b"'), { mermaid: 'accepts' }],
  ['a brace inside single quotes', inline("label: 'a}b'"), { mermaid: 'refuses', at: [1, 15] }],
  ['a caret outside quotes', inline('label: a^b'), { mermaid: 'refuses', at: [1, 14] }],
  ['a caret inside double quotes', inline('label: "a^b"'), { mermaid: 'accepts' }],
  [
    'a second document in block metadata',
    block('    shape: rect\n...\n    label: x'),
    { mermaid: 'refuses', at: [4, 0] },
  ],
  ['a second document in the front matter', front('title: a\n...\ntitle: b'), { mermaid: 'refuses', at: [3, 0] }],
  ['an unclosed flow list', block('    loc: [1, 2'), { mermaid: 'refuses', at: [3, 2] }],
  ['a key missing before the colon', block('    : x'), { mermaid: 'refuses', at: [2, 4] }],
  ['a key missing in the front matter', front(': x'), { mermaid: 'refuses', at: [1, 0] }],
  ['a tag outside the JSON schema', front('title: !!binary aGVsbG8='), { mermaid: 'refuses', at: [1, 7] }],
  ['a custom tag', front('title: !custom x'), { mermaid: 'refuses', at: [1, 7] }],
  ['a key over 1024 characters', front(`${'k'.repeat(1030)}: 1`), { mermaid: 'accepts' }],
  ['a mapping after a value on one line', front('title: a\n  b: c'), { mermaid: 'refuses', at: [1, 7] }],
];

const yamlCodes = new Set(['front-matter', 'metadata-syntax']);

describe("YAML in front matter and metadata, read as mermaid's own parser reads it", () => {
  for (const [name, text, verdict] of cases) {
    it(`${verdict.mermaid === 'accepts' ? 'accepts' : 'reports'} ${name}, as mermaid ${verdict.mermaid} it`, async () => {
      const mermaid = await loaded;
      const yamlErrors = parseDocument(text).diagnostics.filter((d) => d.severity === 'error' && yamlCodes.has(d.code));
      if (verdict.mermaid === 'accepts') {
        assert.ok(await mermaid.parse(text));
        assert.deepEqual(yamlErrors, []);
        return;
      }
      await assert.rejects(mermaid.parse(text));
      const starts = yamlErrors.map((d) => [d.range.start.line, d.range.start.character]);
      assert.ok(
        starts.some(([line, character]) => line === verdict.at[0] && character === verdict.at[1]),
        `expected an error at ${verdict.at.join(':')}, got ${JSON.stringify(yamlErrors)}`,
      );
    });
  }
});
