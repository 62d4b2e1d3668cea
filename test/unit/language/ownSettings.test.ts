import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { parseDocument } from '../../../src/language/index';

// mermaid's parser needs a DOM for its sanitizer; jsdom is enough for parsing (not for layout).
const dom = new JSDOM('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window: dom.window, document: dom.window.document });
const loaded = Promise.all([import('mermaid'), import('../../../src/webview/mermaidRenderer')]);

const body = 'flowchart LR\n  A[one<br>two] --> B\n';
const frontMatter = [
  '---',
  'config:',
  '  htmlLabels: true',
  '  securityLevel: loose',
  '  deterministicIds: false',
  '  flowchart:',
  '    htmlLabels: true',
  '    curve: basis',
  '---',
  body,
].join('\n');
const directive = `%%{init: {"htmlLabels": true, "securityLevel": "loose", "flowchart": {"htmlLabels": true}}}%%\n${body}`;

/** The configuration mermaid lays `text` out with, after the preview's own configuration. */
async function configFor(text: string): Promise<Record<string, unknown> & { flowchart?: Record<string, unknown> }> {
  const [{ default: mermaid }, { mermaidConfig }] = await loaded;
  mermaid.initialize(mermaidConfig('default', 500));
  await mermaid.parse(text);
  return mermaid.mermaidAPI.getConfig() as Record<string, unknown>;
}

describe("htmlLabels, securityLevel and deterministic ids stay ours whatever the diagram's config says", () => {
  for (const [name, text] of [
    ['front matter config', frontMatter],
    ['an init directive', directive],
  ] as const) {
    it(`ignores them in ${name}, where mermaid would otherwise take them`, async () => {
      const config = await configFor(text);
      assert.equal(config['htmlLabels'], false);
      assert.equal(config.flowchart?.['htmlLabels'], false);
      assert.equal(config['securityLevel'], 'strict');
      assert.equal(config['deterministicIds'], true);
    });
  }

  it('still takes the settings that are the author’s (a curve)', async () => {
    assert.equal((await configFor(frontMatter)).flowchart?.['curve'], 'basis');
  });

  it('hints at each ignored key of the front matter, and nothing else', () => {
    const hints = parseDocument(frontMatter).diagnostics.filter((d) => d.code === 'ignored-setting');
    assert.deepEqual(
      hints.map((d) => [d.severity, d.range.start.line, d.range.start.character, d.message.split(' is ')[0]]),
      [
        ['hint', 2, 2, "'htmlLabels'"],
        ['hint', 3, 2, "'securityLevel'"],
        ['hint', 4, 2, "'deterministicIds'"],
        ['hint', 6, 4, "'htmlLabels'"],
      ],
    );
  });

  it('hints at each ignored key of an init directive', () => {
    const hints = parseDocument(directive).diagnostics.filter((d) => d.code === 'ignored-setting');
    // '%%{init: {"' is 11 characters, 'htmlLabels": true, "' 20 more, 'securityLevel": "loose", "flowchart": {"' 40 more.
    assert.deepEqual(
      hints.map((d) => [d.range.start.line, d.range.start.character]),
      [
        [0, 11],
        [0, 31],
        [0, 71],
      ],
    );
  });
});
