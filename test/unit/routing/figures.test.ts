import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percent, plural, wrapWords } from '../../../src/routing/words/figures';

describe('percent: one way to write a share everywhere', () => {
  it('writes shares of 10% and more as whole numbers', () => {
    assert.equal(percent(1 / 3), '33%');
    assert.equal(percent(2 / 3), '67%');
    assert.equal(percent(0.1), '10%');
    assert.equal(percent(0.5), '50%');
  });

  it('writes shares under 10% with one decimal, so 1 client in 23 reads 4.3%', () => {
    assert.equal(percent(1 / 23), '4.3%');
    assert.equal(percent(0.05), '5.0%');
    assert.equal(percent(0.001), '0.1%');
  });

  it('moves to whole numbers where one decimal would round up to 10', () => {
    assert.equal(percent(0.0994), '9.9%');
    assert.equal(percent(0.0996), '10%');
  });

  it('writes none as 0% and all as 100%', () => {
    assert.equal(percent(0), '0%');
    assert.equal(percent(1), '100%');
  });

  it('never rounds a share that is not none to 0%, nor one that is not all to 100%', () => {
    assert.equal(percent(0.0004), '<0.1%');
    assert.equal(percent(1e-9), '<0.1%');
    assert.equal(percent(0.996), '>99%');
    assert.equal(percent(1 - 1e-9), '>99%');
    assert.equal(percent(0.994), '99%');
  });
});

describe('plural', () => {
  it('adds an s to every count but one', () => {
    assert.equal(plural(0, 'client'), '0 clients');
    assert.equal(plural(1, 'client'), '1 client');
    assert.equal(plural(3, 'client'), '3 clients');
  });
});

describe('wrapWords', () => {
  it('breaks between words so that no line passes the width', () => {
    assert.deepEqual(wrapWords('Catchments · LHR, AS1299 Arelion down', 20), [
      'Catchments · LHR,',
      'AS1299 Arelion down',
    ]);
  });

  it('keeps a word longer than the width on a line of its own, and drops extra blanks', () => {
    assert.deepEqual(wrapWords('  a  Extraordinarily b ', 5), ['a', 'Extraordinarily', 'b']);
    assert.deepEqual(wrapWords('', 5), []);
  });
});
