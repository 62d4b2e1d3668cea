import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../src/routing/analysis';
import { failingPops } from '../../../src/routing/scenario';
import { hoverAt } from '../../../src/routing/words/hoverText';
import { smallCdn } from './loadDiagram';
import { simulationSummary, popLenses } from '../../../src/routing/words/simulationSummary';

const text = smallCdn.join('\n');

describe('load in words', () => {
  it('the code lens says clients, load and utilisation, and marks a PoP above the threshold in words', () => {
    const lenses = popLenses(new DiagramAnalysis(text).underScenario());
    assert.deepEqual(
      lenses.map((l) => l.title),
      [
        '2 clients · 70 Gbps · 70% of 100 Gbps',
        '1 client · 45 Gbps · 90% of 50 Gbps · ⚠ above 80%',
        '2 clients · 25 Gbps · 125% of 20 Gbps · ⚠ over capacity',
      ],
    );
  });
  it('the editor’s threshold applies unless the front matter sets one', () => {
    const lenses = popLenses(new DiagramAnalysis(text).underScenario(), { warnAbove: 0.95 });
    assert.equal(lenses[1]?.title, '1 client · 45 Gbps · 90% of 50 Gbps');
  });
  it('the PoP hover gives its load, and a hover on a capacity says what it is', () => {
    const routing = new DiagramAnalysis(text).underScenario();
    assert.match(
      hoverAt(routing, { line: 8, character: 3 })?.markdown ?? '',
      /Load: 25 Gbps · 125% of 20 Gbps · ⚠ over capacity/,
    );
    assert.match(hoverAt(routing, { line: 6, character: 35 })?.markdown ?? '', /^\*\*capacity\*\* 100 Gbps: /);
  });
  it('in a simulation the lens and the summary give the load after, and before', () => {
    const routing = new DiagramAnalysis(text).underScenario(failingPops(['FRA']));
    // Paris and London (70 Gbps) move to IAD: 115 of 50 Gbps = 230%, was 90%. The share of
    // clients (weight 1 each, 5 in all) goes from 1/5 = 20% to 3/5 = 60%.
    assert.equal(popLenses(routing)[1]?.title, '3 clients · 115 Gbps · 230% of 50 Gbps · ⚠ over capacity (was 90%)');
    const summary = simulationSummary(routing, 'x');
    assert.match(
      summary,
      /\| IAD \| 1 client · 20% · 45 Gbps · 90% of 50 Gbps · ⚠ above 80% \| 3 clients · 60% · 115 Gbps · 230% of 50 Gbps · ⚠ over capacity \|/,
    );
  });
});
