import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { parseDocument } from '../../../src/language/index';
import { MERMAID_SHAPES } from '../../../src/language/syntax/mermaidShapes';

// mermaid's parser needs a DOM for its sanitizer; jsdom is enough for parsing (not for layout).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const loaded = import('mermaid').then((m) => m.default);

const root = new URL('../../../', import.meta.url);
const dirs = ['examples/', 'test/fixtures/language/'];
const files = dirs.flatMap((dir) =>
  readdirSync(new URL(dir, root))
    .filter((f) => f.endsWith('.anycast.mmd') && !f.includes('.invalid.'))
    .sort()
    .map((f) => dir + f),
);

/** The ```mermaid blocks of the user documentation, which must work as shown. */
const docBlocks = [
  ...readFileSync(new URL('docs/language.md', root), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g),
].map((m) => m[1] ?? '');

describe("mermaid's own parser accepts every example and fixture", () => {
  it('accepts the examples in docs/language.md, which also check clean', async () => {
    const mermaid = await loaded;
    assert.ok(docBlocks.length >= 1);
    for (const block of docBlocks) {
      await mermaid.parse(block);
      assert.deepEqual(
        parseDocument(block).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'),
        [],
      );
    }
  });

  it('finds the files', () => {
    assert.ok(files.filter((f) => f.startsWith('examples/')).length >= 4, files.join(', '));
  });
  it('rejects what mermaid rejects, so a pass means something', async () => {
    const mermaid = await loaded;
    await assert.rejects(mermaid.parse('flowchart LR\n  A[PoP (main)] --> B'));
  });
  it('accepts every shape name we accept, and rejects the ones we reject', async () => {
    const mermaid = await loaded;
    for (const shape of MERMAID_SHAPES) await mermaid.parse(`flowchart LR\n  A@{ shape: ${shape} }`);
    for (const shape of ['rounded-rect', 'Rect', 'lean_left', 'server']) {
      await assert.rejects(mermaid.parse(`flowchart LR\n  A@{ shape: ${shape} }`), shape);
      assert.ok(
        parseDocument(`flowchart LR\n  A@{ shape: ${shape} }`).diagnostics.some((d) => d.code === 'invalid-shape'),
        shape,
      );
    }
  });
  for (const file of files) {
    it(`parses ${file}`, async () => {
      const text = readFileSync(new URL(file, root), 'utf8');
      const mermaid = await loaded;
      const result = await mermaid.parse(text);
      assert.ok(result, `mermaid rejected ${file}`);
      assert.equal((result as { diagramType?: string }).diagramType, 'flowchart-v2');
    });
  }
});

describe('a bar inside a quoted pipe label', () => {
  it('belongs to the label, as mermaid reads it', async () => {
    const text =
      'flowchart LR\n  A[AS64500 Alpha] -->|"transit | backup"| B[AS64501 Beta]\n  A -->|"peer|x"| C[AS64502 Gamma]\n  B -->|transit| C\n';
    const mermaid = await loaded;
    assert.ok(await mermaid.parse(text));
    const { model, diagnostics } = parseDocument(text);
    assert.deepEqual(
      model.edges.map((e) => e.label),
      ['transit | backup', 'peer|x', 'transit'],
    );
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
      [],
    );
  });
});
