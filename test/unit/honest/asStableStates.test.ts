import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runResolve } from '../../../src/cli/resolve';
import { fakeIo } from '../cli/fakeIo';

/**
 * DISAGREE at AS level: AS100 buys transit from AS10, AS200 from AS20, and AS10 and AS20 peer;
 * with `--local-pref 10-20=300 --local-pref 20-10=300` each prefers the other's route (300) over
 * its own customer's (200). A peer route is not passed to a peer, so whichever settles first on
 * its own customer gives the other its route.
 * - As written (both origins at once, AS10 recomputed first): AS10 takes AS100 (10 100) and sends
 *   it to AS20, which prefers it to AS200: AS20 reaches AS100 by 20 10 100.
 * - AS200 announced first: AS20 takes AS200 (20 200), AS10 prefers it (10 20 200) and keeps it when
 *   AS100 arrives: both reach AS200.
 */
const AS_REL = '10|100|-1\n20|200|-1\n10|20|0\n';
const DISAGREE = ['--as-rel', 'rel.txt', '--origin', '100', '--origin', '200'];
const OVERRIDES = ['--local-pref', '10-20=300', '--local-pref', '20-10=300'];

interface Json {
  orderDependent?: {
    asns: number[];
    states: { order: string; routes: { asn: number; originAsn?: number; asPath?: number[] }[] }[];
    message: string;
  };
}

describe('several stable states at AS level (--local-pref overrides)', () => {
  it('reports order-dependent DISAGREE with the ASes and both outcomes', async () => {
    const io = fakeIo({ 'rel.txt': AS_REL });
    assert.equal(await runResolve([...DISAGREE, ...OVERRIDES], io), 0, io.stderr);
    assert.match(
      io.stdout,
      /ORDER-DEPENDENT: 2 stable states, depending on the order of events: as written, AS10 reaches AS100 \(10 100\), AS20 reaches AS100 \(20 10 100\); with AS200 announced first, AS10 reaches AS200 \(10 20 200\), AS20 reaches AS200 \(20 200\)\. ASes whose route differs: AS10, AS20/,
    );
  });

  it('--json carries every stable state found', async () => {
    const io = fakeIo({ 'rel.txt': AS_REL });
    assert.equal(await runResolve([...DISAGREE, ...OVERRIDES, '--json'], io), 0, io.stderr);
    const order = (JSON.parse(io.stdout) as Json).orderDependent;
    assert.ok(order, 'expected orderDependent in the JSON');
    assert.deepEqual(order.asns, [10, 20]);
    assert.deepEqual(order.states, [
      {
        order: 'as written',
        routes: [
          { asn: 10, originAsn: 100, asPath: [10, 100] },
          { asn: 20, originAsn: 100, asPath: [20, 10, 100] },
        ],
      },
      {
        order: 'AS200 announced first',
        routes: [
          { asn: 10, originAsn: 200, asPath: [10, 20, 200] },
          { asn: 20, originAsn: 200, asPath: [20, 200] },
        ],
      },
    ]);
  });

  it('does not search when the overrides keep customer routes first (AS10 sets 120 on its peer)', async () => {
    const io = fakeIo({ 'rel.txt': AS_REL });
    assert.equal(await runResolve([...DISAGREE, '--local-pref', '10-20=120', '--json'], io), 0, io.stderr);
    assert.equal((JSON.parse(io.stdout) as Json).orderDependent, undefined);
  });
});
