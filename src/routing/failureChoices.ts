/**
 * What the "Simulate Failure..." picker offers: each PoP, BGP session and AS, with its state and
 * catchment (a PoP the file marks down is offered to show up instead), and what Enter accepts. Pure.
 */
import type { EdgeModel } from '../language/meaning/model';
import type { ScenarioRouting } from './analysis';
import { displayName, isWrittenDown, sameEdge } from './scenario';
import type { DiagramScenario, EdgeKey } from './scenario';
import { percent, plural } from './words/figures';

/** What can fail in a diagram: its PoPs, its BGP session edges and its ASes. */
export interface FailureChoice {
  readonly kind: 'pop' | 'link' | 'as';
  /** Node id (pop, as) or `from → to` (link). */
  readonly key: string;
  readonly label: string;
  /** State and, for a PoP, its catchment: "up · 12 clients · 40%". */
  readonly description: string;
  /** Ticked: failed in the current simulation (or, for `upPop`, shown up in it). */
  readonly ticked: boolean;
  readonly pop?: string;
  /** A PoP the file marks `state: down`: ticking it shows it up in the simulation. */
  readonly upPop?: string;
  readonly link?: EdgeKey;
  readonly as?: string;
}

function linkLabel(edge: EdgeModel, nameOf: (id: string) => string): string {
  const m = edge.meaning;
  const rel = m.kind === 'session' ? (m.relationship === 'peer-peer' ? 'peer' : 'transit') : '';
  return `${nameOf(edge.from)} ↔ ${nameOf(edge.to)}${rel ? ` (${rel})` : ''}`;
}

/** Everything the "Simulate Failure..." picker offers, PoPs first, with their state and catchment. */
export function failureChoices(analysis: ScenarioRouting): FailureChoice[] {
  const model = analysis.model;
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string): string => {
    const n = byId.get(id);
    return n ? displayName(n) : id;
  };
  const baselinePops = new Map((analysis.baseline?.pops ?? []).map((p) => [p.id, p]));
  const choices: FailureChoice[] = [];
  for (const node of model.nodes) {
    if (node.role !== 'pop') continue;
    if (isWrittenDown(node)) {
      const up = (analysis.scenario.upPops ?? []).includes(node.id);
      const state = up ? 'shown up (the file marks it down)' : 'down in the file · tick to show it up';
      choices.push({
        kind: 'pop',
        key: node.id,
        label: node.name,
        description: `PoP · ${state}`,
        ticked: up,
        upPop: node.id,
      });
      continue;
    }
    const failed = analysis.scenario.failedPops.includes(node.id);
    const result = baselinePops.get(node.id);
    const catchment = result ? ` · ${plural(result.clients.length, 'client')} · ${percent(result.trafficShare)}` : '';
    choices.push({
      kind: 'pop',
      key: node.id,
      label: node.name,
      description: `PoP · ${failed ? 'failed' : 'up'}${catchment}`,
      ticked: failed,
      pop: node.id,
    });
  }
  for (const edge of model.edges) {
    if (edge.meaning.kind !== 'session') continue;
    const link = { from: edge.from, to: edge.to };
    const failed = analysis.scenario.failedLinks.some((k) => sameEdge(k, link));
    const writtenDown = edge.meaning.state?.value === 'down';
    choices.push({
      kind: 'link',
      key: `${edge.from} → ${edge.to}`,
      label: linkLabel(edge, nameOf),
      description: `link · ${writtenDown ? 'down in the diagram' : failed ? 'failed' : 'up'}`,
      ticked: failed,
      link,
    });
  }
  for (const node of model.nodes) {
    if (node.role !== 'as') continue;
    const failed = analysis.scenario.failedAses.includes(node.id);
    choices.push({
      kind: 'as',
      key: node.id,
      label: displayName(node),
      description: `AS · ${node.state?.value === 'down' ? 'down in the diagram' : failed ? 'failed' : 'up'}`,
      ticked: failed,
      as: node.id,
    });
  }
  return choices;
}

/** The scenario made of the chosen items. */
export function scenarioOfChoices(chosen: readonly FailureChoice[]): DiagramScenario {
  const upPops = chosen.flatMap((c) => (c.upPop !== undefined ? [c.upPop] : []));
  return {
    failedPops: chosen.flatMap((c) => (c.pop !== undefined ? [c.pop] : [])),
    failedLinks: chosen.flatMap((c) => (c.link !== undefined ? [c.link] : [])),
    failedAses: chosen.flatMap((c) => (c.as !== undefined ? [c.as] : [])),
    ...(upPops.length > 0 ? { upPops } : {}),
  };
}

/** The picker at the moment Enter is pressed. */
export interface PickerAtAccept {
  /** Every choice, in the picker's order. */
  readonly choices: readonly FailureChoice[];
  /** The ticked choices now (at opening, those whose `ticked` is set). */
  readonly ticked: readonly FailureChoice[];
  /** The text typed in the filter box. */
  readonly typed: string;
  /** The highlighted row, if any. */
  readonly active: FailureChoice | undefined;
}

/** The choice a typed name means: the highlighted row, else the one so labelled, else the only one containing it. */
function typedChoice(picker: PickerAtAccept): FailureChoice | undefined {
  if (picker.active) return picker.active;
  const text = picker.typed.trim().toLowerCase();
  const exact = picker.choices.find((c) => c.label.toLowerCase() === text);
  if (exact) return exact;
  const containing = picker.choices.filter((c) => c.label.toLowerCase().includes(text));
  return containing.length === 1 ? containing[0] : undefined;
}

/**
 * What Enter accepts: the ticked set once the user has ticked or unticked anything (in the
 * picker's order); otherwise a
 * typed name adds its choice to what is already in the simulation (as a single pick would);
 * otherwise the unchanged set.
 */
export function acceptedChoices(picker: PickerAtAccept): FailureChoice[] {
  const ticked = picker.choices.filter((c) => picker.ticked.includes(c));
  const opened = picker.choices.filter((c) => c.ticked);
  const ticksChanged = ticked.length !== opened.length || ticked.some((c) => !c.ticked);
  if (ticksChanged || picker.typed.trim() === '') return ticked;
  const typed = typedChoice(picker);
  return typed && !ticked.includes(typed) ? [...ticked, typed] : ticked;
}
