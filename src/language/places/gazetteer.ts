/**
 * Places a location name on the map: IATA airport codes (`IAD`), metro codes (`NYC`), city names
 * (`New York`, `São Paulo`, `London, UK`), cloud and CDN regions (`us-east-1`, `EU-West`) and
 * explicit `lat,lon`, which always wins. Data: gazetteerData.ts, generated from GeoNames and
 * OpenFlights by scripts/build-gazetteer.mjs; regions: gazetteerRegions.ts. Pure: the index is
 * built from those strings on first use and is the same on every run.
 *
 * The gazetteer's public face: indexes in gazetteerIndex.ts, lookup in lookup.ts, coordinates in
 * coordinates.ts, "did you mean" and completion in suggestions.ts.
 */
export { greatCircleKm } from '../../engine/geo';
export { foldLocationKey } from './gazetteerKeys';
export type { Place, PlaceKind } from './gazetteerIndex';
export { coordinatesProblem, parseCoordinates } from './coordinates';
export { lookupLocation, nearestCity, splitPairedName } from './lookup';
export type { LocationCompletion } from './suggestions';
export { completeLocations, suggestCodesNear, suggestLocations } from './suggestions';
