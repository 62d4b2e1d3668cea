/**
 * Load on the picture: each PoP's load line and bar for the legend, a badge in words on a PoP
 * above the threshold or over capacity (so the marking never rests on colour alone), and the
 * attack's totals for the legend. Pure.
 */
import type { DocumentModel } from '../../language/meaning/model';
import type { LoadLevel, LoadReport } from '../load';
import { attackLines, levelWords, popLoadLine, utilisationText } from '../words/loadWords';

/** A PoP's load in the legend: the words, and the utilisation its bar is drawn to. */
export interface LegendLoad {
  /** "40 Gbps · 62% of 64 Gbps · ⚠ over capacity (was 70%)". */
  readonly text: string;
  /** load / capacity; undefined when the PoP has no capacity (no bar). */
  readonly utilisation?: number;
  readonly level: LoadLevel;
}

/** The marking of a PoP above the threshold: its level and the badge's words ("over capacity 125%"). */
export interface NodeLoad {
  readonly level: 'warn' | 'over';
  readonly badge: string;
}

/** Whether the diagram can simulate an attack, whether it is on, and its totals when on. */
export interface AttackAnnotation {
  readonly on: boolean;
  /** The attack in words (total, absorbed in its region, who is overwhelmed); empty when off. */
  readonly lines: readonly string[];
}

export function legendLoad(report: LoadReport, pop: string, before?: LoadReport): LegendLoad | undefined {
  const p = report.pops.find((x) => x.pop === pop);
  const text = popLoadLine(report, pop, before);
  if (!p || text === undefined) return undefined;
  return { text, ...(p.utilisation !== undefined ? { utilisation: p.utilisation } : {}), level: p.level };
}

export function nodeLoad(report: LoadReport, pop: string): NodeLoad | undefined {
  const p = report.pops.find((x) => x.pop === pop);
  if (!p || p.utilisation === undefined || (p.level !== 'warn' && p.level !== 'over')) return undefined;
  return { level: p.level, badge: `⚠ ${levelWords(p, report.warnAbove)} · ${utilisationText(p.utilisation)}` };
}

/** The PoP tooltip's load line: "Load 40 Gbps · 62% of 64 Gbps". */
export function loadSummaryLine(report: LoadReport, pop: string, before?: LoadReport): string | undefined {
  const text = popLoadLine(report, pop, before);
  return text === undefined ? undefined : `Load ${text}`;
}

/** The attack toggle's state; undefined when the diagram states no attack. */
export function attackAnnotation(
  model: DocumentModel,
  report: LoadReport | undefined,
  on: boolean,
): AttackAnnotation | undefined {
  const any = model.nodes.some((n) => n.attack) || (model.settings.groupAttacks ?? []).length > 0;
  if (!any || !report?.unit) return undefined;
  if (!on || !report.attack) return { on: false, lines: [] };
  const name = (id: string): string => model.nodes.find((n) => n.id === id)?.name ?? id;
  return { on: true, lines: attackLines(report.attack, report.unit, name) };
}
