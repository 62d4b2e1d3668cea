import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { n1Markdown } from '../../../src/routing/words/n1Words';
import { threePops } from './loadDiagram';

describe('the N-1 capacity document', () => {
  it('lists each failure worst first with where its worst utilisation lands', () => {
    const md = n1Markdown(new DiagramAnalysis(threePops.join('\n')), 'three.anycast.mmd');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| If'));
    // See loadDiagram.ts: without Frankfurt Amsterdam carries 130 of 100 Gbps, without Amsterdam
    // Frankfurt 130 of 200, without Rome Amsterdam stays the worst at 60%.
    assert.deepEqual(rows, [
      '| FRA (Frankfurt) | AMS (Amsterdam) 60% -> 130% of 100 Gbps | ⚠ over capacity (130%) |',
      '| AMS (Amsterdam) | FRA (Frankfurt) 35% -> 65% of 200 Gbps |  |',
      '| ROM (Rome) | AMS (Amsterdam) 60% -> 60% of 100 Gbps |  |',
    ]);
  });
  it('says why there is no table without capacities', () => {
    const lines = threePops.map((l) => l.replace(/@\{ capacity: \d+Gbps \}/, ''));
    assert.match(n1Markdown(new DiagramAnalysis(lines.join('\n')), 'x'), /No PoP states a `capacity`/);
  });
});
