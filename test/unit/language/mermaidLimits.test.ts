import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../../src/language/index';
import { mermaidMaxEdges, mermaidMaxTextSize } from '../../../src/language/meaning/mermaidLimits';
import { annotatedMermaid } from '../../../src/routing/picture/annotatedMermaid';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { previewContent } from '../../../src/routing/picture/previewContent';

/** A CDN of `pops` PoPs, each buying transit from two providers: 2 edges per PoP plus one peering. */
function cdn(pops: number): string {
  const lines = ['flowchart LR', '  T1[AS174 Cogent]', '  T2[AS3356 Lumen]', '  T1 <-->|peer| T2'];
  for (let i = 0; i < pops; i++) {
    lines.push(`  P${i}[PoP: P${i}]@{ asn: 64600 } -->|transit| T1`, `  P${i} -->|transit| T2`);
  }
  return `${lines.join('\n')}\n`;
}

describe("stock mermaid's limits", () => {
  it('warns on the first edge past maxEdges (500), naming the count and where it will not render', () => {
    const { model, diagnostics } = parseDocument(cdn(250));
    assert.equal(model.edges.length, 501);
    const warning = diagnostics.find((d) => d.code === 'mermaid-max-edges');
    assert.ok(warning, 'a warning');
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /501 edges.*at most 500.*GitHub/);
    assert.deepEqual(warning.range, model.edges[500]!.range);
  });

  it('says nothing at exactly 500 edges', () => {
    const text = cdn(250).split('\n').slice(0, -2).join('\n');
    const { model, diagnostics } = parseDocument(`${text}\n`);
    assert.equal(model.edges.length, mermaidMaxEdges);
    assert.equal(diagnostics.filter((d) => d.code.startsWith('mermaid-max')).length, 0);
  });

  it('warns past maxTextSize (50,000 characters) on the line where the limit falls', () => {
    const filler = Array.from({ length: 800 }, (_, i) => `  %% ${'padding '.repeat(8)}${i}`).join('\n');
    const text = `${cdn(3)}${filler}\n`;
    assert.ok(text.length > mermaidMaxTextSize);
    const warning = parseDocument(text).diagnostics.find((d) => d.code === 'mermaid-max-text-size');
    assert.ok(warning);
    const lineStart = text.split('\n').slice(0, warning.range.start.line).join('\n').length + 1;
    assert.ok(
      lineStart <= mermaidMaxTextSize &&
        mermaidMaxTextSize <= lineStart + text.split('\n')[warning.range.start.line]!.length,
    );
  });

  it("keeps `anycast mermaid`'s legend from pushing a 371-edge file past 500 edges", () => {
    const text = cdn(185);
    const content = previewContent(new DiagramAnalysis(text));
    assert.equal(content.kind, 'diagram');
    if (content.kind !== 'diagram') return;
    assert.equal(content.model.edges.length, 371);
    const annotated = annotatedMermaid(text, content.model, content.routing);
    assert.match(annotated, /subgraph anycastLegend/);
    const reparsed = parseDocument(annotated);
    assert.ok(reparsed.model.edges.length <= mermaidMaxEdges, `${reparsed.model.edges.length} edges`);
    assert.equal(reparsed.diagnostics.filter((d) => d.code === 'mermaid-max-edges').length, 0);
  });
});
