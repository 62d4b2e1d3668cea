import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import type { Diagnostic } from '../../../src/language/index';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');

const doc = (...lines: string[]): string => lines.join('\n');
const codes = (text: string): string[] =>
  parseDocument(text)
    .diagnostics.filter((d) => d.severity !== 'hint')
    .map((d) => d.code);
function only(text: string, code: string): Diagnostic {
  const found = parseDocument(text).diagnostics.filter((d) => d.code === code);
  assert.equal(
    found.length,
    1,
    `expected one '${code}', got ${JSON.stringify(parseDocument(text).diagnostics.map((d) => d.code))}`,
  );
  return found[0] as Diagnostic;
}
/** The text a range covers (single-line ranges). */
function covered(text: string, d: Diagnostic): string {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return line.slice(d.range.start.character, d.range.end.character);
}

describe('the seed diagram, unchanged', () => {
  const { model, diagnostics } = parseDocument(seed);
  it('opens with no errors or warnings', () => {
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'),
      [],
    );
  });
  it('reads three PoPs, three clients and the anycast address from the labels', () => {
    assert.deepEqual(
      model.nodes.filter((n) => n.role === 'pop').map((n) => [n.id, n.name, n.announces.map((p) => p.value)]),
      [
        ['PoPUS', 'US-East', ['203.0.113.0/24']],
        ['PoPEU', 'EU-West', ['203.0.113.0/24']],
        ['PoPAP', 'Asia-Pacific', ['203.0.113.0/24']],
      ],
    );
    assert.deepEqual(
      model.nodes.filter((n) => n.role === 'client').map((n) => n.locations[0]?.text),
      ['New York', 'London', 'Tokyo'],
    );
    assert.equal(model.settings.serviceAddress?.value, '203.0.113.1');
    assert.equal(model.settings.serviceAddress?.source, 'label');
  });
  it('keeps the story nodes as they are and reads client-to-PoP edges as expectations, not sessions', () => {
    assert.deepEqual(
      model.nodes.filter((n) => n.role === 'narrative').map((n) => n.id),
      ['BGP', 'Serve1', 'Serve2', 'Serve3', 'Withdraw', 'Reroute'],
    );
    assert.deepEqual(
      model.edges.filter((e) => e.meaning.kind === 'expectation').map((e) => e.meaning),
      [
        { kind: 'expectation', client: 'ClientUS', pop: 'PoPUS' },
        { kind: 'expectation', client: 'ClientEU', pop: 'PoPEU' },
        { kind: 'expectation', client: 'ClientAP', pop: 'PoPAP' },
      ],
    );
    assert.ok(model.edges.every((e) => e.meaning.kind === 'none' || e.meaning.kind === 'expectation'));
    assert.equal(model.implicitTransit, true);
  });
  it('says in hints which facts were inferred', () => {
    const hints = diagnostics.filter((d) => d.code === 'inferred');
    assert.ok(hints.some((h) => h.range.start.line === 0 && /Internet/.test(h.message)));
    assert.ok(
      hints.some(
        (h) => h.range.start.line === 3 && /role pop \(from the label\)/.test(h.message) && /US-East/.test(h.message),
      ),
    );
  });
  it('gives the exact ranges of ids and labels for two-way linking', () => {
    const pop = model.nodes.find((n) => n.id === 'PoPUS');
    assert.deepEqual(pop?.idRange, { start: { line: 3, character: 12 }, end: { line: 3, character: 17 } });
    assert.deepEqual(pop?.labelRange, { start: { line: 3, character: 18 }, end: { line: 3, character: 57 } });
    assert.equal(pop?.label, 'PoP: US-East\nAdvertises 203.0.113.0/24');
    const edge = model.edges.find((e) => e.from === 'ClientUS');
    assert.deepEqual(edge?.labelRange, { start: { line: 6, character: 37 }, end: { line: 6, character: 54 } });
  });
});

describe('syntax errors', () => {
  it('reports many errors in one file and keeps parsing after each', () => {
    const text = doc('flowchart LR', '  A[open --> B', '  C --> D', '  E[(x] --> F', '  G --> ;', '  H --> I');
    const { model, diagnostics } = parseDocument(text);
    assert.ok(diagnostics.filter((d) => d.severity === 'error').length >= 3);
    assert.deepEqual(
      model.edges.map((e) => `${e.from}>${e.to}`),
      ['C>D', 'H>I'],
    );
  });
  it('asks for quotes over the whole label when a bracket would end it early, and reads on', () => {
    const text = doc('flowchart LR', '  A[PoP (main)] --> B');
    const d = only(text, 'label-needs-quotes');
    assert.equal(covered(text, d), 'PoP (main)');
    assert.deepEqual(d.suggestions, ['"PoP (main)"']);
    assert.deepEqual(
      parseDocument(text).model.edges.map((e) => `${e.from}>${e.to}`),
      ['A>B'],
    );
  });
  it('points at the bracket when the label cannot be recovered', () => {
    const text = doc('flowchart LR', '  A[PoP ( main] --> B');
    assert.equal(covered(text, only(text, 'label-needs-quotes')), '(');
  });
  it('reports a missing header and still reads the statements', () => {
    const { model, diagnostics } = parseDocument('A --> B');
    assert.ok(diagnostics.some((d) => d.code === 'missing-header'));
    assert.equal(model.edges.length, 1);
  });
});

describe('values', () => {
  it('rejects AS 0 and ASNs above 4294967295 at the number', () => {
    const text = doc('flowchart LR', '  A[AS0 Zero]', '  B@{ asn: 4294967296 }');
    assert.deepEqual(codes(text), ['invalid-asn', 'invalid-asn']);
    assert.equal(
      covered(
        text,
        parseDocument(text).diagnostics.find((d) => d.code === 'invalid-asn' && d.range.start.line === 2) as Diagnostic,
      ),
      '4294967296',
    );
  });
  it('offers the network as the fix for a prefix with host bits set', () => {
    const text = doc('flowchart LR', '  P[PoP: IAD]@{ announce: 203.0.113.1/24 }');
    const d = only(text, 'invalid-prefix');
    assert.equal(covered(text, d), '203.0.113.1/24');
    assert.deepEqual(d.suggestions, ['203.0.113.0/24']);
  });
  it('flags a PoP whose prefixes do not cover the service address, and a family mismatch', () => {
    const text = doc(
      '---',
      'anycast:',
      '  service: 192.0.2.1',
      '---',
      'flowchart LR',
      '  P[PoP: IAD]@{ announce: 198.51.100.0/24 }',
      '  Q[PoP: LHR]@{ announce: 2001:db8::/32 }',
    );
    const found = parseDocument(text).diagnostics.filter((d) => d.code === 'prefix-not-covering');
    assert.deepEqual(
      found.map((d) => covered(text, d)),
      ['198.51.100.0/24', '2001:db8::/32'],
    );
    assert.match(found[1]?.message ?? '', /IPv6.*IPv4/);
  });
  it('suggests known places for an unknown location, as an error in metadata', () => {
    const text = doc('flowchart LR', '  T[AS174 Cogent]@{ loc: [LHR, Frankfrut] }');
    const d = only(text, 'unknown-location');
    assert.equal(d.severity, 'error');
    assert.equal(covered(text, d), 'Frankfrut');
    assert.equal(d.suggestions?.[0], 'Frankfurt');
  });
  it('lets explicit coordinates win over the label', () => {
    const { model } = parseDocument(doc('flowchart LR', '  P[PoP: London]@{ loc: "40.71,-74.01" }'));
    assert.deepEqual(
      model.nodes[0]?.locations.map((l) => [l.kind, l.point?.lat, l.source]),
      [['coordinates', 40.71, 'metadata']],
    );
  });
});

describe('graph checks', () => {
  it('names a customer-provider cycle on the edge that closes it', () => {
    const text = doc(
      'flowchart LR',
      '  A[AS65001 A] -->|transit| B[AS65002 B]',
      '  B -->|transit| C[AS65003 C]',
      '  C -->|transit| A',
    );
    const d = only(text, 'provider-cycle');
    assert.equal(d.range.start.line, 3);
    assert.match(d.message, /A \(AS65001\) → B \(AS65002\) → C \(AS65003\) → A \(AS65001\)/);
  });
  it('warns about a client no PoP can reach under valley-free export', () => {
    const text = doc(
      'flowchart LR',
      '  P[PoP: IAD]@{ announce: 192.0.2.0/24 }',
      '  X[AS65001 X]@{ loc: IAD }',
      '  Y[AS65002 Y]@{ loc: IAD }',
      '  Z[AS65003 Z]@{ loc: IAD }',
      '  P -->|transit| X',
      '  X <-->|peer| Y',
      '  Y <-->|peer| Z',
      '  U([Users in Washington])@{ in: Z }',
    );
    assert.equal(only(text, 'unreachable-client').range.start.line, 8);
  });
  it('warns about a PoP nobody hears, unless another router of its AS has a session', () => {
    const lonely = doc(
      'flowchart LR',
      '  P[PoP: IAD]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  Q[PoP: LHR]@{ asn: 64601, announce: 192.0.2.0/24 }',
      '  T[AS174 T]',
      '  P -->|transit| T',
    );
    assert.equal(covered(lonely, only(lonely, 'pop-not-connected')), 'Q');
    assert.deepEqual(
      codes(lonely.replace('asn: 64601', 'asn: 64600')).filter((c) => c === 'pop-not-connected'),
      [],
    );
  });

  it('reads an unlabelled PoP–AS edge as transit and says so', () => {
    const { model, diagnostics } = parseDocument(
      doc('flowchart LR', '  P[PoP: IAD]@{ announce: 192.0.2.0/24 }', '  T[AS174 Cogent]@{ loc: IAD }', '  P --> T'),
    );
    assert.deepEqual(
      model.edges[0]?.meaning.kind === 'session' && [
        model.edges[0].meaning.customer,
        model.edges[0].meaning.relationshipSource,
      ],
      ['P', 'default'],
    );
    assert.ok(diagnostics.some((d) => d.code === 'inferred' && /transit/.test(d.message)));
  });
});

describe('references', () => {
  it('warns about style and class on ids that do not exist, with suggestions', () => {
    const text = doc('flowchart LR', '  Alpha --> Beta', '  style Alpa fill:#f00');
    const d = only(text, 'unknown-id');
    assert.deepEqual(d.suggestions, ['Alpha']);
  });
  it('rejects an edge id used twice', () => {
    assert.ok(codes(doc('flowchart LR', '  A e1@--> B', '  B e1@--> C')).includes('duplicate-id'));
  });
  it('applies edge id metadata to its edge', () => {
    const { model } = parseDocument(
      doc(
        'flowchart LR',
        '  P[PoP: IAD]@{ announce: 192.0.2.0/24 }',
        '  T[AS174 T]',
        '  P e1@-->|transit| T',
        '  e1@{ med: 30 }',
      ),
    );
    const m = model.edges[0]?.meaning;
    assert.equal(m?.kind === 'session' ? m.tail.med?.value : undefined, 30);
    assert.equal(
      model.nodes.some((n) => n.id === 'e1'),
      false,
    );
  });
});

describe('label conventions of plain mermaid', () => {
  const cases: readonly (readonly [label: string, role: string, fact: string])[] = [
    ['PoP: US-East', 'pop', 'US-East'],
    ['PoP Singapore (AS64512)', 'pop', 'Singapore AS64512'],
    ['fa:fa-server PoP: IAD', 'pop', 'IAD'],
    ['AS 174 Cogent', 'as', 'Cogent AS174'],
    ['AS13335', 'as', 'AS13335 AS13335'],
    ['Users from Paris', 'client', 'Paris'],
    ['Resolvers near Jakarta', 'client', 'Jakarta'],
    ['Anycast IP: 203.0.113.1', 'service', '203.0.113.1'],
    ['Anycast address 2001:db8::1', 'service', '2001:db8::1'],
    ['Serve request from US-East', 'narrative', ''],
  ];
  for (const [label, role, fact] of cases) {
    it(`reads "${label}" as ${role}`, () => {
      const node = parseDocument(`flowchart LR\n  N["${label}"]`).model.nodes[0];
      assert.equal(node?.role, role);
      const said =
        role === 'pop'
          ? `${node?.locations[0]?.text ?? ''}${node?.asn?.source === 'label' ? ` AS${node.asn.value}` : ''}`
          : role === 'as'
            ? `${node?.name} AS${node?.asn?.value}`
            : role === 'client'
              ? (node?.locations[0]?.text ?? '')
              : role === 'service'
                ? (node?.address?.value ?? '')
                : '';
      assert.equal(said, fact);
    });
  }
});

describe('metadata keys', () => {
  it('warns when a key means nothing for the node it is on', () => {
    const text = doc('flowchart LR', '  T[AS174 T]@{ weight: 3 }', '  N[Note]@{ loc: IAD }');
    const found = parseDocument(text).diagnostics.filter((d) => d.code === 'unused-key');
    assert.deepEqual(
      found.map((d) => covered(text, d)),
      ['weight', 'loc'],
    );
  });
  it('suggests the key meant for a misspelt one', () => {
    assert.deepEqual(
      only(doc('flowchart LR', '  P[PoP: IAD]@{ annouce: 192.0.2.0/24 }'), 'unknown-key').suggestions?.[0],
      'announce',
    );
  });
});
