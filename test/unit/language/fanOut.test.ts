import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../../src/language/index';

const group = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' & ');

test("a statement whose '&' groups make 10,000 edges is read whole", () => {
  const { model, diagnostics } = parseDocument(`flowchart LR\n  ${group('A', 100)} --> ${group('B', 100)}\n`);
  assert.equal(model.edges.length, 10_000);
  assert.ok(!diagnostics.some((d) => d.code === 'too-many-edges'));
});

test("a statement whose '&' groups make over 10,000 edges is an error at that statement, and makes none", () => {
  const text = `flowchart LR\n  X --> Y\n  ${group('A', 101)} --> ${group('B', 100)}\n  Y --> Z\n`;
  const { model, diagnostics } = parseDocument(text);
  const error = diagnostics.find((d) => d.code === 'too-many-edges');
  assert.ok(error);
  assert.equal(error.severity, 'error');
  assert.equal(error.range.start.line, 2);
  assert.equal(error.range.start.character, 2);
  assert.match(error.message, /at least 10,100 edges, over the limit of 10,000 from one statement/);
  assert.deepEqual(
    model.edges.map((e) => `${e.from}-${e.to}`),
    ['X-Y', 'Y-Z'],
  );
});

test('13 KB asking for a million edges (issue 13) makes none and says so once', () => {
  const text = `flowchart LR\n  ${group('A', 1000)} --> ${group('B', 1000)}\n`;
  assert.ok(text.length > 13_000);
  const { model, diagnostics } = parseDocument(text);
  assert.equal(model.edges.length, 0);
  assert.equal(diagnostics.filter((d) => d.code === 'too-many-edges').length, 1);
});
