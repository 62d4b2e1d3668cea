/** Distances on the Earth's surface, for IGP cost estimates, RTT estimates and the gazetteer. */
import type { GeoPoint } from './types';

/** Mean Earth radius (IUGG), in km: the sphere that best fits the ellipsoid on average. */
export const EARTH_RADIUS_KM = 6371.0088;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Great-circle distance in km (haversine). A sphere is off by at most ~0.5% from the ellipsoid,
 * far below the error of treating fibre paths as great circles at all.
 */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RADIANS_PER_DEGREE;
  const dLon = (b.lon - a.lon) * RADIANS_PER_DEGREE;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RADIANS_PER_DEGREE) * Math.cos(b.lat * RADIANS_PER_DEGREE) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping past 1 by rounding for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}

/** True when the point is a valid WGS84 latitude/longitude pair. */
export function isValidGeoPoint(p: GeoPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}
