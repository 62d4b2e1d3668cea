/**
 * Traffic rates with units: `40Gbps`, `500 Mbps`, `1.5Tbps`, `120k rps`, `2M rps`. Bits per second
 * and requests per second are the two units; SI prefixes k, M, G, T (case-insensitive, so `mbps`
 * is megabits: nobody plans capacity in millibits). Shared by node metadata and front matter.
 */
import type { Read } from './facts';
import type { Rate, RateUnit } from './model';

const prefixes: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 };
const rateText = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*([kmgt]?)\s*(bps|rps|b\/s|bit\/s|bits?|req\/s)?$/i;
const unitWords: Readonly<Record<string, RateUnit>> = {
  bps: 'bps',
  'b/s': 'bps',
  'bit/s': 'bps',
  bit: 'bps',
  bits: 'bps',
  rps: 'rps',
  'req/s': 'rps',
};

const unitLetters = ['', 'k', 'M', 'G', 'T'];

/**
 * A rate. `unit` is what a bare number means (`rps: 120k`); without it a unit must be written.
 * The value is in the base unit (bits or requests per second).
 */
export function readRate(text: string, what: string, unit?: RateUnit): Read<Rate> {
  const t = text.trim();
  const m = rateText.exec(t);
  const written = m?.[3] !== undefined ? unitWords[m[3].toLowerCase()] : unit;
  if (!m || written === undefined) {
    const hint = unit === 'rps' ? '120k or 120k rps' : '40Gbps, 500Mbps or 120k rps';
    return { ok: false, code: 'invalid-rate', message: `${what} '${t}' is not a rate: write e.g. ${hint}` };
  }
  const value = Number(m[1]) * (prefixes[(m[2] ?? '').toLowerCase()] ?? 1);
  if (!Number.isFinite(value))
    return { ok: false, code: 'invalid-rate', message: `${what} '${t}' is too large to be a rate` };
  return { ok: true, value: { value, unit: written } };
}

/** A rate for people: `40 Gbps`, `1.5 Tbps`, `120k rps`, three significant figures at most. */
export function formatRate(value: number, unit: RateUnit): string {
  let step = 0;
  let v = value;
  while (Math.abs(v) >= 1000 && step < unitLetters.length - 1) {
    v /= 1000;
    step++;
  }
  const shown = Number(v.toPrecision(3)).toString();
  const letter = unitLetters[step] ?? '';
  return unit === 'bps' ? `${shown} ${letter}bps` : `${shown}${letter} rps`;
}
