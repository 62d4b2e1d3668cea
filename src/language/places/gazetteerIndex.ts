/**
 * The gazetteer's indexes over its data (airports, cities and their aliases, regions, countries,
 * US states), built on first use, and the one-line descriptions hovers show for each kind of place.
 */
import type { GeoPoint } from '../../engine/types';
import { AIRPORTS, CITIES, CITY_ALIASES, COUNTRIES } from './gazetteerData';
import { foldLocationKey } from './gazetteerKeys';
import { COUNTRY_ALIASES, REGIONS, US_STATES, type RegionEntry, type RegionProvider } from './gazetteerRegions';

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

export interface Airport {
  readonly code: string;
  readonly country: string;
  readonly city: string;
  readonly name: string;
  readonly point: GeoPoint;
}

export interface City {
  readonly name: string;
  readonly country: string;
  /** US state code, '' elsewhere. */
  readonly state: string;
  readonly point: GeoPoint;
  readonly population: number;
}

export interface Index {
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

// Module state: indexes built from the data on first use. All of it is a pure function of the
// data, so results never depend on call order.
let built: Index | undefined;
let builtAirportsByCity: ReadonlyMap<string, readonly Airport[]> | undefined;
let builtAirportsByName: ReadonlyMap<string, AirportName> | undefined;

export function index(): Index {
  built ??= buildIndex();
  return built;
}

/** Airports by the folded name of the city they serve; built on the first name nothing else knows. */
export function airportsByCity(): ReadonlyMap<string, readonly Airport[]> {
  if (!builtAirportsByCity) {
    const map = new Map<string, Airport[]>();
    for (const airport of index().airports.values()) push(map, foldLocationKey(airport.city), airport);
    builtAirportsByCity = map;
  }
  return builtAirportsByCity;
}

export interface AirportName {
  readonly airport: Airport;
  /** The short name people say: 'Heathrow', 'Dulles', 'Charles de Gaulle'. */
  readonly short: string;
}

export const AIRPORT_WORDS = /\b(?:International|Intercontinental|Airport|Airfield|Regional|Municipal)\b/g;

/**
 * Airports by their names ('Heathrow', 'London Heathrow', 'Heathrow Airport'), for the names that
 * belong to one airport only and are no city's or region's. Built on the first name nothing else knows.
 */
export function airportsByName(): ReadonlyMap<string, AirportName> {
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

const PROVIDER_NAMES: Readonly<Record<RegionProvider, string>> = {
  generic: 'Region',
  aws: 'AWS region',
  gcp: 'Google Cloud region',
  azure: 'Azure region',
};

export function regionDetail(region: RegionEntry): string {
  return `${PROVIDER_NAMES[region.provider]} ${region.name}: ${region.area}`;
}

export function cityDescription(city: City, countryNames: ReadonlyMap<string, string>): string {
  const where = [city.name, city.state, countryNames.get(city.country) ?? city.country].filter((s) => s !== '');
  return `${where.join(', ')} (city, population ${groupThousands(city.population)})`;
}

/** 8175000 → '8,175,000', without depending on the host's Intl data. */
export function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function airportDescription(airport: Airport, countryNames: ReadonlyMap<string, string>): string {
  const country = countryNames.get(airport.country) ?? airport.country;
  return `${airport.code}: ${airport.name}, ${airport.city}, ${country}`;
}

export function airportPlace(airport: Airport, idx: Index): Place {
  return {
    name: airport.name,
    kind: 'airport',
    code: airport.code,
    country: airport.country,
    point: airport.point,
    description: airportDescription(airport, idx.countryNames),
  };
}

export function cityPlace(city: City, idx: Index, code?: string): Place {
  const place: Place = {
    name: city.name,
    kind: 'city',
    country: city.country,
    point: city.point,
    description: cityDescription(city, idx.countryNames),
  };
  return code === undefined ? place : { ...place, code, description: `${code}: ${place.description}` };
}
