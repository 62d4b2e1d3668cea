/**
 * The simulation said in words: a one-line headline for the status bar ("US-East down · 1 client
 * moved"), the code lens over each PoP ("12 clients · Simulate failure"), and a readable summary
 * of who moved where, who lost service and how RTT changed. Pure.
 */
import type { Range } from '../../language/types';
import type { Resolution } from '../../engine/types';
import type { DocumentModel, NodeModel } from '../../language/meaning/model';
import { popDecisionByWords } from './decisionWords';
import { escapeMarkdown } from './hoverText';
import { describeChange } from './changeWords';
import { percent, plural } from './figures';
import { unplacedSentence } from './unplacedWords';
import { displayName, isEmptyScenario, isWrittenDown, sameEdge } from '../scenario';
import type { ScenarioRouting } from '../analysis';
import type { EdgeKey } from '../scenario';
import { loadOfRouting } from '../load';
import type { LoadOptions, LoadReport } from '../load';
import { popLoadLine } from './loadWords';

function names(model: DocumentModel): Map<string, string> {
  return new Map(model.nodes.map((n) => [n.id, displayName(n)]));
}

/** What is failed, by name, in diagram order: "US-East, Cogent ↔ NTT". */
export function failedThings(analysis: ScenarioRouting): string[] {
  const { model, scenario } = analysis;
  const nameOf = names(model);
  const name = (id: string): string => nameOf.get(id) ?? id;
  const edgeIndex = (k: EdgeKey): number => model.edges.findIndex((e) => sameEdge(e, k));
  const failedNodes = (ids: readonly string[]): string[] =>
    model.nodes.filter((n) => ids.includes(n.id)).map((n) => name(n.id));
  return [
    ...failedNodes(scenario.failedPops),
    ...[...scenario.failedLinks]
      .sort((a, b) => edgeIndex(a) - edgeIndex(b))
      .map((k) => `${name(k.from)} ↔ ${name(k.to)}`),
    ...failedNodes(scenario.failedAses),
  ];
}

/** PoPs the file marks down that the simulation shows up, by name, in diagram order. */
export function shownUpPops(analysis: ScenarioRouting): string[] {
  const up = analysis.scenario.upPops ?? [];
  return analysis.model.nodes.filter((n) => up.includes(n.id)).map((n) => n.name);
}

/** "LAX down, US-East up (down in the file)". */
function whatChanged(analysis: ScenarioRouting): string {
  const failed = failedThings(analysis);
  const up = shownUpPops(analysis);
  return [
    ...(failed.length > 0 ? [`${failed.join(', ')} down`] : []),
    ...(up.length > 0 ? [`${up.join(', ')} up (down in the file)`] : []),
    ...(analysis.scenario.changes ?? []).map((c) => describeChange(c, analysis.model)),
  ].join(', ');
}

/**
 * "US-East down · 1 client moved · 1 lost service", "US-East up (down in the file) · 1 client moved", and "2 stable states" when the order of events
 * decides; empty when nothing is failed and the routing is unique.
 */
export function simulationHeadline(analysis: ScenarioRouting): string {
  const order = analysis.resolution?.orderDependent;
  const states = order ? [`${order.states.length} stable states: depends on the order of events`] : [];
  if (isEmptyScenario(analysis.scenario)) return states.join('');
  const parts = [whatChanged(analysis)];
  const diff = analysis.diff;
  if (diff) {
    const moved = diff.moved.filter((m) => m.to !== undefined).length;
    parts.push(`${plural(moved, 'client')} moved`);
    if (diff.lostService.length > 0) parts.push(`${diff.lostService.length} lost service`);
  }
  return [...parts, ...states].join(' · ');
}

export interface PopLens {
  readonly pop: string;
  readonly range: Range;
  /** "12 clients · 40%" or "failed in simulation · 3 clients moved". */
  readonly title: string;
  /**
   * The lens's action: fail an up PoP, restore a failed one; a PoP the file marks down is shown up
   * in the simulation, or shown down again as the file has it.
   */
  readonly action: 'fail' | 'restore' | 'showUp' | 'showAsWritten';
  readonly actionTitle: string;
  readonly tooltip: string;
}

function catchmentWords(result: Resolution['pops'][number] | undefined): string {
  return result ? `${plural(result.clients.length, 'client')} · ${percent(result.trafficShare)}` : 'not resolved';
}

/** The lens of a PoP the file marks `state: down`: it can be shown up in the simulation, never failed. */
function writtenDownLens(
  node: NodeModel,
  analysis: ScenarioRouting,
  result: Resolution['pops'][number] | undefined,
): PopLens {
  const shownUp = (analysis.scenario.upPops ?? []).includes(node.id);
  const lens = { pop: node.id, range: node.idRange };
  if (shownUp)
    return {
      ...lens,
      title: `Up in simulation (down in the file) · ${catchmentWords(result)}`,
      action: 'showAsWritten',
      actionTitle: 'Show down, as in the file',
      tooltip: `Show ${node.name} down again, as the file has it`,
    };
  return {
    ...lens,
    title: 'Down in the file',
    action: 'showUp',
    actionTitle: 'Show up in simulation',
    tooltip: `Show ${node.name} up (the file marks it down)`,
  };
}

/** One lens per PoP, above its definition. */
export function popLenses(analysis: ScenarioRouting, loadOptions: LoadOptions = {}): PopLens[] {
  const model = analysis.model;
  const load = loadOfRouting(analysis, loadOptions);
  const results = new Map((analysis.resolution?.pops ?? []).map((p) => [p.id, p]));
  return model.nodes
    .filter((n) => n.role === 'pop')
    .map((node): PopLens => {
      const result = results.get(node.id);
      if (isWrittenDown(node)) return writtenDownLens(node, analysis, result);
      const range = node.idRange;
      if (analysis.scenario.failedPops.includes(node.id)) {
        const moved = analysis.diff?.moved.filter((m) => m.from === node.id).length ?? 0;
        return {
          pop: node.id,
          range,
          title: `Failed in simulation · ${plural(moved, 'client')} moved`,
          action: 'restore',
          actionTitle: 'Restore',
          tooltip: 'Announce this PoP again',
        };
      }
      const loadLine = load ? popLoadLine(load.after, node.id, load.before) : undefined;
      return {
        pop: node.id,
        range,
        title: loadLine && result ? `${plural(result.clients.length, 'client')} · ${loadLine}` : catchmentWords(result),
        action: 'fail',
        actionTitle: 'Simulate failure',
        tooltip: 'Withdraw this PoP in a simulation and see where its clients go',
      };
    });
}

/** A legend's button for a PoP and its tooltip: a PoP the file marks down is shown up, never failed. */
export function popToggleWords(name: string, withdrawn: boolean, writtenDown: boolean): readonly [string, string] {
  if (writtenDown)
    return withdrawn
      ? ['Show up', `Show ${name} up (the file marks it down)`]
      : ['Show down', `Show ${name} down again, as the file has it`];
  return withdrawn ? ['Restore', `Announce from ${name} again`] : ['Fail', `Simulate ${name} withdrawing`];
}

function ms(value: number | undefined): string {
  return value === undefined ? '–' : `${Math.round(value)} ms`;
}

function delta(before: number | undefined, after: number | undefined): string {
  if (before === undefined || after === undefined) return '–';
  const d = Math.round(after - before);
  return `${d > 0 ? '+' : ''}${d} ms`;
}

/** Escapes a table cell. */
function cell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}

/** What the simulation changes, one paragraph each: what is down, shown up, or changed by a suggestion. */
function simulatedLines(analysis: ScenarioRouting): string[] {
  const failed = failedThings(analysis);
  const up = shownUpPops(analysis);
  const changes = (analysis.scenario.changes ?? []).map((c) => describeChange(c, analysis.model));
  return [
    ...(failed.length > 0 ? [`**Down:** ${failed.map(cell).join(', ')}`, ''] : []),
    ...(up.length > 0 ? [`**Up (down in the file):** ${up.map(cell).join(', ')}`, ''] : []),
    ...(changes.length > 0 ? [`**Suggested change:** ${changes.map(cell).join('; ')}`, ''] : []),
  ];
}

/** The summary of the simulation as a Markdown document (opens in the editor's Markdown preview). */
export function simulationSummary(analysis: ScenarioRouting, title: string, loadOptions: LoadOptions = {}): string {
  const nameOf = names(analysis.model);
  const name = (engineId: string | undefined): string => {
    if (engineId === undefined) return 'no PoP';
    const node = analysis.nodeOf(engineId) ?? engineId;
    return nameOf.get(node) ?? node;
  };
  const out: string[] = [`# Simulation: ${cell(title)}`, ''];
  const unplaced = unplacedSentence(analysis.model, analysis.build);
  if (unplaced) out.push(`> ⚠ ${cell(unplaced)}`, '');
  if (isEmptyScenario(analysis.scenario)) {
    out.push('Nothing is failed. Run **Anycast: Simulate Failure...** to take PoPs, links or ASes down.');
    return `${out.join('\n')}\n`;
  }
  out.push(...simulatedLines(analysis));
  if (analysis.problem) out.push(`> ⚠ ${cell(analysis.problem)}`, '');
  const order = analysis.resolution?.orderDependent;
  if (order) out.push(`> ⚠ ${order.states.length} stable states: ${cell(order.message)}`, '');
  const diff = analysis.diff;
  const baseline = analysis.baseline;
  const resolution = analysis.resolution;
  if (!diff || !baseline || !resolution) {
    out.push('The routing could not be computed for this diagram.');
    return `${out.join('\n')}\n`;
  }
  const moved = diff.moved.filter((m) => m.to !== undefined);
  out.push(`## Clients that moved (${moved.length})`, '');
  if (moved.length === 0) out.push('No client changed PoP.', '');
  else {
    out.push(
      '| Client | From | To | Why the new PoP | RTT before | RTT after | Change |',
      '|---|---|---|---|---|---|---|',
    );
    for (const m of moved) {
      const why = m.why === 'unreachable' ? '–' : popDecisionByWords[m.why];
      out.push(
        `| ${cell(name(m.id))} | ${cell(name(m.from))} | ${cell(name(m.to))} | ${cell(why)}${m.previousRouteGone ? '' : ' (old route still there)'} | ${ms(m.rttBeforeMs)} | ${ms(m.rttAfterMs)} | ${delta(m.rttBeforeMs, m.rttAfterMs)} |`,
      );
    }
    out.push('');
  }
  out.push(`## Clients that lost service (${diff.lostService.length})`, '');
  out.push(
    diff.lostService.length === 0
      ? 'Every client that had a PoP still has one.'
      : diff.lostService
          .map((id) => `- ${cell(name(id))} (was served by ${cell(name(diff.moved.find((m) => m.id === id)?.from))})`)
          .join('\n'),
    '',
  );
  const before = new Map(baseline.pops.map((p) => [p.id, p]));
  const load = loadOfRouting(analysis, loadOptions);
  const loadCell = (report: LoadReport | undefined, pop: string): string => {
    const line = report ? popLoadLine(report, pop) : undefined;
    return line ? ` · ${cell(line)}` : '';
  };
  out.push('## Catchments', '', '| PoP | Before | After |', '|---|---|---|');
  for (const pop of resolution.pops) {
    const was = before.get(pop.id);
    const fmt = (p: typeof pop | undefined): string =>
      !p || p.state === 'down' ? 'down' : `${plural(p.clients.length, 'client')} · ${percent(p.trafficShare)}`;
    out.push(
      `| ${cell(name(pop.id))} | ${fmt(was)}${loadCell(load?.before, pop.id)} | ${fmt(pop)}${pop.state === 'up' ? loadCell(load?.after, pop.id) : ''} |`,
    );
  }
  const rtts = moved
    .filter((m) => m.rttBeforeMs !== undefined && m.rttAfterMs !== undefined)
    .map((m) => (m.rttAfterMs ?? 0) - (m.rttBeforeMs ?? 0));
  if (rtts.length > 0) {
    const mean = rtts.reduce((a, b) => a + b, 0) / rtts.length;
    out.push(
      '',
      `Moved clients' RTT changed by ${mean >= 0 ? '+' : ''}${Math.round(mean)} ms on average (worst ${Math.round(Math.max(...rtts))} ms).`,
    );
  }
  return `${out.join('\n')}\n`;
}
