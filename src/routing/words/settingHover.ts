/**
 * Hover on a key of the front matter's `anycast:` block: what the setting does, and for the
 * convergence timers the value the simulation uses (the file's, else the engine's default). Pure.
 */
import { DEFAULT_SEED, DEFAULT_TIMERS } from '../../engine/convergence/index';
import type { ConvergenceTimers } from '../../engine/convergence/index';
import type { DocumentSettings } from '../../language/meaning/model';
import { settingKey, settingKeysAt } from '../../language/meaning/settingKeys';
import { rangeContains } from '../../language/types';
import type { Position } from '../../language/types';
import type { HoverText } from './hoverText';

const ms = (value: number): string => `${value} ms`;

/** The value in effect of a leaf under `convergence:`, in words. */
function inEffect(path: string, timers: ConvergenceTimers, seed: number): string | undefined {
  switch (path) {
    case 'convergence.mrai.ebgp':
      return `${timers.mraiEbgp} s`;
    case 'convergence.mrai.ibgp':
      return `${timers.mraiIbgp} s`;
    case 'convergence.mrai.jitter':
      return timers.mraiJitter.join('–');
    case 'convergence.mrai.withdrawals':
      return timers.mraiWithdrawals ? 'rate-limited' : 'sent at once';
    case 'convergence.hold':
      return `${timers.holdTime} s${timers.bfd ? ' (BFD notices first)' : ''}`;
    case 'convergence.bfd':
      return timers.bfd ? `${ms(timers.bfd.intervalMs)} × ${timers.bfd.multiplier}` : 'off';
    case 'convergence.processing':
      return timers.processingMs.map(ms).join(' to ');
    case 'convergence.seed':
      return String(seed);
    default:
      return undefined;
  }
}

/** The hover for the `anycast:` key under `position`, or undefined when the cursor is on none. */
export function settingHoverAt(settings: DocumentSettings, position: Position): HoverText | undefined {
  const written = settings.keys?.find((k) => rangeContains(k.range, position));
  if (!written) return undefined;
  const key = settingKey(settingKeysAt(written.path.slice(0, -1)) ?? [], written.path[written.path.length - 1] ?? '');
  if (!key) return undefined;
  const lines = [`**anycast › ${written.path.join(' › ')}**`, `${key.detail[0]?.toUpperCase()}${key.detail.slice(1)}.`];
  const timers = { ...DEFAULT_TIMERS, ...settings.convergence?.timers };
  const value = inEffect(written.path.join('.'), timers, settings.convergence?.seed ?? DEFAULT_SEED);
  if (value !== undefined) lines.push(`The simulation uses: ${value}`);
  return { markdown: lines.join('\n\n'), range: written.range };
}
