import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../../src/language/features/completions';
import { parseDocument } from '../../../src/language/index';

/** Completions where `|` marks the cursor in `source`. */
function complete(source: string) {
  const offset = source.indexOf('|CURSOR|');
  const text = source.replace('|CURSOR|', '');
  const lines = text.slice(0, offset).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return completionsAt(text, parseDocument(text).model, position);
}

const base = [
  'flowchart LR',
  '  P1[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
  '  T[AS174 Cogent]@{ loc: FRA }',
  '  C([User in Paris])',
];
const doc = (...more: string[]): string => [...base, ...more].join('\n');
const labels = (items: { label: string }[]): string[] => items.map((i) => i.label);

describe('completion', () => {
  it('offers node ids (with their role) after an arrow', () => {
    const items = complete(doc('  C --> |CURSOR|'));
    assert.deepEqual(labels(items), ['P1', 'T', 'C']);
    assert.equal(items[1]?.detail, 'AS · Cogent');
  });

  it('offers statement keywords and node ids at the start of a line, replacing the word typed', () => {
    const items = complete(doc('  sub|CURSOR|'));
    assert.ok(labels(items).includes('subgraph'));
    assert.ok(labels(items).includes('P1'));
    const subgraph = items.find((i) => i.label === 'subgraph');
    assert.deepEqual(subgraph?.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
  });

  it('offers the flowchart header in an empty file', () => {
    assert.deepEqual(labels(complete('|CURSOR|')), ['flowchart TD', 'flowchart LR', 'flowchart BT', 'flowchart RL']);
  });

  it('offers relationship words first, then policy words, inside an edge label', () => {
    const items = labels(complete(doc('  P1 -->|tr|CURSOR|')));
    assert.deepEqual(items.slice(0, 5), ['transit', 'customer', 'peer', 'access', 'ibgp']);
    assert.ok(items.includes('prepend') && items.includes('no-export') && items.includes('lp'));
    assert.ok(
      labels(complete(doc('  P1 -->|transit prepend 2| T --> |CURSOR|'))).includes('P1'),
      'a closed label is not re-entered',
    );
  });

  it('offers metadata keys inside @{ }, edge keys for an edge id', () => {
    assert.ok(labels(complete(doc('  C@{ |CURSOR|'))).includes('weight'));
    assert.ok(labels(complete(doc('  C@{ weight: 2, |CURSOR|'))).includes('in'));
    const edge = labels(complete(doc('  P1 e1@--> T', '  e1@{ |CURSOR|')));
    assert.ok(edge.includes('rel') && edge.includes('lp'));
    assert.ok(!edge.includes('weight'));
  });

  it('offers gazetteer places after loc:, airports and cities matching what is typed', () => {
    const items = complete(doc('  C@{ loc: Fran|CURSOR|'));
    assert.ok(items.length > 0);
    assert.ok(
      labels(items).some((l) => /^Frankfurt/.test(l)),
      labels(items).join(', '),
    );
    assert.equal(items[0]?.kind, 'location');
    assert.deepEqual(items[0]?.range.start, { line: 4, character: 11 });
    assert.ok(labels(complete(doc('  C@{ loc: IA|CURSOR|'))).includes('IAD'));
  });

  it('offers places inside a label after "PoP:" or "User in", as the parser reads them there', () => {
    const pop = complete(doc('  P2[PoP: Ashb|CURSOR|'));
    assert.ok(
      labels(pop).some((l) => /^Ashburn/.test(l)),
      labels(pop).join(', '),
    );
    assert.deepEqual(pop[0]?.range.start, { line: 4, character: 10 });
    assert.ok(labels(complete(doc('  U([User in Toky|CURSOR|'))).includes('Tokyo'));
    assert.ok(
      !labels(complete(doc('  U([User in Tokyo]) --> |CURSOR|'))).includes('Tokyo'),
      'not after the label closed',
    );
  });

  it('offers nothing while a node label is being written', () => {
    assert.deepEqual(complete(doc('  S[Serve request |CURSOR|')), []);
    assert.deepEqual(complete(doc('  S(["Cache (warm) |CURSOR|')), []);
    assert.ok(labels(complete(doc('  S[Serve request] --> |CURSOR|'))).includes('P1'));
  });

  it('offers AS node ids after in:, and value words after role:, state: and rel:', () => {
    assert.deepEqual(labels(complete(doc('  C@{ in: |CURSOR|'))), ['T']);
    assert.deepEqual(labels(complete(doc('  P1@{ state: |CURSOR|'))), ['up', 'down']);
    assert.ok(labels(complete(doc('  C@{ role: |CURSOR|'))).includes('client'));
  });

  it('offers anycast settings and tie-break models in the front matter', () => {
    const front = (line: string): string => ['---', 'anycast:', line, '---', ...base].join('\n');
    assert.ok(labels(complete(front('  ti|CURSOR|'))).includes('tie-break'));
    assert.deepEqual(labels(complete(front('  tie-break: |CURSOR|'))), [
      'lowest-neighbor-asn',
      'router-id',
      'oldest',
      'random',
    ]);
  });

  it('offers the convergence timers by the block the cursor is in, block style or flow style', () => {
    const front = (...lines: string[]): string => ['---', ...lines, '---', ...base].join('\n');
    assert.deepEqual(labels(complete(front('anycast:', '  convergence:', '    |CURSOR|'))), [
      'mrai',
      'hold',
      'bfd',
      'processing',
      'seed',
    ]);
    assert.deepEqual(labels(complete(front('anycast:', '  convergence:', '    mrai:', '      e|CURSOR|'))), [
      'ebgp',
      'ibgp',
      'jitter',
      'withdrawals',
    ]);
    const bfd = complete(front('anycast:', '  convergence:', '    hold: 90s', '    bfd: 3|CURSOR|'));
    assert.deepEqual(labels(bfd), ['300ms x 3', '50ms x 3', '1s x 3']);
    assert.equal(bfd[0]?.range.start.character, 9, 'replaces what is typed');
    assert.deepEqual(labels(complete(front('anycast: { convergence: { mrai: { ebgp: 5s, |CURSOR|'))), [
      'ebgp',
      'ibgp',
      'jitter',
      'withdrawals',
    ]);
    assert.deepEqual(labels(complete(front('anycast:', '  convergence: { hold: |CURSOR|'))), ['90s', '30s', '9s']);
    // An apostrophe inside a plain value opens no quoted text; a quoted value closes what it opens.
    const after = front("title: Bob's CDN", "anycast: { service: '203.0.113.1', convergence: { |CURSOR|");
    assert.ok(labels(complete(after)).includes('hold'));
    assert.ok(labels(complete(front('anycast:', '  conv|CURSOR|'))).includes('convergence'));
    // Mermaid's own config is not ours to complete.
    assert.deepEqual(labels(complete(front('config:', '  |CURSOR|'))), []);
  });

  it('only offers metadata keys and values the parser understands', () => {
    const keys = labels(complete(doc('  C@{ |CURSOR|')));
    for (const key of keys) {
      const value =
        key === 'in'
          ? 'T'
          : key === 'role'
            ? 'client'
            : key === 'state'
              ? 'up'
              : key === 'loc'
                ? 'Paris'
                : key === 'announce'
                  ? '192.0.2.0/24'
                  : key === 'communities'
                    ? 'no-export'
                    : key === 'asn'
                      ? '64700'
                      : key === 'address'
                        ? '192.0.2.1'
                        : key === 'name'
                          ? 'Paris'
                          : key === 'lat'
                            ? '48.8'
                            : key === 'lon'
                              ? '2.3'
                              : '1';
      const extra = key === 'lat' ? ', lon: 2.3' : key === 'lon' ? ', lat: 48.8' : '';
      const text = doc(`  C@{ ${key}: ${value}${extra} }`);
      const unknown = parseDocument(text).diagnostics.filter((d) => d.code === 'unknown-key');
      assert.deepEqual(
        unknown.map((d) => d.message),
        [],
        key,
      );
    }
    const edgeKeys = labels(complete(doc('  P1 e1@--> T', '  e1@{ |CURSOR|')));
    for (const key of edgeKeys) {
      const value = key === 'rel' ? 'transit' : key === 'state' ? 'up' : key === 'communities' ? 'no-export' : '1';
      const unknown = parseDocument(doc('  P1 e1@--> T', `  e1@{ ${key}: ${value} }`)).diagnostics.filter(
        (d) => d.code === 'unknown-key',
      );
      assert.deepEqual(
        unknown.map((d) => d.message),
        [],
        key,
      );
    }
  });
});
