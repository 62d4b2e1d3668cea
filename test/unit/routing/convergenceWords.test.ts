import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientTimeline } from '../../../src/engine/convergence/index';
import { clientStory, duration } from '../../../src/routing/words/convergenceWords';

const names: Record<string, string> = { ny: 'New York', us: 'US-East', eu: 'EU-West', ap: 'Asia-Pacific' };
const name = (id: string): string => names[id] ?? id;

function timeline(states: ClientTimeline['states'], figures: Partial<ClientTimeline> = {}): ClientTimeline {
  return { id: 'ny', weight: 1, states, withoutService: 0, popChanges: 0, settle: 0, resetAt: [], ...figures };
}

test('durations read as an operator says them', () => {
  assert.deepEqual([0, 0.0124, 0.9, 30, 30.034].map(duration), ['0 s', '12 ms', '900 ms', '30 s', '30.03 s']);
});

test('a client that moved says how long it was dark, how often it changed PoP and which connections reset', () => {
  const story = clientStory(
    timeline(
      [
        { at: 0, pop: 'us', path: [] },
        { at: 0, path: [] },
        { at: 31, pop: 'ap', path: [] },
        { at: 61, pop: 'eu', path: [] },
      ],
      { withoutService: 31, popChanges: 2, settle: 61, resetAt: ['us', 'ap'] },
    ),
    name,
  );
  assert.equal(
    story,
    'New York: 31 s without service, then 2 PoP changes; settled on EU-West after 61 s; its TCP and QUIC connections to US-East and Asia-Pacific reset (UDP such as DNS only retried).',
  );
});

test('a client back on its own PoP keeps its connections if they wait; one left without a PoP says so', () => {
  const back = timeline(
    [
      { at: 0, pop: 'us', path: [] },
      { at: 0, path: [] },
      { at: 90, pop: 'us', path: [] },
    ],
    { withoutService: 90, settle: 90 },
  );
  assert.match(
    clientStory(back, name),
    /90 s without service; settled on US-East after 90 s; it comes back to the same PoP/,
  );
  const lost = timeline([
    { at: 0, pop: 'us', path: [] },
    { at: 2, path: [] },
  ]);
  assert.equal(
    clientStory(lost, name),
    'New York: without service from 2 s on; no PoP is reachable once the routing settles.',
  );
  assert.equal(clientStory(timeline([{ at: 0, pop: 'us', path: [] }]), name), 'New York: not affected.');
});
