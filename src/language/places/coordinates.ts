/**
 * Explicit coordinates in the forms people write them: `40.7,-74.0`, `40.7 -74.0`, `40.7N 74.0W`,
 * `51.5°N, 0.12°W`, with the reason when text written like coordinates is not valid.
 */
import { isValidGeoPoint } from '../../engine/geo';
import type { GeoPoint } from '../../engine/types';

const NUMBER = String.raw`([+-]?\d{1,3}(?:\.\d+)?)\s*°?\s*([NSEWnsew])?`;
const COORDINATES = new RegExp(String.raw`^\s*${NUMBER}\s*(?:[,;/]|\s)\s*${NUMBER}\s*$`);

interface CoordinatesParse {
  readonly point?: GeoPoint;
  readonly problem?: string;
}

export function readCoordinates(text: string): CoordinatesParse | undefined {
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
