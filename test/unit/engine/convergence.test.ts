import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asGraphFromLinks, asIndex } from '../../../src/engine/index';
import type { Topology } from '../../../src/engine/index';
import { settledShare, simulateAsConvergence, simulateConvergence } from '../../../src/engine/convergence/index';
import type { ClientTimeline, ConvergenceOptions } from '../../../src/engine/convergence/index';
import { peering, pop, router, transit } from './topologyBuilders';

/** Every message takes exactly 10 ms (no locations, so no propagation delay) and MRAI runs exactly 30 s. */
const exact: ConvergenceOptions = { timers: { processingMs: [10, 10], mraiJitter: [1, 1] } };

/** A timeline as `seconds:PoP` steps, `-` for no service. */
function steps(timeline: ClientTimeline | undefined): string[] {
  return (timeline?.states ?? []).map((s) => `${s.at}:${s.pop ?? '-'}`);
}

test('path exploration in a chain: a stale detour, then a withdrawal, then MRAI holds the new route for 30 s', () => {
  // AS1 (r1) hosts the client and buys transit from AS2 (r2); AS2 buys from AS3 (r3). PoP P (AS10)
  // is a customer of AS1 and of AS8 (r8), AS8 of AS7 (r7), and AS7 peers with AS2: a second,
  // longer way to P. PoP Q (AS90) peers with AS3. Before: r1 [1 10]; r2 prefers its customer
  // route [2 1 10] (LOCAL_PREF 200) over the peer route [2 7 8 10] (150); r3 prefers the customer
  // route [3 2 1 10] over the peer route [3 90], so Q's route is not passed down to r2 at all.
  const chain: Topology = {
    routers: [router('p', 10), router('q', 90), router('r1', 1), router('r8', 8), router('r7', 7)].concat([
      router('r2', 2),
      router('r3', 3),
    ]),
    sessions: [
      transit('p-r1', 'p', 'r1'),
      transit('p-r8', 'p', 'r8'),
      transit('r8-r7', 'r8', 'r7'),
      peering('r7-r2', 'r7', 'r2'),
      transit('r1-r2', 'r1', 'r2'),
      transit('r2-r3', 'r2', 'r3'),
      peering('q-r3', 'q', 'r3'),
    ],
    origins: [pop('P', 'p'), pop('Q', 'q')],
    clients: [{ id: 'user', router: 'r1' }],
  };
  const result = simulateConvergence(chain, [{ kind: 'withdraw-pop', pop: 'P' }], exact);
  // t=0      p withdraws: r1 still points at p, which has no route: no service.
  // t=10 ms  r1 hears the withdrawal and has no route (r2's [2 1 10] holds AS1); it withdraws to r2.
  //          r8 hears it too and withdraws to r7.
  // t=20 ms  r2 hears r1's withdrawal and takes the stale peer route [2 7 8 10]: it advertises it to
  //          r1 (r2->r1 MRAI starts: no other advertisement to r1 before t = 30.020 s) and withdraws
  //          from r3 and r7 (a peer route goes to customers only). r7 hears r8's withdrawal and
  //          takes the stale [7 2 1 10] from r2.
  // t=30 ms  three messages land at once. r1 takes [1 2 7 8 10] from r2. r3 hears r2's withdrawal
  //          and falls back to Q [3 90], which it now advertises to its customer r2. r2 hears r7's
  //          withdrawal (r7 took a peer route, which does not go to peers) and has no route left:
  //          it withdraws to r1 at once (withdrawals wait for no MRAI). r1's packets die at r2.
  // t=40 ms  r1 hears the withdrawal: no route. r2 hears [3 90] and takes [2 3 90], but the
  //          advertisement to r1 waits for the MRAI timer.
  // t=30.020 s  the timer runs out and r2 sends [2 3 90]; t=30.030 s r1 has it: the client reaches Q.
  // t=30.040 s  the last message: r1's new route reaches p, its customer (p's PoP is withdrawn, its router is up).
  const user = result.clients[0];
  assert.deepEqual(steps(user), ['0:P', '0:-', '0.01:-', '0.03:-', '0.04:-', '30.03:Q']);
  assert.deepEqual(user?.states[3]?.path, ['r1', 'r2']);
  assert.equal(user?.withoutService, 30.03);
  assert.equal(user?.settle, 30.03);
  assert.equal(user?.popChanges, 1);
  assert.deepEqual(user?.resetAt, ['P']);
  assert.equal(result.lastUpdate, 30.04);
});

/** A client on r (AS100) with two PoPs: P directly, Q one prepend further away. */
const twoPops: Topology = {
  routers: [router('r', 100), router('p', 10), router('q', 20)],
  sessions: [transit('p-r', 'p', 'r'), transit('q-r', 'q', 'r', { prepend: { a: 1 } })],
  origins: [pop('P', 'p'), pop('Q', 'q')],
  clients: [{ id: 'user', router: 'r', weight: 3 }],
};

test('a graceful withdrawal costs one message delay; a crash costs the 90 s hold time', () => {
  const withdrawn = simulateConvergence(twoPops, [{ kind: 'withdraw-pop', pop: 'P' }], exact);
  assert.deepEqual(steps(withdrawn.clients[0]), ['0:P', '0:-', '0.01:Q']);
  assert.equal(withdrawn.clients[0]?.withoutService, 0.01);
  assert.deepEqual(
    withdrawn.routers.find((r) => r.id === 'p'),
    { id: 'p', updates: 0, withdrawals: 1 },
  );

  const crashed = simulateConvergence(twoPops, [{ kind: 'crash-pop', pop: 'P' }], exact);
  assert.deepEqual(steps(crashed.clients[0]), ['0:P', '0:-', '90:Q']);
  assert.equal(crashed.clients[0]?.withoutService, 90);
  assert.deepEqual(
    crashed.routers.find((r) => r.id === 'p'),
    { id: 'p', updates: 0, withdrawals: 0 },
  );
});

test('BFD (300 ms x 3) notices a crashed PoP after 0.9 s instead of the hold time', () => {
  const bfd = simulateConvergence(twoPops, [{ kind: 'crash-pop', pop: 'P' }], {
    timers: { ...exact.timers, bfd: { intervalMs: 300, multiplier: 3 } },
  });
  assert.deepEqual(steps(bfd.clients[0]), ['0:P', '0:-', '0.9:Q']);
  const hold = simulateConvergence(twoPops, [{ kind: 'crash-pop', pop: 'P' }], {
    timers: { ...exact.timers, holdTime: 9 },
  });
  assert.deepEqual(steps(hold.clients[0]), ['0:P', '0:-', '9:Q']);
});

test('a failed session is noticed after the hold time; its traffic is black-holed until then', () => {
  const result = simulateConvergence(twoPops, [{ kind: 'fail-session', session: 'p-r' }], exact);
  assert.deepEqual(steps(result.clients[0]), ['0:P', '0:-', '90:Q']);
});

test('graceful shutdown (RFC 8326) moves the client before the withdrawal: no time without service', () => {
  const drained = simulateConvergence(twoPops, [{ kind: 'drain-pop', pop: 'P', withdrawAfter: 30 }], exact);
  const user = drained.clients[0];
  // p re-announces with GRACEFUL_SHUTDOWN; r lowers it to LOCAL_PREF 0 and prefers Q at 10 ms.
  assert.deepEqual(steps(user), ['0:P', '0.01:Q']);
  assert.equal(user?.withoutService, 0);
  assert.equal(user?.popChanges, 1);
  assert.deepEqual(
    drained.routers.find((r) => r.id === 'p'),
    { id: 'p', updates: 1, withdrawals: 1 },
  );
  assert.equal(drained.end, 30.01);
});

test('a restored PoP wins its clients back once its session is open and its route arrives', () => {
  const result = simulateConvergence(
    twoPops,
    [
      { kind: 'withdraw-pop', pop: 'P' },
      { kind: 'restore-pop', pop: 'P', at: 60 },
    ],
    exact,
  );
  assert.deepEqual(steps(result.clients[0]), ['0:P', '0:-', '0.01:Q', '60.01:P']);
  assert.equal(result.clients[0]?.popChanges, 2);
  assert.deepEqual(result.clients[0]?.resetAt, ['P', 'Q']);
});

test('the same seed gives the same run, another seed other delays', () => {
  const run = (seed: number) => simulateConvergence(twoPops, [{ kind: 'withdraw-pop', pop: 'P' }], { seed });
  assert.deepEqual(run(5), run(5));
  assert.notDeepEqual(run(5).clients[0]?.states, run(6).clients[0]?.states);
});

test('a dispute wheel is reported when the simulated time runs out, not run forever', () => {
  // BAD GADGET (see the resolver's test): each of r1, r2, r3 prefers the route through the next
  // one while that one uses its direct route. The origin starts down and is announced at t=0.
  const wheel: Topology = {
    routers: [router('o', 100), router('r1', 1), router('r2', 2), router('r3', 3)],
    sessions: [
      transit('o1', 'o', 'r1'),
      transit('o2', 'o', 'r2'),
      transit('o3', 'o', 'r3'),
      peering('p12', 'r1', 'r2', { localPref: { a: 300 } }),
      peering('p23', 'r2', 'r3', { localPref: { a: 300 } }),
      peering('p31', 'r3', 'r1', { localPref: { a: 300 } }),
    ],
    origins: [{ ...pop('O', 'o'), state: 'down' }],
    clients: [{ id: 'user', router: 'r1' }],
  };
  const result = simulateConvergence(wheel, [{ kind: 'restore-pop', pop: 'O' }], { ...exact, maxTime: 600 });
  assert.ok(result.unstable, 'expected the dispute wheel to be reported');
  assert.deepEqual(result.unstable.routers, ['r1', 'r2', 'r3']);
  assert.match(result.unstable.message, /no stable routing: after 600 s simulated/);
  assert.ok(result.end <= 600);
});

test('a what-if that names nothing is a warning, not an error', () => {
  const result = simulateConvergence(twoPops, [{ kind: 'withdraw-pop', pop: 'nowhere' }], exact);
  assert.deepEqual(result.warnings, ["no PoP 'nowhere' to withdraw"]);
  assert.deepEqual(steps(result.clients[0]), ['0:P']);
});

test('at AS level, a withdrawn origin: its provider falls back to a peer route, a multihomed customer to its other provider', () => {
  // AS1 and AS2 are tier-1 peers; origin AS10 buys from AS1, origin AS20 from AS2; AS30 buys from
  // both and, the two paths being equally long, picks the lower neighbour: [30 1 10].
  const graph = asGraphFromLinks([
    { a: 1, b: 2, relationship: 'peer-peer' },
    { a: 1, b: 10, relationship: 'provider-customer' },
    { a: 2, b: 20, relationship: 'provider-customer' },
    { a: 1, b: 30, relationship: 'provider-customer' },
    { a: 2, b: 30, relationship: 'provider-customer' },
  ]);
  const result = simulateAsConvergence(graph, [{ asn: 10 }, { asn: 20 }], [10], exact);
  const settle = (asn: number): number => result.settle[asIndex(graph, asn)] as number;
  // t=0     AS10 withdraws to AS1.
  // t=10 ms AS1 takes the peer route [1 2 20]: it advertises it to its customers AS30 and AS10, and
  //         withdraws from its peer AS2 (a peer route is not passed to peers).
  // t=20 ms AS30 hears [1 2 20] and prefers the shorter [30 2 20]; AS10 takes [10 1 2 20]; AS2 keeps [2 20].
  assert.deepEqual([settle(1), settle(30), settle(10), settle(2), settle(20)], [0.01, 0.02, 0.02, -1, -1]);
  assert.equal(result.affected, 3);
  assert.equal(result.updates, 2);
  assert.equal(result.withdrawals, 2);
  assert.equal(settledShare(result, 0.015), 1 / 3);
  assert.equal(settledShare(result, 1), 1);
  assert.equal(result.nextHop[asIndex(graph, 30)], asIndex(graph, 2));
});
