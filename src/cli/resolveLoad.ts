// Runs in Node: the load part of `anycast resolve` (per PoP load and utilisation, and with --attack the attack's totals).
import type { LoadReport } from '../routing/load';
import { formatRate } from '../language/meaning/rates';
import { attackLines, levelWords, utilisationText } from '../routing/words/loadWords';

/** Each PoP's load as a table, then the attack; before and after in a simulation. */
export function loadText(
  report: LoadReport,
  before: LoadReport | undefined,
  name: (pop: string) => string,
  table: (rows: readonly (readonly string[])[]) => string[],
): string[] {
  const unit = report.unit;
  if (!unit) return [];
  const rate = (v: number | undefined): string => (v === undefined ? '-' : formatRate(v, unit));
  const util = (v: number | undefined): string => (v === undefined ? '-' : utilisationText(v));
  const attack = report.attack !== undefined;
  const head = [
    'POP',
    'CLIENTS',
    'TRAFFIC',
    ...(attack ? ['ATTACK', 'LOAD'] : []),
    'CAPACITY',
    'UTILISATION',
    ...(before ? ['BEFORE'] : []),
    '',
  ];
  const rows = report.pops.map((p) => {
    const was = before?.pops.find((x) => x.pop === p.pop);
    return [
      name(p.pop),
      String(p.clients),
      rate(p.traffic),
      ...(attack ? [rate(p.attack), rate(p.load)] : []),
      rate(p.capacity),
      util(p.utilisation),
      ...(before ? [was?.utilisation !== undefined ? util(was.utilisation) : rate(was?.load)] : []),
      levelWords(p, report.warnAbove).toUpperCase(),
    ];
  });
  const lines = ['', `Load${attack ? ' with the attack' : ''} (warning above ${utilisationText(report.warnAbove)}):`];
  lines.push(...table([head, ...rows]));
  if (report.unserved > 0) lines.push(`  ${rate(report.unserved)} of client traffic reaches no PoP`);
  if (report.attack) lines.push('', ...attackLines(report.attack, unit, name));
  return lines;
}

/** The same as JSON: `{ unit, warnAbove, pops: [...], unserved, attack?, before? }`. */
export function loadJson(report: LoadReport, before: LoadReport | undefined): object {
  const pops = (r: LoadReport): object[] =>
    r.pops.map((p) => ({
      pop: p.pop,
      clients: p.clients,
      traffic: p.traffic,
      attack: p.attack,
      load: p.load,
      capacity: p.capacity ?? null,
      utilisation: p.utilisation ?? null,
      level: p.level,
    }));
  const attack = report.attack;
  return {
    unit: report.unit ?? null,
    warnAbove: report.warnAbove,
    pops: pops(report),
    unserved: report.unserved,
    ...(attack
      ? {
          attack: {
            total: attack.total,
            unrouted: attack.unrouted,
            inRegion: attack.inRegion,
            inRegionShare: attack.inRegionShare ?? null,
            overwhelmed: attack.overwhelmed,
            flows: attack.flows.map((f) => ({
              source: f.source,
              ...(f.group !== undefined ? { group: f.group } : {}),
              rate: f.rate,
              pop: f.pop ?? null,
              region: f.region ?? null,
            })),
          },
        }
      : {}),
    ...(before ? { before: { pops: pops(before), unserved: before.unserved } } : {}),
  };
}
