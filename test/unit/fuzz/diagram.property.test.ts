import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { parseDocument } from '../../../src/language/index';
import type { Range } from '../../../src/language/index';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { annotatedMermaid } from '../../../src/routing/picture/annotatedMermaid';
import { diagramContent } from '../../../src/routing/picture/previewContent';
import { noFailures } from '../../../src/routing/scenario';
import { mutatedDiagram, randomDiagram } from './randomDiagram';
import { runs, seed } from './settings';

// mermaid's parser needs a DOM for its sanitizer; jsdom is enough for parsing (not for layout).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const loaded = import('mermaid').then((m) => m.default);

/** Line lengths under the LSP's rules: a line ends at '\r\n', '\r' or '\n'. */
function lspLines(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function rangesIn(v: unknown, out: Range[] = []): Range[] {
  const r = v as Range;
  if (typeof r === 'object' && r !== null && typeof r.start?.line === 'number' && typeof r.end?.character === 'number')
    out.push(r);
  else if (Array.isArray(v)) for (const x of v) rangesIn(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) rangesIn(x, out);
  return out;
}

/** Parses and analyses `text` (routing checks included) and checks every range lies inside it. */
function assertSound(text: string): void {
  const analysis = new DiagramAnalysis(text);
  const lines = lspLines(text);
  for (const r of rangesIn({ model: analysis.model, diagnostics: analysis.diagnostics })) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside 0..${lines.length - 1}`);
      assert.ok(
        p.character >= 0 && p.character <= (lines[p.line] as number),
        `character ${p.character} on line ${p.line}`,
      );
    }
    assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
  }
  for (const d of analysis.diagnostics) assert.doesNotMatch(d.message, /[\r\n]$/);
}

describe('the language on generated and mutated diagrams', () => {
  it('analyses generated diagrams (parse and routing checks) without throwing, ranges inside', () => {
    fc.assert(fc.property(randomDiagram(), assertSound), { numRuns: runs(300), seed: seed() });
  });

  it('analyses mutated diagrams without throwing, ranges inside', () => {
    fc.assert(fc.property(mutatedDiagram(randomDiagram()), assertSound), { numRuns: runs(600), seed: seed() });
  });

  it('reads CRLF and CR-only text as the same text with LF: the same ranges and messages, no \\r in any', () => {
    fc.assert(
      fc.property(mutatedDiagram(randomDiagram(4)), (text) => {
        const lf = text.replace(/\r\n?/g, '\n');
        const expected = new DiagramAnalysis(lf).diagnostics;
        for (const other of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
          const diagnostics = new DiagramAnalysis(other).diagnostics;
          assert.deepEqual(diagnostics, expected);
          for (const d of diagnostics) assert.ok(!d.message.includes('\r'), d.message);
        }
      }),
      { numRuns: runs(150), seed: seed() },
    );
  });

  it('parses in time linear in the size: the time per KB of a diagram 8 times larger stays within a factor of 5 (a quadratic parse would take 8)', () => {
    const diagram = (copies: number): string => {
      const body = fc.sample(randomDiagram(12), { numRuns: 1, seed: 99 })[0] as string;
      const lines = body.split('\n').slice(1);
      const blocks = Array.from({ length: copies }, (_, k) =>
        lines.map((l) => l.replace(/\b([PTU])(\d+)\b/g, `$1${k}_$2`)).join('\n'),
      );
      return `flowchart LR\n${blocks.join('\n')}`;
    };
    // The fastest of rounds taken in turns, in CPU time of this process: other processes on the
    // machine slow neither size, and the first rounds (the JIT warming up) count for neither.
    const small = diagram(20);
    const large = diagram(160);
    const best = [Infinity, Infinity];
    for (let round = 0; round < 10; round++) {
      [small, large].forEach((text, k) => {
        const start = process.cpuUsage();
        parseDocument(text);
        const used = process.cpuUsage(start);
        const msPerKb = (used.user + used.system) / 1000 / (text.length / 1024);
        if (round >= 2) best[k] = Math.min(best[k] as number, msPerKb);
      });
    }
    const ratio = (best[1] as number) / (best[0] as number);
    assert.ok(ratio < 5, `time per KB grew ${ratio.toFixed(2)} times from ${small.length} to ${large.length} bytes`);
  });

  it('writes annotated mermaid that stock mermaid parses, whenever mermaid parses the diagram', async () => {
    const mermaid = await loaded;
    await fc.assert(
      fc.asyncProperty(randomDiagram(), async (text) => {
        const accepted = await mermaid.parse(text).then(
          () => true,
          () => false,
        );
        if (!accepted) return;
        const analysis = new DiagramAnalysis(text);
        const content = diagramContent(analysis, noFailures);
        const annotated = annotatedMermaid(text, content.model, content.routing, { legend: true });
        await mermaid.parse(annotated);
      }),
      { numRuns: runs(40), seed: seed() },
    );
  });
});
