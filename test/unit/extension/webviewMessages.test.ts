import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWebviewMessage, describeDropped } from '../../../src/extension/webviewMessages';

const uri = 'file:///d.anycast.mmd';

describe("the host's check of what the preview posts", () => {
  const good: readonly unknown[] = [
    { type: 'ready' },
    { type: 'rendered', uri, version: 3, layout: true, durationMs: 41.5 },
    { type: 'renderFailed', uri, version: 3, message: 'Parse error' },
    { type: 'reveal', uri, target: { kind: 'node', id: 'PoPUS' } },
    { type: 'reveal', uri, target: { kind: 'edge', index: 0 } },
    { type: 'togglePop', uri, pop: 'PoPUS' },
    { type: 'picture', requestId: 1, svg: '<svg/>' },
    { type: 'picture', requestId: 2, svg: undefined, error: 'nothing on screen' },
    { type: 'picture', requestId: 3, svg: '<svg/>', png: 'iVBOR', note: 'drawn smaller' },
    { type: 'viewChosen', uri, view: 'map' },
    { type: 'playConvergence', uri, mode: 'crash' },
    { type: 'simulateAttack', uri, on: true },
  ];
  for (const message of good) {
    it(`passes a well-formed ${(message as { type: string }).type}, unchanged`, () => {
      assert.deepEqual(checkWebviewMessage(message), { ok: true, message });
    });
  }

  const bad: readonly (readonly [string, unknown, string])[] = [
    ['not an object', 'ready', 'not an object'],
    ['null', null, 'not an object'],
    ['an array', [{ type: 'ready' }], 'not an object'],
    ['no type', { uri }, 'unknown type undefined'],
    ['a type the protocol does not have', { type: 'runCommand', command: 'rm' }, 'unknown type "runCommand"'],
    ['a type from the prototype', { type: 'toString' }, 'unknown type "toString"'],
    ['a host-to-webview type sent back', { type: 'render', uri, version: 1 }, 'unknown type "render"'],
    [
      'a version that is not a count',
      { type: 'rendered', uri, version: '3', layout: true, durationMs: 1 },
      "rendered: bad or missing 'version'",
    ],
    [
      'a negative duration',
      { type: 'rendered', uri, version: 3, layout: true, durationMs: -1 },
      "rendered: bad or missing 'durationMs'",
    ],
    [
      'a reveal of an unknown kind',
      { type: 'reveal', uri, target: { kind: 'file', path: '/etc' } },
      "reveal: bad or missing 'target'",
    ],
    [
      'an edge index that is not whole',
      { type: 'reveal', uri, target: { kind: 'edge', index: 1.5 } },
      "reveal: bad or missing 'target'",
    ],
    ['a PoP that is not text', { type: 'togglePop', uri, pop: { id: 'x' } }, "togglePop: bad or missing 'pop'"],
    ['a picture without its request', { type: 'picture', svg: '<svg/>' }, "picture: bad or missing 'requestId'"],
    ['a PNG that is not text', { type: 'picture', requestId: 1, svg: '', png: 42 }, "picture: bad or missing 'png'"],
    ['an unknown view', { type: 'viewChosen', uri, view: 'globe' }, "viewChosen: bad or missing 'view'"],
    [
      'an unknown convergence mode',
      { type: 'playConvergence', uri, mode: 'explode' },
      "playConvergence: bad or missing 'mode'",
    ],
    [
      'an attack switch that is not a boolean',
      { type: 'simulateAttack', uri, on: 'yes' },
      "simulateAttack: bad or missing 'on'",
    ],
    ['no uri', { type: 'togglePop', pop: 'PoPUS' }, "togglePop: bad or missing 'uri'"],
  ];
  for (const [name, message, reason] of bad) {
    it(`drops ${name}, saying why`, () => {
      assert.deepEqual(checkWebviewMessage(message), { ok: false, reason });
    });
  }

  it('logs a dropped message in one bounded line', () => {
    const line = describeDropped({ type: 'x', blob: 'a'.repeat(1000) }, 'unknown type "x"');
    assert.ok(line.startsWith('Dropped a message from the preview (unknown type "x"): {"type":"x","blob":"aaa'));
    assert.ok(line.length < 300 && !line.includes('\n'), line);
  });
});
