/**
 * Places a location name: coordinates, IATA airport and metro codes, regions, cities (with an
 * optional country or US state), towns known by their airport, airports by name, and labels that
 * pair a code with a name. Answers are remembered, since every keystroke asks again.
 */
import { greatCircleKm } from '../../engine/geo';
import type { GeoPoint } from '../../engine/types';
import { readCoordinates } from './coordinates';
import type { Index, Place } from './gazetteerIndex';
import {
  AIRPORT_WORDS,
  airportPlace,
  airportsByCity,
  airportsByName,
  cityPlace,
  groupThousands,
  index,
  regionDetail,
} from './gazetteerIndex';
import { foldLocationKey } from './gazetteerKeys';
import { METRO_CODES, NETWORK_TERMS } from './gazetteerRegions';

/** Unit vectors of the shipped cities (x, y, z per city), built on the first `nearestCity`. */
let cityVectors: Float64Array | undefined;
/** Remembered answers at most, per memo; past that the memo starts again. */
export const REMEMBER_AT_MOST = 10_000;
const remembered = new Map<string, Place | undefined>();

/** Where a qualifier after a comma may point: a country, or a US state. */
interface Qualifier {
  readonly country?: string;
  readonly state?: string;
}

function accepts(q: Qualifier | undefined, country: string, state = ''): boolean {
  if (!q) return true;
  return (
    (q.country !== undefined && q.country === country) ||
    (q.state !== undefined && country === 'US' && q.state === state)
  );
}

function parseQualifier(text: string, idx: Index): Qualifier | undefined {
  const key = foldLocationKey(text);
  const country = idx.countryKeys.get(key);
  const state = idx.usStates.get(key);
  if (country === undefined && state === undefined) return undefined;
  return { country, state };
}

function lookupCode(code: string, idx: Index, q: Qualifier | undefined): Place | undefined {
  if (!q && NETWORK_TERMS.has(code)) return undefined;
  const airport = idx.airports.get(code);
  if (airport && accepts(q, airport.country)) return airportPlace(airport, idx);
  const metro = METRO_CODES[code];
  if (metro === undefined) return undefined;
  const city = idx.cities.get(foldLocationKey(metro))?.find((c) => accepts(q, c.country, c.state));
  return city && cityPlace(city, idx, code);
}

function lookupRegion(key: string, idx: Index): Place | undefined {
  const region = idx.regions.get(key);
  if (!region) return undefined;
  const anchor = /^[A-Z]{3}$/.test(region.anchor)
    ? lookupCode(region.anchor, idx, undefined)
    : lookupName(region.anchor, idx, undefined);
  if (!anchor) return undefined;
  return {
    name: region.name,
    kind: 'region',
    country: anchor.country,
    point: anchor.point,
    description: `${regionDetail(region)}; placed at ${anchor.code === undefined ? anchor.name : `${anchor.code} (${anchor.name})`}`,
    anchor,
  };
}

function lookupName(name: string, idx: Index, q: Qualifier | undefined): Place | undefined {
  // Three capitals are how operators write PoPs: an airport even where a city has the same name.
  if (/^[A-Z]{3}$/.test(name)) {
    const coded = lookupCode(name, idx, q);
    if (coded) return coded;
  }
  const key = foldLocationKey(name);
  if (key === '') return undefined;
  if (!q) {
    const region = lookupRegion(key, idx);
    if (region) return region;
  }
  const city = idx.cities.get(key)?.find((c) => accepts(q, c.country, c.state));
  if (city) return cityPlace(city, idx);
  // Codes in lower case too (`iad`), but not mixed case: `PoP` is a word, not Puerto Plata.
  if (/^(?:[a-z]{3}|[A-Z]{3})$/.test(name)) {
    const coded = lookupCode(name.toUpperCase(), idx, q);
    if (coded) return coded;
  }
  // Operators number sites after the airport: IAD1, lhr-02, AWS edge names like IAD89-C1.
  const numbered = /^([A-Za-z]{3})[-_ ]?\d{1,3}(?:-[A-Za-z]\d{1,3})?$/.exec(name);
  if (numbered) {
    const coded = lookupCode(numbered[1]!.toUpperCase(), idx, q);
    if (coded) return coded;
  }
  // A town too small to ship as a city but with an airport: place it at the airport.
  const served = airportsByCity()
    .get(key)
    ?.filter((a) => accepts(q, a.country));
  const airport = served?.find((a) => /International/.test(a.name)) ?? served?.[0];
  if (!airport) {
    // An airport by name: 'Heathrow', 'Dulles', 'Schiphol'.
    const named = airportsByName().get(key) ?? airportsByName().get(foldLocationKey(name.replace(AIRPORT_WORDS, ' ')));
    return named && accepts(q, named.airport.country) && !NETWORK_TERMS.has(named.airport.code)
      ? airportPlace(named.airport, idx)
      : undefined;
  }
  return {
    name: airport.city,
    kind: 'city',
    code: airport.code,
    country: airport.country,
    point: airport.point,
    description: `${airport.city}, ${idx.countryNames.get(airport.country) ?? airport.country} (placed at its airport, ${airport.code}: ${airport.name})`,
  };
}

/**
 * Resolves a location name; case-insensitive, tolerant of `-`, `_`, spaces and diacritics, and of
 * a trailing country or US state (`London, UK`, `Portland, OR`). Order: coordinates, then for
 * three capitals an IATA airport or metro code, then a region, then the most populous city of
 * that name, then an airport code in any case or numbered as sites are (`iad`, `IAD1`, `lhr-02`),
 * then a town known only by its airport. A code paired with a name (`Frankfurt (FRA)`,
 * `IAD - Ashburn`) is read by its parts, the code first.
 */
export function lookupLocation(name: string): Place | undefined {
  // Every keystroke re-parses the document and looks its names up again: remember the answers.
  if (remembered.has(name)) return remembered.get(name);
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  const place = resolveLocation(name);
  remembered.set(name, place);
  return place;
}

function resolveLocation(name: string): Place | undefined {
  const text = name.trim();
  if (text === '') return undefined;
  const coordinates = readCoordinates(text);
  if (coordinates) {
    const p = coordinates.point;
    if (!p) return undefined;
    const near = nearestCity(p);
    const where = near ? `, near ${near.city.name}, ${near.city.country} (${groupThousands(near.km)} km)` : '';
    return { name: text, kind: 'coordinates', point: p, description: `${p.lat}, ${p.lon}${where}` };
  }
  const idx = index();
  const whole = lookupNameWithCountry(text, idx);
  if (whole) return whole;
  // Labels pair a code with a name: 'Frankfurt (FRA)', 'IAD - Ashburn', 'LHR / London'. The code,
  // being exact, is tried first.
  const paired = splitPairedName(text);
  if (!paired) return undefined;
  const parts = [paired[0].trim(), paired[1].trim()].sort(
    (a, b) => Number(/^[A-Z]{3}$/.test(b)) - Number(/^[A-Z]{3}$/.test(a)),
  );
  for (const part of parts) {
    const place = lookupNameWithCountry(part, idx);
    if (place) return place;
  }
  return undefined;
}

/**
 * Splits a label that pairs two names, `Frankfurt (FRA)` or `IAD - Ashburn` (separators - – — / |
 * between spaces), into its two halves, untrimmed; the first separator wins. One pass over the
 * text: the regular expressions that said the same backtracked over every run of spaces, quadratic
 * in its length.
 */
export function splitPairedName(text: string): [string, string] | undefined {
  if (text.endsWith(')')) {
    const open = text.lastIndexOf('(', text.length - 2);
    const inner = text.slice(open + 1, -1);
    if (open >= 1 && inner !== '' && !inner.includes(')')) return [text.slice(0, open), inner];
  }
  for (let i = 1; i < text.length - 2; i++) {
    if (!'-–—/|'.includes(text[i]!) || !/\s/.test(text[i - 1]!) || !/\s/.test(text[i + 1]!)) continue;
    let start = i - 1;
    while (start > 0 && /\s/.test(text[start - 1]!)) start--;
    const cut = Math.max(start, 1);
    if (cut < i) return [text.slice(0, cut), text.slice(i + 1)];
  }
  return undefined;
}

function lookupNameWithCountry(text: string, idx: Index): Place | undefined {
  const whole = lookupName(text, idx, undefined);
  if (whole) return whole;
  const comma = text.lastIndexOf(',');
  if (comma <= 0) return undefined;
  const qualifier = parseQualifier(text.slice(comma + 1), idx);
  return qualifier && lookupName(text.slice(0, comma).trim(), idx, qualifier);
}

function unitVector(p: GeoPoint, out: Float64Array, at: number): void {
  const lat = (p.lat * Math.PI) / 180;
  const lon = (p.lon * Math.PI) / 180;
  out[at] = Math.cos(lat) * Math.cos(lon);
  out[at + 1] = Math.cos(lat) * Math.sin(lon);
  out[at + 2] = Math.sin(lat);
}

/**
 * The nearest shipped city to a point, for describing bare coordinates. The largest dot product of
 * unit vectors is the shortest great circle: a few multiplications per city, no trigonometry.
 */
export function nearestCity(point: GeoPoint): { readonly city: Place; readonly km: number } | undefined {
  const idx = index();
  if (!cityVectors) {
    cityVectors = new Float64Array(idx.cityList.length * 3);
    idx.cityList.forEach((city, i) => unitVector(city.point, cityVectors!, i * 3));
  }
  const v = new Float64Array(3);
  unitVector(point, v, 0);
  let best = -1;
  let bestDot = -Infinity;
  for (let i = 0; i < idx.cityList.length; i++) {
    const dot = v[0]! * cityVectors[i * 3]! + v[1]! * cityVectors[i * 3 + 1]! + v[2]! * cityVectors[i * 3 + 2]!;
    if (dot > bestDot) {
      bestDot = dot;
      best = i;
    }
  }
  const city = idx.cityList[best];
  return city && { city: cityPlace(city, idx), km: greatCircleKm(point, city.point) };
}
