import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixesFor } from '../../../src/language/features/quickFixes';
import { parseDocument } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { applyEdits } from '../language/applyEdits';
import { diagram, popsOf, resolveDiagram } from './diagram';

/** Everything but the hints (which say what was read or assumed), as [code, message] pairs. */
function problems(text: string): [string, string][] {
  return new DiagramAnalysis(text).diagnostics.filter((d) => d.severity !== 'hint').map((d) => [d.code, d.message]);
}

/** Three PoPs and two clients on one transit AS, under front matter that names the given prefix. */
function withPrefix(prefix: string): string {
  return [
    '---',
    'anycast:',
    '  service: 203.0.113.1',
    `  prefixes: [${prefix}]`,
    '---',
    'flowchart LR',
    '  P[PoP: IAD]@{ asn: 64600 }',
    '  Q[PoP: LHR]@{ asn: 64601 }',
    '  R[PoP: NRT]@{ asn: 64602 }',
    '  Comcast[AS7922 Comcast]@{ loc: IAD }',
    '  P -->|transit| Comcast',
    '  Q -->|transit| Comcast',
    '  R -->|transit| Comcast',
    '  U([Users in New York])@{ in: Comcast }',
    '  V([Users in Boston])@{ in: Comcast }',
  ].join('\n');
}

describe('one root cause gives one diagnostic', () => {
  const typo = diagram(
    'P[PoP: IAD]@{ asn: 64600 }',
    'Comcast[AS7922 Comcast]@{ loc: IAD }',
    'P -->|transit| Comcast',
    'U([Users in New York])@{ in: Comcastt }',
    'U -->|Routes to nearest| P',
  );

  it("says 'did you mean Comcast?' for in: Comcastt, and nothing about the client being in no AS", () => {
    assert.deepEqual(problems(typo), [['unknown-id', "No AS or PoP has the id 'Comcastt' (did you mean 'Comcast'?)"]]);
  });

  it('offers the quick fix, after which the document reads clean and U reaches P', () => {
    const parsed = parseDocument(typo);
    const d = parsed.diagnostics.find((x) => x.code === 'unknown-id');
    const fix = quickFixesFor(typo, parsed.model, d!)[0];
    assert.equal(fix?.title, "Change to 'Comcast'");
    const fixed = applyEdits(typo, fix!.edits);
    assert.match(fixed, /in: Comcast \}/);
    assert.deepEqual(problems(fixed), []);
    assert.deepEqual(popsOf(resolveDiagram(fixed)), { U: 'P' });
  });

  it('reports a /33 in the front matter once: not again for each PoP that inherits it, nor each client', () => {
    const found = problems(withPrefix('203.0.113.0/33'));
    assert.deepEqual(found, [['invalid-prefix', "Invalid prefix: prefix length '33' must be a number from 0 to 32"]]);
    // The same diagram with /24 is clean: the one error was the whole story.
    assert.deepEqual(problems(withPrefix('203.0.113.0/24')), []);
  });

  it('reports a /33 written on each PoP once per PoP, and no client as unreachable', () => {
    const text = [
      'flowchart LR',
      '  P[PoP: IAD<br>Advertises 203.0.113.0/33]',
      '  Q[PoP: LHR<br>Advertises 203.0.113.0/33]',
      '  U([Users in New York])',
      '  V([Users in Boston])',
    ].join('\n');
    assert.deepEqual(
      problems(text).map(([code]) => code),
      ['invalid-prefix', 'invalid-prefix'],
    );
  });

  it('still says a PoP announces nothing when the others write their prefix (an omission, with its quick fix)', () => {
    const text = [
      'flowchart LR',
      '  P[PoP: IAD<br>Advertises 203.0.113.0/24]',
      '  Q[PoP: LHR]',
      '  U([Users in London])',
    ].join('\n');
    assert.deepEqual(
      problems(text).map(([code]) => code),
      ['pop-without-prefix'],
    );
  });
});

describe('a plain diagram without prefixes works as the seed does', () => {
  it('A[PoP: Paris] with no prefix anywhere announces 203.0.113.0/24, and Berlin reaches Paris', () => {
    const text = ['flowchart LR', '  A[PoP: Paris]', '  B[PoP: Tokyo]', '  U([Users in Berlin])'].join('\n');
    assert.deepEqual(problems(text), []);
    const { model } = parseDocument(text);
    assert.deepEqual(
      model.nodes.filter((n) => n.role === 'pop').map((n) => n.announces.map((p) => [p.value, p.source])),
      [[['203.0.113.0/24', 'default']], [['203.0.113.0/24', 'default']]],
    );
    assert.equal(model.settings.serviceAddress?.value, '203.0.113.1');
    // Berlin-Paris is about 880 km, Berlin-Tokyo about 8,900 km.
    assert.deepEqual(popsOf(resolveDiagram(text)), { U: 'A' });
  });

  it('takes the /24 around the service address the diagram names', () => {
    const text = ['flowchart LR', '  IP([Anycast IP: 198.51.100.7])', '  A[PoP: Paris]', '  U([Users in Berlin])'].join(
      '\n',
    );
    assert.deepEqual(problems(text), []);
    const pop = parseDocument(text).model.nodes.find((n) => n.id === 'A');
    assert.deepEqual(
      pop?.announces.map((p) => p.value),
      ['198.51.100.0/24'],
    );
    assert.deepEqual(popsOf(resolveDiagram(text)), { U: 'A' });
  });
});
