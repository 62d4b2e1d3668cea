/**
 * N-1 capacity as a Markdown document ("Anycast: Show N-1 Capacity"): for each PoP failure, the
 * worst utilisation it causes and where, worst first. Pure.
 */
import type { DiagramAnalysis } from '../analysis';
import { hasCapacities } from '../n1Capacity';
import { n1WorstText, utilisationText } from './loadWords';

/** The N-1 table of a diagram as written, or a sentence saying why there is none. */
export function n1Markdown(analysis: DiagramAnalysis, file: string): string {
  const { model } = analysis;
  const title = `# N-1 capacity of ${file}`;
  if (!hasCapacities(model))
    return `${title}\n\nNo PoP states a \`capacity\`, so no utilisation can be worked out (add \`@{ capacity: 100Gbps }\` to a PoP).`;
  if (!analysis.baseline) return `${title}\n\nThe routing could not be computed.`;
  const rows = analysis.n1Capacity;
  const unit = rows[0]?.load.unit;
  const name = (id: string): string => {
    const n = model.nodes.find((x) => x.id === id)?.name;
    return n && n !== id ? `${id} (${n})` : id;
  };
  const lines = [
    title,
    '',
    'Each PoP withdrawn in turn, worst first: the most utilised PoP left, its utilisation before -> after and its capacity.',
    '',
    '| If this PoP fails | Worst utilisation | |',
    '|---|---|---|',
  ];
  for (const r of rows) {
    const worst = r.worst && unit ? n1WorstText(r.worst, unit, name) : 'no other PoP has a capacity';
    const mark = r.worst && r.worst.after > 1 ? `⚠ over capacity (${utilisationText(r.worst.after)})` : '';
    lines.push(`| ${name(r.pop)} | ${worst} | ${r.unstable ? 'routing does not settle' : mark} |`);
  }
  return lines.join('\n');
}
