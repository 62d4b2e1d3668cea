/**
 * "Did you mean" and completion over every spelling the gazetteer knows: regions, cities and
 * their aliases, airport codes, the names of big airports, and metro codes, each weighted by how
 * likely it is meant.
 */
import { greatCircleKm } from '../../engine/geo';
import type { Index, Place, PlaceKind } from './gazetteerIndex';
import {
  airportDescription,
  airportsByCity,
  airportsByName,
  cityDescription,
  index,
  regionDetail,
} from './gazetteerIndex';
import { characterMask, editDistance, editDistanceLowerBound, foldLocationKey } from './gazetteerKeys';
import { METRO_CODES, NETWORK_TERMS } from './gazetteerRegions';
import { lookupLocation, REMEMBER_AT_MOST } from './lookup';

export interface LocationCompletion {
  /** What to insert: 'IAD', 'London', 'us-east-1'. */
  readonly label: string;
  readonly kind: Exclude<PlaceKind, 'coordinates'>;
  readonly detail: string;
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

let builtCandidates: readonly Candidate[] | undefined;
/** `characterMask` of each candidate's key, in the same order, to skip most edit-distance tables. */
let candidateMasks: Uint32Array | undefined;
const rememberedSuggestions = new Map<string, readonly string[]>();
const rememberedNear = new Map<string, readonly string[]>();

/** Built apart from the index, on the first suggestion or completion: plain lookups never need it. */
function candidates(): readonly Candidate[] {
  builtCandidates ??= buildCandidates(index());
  return builtCandidates;
}

const TIER_REGION = 3e7;
const TIER_AIRPORT = 2e5;

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
  offerAirportNames(idx, offer);
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

/**
 * Airports of big cities, or international ones, by the name people say; small fields would only
 * crowd the list.
 */
function offerAirportNames(idx: Index, offer: (candidate: Candidate) => void): void {
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
      detail: () => airportDescription(airport, idx.countryNames),
    });
  }
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

/** A typo's suggestion further than this from the place the label names is not what was meant. */
const NEAR_KM = 1500;
/** Airports this close to the named place serve it. */
const SERVING_KM = 100;

/**
 * "Did you mean" for an unknown airport code written beside a known place (`NQZ<br>Astana`): the
 * place's own code first, then the airports serving it, nearest first, then codes a typo away that
 * lie near it; never a look-alike on another continent.
 */
export function suggestCodesNear(code: string, near: Place, max = 3): string[] {
  const memoKey = `${max}\u0000${code}\u0000${near.point.lat},${near.point.lon}`;
  const known = rememberedNear.get(memoKey);
  if (known) return [...known];
  if (rememberedNear.size >= REMEMBER_AT_MOST) rememberedNear.clear();
  const suggestions = computeCodesNear(code, near, max);
  rememberedNear.set(memoKey, suggestions);
  return [...suggestions];
}

function computeCodesNear(code: string, near: Place, max: number): string[] {
  const idx = index();
  const out: string[] = near.code !== undefined ? [near.code] : [];
  const serving = [...idx.airports.values()]
    .filter((a) => !NETWORK_TERMS.has(a.code))
    .map((a) => ({ code: a.code, km: greatCircleKm(a.point, near.point), big: /International/.test(a.name) }))
    .filter((a) => a.km <= SERVING_KM)
    .sort((a, b) => Number(b.big) - Number(a.big) || a.km - b.km || (a.code < b.code ? -1 : 1));
  const typos = suggestLocations(code, 10).flatMap((label) => {
    const airport = idx.airports.get(label);
    return airport && greatCircleKm(airport.point, near.point) <= NEAR_KM ? [label] : [];
  });
  for (const c of [...serving.map((a) => a.code), ...typos]) if (!out.includes(c)) out.push(c);
  return out.slice(0, max);
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
