import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';

/** Run with UPDATE_GOLDEN=1 to rewrite the expected files after an intended change; review the diff. */
const update = process.env['UPDATE_GOLDEN'] === '1';
const dir = new URL('../../../test/fixtures/language/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.anycast.mmd'))
  .sort();

function check(file: string, actual: unknown): void {
  const url = new URL(file, dir);
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (update || !existsSync(url)) {
    if (!update) assert.fail(`${file} is missing: run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(url, text);
    return;
  }
  assert.deepEqual(
    JSON.parse(text),
    JSON.parse(readFileSync(url, 'utf8')),
    `${file} differs (UPDATE_GOLDEN=1 rewrites it)`,
  );
}

describe('golden fixtures: model and diagnostics', () => {
  it('has fixtures', () => assert.ok(fixtures.length >= 5));
  for (const fixture of fixtures) {
    const base = fixture.replace(/\.anycast\.mmd$/, '');
    it(`${fixture} gives the expected model and diagnostics (the parse's and the routing's)`, () => {
      const { model, diagnostics } = new DiagramAnalysis(readFileSync(new URL(fixture, dir), 'utf8'));
      check(`${base}.model.json`, model);
      check(`${base}.diagnostics.json`, diagnostics);
    });
  }
});
