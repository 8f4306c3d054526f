/**
 * Build-time data for the indicator, locality, compare and open-data pages: the reference data
 * (catalogue, localities, programme) and every published indicator row, read once per build.
 * Pages are generated from the catalogue, so a council swaps indicators by editing data only.
 */
import { readFileSync } from 'node:fs';
import { loadReference, type Reference } from '../../lib/reference/load.ts';
import type { Indicator } from '../../lib/reference/schema.ts';
import { queryPublished } from '../../lib/data/published.ts';
import { indicatorRows } from '../../lib/sql/indicator-rows.ts';
import { listParam } from '../../lib/sql/query.ts';
import { toIndicatorRows, type IndicatorRow } from '../../lib/indicators/indicator-row.ts';

export const REFERENCE_DIR = 'data/reference';
export const BOUNDARIES_FILE = `${REFERENCE_DIR}/boundaries.geojson`;

export interface SiteData {
  readonly reference: Reference;
  readonly indicators: readonly Indicator[];
  readonly rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>;
  readonly authorityCode: string;
  readonly authorityName: string;
  /** Area display names: localities, the authority and comparators. */
  readonly areaNames: Readonly<Record<string, string>>;
  readonly localityCodes: readonly string[];
  readonly comparatorCodes: readonly string[];
}

let cached: Promise<SiteData> | null = null;

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteData> {
  const reference = await loadReference(REFERENCE_DIR);
  const indicators = reference.catalogue.indicators;
  const plain = await queryPublished(indicatorRows, { indicator_codes: listParam(indicators.map((i) => i.code)) });
  const rowsByIndicator = new Map<string, IndicatorRow[]>(indicators.map((i) => [i.code, []]));
  for (const row of toIndicatorRows(plain)) rowsByIndicator.get(row.indicator_code)?.push(row);
  const { authority, comparators } = reference.programme;
  const areaNames: Record<string, string> = { [authority.code]: authority.name };
  for (const l of reference.localities) areaNames[l.locality_code] = l.locality_name;
  for (const c of comparators) areaNames[c.code] = c.name;
  return {
    reference,
    indicators,
    rowsByIndicator,
    authorityCode: authority.code,
    authorityName: shortAuthorityName(authority.name),
    areaNames,
    localityCodes: reference.localities.map((l) => l.locality_code),
    comparatorCodes: comparators.map((c) => c.code),
  };
}

/** "Wyvern" from "Wyvern Borough Council": the benchmark's name in "better than Wyvern". */
function shortAuthorityName(name: string): string {
  return name.replace(/\s+(Borough|County|City|District|Metropolitan Borough)?\s*Council$/i, '').trim() || name;
}

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
