import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolve } from '../../../src/engine/index';
import type { RouterSpec, SessionSpec, Topology } from '../../../src/engine/index';
import { peering, pop, router, transit } from './topologyBuilders';

/**
 * BAD GADGET on a ring of `n` (odd) transit ASes w0..w(n-1): the origin o buys from each, and wi
 * sets LOCAL_PREF 300 on routes from w(i+1), above its own customer route. No stable routing
 * exists; each wi prefers the route through the next, so the wheel is w0 → w1 → ... → w(n-1).
 */
function ring(n: number): Topology {
  const routers: RouterSpec[] = [router('o', 100)];
  const sessions: SessionSpec[] = [];
  for (let i = 0; i < n; i++) {
    routers.push(router(`w${i}`, 1000 + i));
    sessions.push(transit(`o${i}`, 'o', `w${i}`));
    sessions.push(peering(`p${i}`, `w${i}`, `w${(i + 1) % n}`, { localPref: { a: 300 } }));
  }
  return { routers, sessions, origins: [pop('O', 'o')], clients: [] };
}

test('a dispute wheel of three routers is named in its order and closed on its first router', () => {
  const unstable = resolve(ring(3)).unstable;
  assert.ok(unstable, 'expected no stable routing');
  assert.deepEqual(unstable.routers, ['w0', 'w1', 'w2']);
  assert.deepEqual(
    unstable.cycle.map((c) => c.router),
    ['w0', 'w1', 'w2'],
  );
  assert.match(unstable.message, /^no stable routing for 203\.0\.113\.0\/24: after \d+ route recomputations, /);
  assert.match(unstable.message, /3 routers keep changing their choice: the wheel w0 → w1 → w2 → w0 \(a dispute wheel/);
});

test('a dispute wheel of 299 routers names ten of them in its order and counts the rest', () => {
  const unstable = resolve(ring(299)).unstable;
  assert.ok(unstable, 'expected no stable routing');
  assert.equal(unstable.routers.length, 299);
  assert.equal(unstable.cycle.length, 10);
  assert.match(
    unstable.message,
    /299 routers keep changing their choice: the wheel w0 → w1 → w2 → w3 → w4 → w5 → w6 → w7 → w8 → w9 → … and 289 more \(/,
  );
  assert.doesNotMatch(unstable.message, /w10\b/);
  assert.ok(unstable.message.length < 500, `a message of ${unstable.message.length} characters`);
});
