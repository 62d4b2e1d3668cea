import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DiagramAnalysis } from '../../../../src/routing/analysis';
import { candidateChanges, MOVE_KINDS } from '../../../../src/routing/plan/candidates';
import { changeEdit } from '../../../../src/routing/plan/changeEdits';
import { planChanges } from '../../../../src/routing/plan/plan';
import type { Plan } from '../../../../src/routing/plan/plan';
import { noFailures, pruneScenario, scenarioKey } from '../../../../src/routing/scenario';
import { simulationHeadline, simulationSummary } from '../../../../src/routing/words/simulationSummary';
import type { PolicyChange } from '../../../../src/routing/scenario';
import { applyEdits } from '../../language/applyEdits';
import { leftoverDrain, overloadedWest } from './plannedDiagrams';

const example = (name: string): string =>
  readFileSync(new URL(`../../../../examples/${name}.anycast.mmd`, import.meta.url), 'utf8');

async function planOf(text: string, depth: 1 | 2 = 1): Promise<Plan> {
  const plan = await planChanges(new DiagramAnalysis(text), { objective: 'mean-rtt', moves: MOVE_KINDS, depth });
  assert.notEqual(typeof plan, 'string', String(plan));
  return plan as Plan;
}

/** Each client's PoP and RTT. */
const catchments = (clients: readonly { id: string; pop?: string; rttMs?: number }[] | undefined): string[] =>
  (clients ?? []).map((c) => `${c.id}:${c.pop ?? '-'}:${c.rttMs ?? '-'}`);

describe('anycast plan: suggestions', () => {
  it('finds the left-over prepend that sends users east across 20 degrees, and removes it from the label', async () => {
    const plan = await planOf(leftoverDrain);
    assert.equal(Math.round(plan.before * 10) / 10, 25.3);
    const first = plan.suggestions[0];
    assert.ok(first);
    assert.deepEqual(first.changes, [{ kind: 'prepend', edge: { from: 'E', to: 'T' }, count: 0 }]);
    assert.equal(first.after, 1);
    assert.equal(first.moved, 1);
    const edit = first.edits[0];
    assert.ok(edit);
    // Line 10, column 9 (1-based): the label after `  E -->|`.
    assert.deepEqual(edit.range.start, { line: 9, character: 8 });
    assert.equal(edit.oldText, 'transit prepend 2');
    assert.equal(edit.newText, 'transit');
    assert.ok(applyEdits(leftoverDrain, [edit.edit]).includes('  E -->|transit| T\n'));
  });

  it('ranks an equal gain by document order: West prepending twice ties both routes too', async () => {
    const plan = await planOf(leftoverDrain);
    assert.deepEqual(plan.suggestions[1]?.changes, [{ kind: 'prepend', edge: { from: 'W', to: 'T' }, count: 2 }]);
    assert.equal(plan.suggestions[1]?.edits[0]?.newText, 'transit prepend 2');
    // West prepending three times sends users west east too: (33.4 + 3 x 1) / 4 = 9.1 ms.
    assert.equal(Math.round((plan.suggestions[2]?.after ?? 0) * 10) / 10, 9.1);
  });

  it('suggests nothing that does not improve: withdrawing East leaves the mean as it is', async () => {
    const plan = await planOf(leftoverDrain);
    assert.ok(plan.suggestions.every((s) => s.after < plan.before));
    assert.ok(!plan.suggestions.some((s) => s.changes.some((c) => c.kind === 'withdraw' && c.pop === 'E')));
  });

  it('at depth 2 pairs the best single changes, never two on one edge', async () => {
    const plan = await planOf(leftoverDrain, 2);
    // 2 PoP sessions x (3 prepends + no-export) + 2 withdrawals = 10 single changes.
    assert.ok(plan.evaluated > 10);
    for (const s of plan.suggestions) {
      const edges = s.changes.flatMap((c) => (c.kind === 'withdraw' ? [] : [`${c.edge.from}-${c.edge.to}`]));
      assert.equal(new Set(edges).size, edges.length);
    }
  });
});

describe('anycast plan: max-utilization', () => {
  it('finds the one prepend that brings the worst PoP from 110% to 70%, with the exact edit', async () => {
    const plan = await planChanges(new DiagramAnalysis(overloadedWest), {
      objective: 'max-utilization',
      moves: MOVE_KINDS,
      depth: 1,
    });
    assert.ok(typeof plan !== 'string', String(plan));
    assert.equal(plan.before, 1.1);
    const first = plan.suggestions[0];
    assert.deepEqual(first?.changes, [{ kind: 'prepend', edge: { from: 'W', to: 'T2' }, count: 1 }]);
    assert.equal(first?.after, 0.7);
    assert.ok((first?.after ?? 1) < 0.8);
    assert.equal(first?.moved, 1);
    // Line 12, column 9 (1-based): the label of `  W -->|transit| T2`.
    assert.deepEqual(first?.edits[0]?.range.start, { line: 11, character: 8 });
    assert.deepEqual([first?.edits[0]?.oldText, first?.edits[0]?.newText], ['transit', 'transit prepend 1']);
    // Nothing that overloads East is offered.
    assert.ok(plan.suggestions.every((s) => s.after < 1.1));
  });

  it('says why when no PoP has a capacity', async () => {
    const plan = await planChanges(new DiagramAnalysis(leftoverDrain), {
      objective: 'max-utilization',
      moves: MOVE_KINDS,
      depth: 1,
    });
    assert.equal(typeof plan, 'string');
  });
});

describe('anycast plan: the edit and the preview agree', () => {
  /** The routing of the edited text equals the routing of the text as written under the change. */
  function assertSameRouting(text: string, change: PolicyChange): void {
    const analysis = new DiagramAnalysis(text);
    const edit = changeEdit(text, analysis.model, change);
    assert.ok(edit, JSON.stringify(change));
    const edited = new DiagramAnalysis(applyEdits(text, [edit.edit]));
    assert.deepEqual(
      edited.diagnostics.filter((d) => d.severity === 'error'),
      [],
      `${JSON.stringify(change)}: ${edit.newText}`,
    );
    const previewed = analysis.underScenario({ ...noFailures, changes: [change] }).resolution;
    assert.deepEqual(catchments(edited.baseline?.clients), catchments(previewed?.clients), JSON.stringify(change));
  }

  it('for every candidate change on the DNS example (NO_EXPORT instances, peers both ways)', () => {
    const text = example('dns');
    const changes = candidateChanges(new DiagramAnalysis(text).model, MOVE_KINDS);
    assert.ok(changes.length > 20);
    for (const change of changes) assertSameRouting(text, change);
  });

  it('for every candidate change on the small diagram', () => {
    for (const change of candidateChanges(new DiagramAnalysis(leftoverDrain).model, MOVE_KINDS))
      assertSameRouting(leftoverDrain, change);
  });

  it('for one change of each kind on the CDN example', () => {
    const text = example('cdn');
    const changes = candidateChanges(new DiagramAnalysis(text).model, MOVE_KINDS);
    for (const kind of ['prepend', 'no-export', 'local-pref', 'withdraw'] as const) {
      const change = changes.find((c) => c.kind === kind);
      assert.ok(change, kind);
      assertSameRouting(text, change);
    }
  });

  it('writes a withdrawal as state: down inside the PoP metadata', () => {
    const analysis = new DiagramAnalysis(leftoverDrain);
    const edit = changeEdit(leftoverDrain, analysis.model, { kind: 'withdraw', pop: 'W' });
    assert.equal(edit?.oldText, '{ asn: 64600, loc: "0,0" }');
    assert.equal(edit?.newText, '{ asn: 64600, loc: "0,0", state: down }');
  });

  it('writes LOCAL_PREF after the relationship, and replaces one already written', () => {
    const text = example('cdn');
    const model = new DiagramAnalysis(text).model;
    const raise = changeEdit(text, model, { kind: 'local-pref', edge: { from: 'Comcast', to: 'Cogent' }, value: 250 });
    assert.deepEqual([raise?.oldText, raise?.newText], ['transit', 'transit lp 250']);
    const lower = changeEdit(text, model, { kind: 'local-pref', edge: { from: 'Comcast', to: 'Lumen' }, value: 50 });
    assert.deepEqual([lower?.oldText, lower?.newText], ['transit lp 200', 'transit lp 50']);
  });
});

describe('a suggestion previewed as the simulation', () => {
  const change: PolicyChange = { kind: 'prepend', edge: { from: 'E', to: 'T' }, count: 0 };

  it('says the change and who moved in the headline and the summary', () => {
    const routing = new DiagramAnalysis(leftoverDrain).underScenario({ ...noFailures, changes: [change] });
    assert.equal(simulationHeadline(routing), 'East → AS200 Transit: no prepend · 1 client moved');
    const summary = simulationSummary(routing, 'd');
    assert.ok(summary.includes('**Suggested change:** East → AS200 Transit: no prepend'));
    assert.ok(!summary.includes('**Down:**'));
  });

  it('is its own scenario, and is dropped when the text no longer has its edge', () => {
    assert.notEqual(scenarioKey({ ...noFailures, changes: [change] }), scenarioKey(noFailures));
    const edited = new DiagramAnalysis(leftoverDrain.replace('  E -->|transit prepend 2| T\n', ''));
    assert.deepEqual(pruneScenario({ ...noFailures, changes: [change] }, edited.model), noFailures);
  });
});
