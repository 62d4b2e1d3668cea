/**
 * What the editor shows when hovering a node id, under the current simulation: for a client its
 * PoP, the full AS path, where on its path the PoP was decided (router, step, prefix, the nearest
 * alternative's PoP), whether a tie-break between PoPs decided, and the estimated RTT; for a PoP its catchment and
 * traffic share; for an AS its best route. Markdown text. Pure.
 */
import type { Explanation, Resolution, Route } from '../../engine/types';
import { clientRoutes } from './clientRoute';
import { decisionStepWords } from './decisionWords';
import { pathTieLine, popDecisionLines, stepValues, tieBreakWords } from './popDecisionWords';
import type { Naming, Style } from './popDecisionWords';
import type { EdgeModel, NodeModel, SessionPolicy } from '../../language/meaning/model';
import { nodeAt } from '../../language/features/references';
import { percent, plural } from './figures';
import { unplacedSentence } from './unplacedWords';
import { displayName } from '../scenario';
import type { ScenarioRouting } from '../analysis';
import { loadOfRouting } from '../load';
import type { LoadOptions } from '../load';
import { popLoadLine, rateFactHover } from './loadWords';
import { formatRate } from '../../language/meaning/rates';
import { rangeContains } from '../../language/types';
import { settingHoverAt } from './settingHover';
import type { Position, Range } from '../../language/types';

export interface HoverText {
  readonly markdown: string;
  readonly range: Range;
}

/** Markdown-escapes text the user wrote (labels, names) so it shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~&]/g, (c) => `\\${c}`);
}

interface Context {
  readonly analysis: ScenarioRouting;
  readonly byId: ReadonlyMap<string, NodeModel>;
  readonly asNames: Readonly<Record<number, string>>;
  readonly load: LoadOptions;
}

function popName(ctx: Context, popId: string | undefined): string {
  if (popId === undefined) return 'no PoP';
  const node = ctx.byId.get(ctx.analysis.nodeOf(popId) ?? popId);
  return escapeMarkdown(node ? node.name : popId);
}

function nodeName(ctx: Context, id: string): string {
  const node = ctx.byId.get(id);
  return escapeMarkdown(node ? displayName(node) : id);
}

/** `64496 (Internet) 64513`: the AS path with names where the diagram gives them, prepends kept. */
export function asPathText(path: readonly number[], asNames: Readonly<Record<number, string>>): string {
  if (path.length === 0) return '(originated here)';
  return path
    .map((asn, i) =>
      asNames[asn] !== undefined && path[i - 1] !== asn
        ? `${asn} (${escapeMarkdown(asNames[asn] ?? '')})`
        : String(asn),
    )
    .join(' ');
}

/** Lines saying how a router chose its PoP: the step over the nearest alternative, arbitrariness, a tie that only picks a path. */
export function decisionLines(explanation: Explanation, naming: Naming): string[] {
  const best = explanation.candidates[explanation.best];
  const alternative = explanation.alternative;
  const other = alternative === undefined ? undefined : explanation.candidates[alternative.index];
  const tie = pathTieLine(naming, explanation, markdownStyle);
  const lines: string[] = [];
  if (!best || !alternative || !other)
    lines.push(
      explanation.candidates.length > 1
        ? `Every candidate leads to **${naming.pop(best?.pop ?? '')}** (${plural(explanation.candidates.length, 'candidate route')})`
        : `Decided by: **${decisionStepWords['only-route']}**`,
    );
  else {
    const values =
      alternative.step === 'tie-break'
        ? alternative.tieBreak && tieBreakWords(naming, alternative.tieBreak, markdownStyle)
        : stepValues(alternative.step, best, other);
    lines.push(
      `Decided by: **${decisionStepWords[alternative.step]}**${values ? ` (${values})` : ''} over the nearest alternative via **${naming.pop(other.pop)}**`,
      explanation.arbitrary
        ? 'Arbitrary: **yes**, a route to another PoP tied on every step before the final tie-break; a real network may pick either'
        : `Arbitrary: no (${plural(explanation.candidates.length, 'candidate route')})`,
    );
  }
  if (explanation.igpCostUnknown)
    lines.push('IGP cost: **unknown** (a router on the way has no location), so the next step decided');
  return tie ? [...lines, tie] : lines;
}

const markdownStyle: Style = { name: escapeMarkdown, em: (text) => `**${text}**` };

function namingOf(ctx: Context): Naming {
  return { model: ctx.analysis.model, build: ctx.analysis.build, pop: (id) => popName(ctx, id) };
}

function clientHover(ctx: Context, node: NodeModel): string[] {
  const { analysis } = ctx;
  const lines = [`**${escapeMarkdown(node.name)}** · client`];
  if (!analysis.resolution) return [...lines, 'Routing not computed'];
  const baseline = analysis.diff ? analysis.baseline : undefined;
  const route = clientRoutes(analysis.resolution, baseline, analysis.nodeOf).get(node.id);
  const movedFrom = route?.movedFrom;
  if (!route?.pop || !route.asPath) {
    lines.push('Reaches **no PoP**: no route to the anycast prefix from its AS');
    if (movedFrom !== undefined)
      lines.push(`Lost service in this simulation (was served by ${popName(ctx, movedFrom)})`);
    return lines;
  }
  lines.push(
    `Served by **${popName(ctx, route.pop)}**${movedFrom !== undefined ? ` (moved from ${popName(ctx, movedFrom)} in this simulation)` : ''}`,
  );
  lines.push(`AS path: ${asPathText(route.asPath, ctx.asNames)}`);
  const naming = namingOf(ctx);
  if (route.decision) lines.push(...popDecisionLines(naming, route.decision, markdownStyle));
  const tie = route.explanation && pathTieLine(naming, route.explanation, markdownStyle);
  if (tie) lines.push(tie);
  for (const pop of route.alsoReaches ?? [])
    lines.push(`This client may also land on **${popName(ctx, pop)}**, depending on the order of events`);
  if (node.traffic) lines.push(`Traffic: ${formatRate(node.traffic.value.value, node.traffic.value.unit)}`);
  if (route.rttMs !== undefined) {
    const change = route.rttBeforeMs !== undefined ? ` (was ${Math.round(route.rttBeforeMs)} ms)` : '';
    lines.push(`Estimated RTT: ≈ ${Math.round(route.rttMs)} ms${change}`);
  }
  return lines;
}

function popHover(ctx: Context, node: NodeModel): string[] {
  const { analysis } = ctx;
  const facts = [
    `PoP`,
    node.asn ? `AS${node.asn.value}` : undefined,
    node.locations[0] ? escapeMarkdown(node.locations[0].text) : undefined,
  ].filter((x) => x !== undefined);
  const lines = [`**${escapeMarkdown(node.name)}** · ${facts.join(' · ')}`];
  if (node.announces.length > 0) lines.push(`Announces ${node.announces.map((p) => `\`${p.value}\``).join(', ')}`);
  const failed = analysis.scenario.failedPops.includes(node.id);
  if (node.state?.value === 'down') lines.push('Withdrawn in the diagram (state: down)');
  else if (failed) lines.push('**Failed in this simulation**: its announcements are withdrawn');
  const result = analysis.resolution?.pops.find((p) => p.id === node.id);
  if (result && result.state === 'up') {
    const names = result.clients.map((c) => nodeName(ctx, analysis.nodeOf(c) ?? c));
    const shown = names.slice(0, 8).join(', ') + (names.length > 8 ? `, and ${names.length - 8} more` : '');
    lines.push(
      `Catchment: **${plural(result.clients.length, 'client')}**, ${percent(result.trafficShare)} of traffic${names.length > 0 ? `: ${shown}` : ''}`,
    );
  }
  const load = loadOfRouting(analysis, ctx.load);
  const loadLine = load && result?.state === 'up' ? popLoadLine(load.after, node.id, load.before) : undefined;
  if (loadLine) lines.push(`Load: ${escapeMarkdown(loadLine)}`);
  if (failed) {
    const moved = analysis.diff?.moved.filter((m) => m.from === node.id) ?? [];
    if (moved.length > 0)
      lines.push(
        `Its clients moved: ${moved.map((m) => `${nodeName(ctx, m.id)} → ${m.to !== undefined ? popName(ctx, m.to) : 'no PoP'}`).join(', ')}`,
      );
  }
  return lines;
}

function learnedWords(route: Route): string {
  return route.learnedFrom === 'local'
    ? 'originated here'
    : route.learnedFrom === 'ibgp'
      ? 'over iBGP'
      : `from AS${route.neighborAsn}`;
}

function asHover(ctx: Context, node: NodeModel, resolution: Resolution | undefined): string[] {
  const lines = [`**${escapeMarkdown(displayName(node))}** · AS`];
  if (ctx.analysis.scenario.failedAses.includes(node.id)) lines.push('**Failed in this simulation**');
  if (!resolution) return lines;
  const routers = ctx.analysis.build.mapping.nodeRouters[node.id] ?? [];
  for (const routerId of routers) {
    const result = resolution.routers.find((r) => r.id === routerId);
    const where = routers.length > 1 ? ` at ${escapeMarkdown(routerId.slice(routerId.indexOf('@') + 1))}` : '';
    const best = result?.best;
    if (!best) {
      lines.push(`No route to the anycast prefix${where}`);
      continue;
    }
    lines.push(
      `Best route${where}: → **${popName(ctx, best.pop)}**, AS path ${asPathText(best.asPath, ctx.asNames)}, ${learnedWords(best)}, LOCAL_PREF ${best.localPref}`,
    );
    if (result.explanation) lines.push(...decisionLines(result.explanation, namingOf(ctx)));
  }
  return lines;
}

function policyWords(policy: SessionPolicy): string[] {
  const words: string[] = [];
  if (policy.prepend) words.push(`prepend ${policy.prepend.value}`);
  if (policy.localPref) words.push(`LOCAL_PREF ${policy.localPref.value}`);
  if (policy.med) words.push(`MED ${policy.med.value}`);
  if (policy.communities.length > 0) words.push(policy.communities.map((c) => c.value).join(' '));
  if (policy.exitCost) words.push(`exit cost ${policy.exitCost.value}`);
  return words;
}

/** Clients whose traffic crosses the edge (consecutive nodes of their path, either way). */
function clientsOver(ctx: Context, edge: EdgeModel): string[] {
  const out: string[] = [];
  for (const client of ctx.analysis.resolution?.clients ?? []) {
    const nodes = [client.id, ...(client.route?.routerPath ?? []).map((r) => ctx.analysis.nodeOf(r))];
    for (let i = 0; i + 1 < nodes.length; i++) {
      const a = nodes[i];
      const b = nodes[i + 1];
      if ((a === edge.from && b === edge.to) || (a === edge.to && b === edge.from)) {
        out.push(nodeName(ctx, client.id));
        break;
      }
    }
  }
  return out;
}

function edgeHover(ctx: Context, edge: EdgeModel): string[] | undefined {
  const m = edge.meaning;
  if (m.kind !== 'session') return undefined;
  const from = nodeName(ctx, edge.from);
  const to = nodeName(ctx, edge.to);
  const lines = [
    m.relationship === 'peer-peer'
      ? `**eBGP peering** ${from} ↔ ${to} (settlement-free: each passes only its customers' routes)`
      : `**eBGP transit** ${nodeName(ctx, m.customer)} buys from ${nodeName(ctx, m.provider)} (customer → provider)`,
  ];
  const tail = policyWords(m.tail);
  const head = policyWords(m.head);
  if (tail.length > 0) lines.push(`${from}: ${tail.join(', ')}`);
  if (head.length > 0) lines.push(`${to}: ${head.join(', ')}`);
  if (m.state?.value === 'down') lines.push('Down in the diagram (state: down)');
  else if (ctx.analysis.scenario.failedLinks.some((k) => k.from === edge.from && k.to === edge.to))
    lines.push('**Failed in this simulation**');
  const carried = clientsOver(ctx, edge);
  lines.push(
    carried.length > 0
      ? `Carries the traffic of ${carried.slice(0, 8).join(', ')}${carried.length > 8 ? `, and ${carried.length - 8} more` : ''}`
      : 'Carries no client traffic to the anycast prefix',
  );
  return lines;
}

/** The hover for the node id, edge, written rate or `anycast:` setting under `position`, or undefined when the cursor is on none. */
export function hoverAt(analysis: ScenarioRouting, position: Position, load: LoadOptions = {}): HoverText | undefined {
  const model = analysis.model;
  const setting = settingHoverAt(model.settings, position);
  if (setting) return setting;
  const figure = rateFactHover(model, position);
  if (figure) return figure;
  // On the id anywhere it is written, or on the label people read.
  const labelled = model.nodes.find((n) => n.labelRange !== undefined && rangeContains(n.labelRange, position));
  const found =
    nodeAt(model, position) ?? (labelled?.labelRange ? { node: labelled, range: labelled.labelRange } : undefined);
  const ctx: Context = {
    analysis,
    byId: new Map(model.nodes.map((n) => [n.id, n])),
    asNames: analysis.build.topology.asNames ?? {},
    load,
  };
  if (!found) {
    // On an edge's arrow or label: the session it stands for.
    const edge = model.edges.find(
      (e) =>
        rangeContains(e.arrowRange, position) || (e.labelRange !== undefined && rangeContains(e.labelRange, position)),
    );
    const lines = edge ? edgeHover(ctx, edge) : undefined;
    return edge && lines
      ? {
          markdown: lines.join('\n\n'),
          range: edge.labelRange && rangeContains(edge.labelRange, position) ? edge.labelRange : edge.arrowRange,
        }
      : undefined;
  }
  const node = found.node;
  let lines: string[];
  if (node.role === 'client') lines = clientHover(ctx, node);
  else if (node.role === 'pop') lines = popHover(ctx, node);
  else if (node.role === 'as') lines = asHover(ctx, node, analysis.resolution);
  else if (node.role === 'service')
    lines = [`**${escapeMarkdown(node.name)}** · anycast service${node.address ? ` \`${node.address.value}\`` : ''}`];
  else return undefined;
  if (analysis.problem && node.role !== 'service') lines.push(`⚠ ${escapeMarkdown(analysis.problem)}`);
  const unplaced = node.role === 'service' ? undefined : unplacedSentence(model, analysis.build);
  if (unplaced) lines.push(`⚠ ${escapeMarkdown(unplaced)}`);
  return { markdown: lines.join('\n\n'), range: found.range };
}
