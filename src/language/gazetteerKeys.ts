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
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, before[j - 2]! + 1);
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
