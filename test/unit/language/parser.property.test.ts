import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from '../../../src/language/index';
import type { Range } from '../../../src/language/index';

const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.anycast.mmd'))
  .sort()
  .map((f) => readFileSync(new URL(f, examplesDir), 'utf8'));

function isRange(v: unknown): v is Range {
  const r = v as Range;
  return (
    typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.end?.character === 'number'
  );
}

/** Every range anywhere in the value (model or diagnostics). */
function collectRanges(v: unknown, out: Range[] = []): Range[] {
  if (isRange(v)) out.push(v);
  else if (Array.isArray(v)) for (const x of v) collectRanges(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) collectRanges(x, out);
  return out;
}

function assertRangesInside(text: string): void {
  const { model, diagnostics } = parseDocument(text);
  const lines = text.split('\n');
  const ranges = collectRanges({ model, diagnostics });
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside 0..${lines.length - 1}`);
      assert.ok(
        p.character >= 0 && p.character <= (lines[p.line] ?? '').length,
        `character ${p.character} outside line ${p.line}`,
      );
    }
    assert.ok(
      r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
      'range ends before it starts',
    );
  }
  for (const d of diagnostics) {
    assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
    assert.ok(d.message.length > 0 && d.code.length > 0);
  }
}

/** Pieces that exercise the grammar far more often than uniform characters would. */
const tokens = [
  'flowchart LR\n',
  'graph TD\n',
  '---\n',
  'anycast:\n',
  '  service: ',
  '203.0.113.1',
  '2001:db8::/32',
  '\n',
  ' ',
  ';',
  '%%',
  '%%{init: {}}%%',
  'A',
  'B',
  'PoP',
  'IAD',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '((',
  '))',
  '>',
  '/',
  '\\',
  '"',
  '`',
  '|',
  '&',
  ':::',
  '@{',
  'asn: ',
  '174',
  'loc: ',
  '-->',
  '---',
  '-.->',
  '==>',
  '<-->',
  '--o',
  '--x',
  '~~~',
  '-- ',
  ' -->',
  '-. ',
  ' .->',
  'e1@',
  'subgraph ',
  'end',
  'classDef ',
  'class ',
  'style ',
  'linkStyle ',
  'click ',
  'transit',
  'peer',
  'prepend 2',
  'lp',
  'no-export',
  'User in London',
  'PoP: US-East',
  'Advertises 203.0.113.0/24',
  'Anycast IP: ',
  ',',
  '[',
  ':',
  '#',
  "'",
  '<br>',
  '\\n',
  'é',
  '\t',
  '\r\n',
];

describe('the parser on random and mutated input', () => {
  it('never throws and keeps every range inside the document (random token soup)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 120 }), (parts) =>
        assertRangesInside(parts.join('')),
      ),
      { numRuns: 400, seed: 42 },
    );
  });

  it('never throws on arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => assertRangesInside(text)),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on mutated examples (insertions, deletions, replacements)', () => {
    const mutation = fc.record({
      example: fc.integer({ min: 0, max: examples.length - 1 }),
      edits: fc.array(
        fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 12 }), insert: fc.constantFrom(...tokens, '') }),
        { minLength: 1, maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ example, edits }) => {
        let text = examples[example] ?? '';
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
        }
        assertRangesInside(text);
      }),
      { numRuns: 150, seed: 2024 },
    );
  });

  it('survives nesting deep enough to overflow a recursive reader', () => {
    const deep = [
      `flowchart LR\n  A@{ loc: ${'['.repeat(50000)} }`,
      `flowchart LR\n  A@{ loc: ${'{a: '.repeat(20000)} }`,
      `---\nanycast:\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')}\n---\nflowchart LR`,
      `flowchart LR\n${'  subgraph s\n'.repeat(20000)}`,
    ];
    for (const text of deep) {
      assertRangesInside(text);
      assert.ok(parseDocument(text).diagnostics.some((d) => d.severity === 'error'));
    }
  });

  it('keeps every example free of errors and its ranges inside', () => {
    for (const text of examples) {
      assertRangesInside(text);
      assert.deepEqual(
        parseDocument(text).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'),
        [],
      );
    }
  });
});
