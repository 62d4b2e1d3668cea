/**
 * The map's projection and basemap: Equal Earth (equal-area, so catchments on it are not inflated
 * toward the poles), fitted to the placed nodes with a margin so a European deployment fills the
 * panel; countries from Natural Earth 1:110m through world-atlas, bundled (no network).
 */
import type { GeoPermissibleObjects, GeoProjection } from 'd3-geo';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import type { GeoPoint } from '../../engine/types';

export interface MapSize {
  readonly width: number;
  readonly height: number;
}

/** Fitting never zooms in closer than this span of the globe, in degrees (a single PoP is not a city map). */
const minimumSpanDegrees = 12;

/** A projection that shows every point of `points` inside `size` less `margin` on each side. */
export function fitProjection(points: readonly GeoPoint[], size: MapSize, margin: number): GeoProjection {
  const projection = geoEqualEarth();
  const extent: [[number, number], [number, number]] = [
    [margin, margin],
    [Math.max(margin + 1, size.width - margin), Math.max(margin + 1, size.height - margin)],
  ];
  if (points.length === 0) return projection.fitExtent(extent, { type: 'Sphere' });
  const coordinates = points.map((p): [number, number] => [p.lon, p.lat]);
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const half = minimumSpanDegrees / 2;
  coordinates.push([midLon - half, Math.max(-85, midLat - half)], [midLon + half, Math.min(85, midLat + half)]);
  return projection.fitExtent(extent, { type: 'MultiPoint', coordinates });
}

interface Basemap {
  readonly land: GeoPermissibleObjects;
  readonly borders: MultiLineString;
}

let basemap: Basemap | undefined;

/** The land and the borders between countries, decoded once. */
function basemapShapes(): Basemap {
  if (!basemap) {
    const topology = countries as unknown as Topology<{ land: GeometryCollection; countries: GeometryCollection }>;
    basemap = {
      land: feature(topology, topology.objects.land),
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    };
  }
  return basemap;
}

/** Path data for the globe's outline, the land and the borders under `projection`. */
export function basemapPaths(projection: GeoProjection): { sphere: string; land: string; borders: string } {
  const path = geoPath(projection);
  const shapes = basemapShapes();
  return {
    sphere: path({ type: 'Sphere' }) ?? '',
    land: path(shapes.land) ?? '',
    borders: path(shapes.borders) ?? '',
  };
}

/** A great-circle path from `points[0]` through each next point, as SVG path data (empty when degenerate). */
export function greatCirclePath(projection: GeoProjection, points: readonly GeoPoint[]): string {
  if (points.length < 2) return '';
  return geoPath(projection)({ type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat]) }) ?? '';
}
