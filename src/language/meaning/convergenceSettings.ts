/**
 * The front matter's `anycast: convergence:` block: MRAI per session kind, hold time, BFD,
 * processing delay and the seed of the convergence simulation, durations written with their unit
 * (`30s`, `300ms`). Each bad value is reported where it is written; what is not set takes the
 * engine's defaults, and the CLI's flags override the file.
 */
import type { ConvergenceTimers } from '../../engine/convergence/types';
import type { AnalysisContext } from './context';
import type { Read } from './facts';
import { readInteger } from './facts';
import type { ConvergenceSettings } from './model';
import { convergenceSettingKeys, mraiSettingKeys, settingNames } from './settingKeys';
import type { SettingKey } from './settingKeys';
import { scalarSpans } from '../syntax/metadata';
import type { YamlEntry, YamlMap, YamlValue } from '../syntax/yaml';
import type { Span } from '../text';

type TimersDraft = { -readonly [K in keyof ConvergenceTimers]?: ConvergenceTimers[K] };

const fail = (message: string, suggestions?: readonly string[]): Read<never> =>
  suggestions
    ? { ok: false, code: 'invalid-setting', message, suggestions }
    : { ok: false, code: 'invalid-setting', message };

const unitSeconds: Readonly<Record<string, number>> = { ms: 0.001, s: 1, min: 60 };
const numberPattern = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** `30s`, `300ms`, `2min`, `0`: seconds between `min` and `max`; a bare number other than 0 needs its unit. */
export function readDuration(
  text: string,
  what: string,
  bounds: { min: number; max: number; unit: 's' | 'ms' },
): Read<number> {
  const t = text.trim();
  const m = /^(\S+?)\s*(ms|s|min)?$/.exec(t);
  const digits = m?.[1] ?? '';
  if (!m || !numberPattern.test(digits)) return fail(`${what} must be a duration such as 30s or 300ms, not '${t}'`);
  const unit = m[2];
  if (unit === undefined && Number(digits) !== 0)
    return fail(`${what} needs a unit: write ${digits}${bounds.unit} (or ms, s, min)`, [`${digits}${bounds.unit}`]);
  const seconds = Number(digits) * (unitSeconds[unit ?? 's'] ?? 1);
  if (seconds < bounds.min || seconds > bounds.max)
    return fail(`${what} ${t} is outside ${secondsText(bounds.min)} to ${secondsText(bounds.max)}`);
  return { ok: true, value: seconds };
}

function secondsText(seconds: number): string {
  return seconds > 0 && seconds < 1 ? `${Math.round(seconds * 1000)}ms` : `${seconds}s`;
}

/** The part of `span` at `[from, to)` of its text. */
function part(span: Span, from: number, to: number): Span {
  return { text: span.text.slice(from, to), start: span.start + from, end: span.start + to };
}

/** `A-B` split at its dash, each side as a span; one side when there is no dash. */
function rangeParts(span: Span): [Span, Span] {
  const dash = span.text.indexOf('-');
  if (dash < 0) return [span, span];
  const low = part(span, 0, dash);
  const high = part(span, dash + 1, span.text.length);
  return [trimmed(low), trimmed(high)];
}

function trimmed(span: Span): Span {
  const lead = span.text.length - span.text.trimStart().length;
  const text = span.text.trim();
  return { text, start: span.start + lead, end: span.start + lead + text.length };
}

/** Reads `anycast: convergence:`; undefined when it is not a block of settings (reported). */
export function readConvergence(cx: AnalysisContext, entry: YamlEntry): ConvergenceSettings | undefined {
  const block = blockOf(cx, entry, "the simulation's timers, such as mrai: { ebgp: 30s }, hold: 90s, bfd: 300ms x 3");
  if (!block) return undefined;
  const timers: TimersDraft = {};
  let seed: number | undefined;
  for (const e of block.entries) {
    switch (e.key.text) {
      case 'mrai':
        readMrai(cx, e, timers);
        break;
      case 'hold': {
        const span = scalar(cx, e, '90s');
        const hold = span && cx.take(holdTime(span.text), span);
        if (hold !== undefined) timers.holdTime = hold;
        break;
      }
      case 'bfd':
        readBfd(cx, e, timers);
        break;
      case 'processing':
        readProcessing(cx, e, timers);
        break;
      case 'seed': {
        const span = scalar(cx, e, '7');
        const value = span && cx.take(readInteger(span.text, 'The convergence seed', 0, 2 ** 32 - 1), span);
        if (value !== undefined) seed = value;
        break;
      }
      default:
        unknownKey(cx, e, 'convergence', convergenceSettingKeys);
    }
  }
  return { timers, ...(seed !== undefined ? { seed } : {}) };
}

function holdTime(text: string): Read<number> {
  if (/^\s*0+(?:\.0*)?\s*(?:ms|s|min)?\s*$/.test(text))
    return fail('A hold time of 0 (no keepalives) never notices a crash: use at least 3s, or bfd:');
  return readDuration(text, 'The hold time', { min: 3, max: 65535, unit: 's' });
}

function readMrai(cx: AnalysisContext, entry: YamlEntry, timers: TimersDraft): void {
  const block = blockOf(cx, entry, 'ebgp:, ibgp:, jitter:, withdrawals:, such as { ebgp: 30s, ibgp: 0s }');
  if (!block) return;
  for (const e of block.entries) {
    const key = e.key.text;
    if (key === 'ebgp' || key === 'ibgp') {
      const span = scalar(cx, e, key === 'ebgp' ? '30s' : '0s');
      const what = `The ${key === 'ebgp' ? 'eBGP' : 'iBGP'} MRAI`;
      const value = span && cx.take(readDuration(span.text, what, { min: 0, max: 3600, unit: 's' }), span);
      if (value !== undefined) timers[key === 'ebgp' ? 'mraiEbgp' : 'mraiIbgp'] = value;
    } else if (key === 'jitter') {
      const span = scalar(cx, e, '0.75-1');
      const jitter = span && readJitter(cx, span);
      if (jitter) timers.mraiJitter = jitter;
    } else if (key === 'withdrawals') {
      const span = scalar(cx, e, 'false');
      if (span?.text === 'true' || span?.text === 'false') timers.mraiWithdrawals = span.text === 'true';
      else if (span) cx.report(span, 'error', 'invalid-setting', `'withdrawals:' is true or false, not '${span.text}'`);
    } else unknownKey(cx, e, 'mrai', mraiSettingKeys);
  }
}

function readJitter(cx: AnalysisContext, span: Span): [number, number] | undefined {
  const [low, high] = rangeParts(span).map((s) => {
    const ok = numberPattern.test(s.text) && Number(s.text) <= 1;
    if (!ok) cx.report(s, 'error', 'invalid-setting', `An MRAI jitter factor is a number from 0 to 1, not '${s.text}'`);
    return ok ? Number(s.text) : undefined;
  }) as [number | undefined, number | undefined];
  if (low === undefined || high === undefined) return undefined;
  if (low > high) {
    cx.report(span, 'error', 'invalid-setting', `The MRAI jitter ${span.text} starts above where it ends`);
    return undefined;
  }
  return [low, high];
}

/** `300ms x 3`: the interval, then the multiplier (RFC 5880's Detect Mult, 1 to 255). */
function readBfd(cx: AnalysisContext, entry: YamlEntry, timers: TimersDraft): void {
  const span = scalar(cx, entry, '300ms x 3');
  if (!span) return;
  const m = /^(.*?)\s*[x×*]\s*(\S*)$/.exec(span.text);
  if (!m) {
    cx.report(
      span,
      'error',
      'invalid-setting',
      `BFD is an interval times a multiplier, such as 300ms x 3, not '${span.text}'`,
    );
    return;
  }
  const interval = part(span, 0, (m[1] ?? '').length);
  const multiplier = part(span, span.text.length - (m[2] ?? '').length, span.text.length);
  const seconds = cx.take(
    readDuration(interval.text, 'The BFD interval', { min: 0.001, max: 60, unit: 'ms' }),
    interval,
  );
  const times = cx.take(readInteger(multiplier.text, 'The BFD multiplier', 1, 255), multiplier);
  if (seconds !== undefined && times !== undefined)
    timers.bfd = { intervalMs: Math.round(seconds * 1e6) / 1e3, multiplier: times };
}

/** `1-10ms` (the unit of the high end serves both), `1ms-10ms`, or one value `5ms`. */
function readProcessing(cx: AnalysisContext, entry: YamlEntry, timers: TimersDraft): void {
  const span = scalar(cx, entry, '1-10ms');
  if (!span) return;
  const [low, high] = rangeParts(span);
  const unit = /(ms|s|min)$/.exec(high.text)?.[1] ?? '';
  const lowText = /[a-z]$/.test(low.text) || low === high ? low.text : `${low.text}${unit}`;
  const bounds = { min: 0, max: 60, unit: 'ms' as const };
  const a = cx.take(readDuration(lowText, 'The processing delay', bounds), low);
  const b = low === high ? a : cx.take(readDuration(high.text, 'The processing delay', bounds), high);
  if (a === undefined || b === undefined) return;
  if (a > b)
    cx.report(span, 'error', 'invalid-setting', `The processing delay ${span.text} starts above where it ends`);
  else timers.processingMs = [Math.round(a * 1e6) / 1e3, Math.round(b * 1e6) / 1e3];
}

/** The settings block `entry` holds, or a report of what it should hold. */
function blockOf(cx: AnalysisContext, entry: YamlEntry, holds: string): YamlMap | undefined {
  const value = entry.value;
  if (value?.kind === 'map') return value;
  cx.report(value ?? entry.key, 'error', 'invalid-setting', `'${entry.key.text}:' holds ${holds}`);
  return undefined;
}

/** The one scalar value of `entry`, or a report that one such as `example` is needed. */
function scalar(cx: AnalysisContext, entry: YamlEntry, example: string): Span | undefined {
  const value: YamlValue | undefined = entry.value;
  const span = value?.kind === 'scalar' ? scalarSpans(value)[0] : undefined;
  if (!span)
    cx.report(
      value ?? entry.key,
      'error',
      'invalid-setting',
      `'${entry.key.text}:' needs one value, such as ${example}`,
    );
  return span;
}

function unknownKey(cx: AnalysisContext, entry: YamlEntry, block: string, keys: readonly SettingKey[]): void {
  const names = settingNames(keys);
  cx.report(
    entry.key,
    'warning',
    'unknown-key',
    `Unknown ${block} setting '${entry.key.text}' (known: ${names.join(', ')})`,
    cx.suggest(entry.key.text, names),
  );
}
