import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import { quickFixesFor } from '../../../src/language/features/quickFixes';
import { applyEdits } from './applyEdits';

/** Applies the first fix of the first diagnostic with `code` and returns the fixed text's diagnostic codes. */
function fixFirst(text: string, code: string, pick = 0): { fixed: string; codes: string[]; titles: string[] } {
  const parsed = parseDocument(text);
  const diagnostic = parsed.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no '${code}' diagnostic in: ${parsed.diagnostics.map((d) => d.code).join(', ')}`);
  const fixes = quickFixesFor(text, parsed.model, diagnostic);
  assert.ok(fixes.length > pick, `no fix for '${code}'`);
  const fixed = applyEdits(text, fixes[pick]!.edits);
  return { fixed, codes: parseDocument(fixed).diagnostics.map((d) => d.code), titles: fixes.map((f) => f.title) };
}

describe('quick fixes', () => {
  it('replaces an unknown location with the suggestion, which then resolves', () => {
    const text = ['flowchart LR', '  P[PoP: X]@{ asn: 64600, loc: Frankfrt, announce: 192.0.2.0/24 }'].join('\n');
    const { fixed, codes, titles } = fixFirst(text, 'unknown-location');
    assert.match(titles[0]!, /^Change to '/);
    assert.ok(!codes.includes('unknown-location'), fixed);
  });

  it('gives a PoP with no prefix the prefix the other PoPs announce, as metadata', () => {
    const text = [
      'flowchart LR',
      '  A[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  B[PoP: Ashburn]@{ asn: 64601, loc: IAD }',
      '  T[AS174 Cogent]@{ loc: FRA }',
      '  A -->|transit| T',
      '  B -->|transit| T',
    ].join('\n');
    const { fixed, codes, titles } = fixFirst(text, 'pop-without-prefix');
    assert.deepEqual(titles, ['Announce 192.0.2.0/24, as the other PoPs do']);
    assert.match(fixed, /B\[PoP: Ashburn\]@\{ asn: 64601, loc: IAD, announce: 192\.0\.2\.0\/24 \}/);
    assert.ok(!codes.includes('pop-without-prefix'));
  });

  it('adds a metadata statement under a node that has none', () => {
    const text = [
      'flowchart LR',
      '  A[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  B[PoP: Ashburn]',
      '  T[AS174 Cogent]@{ loc: FRA }',
      '  A -->|transit| T',
      '  B -->|transit| T',
    ].join('\n');
    const { fixed, codes } = fixFirst(text, 'pop-without-prefix');
    assert.match(fixed, /\n {2}B\[PoP: Ashburn\]\n {2}B@\{ announce: 192\.0\.2\.0\/24 \}\n/);
    assert.ok(!codes.includes('pop-without-prefix'), codes.join(', '));
  });

  it('connects a PoP that has no session to an AS as its customer', () => {
    const text = [
      'flowchart LR',
      '  A[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  B[PoP: Ashburn]@{ asn: 64601, loc: IAD, announce: 192.0.2.0/24 }',
      '  T[AS174 Cogent]@{ loc: FRA }',
      '  A -->|transit| T',
    ].join('\n');
    const { fixed, codes, titles } = fixFirst(text, 'pop-not-connected');
    assert.deepEqual(titles, ['Buy transit from AS174 Cogent (B -->|transit| T)']);
    assert.match(fixed, /B\[PoP: Ashburn\]@\{[^}]*\}\n {2}B -->\|transit\| T\n/);
    assert.ok(!codes.includes('pop-not-connected'), codes.join(', '));
  });

  it('adds the missing flowchart header', () => {
    const { fixed, codes } = fixFirst('  A --> B\n', 'missing-header');
    assert.ok(fixed.startsWith('flowchart TD\n'));
    assert.ok(!codes.includes('missing-header'));
  });

  it('closes an unclosed subgraph and removes a stray end', () => {
    const open = fixFirst('flowchart TD\n  subgraph S [Group]\n    A --> B', 'unclosed-subgraph');
    assert.ok(!open.codes.includes('unclosed-subgraph'), open.fixed);
    const stray = fixFirst('flowchart TD\n  A --> B\nend\n  B --> C\n', 'unmatched-end');
    assert.equal(stray.fixed, 'flowchart TD\n  A --> B\n  B --> C\n');
  });

  it('quotes a label whose brackets end it early in mermaid', () => {
    const { fixed, codes } = fixFirst('flowchart TD\n  A[Serve (cached)] --> B\n', 'label-needs-quotes');
    assert.equal(fixed, 'flowchart TD\n  A["Serve (cached)"] --> B\n');
    assert.ok(!codes.includes('label-needs-quotes'));
  });

  it('offers to put a client that sits in no AS into each AS', () => {
    const text = [
      'flowchart LR',
      '  P[PoP: Frankfurt]@{ asn: 64600, announce: 192.0.2.0/24 }',
      '  T[AS174 Cogent]@{ loc: FRA }',
      '  N[AS2914 NTT]@{ loc: NRT }',
      '  C([Client])@{ role: client }',
      '  P -->|transit| T',
      '  T -->|peer| N',
    ].join('\n');
    const parsed = parseDocument(text);
    const diagnostic = parsed.diagnostics.find((d) => d.code === 'client-without-as');
    assert.ok(diagnostic, parsed.diagnostics.map((d) => d.code).join(', '));
    const fixes = quickFixesFor(text, parsed.model, diagnostic);
    assert.deepEqual(
      fixes.map((f) => f.title),
      ["Put 'Client' in AS174 Cogent (in: T)", "Put 'Client' in AS2914 NTT (in: N)"],
    );
    const fixed = applyEdits(text, fixes[0]!.edits);
    assert.equal(parseDocument(fixed).model.nodes.find((n) => n.id === 'C')?.inAs?.value, 'T');
  });
});
