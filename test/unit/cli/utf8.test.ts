import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../../../src/cli/cli';
import { decodeDiagram, firstInvalidUtf8 } from '../../../src/cli/io';
import { fakeIo } from './fakeIo';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('bytes that are not UTF-8', () => {
  const cases: readonly (readonly [string, Uint8Array, number | undefined])[] = [
    ['plain ASCII', bytes(0x41, 0x0a, 0x42), undefined],
    ['é, 東 and an emoji, each whole', new TextEncoder().encode('é東😀'), undefined],
    ['a continuation byte alone', bytes(0x41, 0x80), 1],
    ['Latin-1 é (0xe9) followed by ASCII', bytes(0x41, 0x42, 0xe9, 0x20), 2],
    ['an overlong two-byte form of /', bytes(0xc0, 0xaf), 0],
    ['an overlong three-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a surrogate encoded as UTF-8', bytes(0x41, 0xed, 0xa0, 0x80), 1],
    ['a code point past U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a sequence cut off by the end of the file', bytes(0x41, 0xe6, 0x9d), 1],
    ['0xff', bytes(0xff), 0],
  ];
  for (const [name, input, expected] of cases) {
    it(`finds the first bad byte: ${name}`, () => {
      assert.equal(firstInvalidUtf8(input), expected);
    });
  }

  it('are refused with line, column (as an editor counts) and byte offset, never replaced', () => {
    // Line 3 is 'A[é' then 0xff: 'é' is two bytes but one column, so 0xff is column 4, byte 4 + 4 + 4.
    const input = bytes(...new TextEncoder().encode('one\r\ntwo\nA[é'), 0xff, 0x5d);
    assert.throws(() => decodeDiagram(input), {
      message: 'not UTF-8: byte 0xff at line 3, column 4 (byte offset 13)',
    });
  });

  it('counts a lone CR as a line end, as editors do', () => {
    assert.throws(() => decodeDiagram(bytes(0x61, 0x0d, 0x62, 0xfe)), {
      message: /line 2, column 2 \(byte offset 3\)/,
    });
  });

  it('decodes UTF-8 and drops a byte order mark', () => {
    assert.equal(decodeDiagram(bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0xa9)), 'Aé');
  });
});

describe('every command that reads a diagram refuses one that is not UTF-8, exit 1, and says where', () => {
  const seed = readFileSync(new URL('../../../examples/seed.anycast.mmd', import.meta.url));
  // The seed with a Latin-1 'é' (0xe9) written at the end of its first line.
  const firstLineEnd = seed.indexOf(0x0a);
  const broken = Uint8Array.from([...seed.subarray(0, firstLineEnd), 0xe9, ...seed.subarray(firstLineEnd)]);
  const where = `line 1, column ${firstLineEnd + 1} (byte offset ${firstLineEnd})`;
  for (const command of [
    ['check'],
    ['resolve'],
    ['mermaid'],
    ['converge', '--fail', 'PoPUS'],
    ['export', '-o', 'x.svg'],
  ]) {
    it(`anycast ${command[0]}`, async () => {
      const io = fakeIo({ 'bad.anycast.mmd': broken });
      const [name, ...rest] = command;
      assert.equal(await runCli([name as string, 'bad.anycast.mmd', ...rest], io), 1, io.stderr);
      assert.ok(io.stderr.includes(`not UTF-8: byte 0xe9 at ${where}`), io.stderr);
      assert.deepEqual(io.written, {});
    });
  }
});
