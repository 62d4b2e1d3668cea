import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import { definitionAt, referencesAt } from '../../../src/language/features/references';
import { invalidNodeId, prepareRename, renameAt } from '../../../src/language/features/rename';
import { applyEdits } from './applyEdits';
import type { Range } from '../../../src/language/types';
import { documentSymbols, type DocumentSymbol } from '../../../src/language/features/symbols';

const text = [
  'flowchart LR',
  '  P1[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
  '  P2[PoP: Ashburn]@{ asn: 64601, loc: IAD, announce: 192.0.2.0/24 }',
  '  T[AS174 Cogent]@{ loc: FRA }',
  '  C([User in Paris])@{ in: T }',
  '  P1 -->|transit| T',
  '  P2 -->|transit| T',
  '  subgraph EU [Europe]',
  '    X[AS3320 DTAG]@{ loc: FRA }',
  '  end',
  '  X -->|peer| T',
  '  class P1,P2 pop',
].join('\n');
const model = parseDocument(text).model;

const at = (line: number, character: number) => ({ line, character });
const cut = (r: Range): string => text.split('\n')[r.start.line]!.slice(r.start.character, r.end.character);
const where = (r: Range): string => `${r.start.line}:${r.start.character}`;

describe('go to definition and find references', () => {
  it('goes from a use of an id in an edge to the statement that labels it', () => {
    const def = definitionAt(model, at(5, 18));
    assert.ok(def);
    assert.equal(where(def), '3:2');
    assert.equal(cut(def), 'T');
  });

  it('finds every occurrence of an id: definition, edges, class lists and metadata that names it', () => {
    const refs = referencesAt(model, at(3, 2), true);
    assert.deepEqual(refs.map(where), ['3:2', '4:27', '5:18', '6:18', '10:14']);
    for (const r of refs) assert.equal(cut(r), 'T');
    const p1 = referencesAt(model, at(11, 8), true);
    assert.deepEqual(p1.map(where), ['1:2', '5:2', '11:8']);
  });

  it('leaves the definition out when asked, and finds nothing off an id', () => {
    assert.deepEqual(referencesAt(model, at(3, 2), false).map(where), ['4:27', '5:18', '6:18', '10:14']);
    assert.deepEqual(referencesAt(model, at(0, 3), true), []);
    assert.equal(definitionAt(model, at(1, 12)), undefined);
  });
});

describe('rename', () => {
  it('renames an id in every statement and in metadata, so the file means the same', () => {
    const result = renameAt(model, at(5, 18), 'Cogent');
    assert.ok(result.ok);
    const renamed = applyEdits(text, result.edits);
    assert.match(renamed, /\n {2}Cogent\[AS174 Cogent\]/);
    assert.match(renamed, /@\{ in: Cogent \}/);
    assert.doesNotMatch(renamed, /\bT\b/);
    const after = parseDocument(renamed);
    assert.deepEqual(
      after.model.nodes.map((n) => [n.id, n.role]),
      model.nodes.map((n) => [n.id === 'T' ? 'Cogent' : n.id, n.role]),
    );
    assert.equal(after.model.nodes.find((n) => n.id === 'C')?.inAs?.value, 'Cogent');
    assert.equal(after.diagnostics.filter((d) => d.severity === 'error').length, 0);
  });

  it('refuses ids that are taken, keywords, or not mermaid ids, saying why', () => {
    for (const [name, reason] of [
      ['X', /already used/],
      ['EU', /already used/],
      ['end', /keyword/],
      ['two words', /letters, digits/],
      ['a-b', /letters, digits/],
      ['oslo', /arrow head/],
      ['', /empty/],
    ] as const) {
      const result = renameAt(model, at(3, 2), name);
      assert.equal(result.ok, false, name);
      if (!result.ok) assert.match(result.message, reason, name);
    }
    assert.equal(invalidNodeId('Frankfurt_2'), undefined);
  });

  it('prepares a rename only on an id, with the id as placeholder', () => {
    const ready = prepareRename(model, at(10, 2));
    assert.ok(ready.ok);
    if (ready.ok) {
      assert.equal(ready.placeholder, 'X');
      assert.equal(where(ready.range), '10:2');
    }
    assert.equal(prepareRename(model, at(0, 0)).ok, false);
  });
});

describe('document symbols', () => {
  it('lists PoPs, ASes and clients by name, with subgraph members nested, in document order', () => {
    const symbols = documentSymbols(model);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind]),
      [
        ['Frankfurt', 'pop'],
        ['Ashburn', 'pop'],
        ['AS174 Cogent', 'as'],
        ['User in Paris', 'client'],
        ['Europe', 'subgraph'],
      ],
    );
    const europe = symbols[4]!;
    assert.deepEqual(
      europe.children.map((c) => [c.name, c.kind]),
      [['AS3320 DTAG', 'as']],
    );
    assert.match(symbols[0]!.detail, /PoP · AS64600 · Frankfurt · 192\.0\.2\.0\/24/);
  });

  it('gives every symbol a range that contains its selection range', () => {
    const check = (list: readonly DocumentSymbol[]): void => {
      for (const s of list) {
        const inside =
          (s.range.start.line < s.selectionRange.start.line ||
            (s.range.start.line === s.selectionRange.start.line &&
              s.range.start.character <= s.selectionRange.start.character)) &&
          (s.range.end.line > s.selectionRange.end.line ||
            (s.range.end.line === s.selectionRange.end.line &&
              s.range.end.character >= s.selectionRange.end.character));
        assert.ok(inside, `${s.name}: ${JSON.stringify(s.range)} does not contain ${JSON.stringify(s.selectionRange)}`);
        check(s.children);
      }
    };
    check(documentSymbols(model));
    assert.equal(where(documentSymbols(model)[0]!.range), '1:2');
    assert.equal(documentSymbols(model)[0]!.range.end.character, text.split('\n')[1]!.length);
  });
});
