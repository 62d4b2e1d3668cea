/**
 * CIDR helpers for IPv4 and IPv6, pure and exact (addresses as bigint so /128 math is right).
 * The language layer reuses them to validate prefixes; the resolver uses them for longest match.
 */

export interface Cidr {
  readonly family: 4 | 6;
  /** The network address (host bits cleared) as an unsigned integer. */
  readonly network: bigint;
  readonly length: number;
  /** Normalised text, e.g. `203.0.113.0/24`, `2001:db8::/32`. */
  readonly text: string;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function bits(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function parseIpv4(text: string): bigint | string {
  const parts = text.split('.');
  if (parts.length !== 4) return `'${text}' is not an IPv4 address: it needs four dotted numbers`;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return `'${part}' in '${text}' is not a number from 0 to 255`;
    const n = Number(part);
    if (n > 255) return `${n} in '${text}' is above 255`;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | string {
  const halves = text.split('::');
  if (halves.length > 2) return `'${text}' has more than one '::'`;
  const groupsOf = (s: string): string[] => (s === '' ? [] : s.split(':'));
  let head = groupsOf(halves[0] ?? '');
  let tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  const expandV4 = (groups: string[]): string[] | string => {
    const last = groups[groups.length - 1];
    if (last === undefined || !last.includes('.')) return groups;
    const v4 = parseIpv4(last);
    if (typeof v4 === 'string') return v4;
    return [...groups.slice(0, -1), ((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16)];
  };
  if (halves.length === 2) {
    const t = expandV4(tail);
    if (typeof t === 'string') return t;
    tail = t;
  } else {
    const h = expandV4(head);
    if (typeof h === 'string') return h;
    head = h;
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return `'${text}' does not have eight 16-bit groups`;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return `'${g}' in '${text}' is not a 16-bit hex group`;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return value;
}

/** Parses an IPv4 or IPv6 address (no prefix length). */
export function parseAddress(text: string): ParseResult<{ family: 4 | 6; value: bigint }> {
  const trimmed = text.trim();
  const family: 4 | 6 = trimmed.includes(':') ? 6 : 4;
  const value = family === 4 ? parseIpv4(trimmed) : parseIpv6(trimmed);
  return typeof value === 'string' ? { ok: false, error: value } : { ok: true, value: { family, value } };
}

function formatAddress(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // RFC 5952: compress the longest run (of two or more) of zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/**
 * Parses `address/length`. Host bits set below the length are an error (`203.0.113.1/24`), since an
 * announcement of such a prefix is almost always a typo for the network or for a /32.
 */
export function parseCidr(text: string): ParseResult<Cidr> {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) return { ok: false, error: `'${trimmed}' has no prefix length (write e.g. ${trimmed}/24)` };
  const address = parseAddress(trimmed.slice(0, slash));
  if (!address.ok) return address;
  const lengthText = trimmed.slice(slash + 1);
  const { family, value } = address.value;
  const max = bits(family);
  if (!/^\d{1,3}$/.test(lengthText) || Number(lengthText) > max) {
    return { ok: false, error: `prefix length '${lengthText}' must be a number from 0 to ${max}` };
  }
  const length = Number(lengthText);
  const hostMask = (1n << BigInt(max - length)) - 1n;
  if ((value & hostMask) !== 0n) {
    const network = value & ~hostMask;
    return {
      ok: false,
      error: `'${trimmed}' has host bits set; the network is ${formatAddress(family, network)}/${length}`,
    };
  }
  return { ok: true, value: { family, network: value, length, text: `${formatAddress(family, value)}/${length}` } };
}

/** True when `inner` (a prefix or a single address of the same family) lies inside `outer`. */
export function cidrContains(outer: Cidr, inner: { family: 4 | 6; value: bigint } | Cidr): boolean {
  if (outer.family !== inner.family) return false;
  const innerLength = 'length' in inner ? inner.length : bits(inner.family);
  if (innerLength < outer.length) return false;
  const innerValue = 'network' in inner ? inner.network : inner.value;
  const shift = BigInt(bits(outer.family) - outer.length);
  return innerValue >> shift === outer.network >> shift;
}

/** True when the two prefixes share any address (one contains the other). */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/**
 * The longest of `prefixes` that covers `address`, or undefined. Unparseable prefixes are skipped
 * (validation reports them elsewhere). Ties keep the first one given.
 */
export function longestMatch(prefixes: readonly string[], address: string): string | undefined {
  const target = parseAddress(address);
  if (!target.ok) return undefined;
  let best: string | undefined;
  let bestLength = -1;
  for (const text of prefixes) {
    const cidr = parseCidr(text);
    if (cidr.ok && cidr.value.length > bestLength && cidrContains(cidr.value, target.value)) {
      best = text;
      bestLength = cidr.value.length;
    }
  }
  return best;
}
