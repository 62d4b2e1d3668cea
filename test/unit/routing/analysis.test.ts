import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import type { Diagnostic } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { AnalysisCache } from '../../../src/routing/analysisCache';
import { failingPops, noFailures } from '../../../src/routing/scenario';

const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url), 'utf8');
const dns = readFileSync(new URL('../../../examples/dns.anycast.mmd', import.meta.url), 'utf8');

const doc = (...lines: string[]): string => lines.join('\n');
const codes = (text: string): string[] =>
  new DiagramAnalysis(text).diagnostics.filter((d) => d.severity !== 'hint').map((d) => d.code);
function only(text: string, code: string): Diagnostic {
  const all = new DiagramAnalysis(text).diagnostics;
  const found = all.filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one '${code}', got ${JSON.stringify(all.map((d) => d.code))}`);
  return found[0] as Diagnostic;
}
/** The text a range covers (single-line ranges). */
function covered(text: string, d: Diagnostic): string {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return line.slice(d.range.start.character, d.range.end.character);
}
/** An analysis that counts its resolver runs. */
function counted(text: string): { analysis: DiagramAnalysis; resolves: () => number } {
  let n = 0;
  const analysis = new DiagramAnalysis(text, undefined, { onResolve: () => n++ });
  return { analysis, resolves: () => n };
}

const mismatch = doc(
  'flowchart LR',
  '  P1[PoP: London]@{ announce: 192.0.2.0/24 }',
  '  P2[PoP: Tokyo]@{ announce: 192.0.2.0/24 }',
  '  C([Users in Paris]) -->|nearest| P2',
  '  C --> P1',
);

describe('routing checks on the baseline resolution', () => {
  it("sees that NO_EXPORT plus best-path-only leaves a peer's customer without a route", () => {
    const cut = dns.replace(/^ {2}Regional -->\|transit\| Telia\n/m, '');
    assert.notEqual(cut, dns);
    assert.deepEqual(codes(dns), []);
    const d = only(cut, 'unreachable-client');
    assert.match(d.message, /best/);
    assert.equal(covered(cut, d), 'R2');
  });
  it("checks the diagram's claim that a client reaches a PoP against BGP", () => {
    const d = only(mismatch, 'expectation-mismatch');
    assert.equal(covered(mismatch, d), 'C([Users in Paris]) -->|nearest| P2');
    assert.match(d.message, /sends it to 'P1' \(decided by igp-cost\)/);
  });
  it('leaves routing out of the parse: parsing alone never resolves', () => {
    assert.deepEqual(
      parseDocument(mismatch).diagnostics.filter((d) => d.code === 'expectation-mismatch'),
      [],
    );
  });
  it('reads the diagnostics and the baseline from one resolve', () => {
    const { analysis, resolves } = counted(seed);
    assert.equal(resolves(), 0, 'nothing is resolved before it is asked for');
    void analysis.diagnostics;
    const routing = analysis.underScenario();
    assert.equal(routing.resolution, analysis.baseline);
    assert.equal(resolves(), 1);
  });
});

describe('one analysis per version, one resolve per what-if', () => {
  it('answers the same what-if twice from one resolve, whatever order things were failed in', () => {
    const { analysis, resolves } = counted(seed);
    const first = analysis.underScenario(failingPops(['PoPUS', 'PoPEU']));
    const again = analysis.underScenario(failingPops(['PoPEU', 'PoPUS']));
    assert.equal(again, first);
    assert.equal(resolves(), 2, 'one baseline and one under the failure');
  });
  it('drops failed things the text no longer has before keying the what-if', () => {
    const { analysis, resolves } = counted(seed);
    assert.equal(analysis.underScenario(failingPops(['Gone'])), analysis.underScenario(noFailures));
    assert.equal(resolves(), 1);
  });
  it('says why it does not resolve a diagram above the size limit, instead of resolving', () => {
    let n = 0;
    const analysis = new DiagramAnalysis(seed, undefined, { maxTopologySize: 1, onResolve: () => n++ });
    const routing = analysis.underScenario();
    assert.equal(routing.resolution, undefined);
    assert.match(routing.problem ?? '', /resolves at most 1/);
    assert.equal(n, 0);
  });
});

describe('the editor cache', () => {
  it('keeps one analysis per document version and makes a new one when the text changes', () => {
    const cache = new AnalysisCache();
    const v1 = { key: 'file:///a.anycast.mmd', version: 1, size: seed.length, getText: () => seed };
    const first = cache.analysisOf(v1);
    assert.equal(cache.analysisOf(v1), first);
    const v2 = { ...v1, version: 2, getText: () => seed.replace('User in Tokyo', 'User in Osaka') };
    const second = cache.analysisOf(v2);
    assert.notEqual(second, first);
    cache.forget(v1.key);
    assert.notEqual(cache.analysisOf(v2), second, 'a closed document is analysed afresh');
  });
  it('does not read a document over 20 MB: one error at its start, nothing parsed, the preview told', () => {
    const cache = new AnalysisCache();
    const huge = {
      key: 'file:///huge.anycast.mmd',
      version: 1,
      size: 20 * 1024 * 1024 + 1,
      getText: (): string => assert.fail('the text of a document over the limit is never read'),
    };
    const analysis = cache.analysisOf(huge);
    assert.deepEqual(
      analysis.diagnostics.map((d) => [d.severity, d.code, d.range.start.line, d.range.start.character]),
      [['error', 'too-large', 0, 0]],
    );
    assert.match(
      analysis.diagnostics[0]?.message ?? '',
      /has 20,971,521 characters, over the 20,971,520 \(20 MB\) a diagram may have: it is not analysed/,
    );
    assert.equal(analysis.syntaxError?.code, 'too-large');
    assert.equal(analysis.model.nodes.length, 0);
    const atLimit = { ...huge, version: 2, size: 20 * 1024 * 1024, getText: () => seed };
    assert.deepEqual(
      cache.analysisOf(atLimit).diagnostics.filter((d) => d.code === 'too-large'),
      [],
      'exactly 20 MB is still read',
    );
  });
  it('costs one baseline and one resolve per active what-if on a keystroke, read by every view', () => {
    const cache = new AnalysisCache();
    const document = { key: 'file:///a.anycast.mmd', version: 1, size: seed.length, getText: () => seed };
    const before = cache.resolutions;
    const analysis = cache.analysisOf(document);
    void analysis.diagnostics;
    analysis.underScenario(failingPops(['PoPUS']));
    cache.analysisOf(document).underScenario(failingPops(['PoPUS']));
    void cache.analysisOf(document).baseline;
    assert.equal(cache.resolutions - before, 2);
  });
});
