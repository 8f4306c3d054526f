/** Locality polygons for the maps, from the council's boundaries.geojson. */
import { readFileSync } from 'node:fs';
import { REFERENCE_DIR } from '../reference/load.ts';

export const BOUNDARIES_FILE = `${REFERENCE_DIR}/boundaries.geojson`;

export interface BoundaryFeature {
  readonly code: string;
  readonly name: string;
  readonly rings: readonly (readonly (readonly [number, number])[])[];
}

/** Locality polygons from boundaries.geojson (Polygon and MultiPolygon). */
export function loadBoundaries(file = BOUNDARIES_FILE): BoundaryFeature[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { locality_code: string; locality_name?: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return json.features.map((f) => {
    const { type, coordinates } = f.geometry;
    const polygons = (type === 'MultiPolygon' ? coordinates : [coordinates]) as [number, number][][][];
    return {
      code: f.properties.locality_code,
      name: f.properties.locality_name ?? f.properties.locality_code,
      rings: polygons.flat(),
    };
  });
}
