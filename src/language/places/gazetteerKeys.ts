/** How location names become lookup keys and how close two keys are; shared by the gazetteer and its build script. */

/**
 * Folds a name to its lookup key: diacritics dropped (`São Paulo` → `saopaulo`), lower case, and
 * every character that is not a letter or digit removed, so `US-East`, `us_east` and `US East`
 * meet, as do `New York` and `newyork`.
 */
export function foldLocationKey(name: string): string {
  // Most names are plain ASCII: skip Unicode normalisation for them (it dominates index building).
  if (/^[\x00-\x7f]*$/.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Rows of the edit-distance table, reused across calls: suggestions compare against every known name. */
let rows0 = new Int32Array(64);
let rows1 = new Int32Array(64);
let rows2 = new Int32Array(64);

/**
 * Optimal string alignment distance (insertions, deletions, substitutions and adjacent swaps, so
 * `Frankfrut` is one from `Frankfurt`), or `limit + 1` as soon as it must exceed `limit`.
 * Allocates nothing per call: "did you mean" runs it against every known name.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows0.length <= b.length) {
    rows0 = new Int32Array(b.length * 2 + 1);
    rows1 = new Int32Array(b.length * 2 + 1);
    rows2 = new Int32Array(b.length * 2 + 1);
  }
  let before = rows0;
  let previous = rows1;
  let current = rows2;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}

/** Which characters a folded key holds: a bit for each letter, the digits sharing the top six. */
export function characterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    mask |= c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << (26 + ((c - 48) % 6));
  }
  return mask >>> 0;
}

/**
 * A lower bound of `editDistance` from character masks alone: each edit removes at most one
 * character kind that only `a` has and adds at most one that only `b` has. Shared bits only make
 * the bound lower, so it never exceeds the true distance.
 */
export function editDistanceLowerBound(maskA: number, maskB: number): number {
  return Math.max(countBits(maskA & ~maskB), countBits(maskB & ~maskA));
}

function countBits(n: number): number {
  let v = n >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
