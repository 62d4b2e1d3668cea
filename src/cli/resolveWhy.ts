// Runs in Node: `anycast resolve --why ID` and the explanations of `--json`: where on its path a client's PoP was decided, and each decision by elimination.
import type { ClientResult, Explanation, PopDecision, Resolution, Route } from '../engine/index';
import { popDecisionLines, pathTieLine, routerWords, tieBreakWords } from '../routing/words/popDecisionWords';
import type { Naming } from '../routing/words/popDecisionWords';

export function table(rows: readonly (readonly string[])[]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ')}`.trimEnd());
}

function routeJson(r: Route): object {
  return { pop: r.pop, prefix: r.prefix, asPath: r.asPath, routerPath: r.routerPath };
}

export function explanationJson(e: Explanation): object {
  return {
    candidates: e.candidates.map((r) => ({
      pop: r.pop,
      prefix: r.prefix,
      asPath: r.asPath,
      routerPath: r.routerPath,
      localPref: r.localPref,
      origin: r.origin,
      med: r.med,
      neighborAsn: r.neighborAsn,
      learnedFrom: r.learnedFrom,
      igpCost: Number.isNaN(r.igpCost) ? null : Math.round(r.igpCost),
    })),
    survivors: e.survivors,
    best: e.best,
    runnerUp: e.runnerUp ?? null,
    decidedBy: e.decidedBy,
    ...(e.tieBreak ? { tieBreak: e.tieBreak } : {}),
    alternative: e.alternative ?? null,
    arbitrary: e.arbitrary,
    ...(e.igpCostUnknown ? { igpCostUnknown: true } : {}),
  };
}

/** A client's PoP decision in --json: where, by what, on which prefix, over which nearest alternative. */
export function decisionJson(d: PopDecision): object {
  return {
    router: d.router,
    asn: d.asn,
    by: d.by,
    prefix: d.prefix,
    alternative: d.alternative ? routeJson(d.alternative) : null,
    ...(d.tieBreak ? { tieBreak: d.tieBreak } : {}),
  };
}

/** The candidates of one decision as a table, then which survive each step. */
function candidateLines(e: Explanation, name: (id: string) => string): string[] {
  const lines = table([
    ['#', 'POP', 'PREFIX', 'AS PATH', 'LOCAL-PREF', 'ORIGIN', 'MED', 'FROM AS', 'LEARNED', 'IGP COST', ''],
    ...e.candidates.map((r, i) => [
      String(i + 1),
      name(r.pop),
      r.prefix,
      r.asPath.join(' '),
      String(r.localPref),
      r.origin,
      String(r.med),
      String(r.neighborAsn),
      r.learnedFrom,
      Number.isNaN(r.igpCost) ? 'unknown' : String(Math.round(r.igpCost)),
      i === e.best ? '<- best' : i === e.alternative?.index ? '<- nearest alternative' : '',
    ]),
  ]);
  let previous = e.candidates.length;
  const steps = e.survivors
    .filter((s) => {
      const changed = s.remaining.length !== previous;
      previous = s.remaining.length;
      return changed;
    })
    .map((s) => `${s.step} keeps #${s.remaining.map((i) => i + 1).join(', #')}`);
  lines.push(`  elimination: ${steps.length > 0 ? steps.join('; ') : 'nothing to eliminate'}`);
  return lines;
}

/** One router's choice: its candidates, how it chose its PoP, and a tie that only picks the path. */
function routerLines(naming: Naming, router: string, asn: number, e: Explanation, role: string): string[] {
  const alternative = e.alternative;
  const how = alternative
    ? `PoP chosen by ${alternative.step}${alternative.tieBreak ? ` (${tieBreakWords(naming, alternative.tieBreak)})` : ''}${e.arbitrary ? ' (arbitrary)' : ''} over the nearest alternative via ${naming.pop(e.candidates[alternative.index]?.pop ?? '')}`
    : `every candidate leads to ${naming.pop(e.candidates[e.best]?.pop ?? '')}`;
  const tie = pathTieLine(naming, e);
  return [
    `At ${routerWords(naming, router, asn)}${role}: ${e.candidates.length} candidate route(s); ${how}`,
    ...(e.igpCostUnknown
      ? ['  IGP cost unknown (a router on the way has no location): that step compared nothing']
      : []),
    ...candidateLines(e, naming.pop),
    ...(tie ? [`  ${tie}`] : []),
  ];
}

/** `--why` for a client: where its PoP was decided, then the choices of its own router and of that one. */
export function clientWhy(naming: Naming, resolution: Resolution, client: ClientResult, routerId: string): string[] {
  const head = `Why ${client.id} reaches ${client.pop === undefined ? 'no PoP' : naming.pop(client.pop)}`;
  const own = resolution.routers.find((r) => r.id === routerId);
  if (!own?.explanation || !own.best) return [`${head}: no route at router ${routerId}`];
  const d = client.decision;
  const lines = d ? [`${head}:`, ...popDecisionLines(naming, d).map((l) => `  ${l}`)] : [`${head}:`];
  const asnOf = (r: Route): number => r.asPath[0] ?? 0;
  lines.push(...routerLines(naming, routerId, asnOf(own.best), own.explanation, ", the client's router"));
  const at = d && d.router !== routerId ? resolution.routers.find((r) => r.id === d.router) : undefined;
  if (d && at?.explanation)
    lines.push(...routerLines(naming, d.router, d.asn, at.explanation, ', where the PoP was decided'));
  return lines;
}

/** `--why` for a router: its candidates and how it chose its PoP. */
export function routerWhy(naming: Naming, resolution: Resolution, routerId: string): string[] {
  const result = resolution.routers.find((r) => r.id === routerId);
  if (!result?.explanation || !result.best) return [`${routerId}: no route at router ${routerId}`];
  return routerLines(naming, routerId, result.best.asPath[0] ?? 0, result.explanation, '');
}
