import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quickFixesFor } from '../../../src/language/features/quickFixes';
import { parseDocument } from '../../../src/language/index';
import type { Diagnostic } from '../../../src/language/index';

/** A diagram whose front matter's `anycast:` block holds `lines` (indented two spaces under it). */
const withSettings = (...lines: string[]): string =>
  ['---', 'anycast:', ...lines.map((l) => `  ${l}`), '---', 'flowchart LR', '  A[PoP: IAD]'].join('\n');

function problems(text: string): Diagnostic[] {
  return parseDocument(text).diagnostics.filter((d) =>
    ['invalid-setting', 'invalid-number', 'unknown-key'].includes(d.code),
  );
}

/** Where a diagnostic sits as `line:column` (1-based, as editors show it) and the text it covers. */
function at(text: string, d: Diagnostic | undefined): string {
  assert.ok(d, 'a diagnostic');
  const line = text.split('\n')[d.range.start.line] ?? '';
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${line.slice(d.range.start.character, d.range.end.character)}`;
}

describe('front matter anycast: convergence:', () => {
  it('reads every timer in block style, durations in the unit written', () => {
    const text = withSettings(
      'convergence:',
      '  mrai:',
      '    ebgp: 5s',
      '    ibgp: 500ms',
      '    jitter: 0.5-1',
      '    withdrawals: true',
      '  hold: 3min',
      '  bfd: 300ms x 3',
      '  processing: 1-10ms',
      '  seed: 7',
    );
    const { model } = parseDocument(text);
    assert.deepEqual(problems(text), []);
    assert.deepEqual(model.settings.convergence, {
      timers: {
        mraiEbgp: 5,
        mraiIbgp: 0.5,
        mraiJitter: [0.5, 1],
        mraiWithdrawals: true,
        holdTime: 180,
        bfd: { intervalMs: 300, multiplier: 3 },
        processingMs: [1, 10],
      },
      seed: 7,
    });
  });

  it('reads the flow style of the docs; a unit on each end of a range, a bare 0, one processing value', () => {
    const text = withSettings(
      'convergence: { mrai: { ebgp: 30s, ibgp: 0 }, hold: 9s, bfd: 50msx3, processing: 0.5ms-2ms, seed: 0 }',
    );
    assert.deepEqual(problems(text), []);
    assert.deepEqual(parseDocument(text).model.settings.convergence, {
      timers: {
        mraiEbgp: 30,
        mraiIbgp: 0,
        holdTime: 9,
        bfd: { intervalMs: 50, multiplier: 3 },
        processingMs: [0.5, 2],
      },
      seed: 0,
    });
    const single = withSettings('convergence: { processing: 5ms }');
    assert.deepEqual(parseDocument(single).model.settings.convergence?.timers.processingMs, [5, 5]);
  });

  it('a duration without its unit is an error on the value, offering the usual unit as the fix', () => {
    const text = withSettings('convergence:', '  hold: 90', '  mrai: { ebgp: 30 }');
    const [hold, mrai] = problems(text);
    assert.equal(at(text, hold), '4:11 90');
    assert.match(hold?.message ?? '', /The hold time needs a unit: write 90s/);
    assert.deepEqual(hold?.suggestions, ['90s']);
    assert.ok(hold);
    const [fix] = quickFixesFor(text, parseDocument(text).model, hold);
    assert.equal(fix?.title, "Change to '90s'");
    assert.deepEqual(fix?.edits, [{ range: hold.range, newText: '90s' }]);
    assert.equal(at(text, mrai), '5:19 30');
    assert.deepEqual(mrai?.suggestions, ['30s']);
  });

  it('bad values are reported on the part that is wrong, each in words', () => {
    const text = withSettings(
      'convergence:',
      '  bfd: 300ms x 0',
      '  processing: 10-1ms',
      '  hold: 0s',
      '  mrai: { ebgp: soon, jitter: 0.75-2 }',
      '  seed: -1',
    );
    const found = problems(text);
    assert.deepEqual(
      found.map((d) => at(text, d)),
      ['4:18 0', '5:17 10-1ms', '6:11 0s', '7:19 soon', '7:38 2', '8:11 -1'],
    );
    assert.match(found[0]?.message ?? '', /The BFD multiplier 0 is outside 1\.\.255/);
    assert.match(found[1]?.message ?? '', /starts above where it ends/);
    assert.match(found[2]?.message ?? '', /never notices a crash/);
    assert.match(found[3]?.message ?? '', /The eBGP MRAI must be a duration such as 30s or 300ms, not 'soon'/);
    assert.match(found[4]?.message ?? '', /jitter factor is a number from 0 to 1, not '2'/);
    assert.match(found[5]?.message ?? '', /The convergence seed -1 is outside 0\.\.4294967295/);
    assert.equal(parseDocument(text).model.settings.convergence?.timers.mraiJitter, undefined);
  });

  it('a BFD interval in ms and an MRAI beyond an hour are out of range', () => {
    const text = withSettings('convergence: { bfd: 0ms x 3, mrai: { ibgp: 90min } }');
    const found = problems(text);
    assert.deepEqual(
      found.map((d) => at(text, d)),
      ['3:23 0ms', '3:46 90min'],
    );
    assert.match(found[0]?.message ?? '', /The BFD interval 0ms is outside 1ms to 60s/);
    assert.match(found[1]?.message ?? '', /The iBGP MRAI 90min is outside 0s to 3600s/);
  });

  it('an unknown key is a warning with the nearest name; a block where a value is wanted is an error', () => {
    const text = withSettings('convergence:', '  mraj: { ebgp: 5s }', '  hold: { time: 90s }', '  mrai: 5s');
    const [unknown, hold, mrai] = problems(text);
    assert.equal(unknown?.severity, 'warning');
    assert.equal(at(text, unknown), '4:5 mraj');
    assert.deepEqual(unknown?.suggestions, ['mrai']);
    assert.match(hold?.message ?? '', /'hold:' needs one value, such as 90s/);
    assert.equal(at(text, mrai), '6:11 5s');
    assert.match(mrai?.message ?? '', /'mrai:' holds ebgp:, ibgp:/);
    const inMrai = withSettings('convergence: { mrai: { ebgb: 5s } }');
    assert.deepEqual(problems(inMrai)[0]?.suggestions, ['ebgp']);
  });

  it('no convergence block leaves the engine its defaults', () => {
    assert.equal(parseDocument(withSettings('weight: 2')).model.settings.convergence, undefined);
  });
});
