import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { EXIT, exitCodeHelp } from '../../../src/cli/exitCodes';
import { endQuietlyOnBrokenPipe, internalErrorLine } from '../../../src/cli/lastResort';

function brokenStream(code: string): { exits: number[]; lines: string[] } {
  const stream = new EventEmitter();
  const exits: number[] = [];
  const lines: string[] = [];
  endQuietlyOnBrokenPipe(
    stream,
    (c) => exits.push(c),
    (l) => lines.push(l),
  );
  stream.emit('error', Object.assign(new Error(`write ${code}`), { code }));
  return { exits, lines };
}

test('an internal error is one line naming the error and the exit code, with no stack trace', () => {
  const error = new TypeError("Cannot read properties of undefined (reading 'sender')\nsecond line");
  const line = internalErrorLine(error);
  assert.equal(line.split('\n').length, 1);
  assert.match(line, /^anycast: internal error \(exit 70\): TypeError: Cannot read properties .*'sender'\)/);
  assert.doesNotMatch(line, /\bat \S+ \(|second line/);
  assert.match(internalErrorLine('plain'), /internal error \(exit 70\): plain;/);
});

test('output piped into a reader that goes away (head) ends quietly with success', () => {
  assert.deepEqual(brokenStream('EPIPE'), { exits: [EXIT.ok], lines: [] });
});

test('any other output error ends with one line and the internal exit code', () => {
  const { exits, lines } = brokenStream('EIO');
  assert.deepEqual(exits, [EXIT.internal]);
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /internal error \(exit 70\): Error: write EIO/);
});

test('the exit-code table in --help lists every code the commands use', () => {
  const help = exitCodeHelp();
  for (const code of Object.values(EXIT)) assert.match(help, new RegExp(`\\b${code}\\b`));
});
