import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryOf, parseBlock, parseFlowMap } from '../../../src/language/syntax/yaml';
import type { YamlMap, YamlValue } from '../../../src/language/syntax/yaml';

function asMap(value: YamlValue | undefined): YamlMap {
  assert.equal(value?.kind, 'map');
  return value as YamlMap;
}

/** The document text each value's range covers. */
const covered = (text: string, v: { start: number; end: number } | undefined): string =>
  v ? text.slice(v.start, v.end) : '';

describe('YAML with offsets in the document', () => {
  it('gives every key and value of block YAML its place in the whole text', () => {
    const text = '---\ntitle: Edge # the name\nanycast:\n  service: 192.0.2.1\n  prefixes: [192.0.2.0/24]\n---\n';
    const { value, errors } = parseBlock(text, 4, text.indexOf('---', 4));
    assert.deepEqual(errors, []);
    const map = asMap(value);
    assert.equal(covered(text, entryOf(map, 'title')?.value), 'Edge');
    const anycast = asMap(entryOf(map, 'anycast')?.value);
    assert.equal(covered(text, entryOf(anycast, 'service')?.key), 'service');
    assert.equal(covered(text, entryOf(anycast, 'service')?.value), '192.0.2.1');
    assert.equal(covered(text, entryOf(anycast, 'prefixes')?.value), '[192.0.2.0/24]');
  });

  it('keeps a quoted value on its quotes, with the escapes resolved in its text', () => {
    const text = 'A@{ label: "say \\"hi\\"", "role": pop }';
    const { map, errors } = parseFlowMap(text, 2, text.length);
    assert.deepEqual(errors, []);
    const label = entryOf(map, 'label')?.value;
    assert.equal(label?.kind === 'scalar' && label.text, 'say "hi"');
    assert.equal(covered(text, label), '"say \\"hi\\""');
    assert.equal(covered(text, entryOf(map, 'role')?.key), 'role');
  });

  it('places the same metadata written twice at each of its own places', () => {
    const text = 'A@{ asn: @1 } --> B@{ asn: @1 }';
    const first = parseFlowMap(text, text.indexOf('{'), text.indexOf('}') + 1);
    const second = parseFlowMap(text, text.lastIndexOf('{'), text.length);
    assert.deepEqual(
      [first, second].map((r) => r.errors.map((e) => e.start)),
      [[text.indexOf('@1')], [text.lastIndexOf('@1')]],
    );
  });

  it('reads an alias as the value its anchor holds', () => {
    const text = 'home: &h IAD\nbackup: *h\n';
    const map = asMap(parseBlock(text, 0, text.length).value);
    assert.equal(covered(text, entryOf(map, 'backup')?.value), 'IAD');
  });

  it('answers hostile input with one error, fast: deep brackets, deep indentation, a huge block', () => {
    const inputs = [
      `{ loc: ${'['.repeat(200_000)} }`,
      `a:\n${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}`,
      `k: ${'x'.repeat(200_000)}`,
    ];
    for (const text of inputs) {
      const started = performance.now();
      const { errors } = parseBlock(text, 0, text.length);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.ok(performance.now() - started < 500, `${performance.now() - started} ms`);
    }
  });
});
