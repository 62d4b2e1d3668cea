import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { annotatedMermaid } from '../../../src/routing/picture/annotatedMermaid';
import { diagramContent } from '../../../src/routing/picture/previewContent';
import { failingPops, noFailures } from '../../../src/routing/scenario';
import { runs, seed } from './settings';

// mermaid's parser needs a DOM for its sanitizer; jsdom is enough for parsing (not for layout).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const loaded = import('mermaid').then((m) => m.default);

/** What a label may hold that mermaid treats specially, and text from other scripts. */
const PIECES = ['`', '#', ';', '#quot;', '#35;', '"', "'", '&', '<', '>', '|', '%', '%%', '\\', '{', '}', '(', ')'];
const TEXT = ['a', 'PoP', ' ', ',', ':', '東京', 'São', '😀', 'ö', '<br>', '*', '_', '~', '/'];
const name = fc.array(fc.constantFrom(...PIECES, ...TEXT), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));

/** Two PoPs and a client with the given labels; the legend repeats the PoP names and, after a failure, the client's. */
function diagram(pop0: string, pop1: string, client: string): string {
  return [
    'flowchart LR',
    `  P0["${pop0}"]:::pop@{ asn: 64600, loc: IAD }`,
    `  P1["${pop1}"]:::pop@{ asn: 64600, loc: LHR }`,
    '  T0["AS65000 Transit"]:::transit@{ loc: IAD }',
    '  P0 & P1 -->|transit| T0',
    `  U0(["${client}"]):::users@{ in: T0 }`,
    '',
  ].join('\n');
}

describe('anycast mermaid output parses in stock mermaid whatever the labels hold', () => {
  it('a PoP name starting with a backtick (issue 13) gives a legend mermaid parses', async () => {
    const mermaid = await loaded;
    const text = diagram('Other', 'Other 2', 'Users').replace('P0["Other"]', 'P0[`edge]');
    await mermaid.parse(text);
    const analysis = new DiagramAnalysis(text);
    const content = diagramContent(analysis, noFailures);
    const annotated = annotatedMermaid(text, content.model, content.routing);
    assert.match(annotated, /\["#96;edge: /);
    await mermaid.parse(annotated);
  });

  it('writes text mermaid parses for generated labels, with and without a failed PoP', async () => {
    const mermaid = await loaded;
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(name, name, name, async (pop0, pop1, client) => {
        const text = diagram(pop0, pop1, client);
        if (!(await mermaid.parse(text, { suppressErrors: true }))) return;
        const analysis = new DiagramAnalysis(text);
        for (const scenario of [noFailures, failingPops(['P0']), failingPops(['P1']), failingPops(['P0', 'P1'])]) {
          const content = diagramContent(analysis, scenario);
          const annotated = annotatedMermaid(text, content.model, content.routing, { legend: true });
          await mermaid.parse(annotated);
        }
        checked++;
      }),
      { numRuns: runs(150), seed: seed() },
    );
    // The labels are hostile on purpose, but most must still be diagrams mermaid reads, or this proves little.
    assert.ok(checked >= 30, `only ${checked} generated diagrams were accepted by mermaid`);
  });
});
