// The preview's client groups: the layout text (golden, UPDATE_GOLDEN=1 rewrites it), which clients
// group, that a failure toggle keeps the layout text, and the groups' routing, hover and source links.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { annotatedMermaid } from '../../../src/routing/picture/annotatedMermaid';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import type { DiagramContent, PreviewLayout } from '../../../src/routing/picture/previewContent';
import { previewContent } from '../../../src/routing/picture/previewContent';
import { failingPops, noFailures } from '../../../src/routing/scenario';
import type { DiagramScenario } from '../../../src/routing/scenario';
import { largeDiagram } from '../../../bench/webviewDiagram';
import { parseDocument } from '../../../src/language/index';
import { withClientsByTheirAs } from '../../../src/routing/picture/clientPlacement';

const root = resolve(import.meta.dirname, '../../..');
const source = join(root, 'test/fixtures/annotate/grouped.anycast.mmd');
const text = readFileSync(source, 'utf8');
const update = process.env['UPDATE_GOLDEN'] === '1';

function content(
  input: string,
  scenario: DiagramScenario = noFailures,
  layout: PreviewLayout = { groupClientsAbove: 2 },
): DiagramContent {
  const result = previewContent(new DiagramAnalysis(input), scenario, layout);
  assert.equal(result.kind, 'diagram', 'the fixture parses');
  return result as DiagramContent;
}

describe('client groups in the preview layout', () => {
  it('matches the golden layout text and keeps every line number', () => {
    const layout = content(text).mermaidText;
    const golden = join(root, 'test/fixtures/annotate/grouped.layout.mmd');
    if (update || !existsSync(golden)) writeFileSync(golden, layout);
    assert.equal(layout, readFileSync(golden, 'utf8'), `${golden} differs (UPDATE_GOLDEN=1 to accept)`);
    assert.equal(layout.split('\n').length, text.split('\n').length);
  });

  it('groups only clients alone on their line (with `in:` or their one access edge), per access AS', () => {
    const layout = content(text).mermaidText;
    assert.match(layout, /clients_Comcast\(\["3 clients in Comcast"\]\)/);
    assert.match(
      layout,
      /clients_BT\(\["3 clients in BT"\]\) --> BT\n/,
      'a group of clients drawn with edges keeps one edge',
    );
    assert.match(
      layout,
      /clients_Comcast\(\["3 clients in Comcast"\]\) ~~~ Comcast\n/,
      'a group of `in:` clients sits beside its AS by an invisible link',
    );
    for (const kept of ['C7([Users in Hull])', 'C8([Users in York])']) assert.ok(layout.includes(kept), kept);
    for (const gone of ['C1(', 'C2(', 'C3(', 'C4(', 'C5(', 'C6(']) assert.ok(!layout.includes(gone), gone);
  });

  it('groups no client at or below the threshold (only layout links are added)', () => {
    const { model } = parseDocument(text);
    const ungrouped = withClientsByTheirAs(text, model);
    assert.equal(content(text, noFailures, { groupClientsAbove: 6 }).mermaidText, ungrouped);
    assert.equal(
      content(text, noFailures, {}).mermaidText,
      ungrouped,
      'the default threshold is above this small diagram',
    );
  });

  it('keeps the layout text when a PoP fails, so a toggle moves no node', () => {
    const plain = content(text);
    const failed = content(text, failingPops(['IAD']));
    assert.equal(failed.mermaidText, plain.mermaidText);
    const big = largeDiagram(50, 300).text;
    const bigPlain = content(big, noFailures, {});
    assert.notEqual(bigPlain.mermaidText, big, 'the 300-client diagram is grouped by default');
    assert.equal(content(big, failingPops(['P0', 'P5']), {}).mermaidText, bigPlain.mermaidText);
  });

  it('colours a group by its members and says in its hover who moved', () => {
    const plainGroup = content(text).routing.nodes.find((n) => n.id === 'clients_Comcast');
    assert.equal(plainGroup?.pop, 'IAD');
    assert.equal(plainGroup?.moved, undefined);
    assert.deepEqual(plainGroup?.path, ['clients_Comcast', 'Comcast', 'Cogent', 'IAD']);
    const group = content(text, failingPops(['IAD'])).routing.nodes.find((n) => n.id === 'clients_Comcast');
    assert.equal(group?.pop, 'LHR');
    assert.equal(group?.moved, true);
    assert.equal(group?.summary[0], '3 clients · one PoP · 3 moved');
    assert.deepEqual(group?.summary.slice(1), [
      'Users in Ashburn → LHR',
      'Users in Boston → LHR',
      'Users in Reston → LHR',
    ]);
    const members = content(text, failingPops(['IAD'])).routing.nodes.filter((n) => ['C1', 'C2', 'C3'].includes(n.id));
    assert.equal(members.length, 3, 'each member keeps its own routing');
  });

  it('counts repeated member lines in a big group', () => {
    const group = content(largeDiagram(50, 300).text, noFailures, {}).routing.nodes.find((n) => n.id === 'clients_E0');
    assert.match(group?.summary[0] ?? '', /^15 clients · /);
    assert.ok(
      group?.summary.some((line) => /^\d+ × Users in IAD → /.test(line)),
      group?.summary.join('\n'),
    );
  });

  it('links a group to its first member in the source, and a member to its group', () => {
    const c = content(text);
    const line = text.split('\n').findIndex((l) => l.includes('C1('));
    assert.deepEqual(c.nodeRange('clients_Comcast')?.start, { line, character: 2 });
    assert.equal(c.nodeAt({ line, character: 3 }), 'clients_Comcast');
    const c6 = text.split('\n').findIndex((l) => l.includes('C6('));
    assert.equal(c.nodeAt({ line: c6, character: 3 }), 'clients_BT');
    const c7 = text.split('\n').findIndex((l) => l.includes('C7('));
    assert.equal(c.nodeAt({ line: c7, character: 3 }), 'C7');
  });

  it('leaves the groups out of anycast mermaid output, which keeps the user text as written', () => {
    const c = content(text, failingPops(['IAD']));
    const annotated = annotatedMermaid(text, c.model, c.routing);
    assert.ok(annotated.startsWith(text));
    assert.ok(!annotated.includes('clients_'), annotated);
    assert.match(annotated, /class [^\n]*C1[^\n]*/);
  });
});

describe('clients placed by `in:` in the layout text', () => {
  const text = readFileSync(join(root, 'examples/cdn.anycast.mmd'), 'utf8');

  it('links each client to its access AS invisibly, in the layout text only', () => {
    const drawn = previewContent(new DiagramAnalysis(text));
    assert.equal(drawn.kind, 'diagram');
    if (drawn.kind !== 'diagram') return;
    assert.ok(drawn.mermaidText.startsWith(text));
    assert.match(drawn.mermaidText, /\n {2}NY ~~~ Comcast\n/);
    const clients = drawn.model.nodes.filter((n) => n.role === 'client' && n.inAs);
    assert.equal(drawn.mermaidText.split('\n').filter((l) => / ~~~ /.test(l)).length, clients.length);
    assert.equal(drawn.edges.length, drawn.model.edges.length, 'the edges the preview indexes are the file’s');
  });

  it('adds no link that would take the layout past 500 edges', () => {
    const { model } = parseDocument(text);
    const crowded = { ...model, edges: Array.from({ length: 495 }, () => model.edges[0]!) };
    assert.equal(withClientsByTheirAs(text, crowded), text);
  });
});
