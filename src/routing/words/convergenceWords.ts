/**
 * A convergence run said in words: per client what it went through ("User in New York: 90 s
 * without service, then 1 PoP change; its TCP and QUIC connections to US-East reset"), the overall
 * figures, and the per-client timeline as a table. Pure.
 */
import type { ClientTimeline, ConvergenceResult } from '../../engine/convergence/index';
import type { ScenarioRouting } from '../analysis';
import { convergenceOf, engineNames, failureMode } from '../convergence';
import { hasFailures } from '../scenario';
import { percent, plural } from './figures';
import { escapeMarkdown } from './hoverText';

/** A duration as an operator reads it: `12 ms`, `0.9 s`, `30 s`, `30.03 s`. */
export function duration(seconds: number): string {
  if (seconds > 0 && seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  return `${Math.round(seconds * 100) / 100} s`;
}

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** One client's failover in a sentence; `name` turns engine ids into diagram names. */
export function clientStory(timeline: ClientTimeline, name: (id: string) => string): string {
  const who = name(timeline.id);
  const states = timeline.states;
  const last = states[states.length - 1];
  if (states.length <= 1 || !last) return `${who}: not affected.`;
  if (last.pop === undefined) {
    const since = [...states].reverse().find((s, i, all) => all[i + 1]?.pop !== undefined)?.at ?? 0;
    return `${who}: without service from ${duration(since)} on; no PoP is reachable once the routing settles.`;
  }
  const parts: string[] = [];
  if (timeline.withoutService > 0) parts.push(`${duration(timeline.withoutService)} without service`);
  if (timeline.popChanges > 0) parts.push(plural(timeline.popChanges, 'PoP change'));
  const where = `settled on ${name(last.pop)} after ${duration(timeline.settle)}`;
  const head = parts.length > 0 ? `${parts.join(', then ')}; ${where}` : `a new path, ${where}`;
  const resets =
    timeline.resetAt.length > 0
      ? `; its TCP and QUIC connections to ${list(timeline.resetAt.map(name))} reset (UDP such as DNS only retried)`
      : timeline.withoutService > 0
        ? '; it comes back to the same PoP, so its TCP connections survive if they wait that long'
        : '';
  return `${who}: ${head}${resets}.`;
}

/** The overall figures in one paragraph, weighted by client `weight` where traffic matters. */
export function convergenceHeadline(result: ConvergenceResult): string {
  if (result.unstable) return result.unstable.message;
  const total = result.clients.reduce((sum, c) => sum + c.weight, 0);
  const affected = result.clients.filter((c) => c.states.length > 1);
  const reset = result.clients.filter((c) => c.resetAt.length > 0).reduce((sum, c) => sum + c.weight, 0);
  const dark = result.clients.reduce((sum, c) => sum + c.weight * c.withoutService, 0);
  const lines = [
    `Routing quiet after ${duration(result.lastUpdate)}: ${plural(result.updates, 'update')} and ${plural(result.withdrawals, 'withdrawal')} sent.`,
    `${plural(affected.length, 'client')} of ${result.clients.length} affected; client settle time p50 ${duration(result.settle.p50)}, p90 ${duration(result.settle.p90)}, max ${duration(result.settle.max)}.`,
  ];
  if (total > 0)
    lines.push(
      `Weighted by traffic: ${duration(dark / total)} without service on average; ${percent(reset / total)} of the traffic has its TCP and QUIC connections reset.`,
    );
  return lines.join(' ');
}

/** Every state of every affected client: time, PoP (or no service) and the diagram nodes the traffic crosses. */
export function timelineRows(result: ConvergenceResult, name: (id: string) => string): string[][] {
  return result.clients.flatMap((c) => {
    if (c.states.length <= 1) return [];
    const rows: string[][] = [];
    let previous = '';
    c.states.forEach((s, k) => {
      const pop = s.pop === undefined ? 'no service' : name(s.pop);
      const path = s.path
        .map(name)
        .filter((n, i, all) => n !== all[i - 1])
        .join(' → ');
      // Router-level changes inside one diagram node look the same in the diagram's names.
      if (`${pop}|${path}` === previous) return;
      previous = `${pop}|${path}`;
      rows.push([rows.length === 0 ? name(c.id) : '', k === 0 ? 'before' : duration(s.at), pop, path]);
    });
    return rows;
  });
}

/** The convergence section of the simulation summary: the headline, each client's story, the timeline table. */
export function convergenceMarkdown(
  result: ConvergenceResult,
  name: (id: string) => string,
  title = '## Convergence',
): string {
  const affected = result.clients.filter((c) => c.states.length > 1);
  const lines = [title, '', escapeMarkdown(convergenceHeadline(result)), ''];
  lines.push(...affected.map((c) => `- ${escapeMarkdown(clientStory(c, name))}`));
  const rows = timelineRows(result, name);
  if (rows.length > 0)
    lines.push(
      '',
      '| Client | Time | PoP | Path |',
      '| --- | --- | --- | --- |',
      ...rows.map((r) => `| ${r.map(escapeMarkdown).join(' | ')} |`),
    );
  const t = result.timers;
  const detect = t.bfd ? `BFD ${t.bfd.intervalMs} ms × ${t.bfd.multiplier}` : `hold time ${t.holdTime} s`;
  lines.push(
    '',
    `_Simulated with MRAI ${t.mraiEbgp} s on eBGP (jitter ${t.mraiJitter.join('–')}), ${detect}, processing ${t.processingMs.join('–')} ms, seed ${result.seed}._`,
  );
  return lines.join('\n');
}

/**
 * The simulation summary's convergence section for the editor's what-if: the failed PoPs
 * withdrawing (the timeline table), then in one paragraph what a crash would cost instead.
 * Empty when nothing is failed or the routing has a problem.
 */
export function convergenceSection(routing: ScenarioRouting): string {
  if (!hasFailures(routing.scenario) || routing.problem !== undefined) return '';
  const name = engineNames(routing.model, routing.build);
  const withdrawn = convergenceOf(routing, failureMode('withdraw'));
  const section = convergenceMarkdown(withdrawn, name, '## Convergence (the failed PoPs withdraw)');
  if (routing.scenario.failedPops.length === 0) return section;
  const crashed = convergenceOf(routing, failureMode('crash'));
  return `${section}\n\n### If the PoPs crashed instead\n\n${escapeMarkdown(convergenceHeadline(crashed))}`;
}
