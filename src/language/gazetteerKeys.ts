/** How location names become lookup keys; shared by the gazetteer and its build script. */

/**
 * Folds a name to its lookup key: diacritics dropped (`São Paulo` → `saopaulo`), lower case, and
 * every character that is not a letter or digit removed, so `US-East`, `us_east` and `US East`
 * meet, as do `New York` and `newyork`.
 */
export function foldLocationKey(name: string): string {
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
