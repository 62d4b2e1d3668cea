import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientTimeline } from '../../../src/engine/convergence/index';
import { simulateConvergence } from '../../../src/engine/convergence/index';
import { clientStory, convergenceMarkdown, duration } from '../../../src/routing/words/convergenceWords';

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

test('the summary section has the headline, each affected client and the timeline table', () => {
  const result = simulateConvergence(
    {
      routers: [
        { id: 'r', asn: 100 },
        { id: 'p', asn: 10 },
        { id: 'q', asn: 20 },
      ],
      sessions: [
        { id: 's1', a: 'p', b: 'r', relationship: 'customer-provider' },
        { id: 's2', a: 'q', b: 'r', relationship: 'customer-provider', prepend: { a: 1 } },
      ],
      origins: [
        { id: 'us', router: 'p', prefixes: ['203.0.113.0/24'] },
        { id: 'eu', router: 'q', prefixes: ['203.0.113.0/24'] },
      ],
      clients: [{ id: 'ny', router: 'r' }],
    },
    [{ kind: 'crash-pop', pop: 'us' }],
  );
  const markdown = convergenceMarkdown(result, name);
  assert.match(markdown, /^## Convergence\n\nRouting quiet after 90 s/);
  assert.match(markdown, /- New York: 90 s without service, then 1 PoP change; settled on EU-West after 90 s/);
  assert.match(markdown, /\| New York \| before \| US-East \| r → p \|/);
  assert.match(markdown, /\| {2}\| 90 s \| EU-West \| r → q \|/);
  assert.match(
    markdown,
    /_Simulated with MRAI 30 s on eBGP \(jitter 0\.75–1\), hold time 90 s, processing 1–10 ms, seed 1\._/,
  );
});
