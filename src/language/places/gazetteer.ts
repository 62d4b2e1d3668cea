/**
 * Places a location name on the map: IATA airport codes (`IAD`), metro codes (`NYC`), city names
 * (`New York`, `São Paulo`, `London, UK`), cloud and CDN regions (`us-east-1`, `EU-West`) and
 * explicit `lat,lon`, which always wins. Data: gazetteerData.ts, generated from GeoNames and
 * OpenFlights by scripts/build-gazetteer.mjs; regions: gazetteerRegions.ts. Pure: the index is
 * built from those strings on first use and is the same on every run.
 */
import { greatCircleKm, isValidGeoPoint } from '../../engine/geo';
import type { GeoPoint } from '../../engine/types';
import { AIRPORTS, CITIES, CITY_ALIASES, COUNTRIES } from './gazetteerData';
import { characterMask, editDistance, editDistanceLowerBound, foldLocationKey } from './gazetteerKeys';
import {
  COUNTRY_ALIASES,
  METRO_CODES,
  NETWORK_TERMS,
  REGIONS,
  US_STATES,
  type RegionEntry,
  type RegionProvider,
} from './gazetteerRegions';

export { greatCircleKm, foldLocationKey };

export type PlaceKind = 'airport' | 'city' | 'region' | 'coordinates';

export interface Place {
  /** The place's own name: 'Washington Dulles International Airport', 'New York City', 'us-east-1', '40.7,-74'. */
  readonly name: string;
  readonly kind: PlaceKind;
  /** IATA code of an airport, or the metro code a city was found by ('NYC'). */
  readonly code?: string;
  /** ISO 3166-1 alpha-2 code. */
  readonly country?: string;
  readonly point: GeoPoint;
  /** One line for hovers: what the name was taken to mean. */
  readonly description: string;
  /** For a region: the airport or city that places it. */
  readonly anchor?: Place;
}

export interface LocationCompletion {
  /** What to insert: 'IAD', 'London', 'us-east-1'. */
  readonly label: string;
  readonly kind: Exclude<PlaceKind, 'coordinates'>;
  readonly detail: string;
}

interface Airport {
  readonly code: string;
  readonly country: string;
  readonly city: string;
  readonly name: string;
  readonly point: GeoPoint;
}

interface City {
  readonly name: string;
  readonly country: string;
  /** US state code, '' elsewhere. */
  readonly state: string;
  readonly point: GeoPoint;
  readonly population: number;
}

/** A spelling that suggestions and completions may offer. */
interface Candidate {
  readonly label: string;
  readonly key: string;
  readonly kind: LocationCompletion['kind'];
  /** Larger is more likely meant: population for cities, fixed tiers for codes and regions. */
  readonly weight: number;
  readonly detail: () => string;
}

interface Index {
  readonly airports: ReadonlyMap<string, Airport>;
  /** Cities by folded name, most populous first; aliases from the airport data are included. */
  readonly cities: ReadonlyMap<string, readonly City[]>;
  readonly regions: ReadonlyMap<string, RegionEntry>;
  readonly countryNames: ReadonlyMap<string, string>;
  /** Folded country names and codes to ISO codes, for 'London, UK'. */
  readonly countryKeys: ReadonlyMap<string, string>;
  /** Folded US state codes and names to codes, for 'Portland, OR' and 'Ashburn, Virginia'. */
  readonly usStates: ReadonlyMap<string, string>;
  readonly cityList: readonly City[];
  /** Airport-data city names and the shipped city each means ('Frankfurt' → Frankfurt am Main). */
  readonly aliases: readonly (readonly [string, City])[];
}

// Module state: indexes built from the data on first use, and answers remembered across re-parses.
// All of it is a pure function of the data, so results never depend on call order.
let built: Index | undefined;
let builtCandidates: readonly Candidate[] | undefined;
/** `characterMask` of each candidate's key, in the same order, to skip most edit-distance tables. */
let candidateMasks: Uint32Array | undefined;
let builtAirportsByCity: ReadonlyMap<string, readonly Airport[]> | undefined;
let builtAirportsByName: ReadonlyMap<string, AirportName> | undefined;
/** Unit vectors of the shipped cities (x, y, z per city), built on the first `nearestCity`. */
let cityVectors: Float64Array | undefined;
const REMEMBER_AT_MOST = 10_000;
const remembered = new Map<string, Place | undefined>();
const rememberedSuggestions = new Map<string, readonly string[]>();

function index(): Index {
  built ??= buildIndex();
  return built;
}

/** Airports by the folded name of the city they serve; built on the first name nothing else knows. */
function airportsByCity(): ReadonlyMap<string, readonly Airport[]> {
  if (!builtAirportsByCity) {
    const map = new Map<string, Airport[]>();
    for (const airport of index().airports.values()) push(map, foldLocationKey(airport.city), airport);
    builtAirportsByCity = map;
  }
  return builtAirportsByCity;
}

interface AirportName {
  readonly airport: Airport;
  /** The short name people say: 'Heathrow', 'Dulles', 'Charles de Gaulle'. */
  readonly short: string;
}

const AIRPORT_WORDS = /\b(?:International|Intercontinental|Airport|Airfield|Regional|Municipal)\b/g;

/**
 * Airports by their names ('Heathrow', 'London Heathrow', 'Heathrow Airport'), for the names that
 * belong to one airport only and are no city's or region's. Built on the first name nothing else knows.
 */
function airportsByName(): ReadonlyMap<string, AirportName> {
  if (builtAirportsByName) return builtAirportsByName;
  const idx = index();
  const owners = new Map<string, AirportName[]>();
  for (const airport of idx.airports.values()) {
    const bare = airport.name.replace(AIRPORT_WORDS, ' ').replace(/\s+/g, ' ').trim();
    const short = (bare.startsWith(`${airport.city} `) ? bare.slice(airport.city.length + 1) : bare)
      .split(/ [-–\/] /)[0]!
      .trim();
    const keys = new Set([airport.name, bare, short].map(foldLocationKey));
    for (const key of keys) {
      if (key.length >= 4 && !idx.cities.has(key) && !idx.regions.has(key)) push(owners, key, { airport, short });
    }
  }
  const map = new Map<string, AirportName>();
  for (const [key, list] of owners) if (list.length === 1) map.set(key, list[0]!);
  builtAirportsByName = map;
  return map;
}

/** Built apart from the index, on the first suggestion or completion: plain lookups never need it. */
function candidates(): readonly Candidate[] {
  builtCandidates ??= buildCandidates(index());
  return builtCandidates;
}

function rows(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('|'));
}

/** Coordinates ship as integer thousandths of a degree. */
function point(lat: string | undefined, lon: string | undefined): GeoPoint {
  return { lat: Number(lat) / 1000, lon: Number(lon) / 1000 };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Undoes the generator's shortening of airport names (see the AIRPORTS header). */
function airportName(stored: string, city: string): string {
  const whole = stored.startsWith('=');
  const name = (whole ? stored.slice(1) : stored).replace(/^~/, city);
  return whole ? name : `${name} Airport`;
}

const TIER_REGION = 3e7;
const TIER_AIRPORT = 2e5;

function buildIndex(): Index {
  const countryNames = new Map<string, string>();
  const countryKeys = new Map<string, string>();
  for (const [code = '', ...names] of rows(COUNTRIES)) {
    countryNames.set(code, names[0] ?? code);
    countryKeys.set(foldLocationKey(code), code);
    for (const name of names) countryKeys.set(foldLocationKey(name), code);
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) countryKeys.set(foldLocationKey(name), code);

  const airports = new Map<string, Airport>();
  for (const [code = '', country = '', city = '', name = '', lat, lon] of rows(AIRPORTS)) {
    airports.set(code, { code, country, city, name: airportName(name, city), point: point(lat, lon) });
  }

  const cityList: City[] = rows(CITIES).map(([name = '', country = '', state = '', lat, lon, thousands]) => ({
    name,
    country,
    state,
    point: point(lat, lon),
    population: Number(thousands) * 1000,
  }));
  const cities = new Map<string, City[]>();
  const usStates = new Map<string, string>();
  for (const [name, code] of Object.entries(US_STATES)) {
    usStates.set(foldLocationKey(name), code);
    usStates.set(foldLocationKey(code), code);
  }
  for (const city of cityList) push(cities, foldLocationKey(city.name), city);
  const aliasLabels: [string, City][] = [];
  for (const [alias = '', line] of rows(CITY_ALIASES)) {
    const city = cityList[Number(line)];
    if (!city) continue;
    push(cities, foldLocationKey(alias), city);
    aliasLabels.push([alias, city]);
  }

  const regions = new Map<string, RegionEntry>();
  for (const region of REGIONS) {
    const key = foldLocationKey(region.name);
    if (!regions.has(key)) regions.set(key, region);
  }

  return { airports, cities, regions, countryNames, countryKeys, usStates, cityList, aliases: aliasLabels };
}

function buildCandidates(idx: Index): Candidate[] {
  const { countryNames } = idx;
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const offer = (candidate: Candidate): void => {
    const id = `${candidate.kind}:${candidate.key}`;
    if (seen.has(id) || candidate.key === '') return;
    seen.add(id);
    candidates.push(candidate);
  };
  for (const region of idx.regions.values()) {
    offer({
      label: region.name,
      key: foldLocationKey(region.name),
      kind: 'region',
      weight: TIER_REGION,
      detail: () => regionDetail(region),
    });
  }
  for (const city of idx.cityList) {
    offer({
      label: city.name,
      key: foldLocationKey(city.name),
      kind: 'city',
      weight: city.population,
      detail: () => cityDescription(city, countryNames),
    });
  }
  for (const [alias, city] of idx.aliases) {
    offer({
      label: alias,
      key: foldLocationKey(alias),
      kind: 'city',
      weight: city.population,
      detail: () => cityDescription(city, countryNames),
    });
  }
  for (const airport of idx.airports.values()) {
    if (NETWORK_TERMS.has(airport.code)) continue;
    const weight = TIER_AIRPORT * (/International|Intercontinental/.test(airport.name) ? 2 : 1);
    offer({
      label: airport.code,
      key: airport.code.toLowerCase(),
      kind: 'airport',
      weight,
      detail: () => airportDescription(airport, countryNames),
    });
  }
  // Airports of big cities, or international ones, by the name people say; small fields would
  // only crowd the list.
  for (const named of airportsByName().values()) {
    const { airport, short } = named;
    const key = foldLocationKey(short);
    const big = /International|Intercontinental/.test(airport.name) || idx.cities.has(foldLocationKey(airport.city));
    if (!big || NETWORK_TERMS.has(airport.code)) continue;
    if (airportsByName().get(key) !== named || airportsByCity().has(key)) continue;
    offer({
      label: short,
      key,
      kind: 'airport',
      weight: TIER_AIRPORT,
      detail: () => airportDescription(airport, countryNames),
    });
  }
  for (const [code, cityName] of Object.entries(METRO_CODES)) {
    offer({
      label: code,
      key: code.toLowerCase(),
      kind: 'city',
      weight: TIER_AIRPORT,
      detail: () => `${code}: metropolitan area of ${cityName}`,
    });
  }
  return candidates;
}

const PROVIDER_NAMES: Readonly<Record<RegionProvider, string>> = {
  generic: 'Region',
  aws: 'AWS region',
  gcp: 'Google Cloud region',
  azure: 'Azure region',
};

function regionDetail(region: RegionEntry): string {
  return `${PROVIDER_NAMES[region.provider]} ${region.name}: ${region.area}`;
}

function cityDescription(city: City, countryNames: ReadonlyMap<string, string>): string {
  const where = [city.name, city.state, countryNames.get(city.country) ?? city.country].filter((s) => s !== '');
  return `${where.join(', ')} (city, population ${groupThousands(city.population)})`;
}

/** 8175000 → '8,175,000', without depending on the host's Intl data. */
function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function airportDescription(airport: Airport, countryNames: ReadonlyMap<string, string>): string {
  const country = countryNames.get(airport.country) ?? airport.country;
  return `${airport.code}: ${airport.name}, ${airport.city}, ${country}`;
}

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

function airportPlace(airport: Airport, idx: Index): Place {
  return {
    name: airport.name,
    kind: 'airport',
    code: airport.code,
    country: airport.country,
    point: airport.point,
    description: airportDescription(airport, idx.countryNames),
  };
}

function cityPlace(city: City, idx: Index, code?: string): Place {
  const place: Place = {
    name: city.name,
    kind: 'city',
    country: city.country,
    point: city.point,
    description: cityDescription(city, idx.countryNames),
  };
  return code === undefined ? place : { ...place, code, description: `${code}: ${place.description}` };
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

const NUMBER = String.raw`([+-]?\d{1,3}(?:\.\d+)?)\s*°?\s*([NSEWnsew])?`;
const COORDINATES = new RegExp(String.raw`^\s*${NUMBER}\s*(?:[,;/]|\s)\s*${NUMBER}\s*$`);

interface CoordinatesParse {
  readonly point?: GeoPoint;
  readonly problem?: string;
}

function readCoordinates(text: string): CoordinatesParse | undefined {
  const m = COORDINATES.exec(text);
  if (!m) return undefined;
  const [, latText = '', latHemi, lonText = '', lonHemi] = m;
  const latH = latHemi?.toUpperCase();
  const lonH = lonHemi?.toUpperCase();
  if ((latH === 'E' || latH === 'W') && (lonH === 'N' || lonH === 'S')) {
    return { problem: 'write latitude first, then longitude (e.g. 40.71N 74.01W)' };
  }
  if ((latH && latH !== 'N' && latH !== 'S') || (lonH && lonH !== 'E' && lonH !== 'W')) {
    return { problem: 'hemisphere letters are N or S for latitude, E or W for longitude' };
  }
  const signed = (value: string, hemi: string | undefined, negative: string): number =>
    hemi === negative ? -Math.abs(Number(value)) : Number(value);
  const p = { lat: signed(latText, latH, 'S'), lon: signed(lonText, lonH, 'W') };
  if (Math.abs(p.lat) > 90) return { problem: `latitude ${latText} is outside -90..90` };
  if (Math.abs(p.lon) > 180) return { problem: `longitude ${lonText} is outside -180..180` };
  return isValidGeoPoint(p) ? { point: p } : { problem: 'not a valid latitude,longitude pair' };
}

/**
 * Reads explicit coordinates: `40.7,-74.0`, `40.7 -74.0`, `40.7N 74.0W`, `51.5°N, 0.12°W`.
 * Undefined when the text is not coordinates or is out of range (see `coordinatesProblem`).
 */
export function parseCoordinates(text: string): GeoPoint | undefined {
  return readCoordinates(text)?.point;
}

/** Why text that is written like coordinates is not valid ('latitude 95 is outside -90..90'), else undefined. */
export function coordinatesProblem(text: string): string | undefined {
  return readCoordinates(text)?.problem;
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

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * "Did you mean": up to `max` known names closest to `name` (typos by edit distance, then names
 * it begins), best first. Codes are preferred for code-like input (`IADD` → `IAD`), populous
 * cities over small ones. For `name, country` that fails only on the country, the name comes first.
 * Empty when nothing is close.
 */
export function suggestLocations(name: string, max = 3): string[] {
  // Re-parsing on each keystroke asks again for every unknown name in the text.
  const memoKey = `${max}\u0000${name}`;
  const known = rememberedSuggestions.get(memoKey);
  if (known) return [...known];
  if (rememberedSuggestions.size >= REMEMBER_AT_MOST) rememberedSuggestions.clear();
  const suggestions = computeSuggestions(name, max);
  rememberedSuggestions.set(memoKey, suggestions);
  return [...suggestions];
}

function computeSuggestions(name: string, max: number): string[] {
  const head = name.includes(',') ? name.slice(0, name.lastIndexOf(',')) : name;
  const key = foldLocationKey(head);
  if (key === '' || max <= 0) return [];
  const limit = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  const codeLike = /^[A-Z]{3,4}$/.test(head.trim());
  const scored: { candidate: Candidate; score: number; prefix: number }[] = [];
  const all = candidates();
  candidateMasks ??= Uint32Array.from(all, (c) => characterMask(c.key));
  const mask = characterMask(key);
  for (let i = 0; i < all.length; i++) {
    const candidate = all[i]!;
    const d =
      editDistanceLowerBound(mask, candidateMasks[i]!) > limit ? limit + 1 : editDistance(key, candidate.key, limit);
    let score = d;
    if (d > limit) {
      if (key.length < 3 || !candidate.key.startsWith(key)) continue;
      score = limit + 1;
    }
    if (score === 0) continue;
    // Two edits turn any short code into another: only offer what is mostly the same text.
    if (d <= limit && 2 * d >= candidate.key.length) continue;
    scored.push({ candidate, score, prefix: commonPrefix(key, candidate.key) });
  }
  const codeFirst = (c: Candidate): number => (codeLike === (c.kind === 'airport' || c.label.length === 3) ? 0 : 1);
  scored.sort(
    (x, y) =>
      x.score - y.score ||
      codeFirst(x.candidate) - codeFirst(y.candidate) ||
      y.prefix - x.prefix ||
      Math.abs(x.candidate.key.length - key.length) - Math.abs(y.candidate.key.length - key.length) ||
      y.candidate.weight - x.candidate.weight ||
      (x.candidate.label < y.candidate.label ? -1 : x.candidate.label > y.candidate.label ? 1 : 0),
  );
  // 'Paris, TX' with no such Paris shipped, or 'London, Englnd': the name alone is the best offer.
  const out: string[] = head !== name && lookupLocation(head) ? [head.trim()] : [];
  for (const { candidate } of scored) {
    if (out.length >= max) break;
    if (!out.some((label) => foldLocationKey(label) === candidate.key)) out.push(candidate.label);
  }
  return out;
}

/** Names that begin with `prefix` (folded), regions and big places first, for editor completion. */
export function completeLocations(prefix: string, max = 50): LocationCompletion[] {
  const key = foldLocationKey(prefix);
  const matches = candidates().filter((c) => c.key.startsWith(key));
  matches.sort(
    (x, y) =>
      Number(y.key === key) - Number(x.key === key) ||
      y.weight - x.weight ||
      (x.label < y.label ? -1 : x.label > y.label ? 1 : 0),
  );
  return matches.slice(0, Math.max(0, max)).map((c) => ({ label: c.label, kind: c.kind, detail: c.detail() }));
}
