// Golden tests of the annotated mermaid text (UPDATE_GOLDEN=1 rewrites the expected files), checked
// by mermaid's own parser, and the routing facts the preview paints, from the real resolver.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { annotatedMermaid } from '../../../src/routing/picture/annotatedMermaid';
import { annotateRouting, paletteSize } from '../../../src/routing/picture/routingAnnotation';
import type { DiagramContent } from '../../../src/routing/picture/previewContent';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { previewContent } from '../../../src/routing/picture/previewContent';
import { failingPops, noFailures } from '../../../src/routing/scenario';
import type { Resolution } from '../../../src/engine/types';
import { parseDocument } from '../../../src/language/index';

const root = resolve(import.meta.dirname, '../../..');
const goldenDir = join(root, 'test/fixtures/annotate');
const update = process.env['UPDATE_GOLDEN'] === '1';

interface Case {
  readonly name: string;
  readonly source: string;
  readonly fail: readonly string[];
}

const cases: readonly Case[] = [
  { name: 'seed', source: 'examples/seed.anycast.mmd', fail: [] },
  { name: 'seed.fail-PoPUS', source: 'examples/seed.anycast.mmd', fail: ['PoPUS'] },
  { name: 'explicit', source: 'test/fixtures/annotate/explicit.anycast.mmd', fail: [] },
  { name: 'explicit.fail-IAD-LHR', source: 'test/fixtures/annotate/explicit.anycast.mmd', fail: ['IAD', 'LHR'] },
  { name: 'cdn.fail-IAD', source: 'examples/cdn.anycast.mmd', fail: ['IAD'] },
];

function diagram(source: string, fail: readonly string[] = []): { text: string; content: DiagramContent } {
  const text = readFileSync(join(root, source), 'utf8');
  const content = previewContent(new DiagramAnalysis(text), failingPops(fail));
  assert.equal(content.kind, 'diagram', `${source} parses`);
  return { text, content: content as DiagramContent };
}

type MermaidApi = { parse(text: string): Promise<unknown> };
let mermaid: MermaidApi;

describe('annotated mermaid text', () => {
  before(async () => {
    // mermaid.parse needs a DOM for its sanitiser; it lays nothing out, so jsdom is enough.
    const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    mermaid = ((await import('mermaid')) as unknown as { default: MermaidApi }).default;
  });

  for (const c of cases) {
    it(`matches the golden file and stock mermaid parses it: ${c.name}`, async () => {
      const { text, content } = diagram(c.source, c.fail);
      const annotated = annotatedMermaid(text, content.model, content.routing);
      const golden = join(goldenDir, `${c.name}.annotated.mmd`);
      if (update || !existsSync(golden)) writeFileSync(golden, annotated);
      assert.equal(annotated, readFileSync(golden, 'utf8'), `${golden} differs (UPDATE_GOLDEN=1 to accept)`);
      assert.ok(
        annotated.startsWith(text.endsWith('\n') ? text : `${text}\n`),
        'the author’s lines come first, unchanged',
      );
      await mermaid.parse(annotated);
    });
  }

  it('is deterministic', () => {
    const a = diagram('examples/cdn.anycast.mmd', ['IAD']);
    const b = diagram('examples/cdn.anycast.mmd', ['IAD']);
    assert.equal(
      annotatedMermaid(a.text, a.content.model, a.content.routing),
      annotatedMermaid(b.text, b.content.model, b.content.routing),
    );
  });

  it('never takes a class or node name the author already uses', async () => {
    const { text, content } = diagram('test/fixtures/annotate/explicit.anycast.mmd');
    const annotated = annotatedMermaid(text, content.model, content.routing);
    const added = annotated.slice(text.length);
    assert.doesNotMatch(added, /classDef anycastPop0 /, 'the author’s anycastPop0 is left alone');
    assert.match(added, /classDef anycastPop0_2 /);
  });

  it('gives each PoP its load and utilisation in the legend, on a line of its own', async () => {
    const text = readFileSync(join(root, 'examples/load.anycast.mmd'), 'utf8');
    const parsed = previewContent(new DiagramAnalysis(text), noFailures, { load: {} });
    assert.equal(parsed.kind, 'diagram');
    const content = parsed as DiagramContent;
    const annotated = annotatedMermaid(text, content.model, content.routing);
    // IAD serves New York (60 Gbps) and Chicago (25 Gbps): 85 of 150 Gbps is 57%. Tokyo's 22 Gbps
    // alone reaches SIN, of 20 Gbps: 110%, over capacity. London's 30 of LHR's 35 Gbps is 86%,
    // above the file's warnAbove of 80%.
    assert.match(annotated, /\["IAD: 3 clients · 38%<br>85 Gbps · 57% of 150 Gbps"\]/);
    assert.match(annotated, /\["LHR: 1 client · 13%<br>30 Gbps · 86% of 35 Gbps · ⚠ above 80%"\]/);
    assert.match(annotated, /\["SIN: 2 clients · 25%<br>22 Gbps · 110% of 20 Gbps · ⚠ over capacity"\]/);
    await mermaid.parse(annotated);
  });

  it('leaves the legend out on request', () => {
    const { text, content } = diagram('examples/seed.anycast.mmd');
    assert.doesNotMatch(annotatedMermaid(text, content.model, content.routing, { legend: false }), /subgraph/);
  });

  it('writes quotes and line breaks of names so that mermaid still parses the legend', async () => {
    const text =
      'flowchart LR\n  P["PoP: Main #quot;A#quot;\\nAdvertises 192.0.2.0/24"]\n  C([User in London]) --> P\n';
    const parsed = previewContent(new DiagramAnalysis(text));
    assert.equal(parsed.kind, 'diagram');
    const content = parsed as DiagramContent;
    const annotated = annotatedMermaid(text, content.model, content.routing);
    await mermaid.parse(annotated);
  });
});

describe('routing annotation', () => {
  it('gives each seed PoP its own colour and each user the colour of its nearest PoP', () => {
    const { content } = diagram('examples/seed.anycast.mmd');
    const byId = new Map(content.routing.nodes.map((n) => [n.id, n]));
    const pops = ['PoPUS', 'PoPEU', 'PoPAP'];
    assert.deepEqual(
      pops.map((p) => byId.get(p)?.color),
      [0, 1, 2],
    );
    assert.deepEqual(
      ['ClientUS', 'ClientEU', 'ClientAP'].map((c) => byId.get(c)?.pop),
      pops,
      'New York → US-East, London → EU-West, Tokyo → Asia-Pacific',
    );
    assert.deepEqual(
      ['ClientUS', 'ClientEU', 'ClientAP'].map((c) => byId.get(c)?.color),
      [0, 1, 2],
    );
    assert.equal(byId.get('BGP')?.role, 'other');
    assert.equal(byId.get('BGP')?.color, undefined, 'narrative nodes are not painted');
    assert.deepEqual(
      content.routing.legend.map((l) => [l.label, l.clients]),
      [
        ['US-East', 1],
        ['EU-West', 1],
        ['Asia-Pacific', 1],
      ],
    );
    assert.equal(content.routing.headline, '');
  });

  it('with US-East failed, withdraws it, moves New York to EU-West and says so', () => {
    const { content } = diagram('examples/seed.anycast.mmd', ['PoPUS']);
    const byId = new Map(content.routing.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('PoPUS')?.withdrawn, true);
    const ny = byId.get('ClientUS');
    assert.equal(ny?.pop, 'PoPEU');
    assert.equal(ny?.color, 1);
    assert.equal(ny?.moved, true);
    assert.deepEqual(ny?.path, ['ClientUS', 'PoPEU']);
    assert.match(ny?.summary.join('\n') ?? '', /User in New York → EU-West[\s\S]*Moved from US-East/);
    // New York's Internet router hears EU-West (~5,570 km) and Asia-Pacific (~10,850 km) over iBGP.
    assert.match(
      ny?.summary.join('\n') ?? '',
      /Decided at Internet@New York by lower IGP cost \(hot potato\) over Asia-Pacific/,
    );
    assert.equal(byId.get('ClientEU')?.moved, undefined, 'London stays');
    assert.equal(content.routing.headline, 'US-East down · 1 client moved');
    const eu = content.routing.legend.find((l) => l.pop === 'PoPEU');
    assert.equal(eu?.clients, 2);
    assert.ok(Math.abs((eu?.share ?? 0) - 2 / 3) < 1e-9);
  });

  it('keeps the layout text identical across failure toggles, so the preview only restyles', () => {
    const before = diagram('examples/seed.anycast.mmd').content;
    const after = diagram('examples/seed.anycast.mmd', ['PoPUS']).content;
    assert.equal(before.mermaidText, after.mermaidText);
  });

  it('marks a client no PoP reaches, and follows the path through ASes hop by hop', () => {
    const { content } = diagram('test/fixtures/annotate/explicit.anycast.mmd');
    const byId = new Map(content.routing.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('SYD')?.unreachable, true);
    assert.equal(byId.get('SYD')?.pop, undefined);
    assert.deepEqual(byId.get('NY')?.path, ['NY', 'Comcast', 'Cogent', 'IAD']);
  });

  it('gives each PoP its own colour up to the palette size, then reuses the least used', () => {
    const pops = Array.from(
      { length: paletteSize + 2 },
      (_, i) => `  P${i}[PoP: P${i}]@{ asn: ${65000 + i}, announce: 192.0.2.0/24 }`,
    );
    const { model } = parseDocument(`flowchart LR\n${pops.join('\n')}\n`);
    const resolution: Resolution = { clients: [], pops: [], routers: [], warnings: [] };
    const colors = annotateRouting(model, { resolution, headline: '', nodeOf: (id) => id }).legend.map((l) => l.color);
    assert.equal(new Set(colors.slice(0, paletteSize)).size, paletteSize);
    assert.deepEqual(colors.slice(paletteSize), [0, 1]);
  });

  it('greys a failed AS, and marks its edges and a failed link as failed', () => {
    const text = readFileSync(join(root, 'examples/cdn.anycast.mmd'), 'utf8');
    const content = previewContent(new DiagramAnalysis(text), { ...noFailures, failedAses: ['Lumen'] });
    assert.equal(content.kind, 'diagram');
    if (content.kind !== 'diagram') return;
    const lumen = content.routing.nodes.find((n) => n.id === 'Lumen');
    assert.equal(lumen?.failed, true);
    const touching = content.model.edges.filter((e) => e.from === 'Lumen' || e.to === 'Lumen').map((e) => e.index);
    assert.ok(touching.length > 5);
    assert.deepEqual(content.routing.failedEdges, touching);
    assert.equal(content.routing.nodes.find((n) => n.id === 'Cogent')?.failed, undefined);
  });

  it('reports an unstable routing as a problem, keeping the picture', () => {
    const { model } = parseDocument(readFileSync(join(root, 'examples/seed.anycast.mmd'), 'utf8'));
    const resolution: Resolution = {
      clients: [],
      pops: [],
      routers: [],
      warnings: [],
      unstable: { routers: [], cycle: [], message: 'No stable routing: BAD GADGET' },
    };
    assert.equal(
      annotateRouting(model, { resolution, headline: '', nodeOf: (id) => id }).problem,
      'No stable routing: BAD GADGET',
    );
  });

  it('finds the node under the cursor and the source of nodes and edges', () => {
    const { content } = diagram('examples/seed.anycast.mmd');
    // Line 4 (0-based 3) is `    BGP --> PoPUS[PoP: US-East ...]`.
    assert.equal(content.nodeAt({ line: 3, character: 5 }), 'BGP');
    assert.equal(content.nodeAt({ line: 3, character: 14 }), 'PoPUS');
    assert.equal(content.nodeAt({ line: 3, character: 30 }), 'PoPUS', 'inside the label');
    assert.equal(content.nodeAt({ line: 0, character: 3 }), undefined, 'the header is no node');
    assert.deepEqual(content.nodeRange('PoPUS')?.start, { line: 3, character: 12 });
    assert.deepEqual(content.edgeRange(4)?.start.line, 6);
  });

  it('reports a syntax error with its position instead of a picture', () => {
    const content = previewContent(new DiagramAnalysis('flowchart LR\n  A -->\n'));
    assert.equal(content.kind, 'error');
    if (content.kind === 'error') assert.equal(content.range.start.line, 1);
  });
});
