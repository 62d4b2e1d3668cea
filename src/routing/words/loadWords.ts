/**
 * Load in words, one way for the code lens, the hover, the summary and the CLI: "40 Gbps · 62% of
 * 64 Gbps", "over capacity", "above 80%", and the attack's totals. Pure.
 */
import type { DocumentModel, RateUnit } from '../../language/meaning/model';
import { rangeContains } from '../../language/types';
import type { Position, Range } from '../../language/types';
import { formatRate } from '../../language/meaning/rates';
import type { AttackSummary } from '../attack';
import type { LoadReport, PopLoad } from '../load';
import type { N1Worst } from '../n1Capacity';
import { percent } from './figures';

/** A utilisation as a whole percentage that may pass 100%: "62%", "125%", "<1%". */
export function utilisationText(utilisation: number): string {
  if (utilisation > 0 && utilisation < 0.01) return '<1%';
  return utilisation >= 0.995 && utilisation < 1 ? '>99%' : `${Math.round(utilisation * 100)}%`;
}

/** "over capacity", "above 80%", or '' when neither (words, so the marking does not rest on colour). */
export function levelWords(p: PopLoad, warnAbove: number): string {
  if (p.level === 'over') return 'over capacity';
  return p.level === 'warn' ? `above ${utilisationText(warnAbove)}` : '';
}

/** "40 Gbps · 62% of 64 Gbps", with the attack ("+ 300 Gbps attack") when it is part of the load. */
export function popLoadText(p: PopLoad, unit: RateUnit): string {
  const load =
    p.attack > 0 ? `${formatRate(p.traffic, unit)} + ${formatRate(p.attack, unit)} attack` : formatRate(p.load, unit);
  if (p.capacity === undefined || p.utilisation === undefined) return `${load} (no capacity)`;
  return `${load} · ${utilisationText(p.utilisation)} of ${formatRate(p.capacity, unit)}`;
}

/** The PoP's load line with its marking and, in a simulation, what it was: "… · over capacity (was 70%)". */
export function popLoadLine(report: LoadReport, pop: string, before?: LoadReport): string | undefined {
  const p = report.pops.find((x) => x.pop === pop);
  if (!p || !report.unit) return undefined;
  const mark = levelWords(p, report.warnAbove);
  const was = before?.pops.find((x) => x.pop === pop);
  const then =
    was && was.load !== p.load
      ? ` (was ${was.utilisation !== undefined ? utilisationText(was.utilisation) : formatRate(was.load, report.unit)})`
      : '';
  return `${popLoadText(p, report.unit)}${mark ? ` · ⚠ ${mark}` : ''}${then}`;
}

/** "AMS 60% -> 130% of 100 Gbps": where a failure's worst utilisation lands, before and after. */
export function n1WorstText(worst: N1Worst, unit: RateUnit, name: (pop: string) => string): string {
  const was = worst.before !== undefined ? `${utilisationText(worst.before)} -> ` : '';
  return `${name(worst.pop)} ${was}${utilisationText(worst.after)} of ${formatRate(worst.capacity, unit)}`;
}

/** The attack in one sentence each: total, where it landed, what stayed in its region, who is overwhelmed. */
export function attackLines(attack: AttackSummary, unit: RateUnit, name: (pop: string) => string): string[] {
  const lines = [`Attack: ${formatRate(attack.total, unit)} from ${attack.flows.length} source(s)`];
  if (attack.unrouted > 0) lines.push(`${formatRate(attack.unrouted, unit)} has no route and reaches no PoP`);
  if (attack.inRegionShare !== undefined)
    lines.push(
      `${percent(attack.inRegionShare)} absorbed within the continent it comes from (${formatRate(attack.inRegion, unit)})`,
    );
  lines.push(
    attack.overwhelmed.length === 0
      ? 'No PoP is overwhelmed'
      : `Overwhelmed (over capacity): ${attack.overwhelmed.map(name).join(', ')}`,
  );
  return lines;
}

const factMeaning = {
  traffic: 'the traffic this client sends; summed onto the PoP it reaches',
  capacity: 'what this PoP can serve; its utilisation is load / capacity',
  attack: 'attack traffic sent along the same routing as this node’s (anycast resolve --attack, Simulate attack)',
} as const;

/** Hover on a written traffic, capacity or attack figure: what it reads as and what it is for. */
export function rateFactHover(
  model: DocumentModel,
  position: Position,
): { markdown: string; range: Range } | undefined {
  for (const node of model.nodes)
    for (const key of ['traffic', 'capacity', 'attack'] as const) {
      const fact = node[key];
      if (fact && rangeContains(fact.range, position))
        return {
          markdown: `**${key}** ${formatRate(fact.value.value, fact.value.unit)}: ${factMeaning[key]}`,
          range: fact.range,
        };
    }
  return undefined;
}
