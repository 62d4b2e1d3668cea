/**
 * Where and why a client's PoP was decided, in words: the router on its path (name, AS, place),
 * the step and the values it compared, the prefix, the nearest alternative, and what the final
 * tie-break compared under the diagram's model. The hover, the preview tooltip and `anycast
 * resolve --why` all say it this way. Pure.
 */
import type { DecisionStep, Explanation, PopDecision, Route, TieBreakComparison } from '../../engine/types';
import type { DocumentModel, NodeModel } from '../../language/meaning/model';
import type { TopologyBuild } from '../topology';
import { decisionStepWords } from './decisionWords';

/** How names and emphasis are written: markdown for the hover, plain for the CLI. */
export interface Style {
  /** A name the user wrote (escaped for markdown). */
  readonly name: (text: string) => string;
  /** Emphasis on the key words. */
  readonly em: (text: string) => string;
}

export const plainStyle: Style = { name: (text) => text, em: (text) => text };

/** The diagram a resolution came from: to name its routers and PoPs as the user wrote them. */
export interface Naming {
  readonly model: DocumentModel;
  readonly build: TopologyBuild;
  /** The PoP's name as shown (a node id in, the display name out). */
  readonly pop: (popId: string) => string;
}

function nodeOfRouter(naming: Naming, routerId: string): NodeModel | undefined {
  const node = naming.build.mapping.routerNode[routerId];
  return node === undefined ? undefined : naming.model.nodes.find((n) => n.id === node);
}

/** `Cogent (AS174, LHR)`: the router's node, its AS, and its place when the diagram gives one. */
export function routerWords(naming: Naming, routerId: string, asn: number, style: Style = plainStyle): string {
  const node = nodeOfRouter(naming, routerId);
  const at = routerId.indexOf('@');
  const place = at >= 0 ? routerId.slice(at + 1) : node?.locations[0]?.text;
  const name = node?.name ?? (at >= 0 ? routerId.slice(0, at) : routerId);
  return `${style.name(name)} (AS${asn}${place !== undefined ? `, ${style.name(place)}` : ''})`;
}

/** `Cogent, line 12`: a router and the line of the node it belongs to (its place in the declaration order). */
function declared(naming: Naming, routerId: string, style: Style): string {
  const node = nodeOfRouter(naming, routerId);
  const name = style.name(node?.name ?? routerId);
  return node ? `${name}, line ${node.idRange.start.line + 1}` : name;
}

/** What the final tie-break compared, in the words of its model. */
export function tieBreakWords(naming: Naming, c: TieBreakComparison, style: Style = plainStyle): string {
  switch (c.by) {
    case 'neighbor-asn':
      return `lowest neighbour ASN: AS${c.best} vs AS${c.other}`;
    case 'router-id': {
      const first = c.model === 'router-id' ? 'router id' : `same neighbour AS, then router id (${c.model} tie-break)`;
      return `${first}, which is the order of declaration: ${declared(naming, c.best, style)}, declared first, vs ${declared(naming, c.other, style)}`;
    }
    case 'cluster-list':
      return `shorter CLUSTER_LIST: ${c.best} vs ${c.other}`;
    case 'peer-address':
      return c.best === c.other
        ? `two sessions with ${style.name(c.best)}: the one drawn first`
        : `lowest peer address, which is the order of declaration: ${declared(naming, c.best, style)}, declared first, vs ${declared(naming, c.other, style)}`;
    case 'arrival':
      return `oldest route (arrival order): ${naming.pop(c.best)} was announced before ${naming.pop(c.other)} (declared first)`;
    case 'hops':
      return `oldest route (arrival order): the copy that crossed fewer routers arrived first (${c.best} vs ${c.other} routers)`;
    case 'seed':
      return `random tie-break, seed ${c.seed}`;
  }
}

/** What the loser lost on: the two values compared at the deciding step. */
export function stepValues(step: DecisionStep, best: Route, other: Route): string | undefined {
  const learned = (r: Route): string =>
    r.learnedFrom === 'local' ? 'local' : r.learnedFrom === 'ebgp' ? 'eBGP' : 'iBGP';
  switch (step) {
    case 'local-pref':
      return `LOCAL_PREF ${best.localPref} vs ${other.localPref}`;
    case 'as-path-length':
      return `AS path length ${best.asPath.length} vs ${other.asPath.length}`;
    case 'origin':
      return `ORIGIN ${best.origin} vs ${other.origin}`;
    case 'med':
      return `MED ${best.med} vs ${other.med}`;
    case 'ebgp-over-ibgp':
      return `${learned(best)} vs ${learned(other)}`;
    case 'igp-cost':
      return `IGP cost ${Math.round(best.igpCost).toLocaleString('en-US')} vs ${Math.round(other.igpCost).toLocaleString('en-US')}`;
    default:
      return undefined;
  }
}

/** The step that decided and what it compared, e.g. `higher LOCAL_PREF (LOCAL_PREF 200 vs 100)`. */
function stepText(
  naming: Naming,
  step: DecisionStep,
  best: Route,
  other: Route,
  tie: TieBreakComparison | undefined,
  style: Style,
): string {
  const values = step === 'tie-break' ? tie && tieBreakWords(naming, tie, style) : stepValues(step, best, other);
  return `${style.em(decisionStepWords[step])}${values ? ` (${values})` : ''}`;
}

/** One line per fact: where the PoP was decided and how, the prefix, the nearest alternative, whether it was a coin toss. */
export function popDecisionLines(naming: Naming, decision: PopDecision, style: Style = plainStyle): string[] {
  const where = routerWords(naming, decision.router, decision.asn, style);
  if (decision.by === 'only-pop')
    return [
      `Only one PoP reachable along its path: no router on it hears a route to another PoP (forwards on ${decision.prefix})`,
    ];
  const alternative = decision.alternative;
  const via = alternative ? ` via ${style.em(naming.pop(alternative.pop))}` : '';
  if (decision.by === 'more-specific-prefix')
    return [
      `PoP decided at ${where} by a ${style.em('more-specific prefix')}: ${decision.prefix} leads here${alternative ? `, while ${alternative.prefix} leads${via}` : ''}`,
    ];
  const how = alternative ? stepText(naming, decision.by, decision.chosen, alternative, decision.tieBreak, style) : '';
  const lines = [
    `PoP decided at ${where} by ${how || style.em(decisionStepWords[decision.by])}, on ${decision.prefix}, over the nearest alternative${via}${alternative ? ` (AS path ${alternative.asPath.join(' ')})` : ''}`,
  ];
  if (decision.by === 'tie-break')
    lines.push(
      `Arbitrary: ${style.em('yes')}, a route to another PoP tied on every step before the final tie-break; a real network may pick either`,
    );
  return lines;
}

/** Information, not a warning: the tie-break at a router chose between routes to the same PoP. */
export function pathTieLine(naming: Naming, e: Explanation, style: Style = plainStyle): string | undefined {
  if (e.decidedBy !== 'tie-break' || e.runnerUp === undefined) return undefined;
  const best = e.candidates[e.best];
  const runnerUp = e.candidates[e.runnerUp];
  if (!best || !runnerUp || best.pop !== runnerUp.pop) return undefined;
  const compared = e.tieBreak ? ` (${tieBreakWords(naming, e.tieBreak, style)})` : '';
  return `The final tie-break${compared} chose between routes to the same PoP (${naming.pop(best.pop)}): it decides the path, not the PoP`;
}
