import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixesFor } from '../../../src/language/features/quickFixes';
import { parseDocument } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { applyEdits } from '../language/applyEdits';
import { diagram, popsOf, resolveDiagram } from './diagram';

/**
 * IAD and LHR both buy transit from Cogent (IAD direct, LHR over NTT). NY in Cogent reaches IAD
 * (customer route, shortest path) unless Cogent sets a higher LOCAL_PREF on what NTT sends.
 */
const TWO_PATHS = (policy: string): string =>
  diagram(
    'IAD[PoP: IAD]@{ asn: 64600 }',
    'LHR[PoP: LHR]@{ asn: 64601 }',
    'Cogent[AS174 Cogent]@{ loc: IAD }',
    'NTT[AS2914 NTT]@{ loc: LHR }',
    'IAD -->|transit| Cogent',
    'LHR -->|transit| NTT',
    `Cogent -->|transit ${policy}| NTT`,
    'NY([Users in New York])@{ in: Cogent }',
  );

function edgeWordWarnings(text: string): { message: string; suggestions: readonly string[] }[] {
  return parseDocument(text)
    .diagnostics.filter((d) => d.code === 'unknown-edge-word')
    .map((d) => ({ message: d.message, suggestions: d.suggestions ?? [] }));
}

describe('nothing on an edge label is dropped in silence', () => {
  it("warns once about 'localpreference 300' and suggests lp; with lp 300 the client moves to LHR", () => {
    const found = edgeWordWarnings(TWO_PATHS('localpreference 300'));
    assert.equal(found.length, 1, 'the number belongs to the same phrase');
    assert.deepEqual(found[0]?.suggestions, ['lp']);
    assert.deepEqual(popsOf(resolveDiagram(TWO_PATHS('localpreference 300'))), { NY: 'IAD' });
    // Cogent learns LHR from its provider NTT (100); lp 300 beats its customer IAD (200).
    assert.deepEqual(popsOf(resolveDiagram(TWO_PATHS('lp 300'))), { NY: 'LHR' });
  });

  it('maps vendor words: metric to med, as-path-prepend to prepend', () => {
    assert.deepEqual(edgeWordWarnings(TWO_PATHS('metric 10'))[0]?.suggestions, ['med']);
    assert.deepEqual(edgeWordWarnings(TWO_PATHS('as-path-prepend 3'))[0]?.suggestions, ['prepend']);
  });

  it('explains weight as router-local and offers a quick fix to lp that then reads clean', () => {
    const text = TWO_PATHS('weight 500');
    const parsed = parseDocument(text);
    const d = parsed.diagnostics.find((x) => x.code === 'unknown-edge-word');
    assert.match(d?.message ?? '', /local to one router/);
    const fix = quickFixesFor(text, parsed.model, d!)[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /transit lp 500/);
    assert.deepEqual(edgeWordWarnings(fixed), []);
  });

  it("says 'did you mean transit?' for a mistyped relationship instead of dropping the session", () => {
    const text = diagram('P[PoP: IAD]@{ asn: 64600 }', 'X[AS174 Cogent]', 'P -->|trasit| X');
    const found = edgeWordWarnings(text);
    assert.equal(found.length, 1);
    assert.match(found[0]?.message ?? '', /Unknown relationship 'trasit'/);
    assert.deepEqual(found[0]?.suggestions, ['transit']);
  });

  it("keeps prose quiet where it is prose: a client's expectation, a story edge between narrative nodes", () => {
    const text = diagram(
      'P[PoP: IAD]@{ asn: 64600 }',
      'X[AS174 Cogent]',
      'P -->|transit| X',
      'U([Users in New York])@{ in: X }',
      'U -->|Routes to nearest| P',
      'S[Serve request] -->|then log it| L[Log]',
    );
    assert.deepEqual(edgeWordWarnings(text), []);
  });
});

describe('a mistyped node id', () => {
  const text = diagram(
    'P[PoP: IAD]@{ asn: 64600 }',
    'Cogent[AS174 Cogent]@{ loc: IAD }',
    'P -->|transit| Cogentt',
    'U([Users in New York])@{ in: Cogent }',
  );

  it("says 'did you mean Cogent?' once, instead of asking for a role", () => {
    const diagnostics = new DiagramAnalysis(text).diagnostics.filter((d) => d.severity !== 'hint');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['unknown-id', "No PoP or AS has the id 'Cogentt'; did you mean 'Cogent'?"]],
    );
  });

  it('offers the quick fix, after which the document reads clean and U reaches P', () => {
    const parsed = parseDocument(text);
    const d = parsed.diagnostics.find((x) => x.code === 'unknown-id');
    const fix = quickFixesFor(text, parsed.model, d!)[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(
      new DiagramAnalysis(fixed).diagnostics.filter((x) => x.severity !== 'hint').map((x) => x.code),
      [],
    );
    assert.deepEqual(popsOf(resolveDiagram(fixed)), { U: 'P' });
  });
});
