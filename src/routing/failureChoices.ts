/** What the "Simulate Failure..." picker offers: each PoP, BGP session and AS, with its state and catchment. Pure. */
import type { EdgeModel } from '../language/meaning/model';
import type { ScenarioRouting } from './analysis';
import { displayName, sameEdge } from './scenario';
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
  /** Failed in the current simulation. */
  readonly failed: boolean;
  readonly pop?: string;
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
    const failed = analysis.scenario.failedPops.includes(node.id);
    const result = baselinePops.get(node.id);
    const writtenDown = node.state?.value === 'down';
    const state = writtenDown ? 'withdrawn in the diagram' : failed ? 'failed' : 'up';
    const catchment =
      result && !writtenDown ? ` · ${plural(result.clients.length, 'client')} · ${percent(result.trafficShare)}` : '';
    choices.push({
      kind: 'pop',
      key: node.id,
      label: node.name,
      description: `PoP · ${state}${catchment}`,
      failed,
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
      failed,
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
      failed,
      as: node.id,
    });
  }
  return choices;
}

/** The scenario made of the chosen items. */
export function scenarioOfChoices(chosen: readonly FailureChoice[]): DiagramScenario {
  return {
    failedPops: chosen.flatMap((c) => (c.pop !== undefined ? [c.pop] : [])),
    failedLinks: chosen.flatMap((c) => (c.link !== undefined ? [c.link] : [])),
    failedAses: chosen.flatMap((c) => (c.as !== undefined ? [c.as] : [])),
  };
}
