/**
 * Reading single facts (ASN, prefix, address, community, location, numbers) from text, each with
 * the diagnostic that explains what is wrong. Shared by labels, metadata and front matter.
 */
import { parseAddress, parseCidr } from '../../engine/prefix';
import type { Community, GeoPoint } from '../../engine/types';
import { coordinatesProblem, lookupLocation, suggestLocations } from '../places/gazetteer';
import type { LocationKind } from './model';

export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly code: string; readonly suggestions?: readonly string[] };

const fail = (code: string, message: string, suggestions?: readonly string[]): Read<never> =>
  suggestions && suggestions.length > 0 ? { ok: false, code, message, suggestions } : { ok: false, code, message };

/** Highest 4-byte ASN (RFC 6793). */
const maxAsn = 4294967295;

/** `174`, `AS174`, `as 174`, `AS1.10` (asdot, RFC 5396). */
export function readAsn(text: string): Read<number> {
  const m = /^\s*(?:AS\s*)?(\d+)(?:\.(\d+))?\s*$/i.exec(text);
  if (!m) return fail('invalid-asn', `'${text}' is not an AS number: write e.g. 13335 or AS13335`);
  const high = Number(m[1]);
  const value = m[2] !== undefined ? high * 65536 + Number(m[2]) : high;
  if (m[2] !== undefined && (high > 65535 || Number(m[2]) > 65535))
    return fail('invalid-asn', `'${text}' is not a valid asdot AS number (each part 0..65535)`);
  if (!Number.isSafeInteger(value) || value > maxAsn)
    return fail('invalid-asn', `AS number ${m[1]} is above ${maxAsn}, the largest 4-byte ASN`);
  if (value === 0) return fail('invalid-asn', 'AS 0 is reserved and may not appear in an AS path (RFC 7607)');
  return { ok: true, value };
}

/** A note for ASNs that are legal but unusual to see on a diagram. */
export function asnNote(asn: number): string | undefined {
  if (asn === 23456)
    return 'AS 23456 is AS_TRANS (RFC 6793), a placeholder for 4-byte ASNs; it never originates routes';
  if (asn === 65535 || asn === maxAsn) return `AS ${asn} is reserved (RFC 7300) and should not be used`;
  if (asn >= 64496 && asn <= 64511) return `AS ${asn} is reserved for documentation (RFC 5398)`;
  if (asn >= 65536 && asn <= 65551) return `AS ${asn} is reserved for documentation (RFC 5398)`;
  return undefined;
}

/** A CIDR prefix, normalised (`2001:DB8::/32` → `2001:db8::/32`). */
export function readPrefix(text: string): Read<string> {
  const parsed = parseCidr(text);
  if (parsed.ok) return { ok: true, value: parsed.value.text };
  // Host bits set: the network itself is the likely intent, offered as the quick fix.
  const network = /the network is (\S+)$/.exec(parsed.error)?.[1];
  return fail('invalid-prefix', `Invalid prefix: ${parsed.error}`, network ? [network] : undefined);
}

/** A single address, or a host prefix (/32, /128) that names one. */
export function readAddress(text: string): Read<string> {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash >= 0) {
    const cidr = parseCidr(trimmed);
    if (!cidr.ok) return fail('invalid-address', `Invalid service address: ${cidr.error}`);
    const full = cidr.value.family === 4 ? 32 : 128;
    if (cidr.value.length !== full) {
      return fail(
        'invalid-address',
        `The service address is one address, not the prefix ${cidr.value.text}: write the address (and the prefix under 'prefixes')`,
      );
    }
    return { ok: true, value: trimmed.slice(0, slash) };
  }
  const parsed = parseAddress(trimmed);
  return parsed.ok ? { ok: true, value: trimmed } : fail('invalid-address', `Invalid service address: ${parsed.error}`);
}

const wellKnown: Record<string, Community> = {
  'no-export': 'no-export',
  no_export: 'no-export',
  noexport: 'no-export',
  'no-advertise': 'no-advertise',
  no_advertise: 'no-advertise',
  noadvertise: 'no-advertise',
};

/** `no-export`, `NO_EXPORT`, `no-advertise`, or `asn:value` (RFC 1997, each part 0..65535). */
export function readCommunity(text: string): Read<Community> {
  const t = text.trim();
  const known = wellKnown[t.toLowerCase()];
  if (known) return { ok: true, value: known };
  const m = /^(\d+):(\d+)$/.exec(t);
  if (m && Number(m[1]) <= 65535 && Number(m[2]) <= 65535)
    return { ok: true, value: `${Number(m[1])}:${Number(m[2])}` as Community };
  if (m) return fail('invalid-community', `Community '${t}': both halves must be 0..65535 (RFC 1997)`);
  return fail(
    'invalid-community',
    `Unknown community '${t}': write no-export, no-advertise or asn:value such as 65000:100`,
    t.toLowerCase().includes('export') ? ['no-export'] : undefined,
  );
}

/** A whole number within bounds, for prepend counts, LOCAL_PREF, MED, costs. */
export function readInteger(text: string, what: string, min: number, max: number): Read<number> {
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) return fail('invalid-number', `${what} must be a whole number, not '${t}'`);
  const n = Number(t);
  if (n < min || n > max) return fail('invalid-number', `${what} ${n} is outside ${min}..${max}`);
  return { ok: true, value: n };
}

/** A non-negative number (traffic weight). */
export function readWeight(text: string): Read<number> {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isFinite(n) || n < 0)
    return fail('invalid-number', `Traffic weight must be a number 0 or above, not '${t}'`);
  return { ok: true, value: n };
}

export interface Placed {
  readonly kind: LocationKind;
  readonly point: GeoPoint;
  readonly resolvedName: string;
}

/** Longer than any place name or coordinate pair; longer text is not looked up at all. */
const maxLocationLength = 100;

/** A location name or `lat,lon` through the gazetteer, with "did you mean" when unknown. */
export function readLocation(text: string): Read<Placed> {
  const t = text.trim();
  if (t.length > maxLocationLength)
    return fail(
      'unknown-location',
      `'${t.slice(0, 30)}…' is too long to be a location: use an IATA code, a city, a region or lat,lon`,
    );
  const problem = coordinatesProblem(t);
  if (problem) return fail('invalid-location', `Invalid coordinates '${t}': ${problem}`);
  const place = lookupLocation(t);
  if (place) return { ok: true, value: { kind: place.kind, point: place.point, resolvedName: place.description } };
  const suggestions = suggestLocations(t, 3);
  const hint =
    suggestions.length > 0
      ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?`
      : '; use an IATA code (IAD), a city, a region (us-east-1) or lat,lon';
  return fail('unknown-location', `Unknown location '${t}'${hint}`, suggestions);
}

/** Closest names from `known` to `name` by edit distance, for "did you mean" on ids and keys. */
export function closestNames(name: string, known: Iterable<string>, max = 3): string[] {
  const scored: { n: string; d: number }[] = [];
  const a = name.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(a.length / 3)));
  for (const n of known) {
    const d = boundedDistance(a, n.toLowerCase(), limit);
    if (d <= limit && n !== name) scored.push({ n, d });
  }
  scored.sort((x, y) => x.d - y.d || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0));
  return scored.slice(0, max).map((s) => s.n);
}

function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] ?? limit + 1;
}
