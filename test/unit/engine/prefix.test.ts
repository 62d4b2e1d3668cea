import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, cidrOverlaps, longestMatch, parseAddress, parseCidr } from '../../../src/engine/index';

const good: [string, string][] = [
  ['203.0.113.0/24', '203.0.113.0/24'],
  ['0.0.0.0/0', '0.0.0.0/0'],
  ['2001:DB8::/32', '2001:db8::/32'],
  ['2001:db8:0:0:1::/80', '2001:db8:0:0:1::/80'],
  ['::/0', '::/0'],
  ['2001:db8::1/128', '2001:db8::1/128'],
  ['::ffff:192.0.2.0/120', '::ffff:c000:200/120'],
];
for (const [input, normal] of good) {
  test(`parses ${input}`, () => {
    const result = parseCidr(input);
    assert.ok(result.ok, result.ok ? '' : result.error);
    assert.equal(result.value.text, normal);
  });
}

const badCidrs: [string, RegExp][] = [
  ['203.0.113.1/24', /host bits set; the network is 203\.0\.113\.0\/24/],
  ['203.0.113.0', /no prefix length/],
  ['203.0.113.0/33', /0 to 32/],
  ['256.0.0.0/8', /above 255/],
  ['1.2.3/24', /four dotted/],
  ['2001:db8::1::/64', /more than one/],
  ['2001:db8:g::/48', /hex group/],
  ['2001:db8::/129', /0 to 128/],
];
for (const [input, message] of badCidrs) {
  test(`rejects ${input}`, () => {
    const result = parseCidr(input);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error, message);
  });
}

test('containment and overlap respect family and length', () => {
  const p24 = parseCidr('203.0.113.0/24');
  const p25 = parseCidr('203.0.113.128/25');
  const v6 = parseCidr('2001:db8::/32');
  assert.ok(p24.ok && p25.ok && v6.ok);
  assert.ok(cidrContains(p24.value, p25.value));
  assert.ok(!cidrContains(p25.value, p24.value));
  assert.ok(cidrOverlaps(p25.value, p24.value));
  assert.ok(!cidrOverlaps(p24.value, v6.value));
  const address = parseAddress('2001:db8::53');
  assert.ok(address.ok && cidrContains(v6.value, address.value));
});

test('longest match picks the most specific covering prefix', () => {
  assert.equal(longestMatch(['203.0.113.0/24', '203.0.113.0/25', '198.51.100.0/24'], '203.0.113.1'), '203.0.113.0/25');
  assert.equal(longestMatch(['203.0.113.0/24', '203.0.113.0/25'], '203.0.113.200'), '203.0.113.0/24');
  assert.equal(longestMatch(['203.0.113.0/24'], '192.0.2.1'), undefined);
});
