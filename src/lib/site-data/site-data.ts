/**
 * Everything the pages read at build time, loaded once per build and shared: the reference data
 * a council edits (council, programme, localities, indicator catalogue), and the published
 * indicator rows. Pages only load and compose: `const data = await siteData();`. The layout,
 * which every page uses, needs the reference data alone (`siteReference()`), so a page renders
 * without reading Parquet it does not show.
 */
import { loadNationalFigures, type NationalFigures } from '../benchmarking/national-figures.ts';
import { queryPublished } from '../data/published.ts';
import { toIndicatorRows, type IndicatorRow } from '../indicators/indicator-row.ts';
import { loadReference, REFERENCE_DIR, REFERENCE_FILES, type Reference } from '../reference/load.ts';
import type { Council, Indicator } from '../reference/schema.ts';
import { assertReadableAccent } from '../site/council.ts';
import { indicatorRows } from '../sql/indicator-rows.ts';
import { listParam } from '../sql/query.ts';

export interface SiteReference {
  readonly reference: Reference;
  readonly council: Council;
}

export interface SiteData extends SiteReference {
  readonly indicators: readonly Indicator[];
  readonly rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>;
  readonly authorityCode: string;
  /** "Wyvern" from "Wyvern Borough Council": the benchmark's name in "better than Wyvern". */
  readonly authorityName: string;
  /** Area display names: localities, the authority and comparators. */
  readonly areaNames: Readonly<Record<string, string>>;
  readonly localityCodes: readonly string[];
  readonly comparatorCodes: readonly string[];
}

let referenceOnce: Promise<SiteReference> | null = null;
let dataOnce: Promise<SiteData> | null = null;
let nationalOnce: Promise<NationalFigures | null> | null = null;

export function siteReference(): Promise<SiteReference> {
  referenceOnce ??= loadSiteReference();
  return referenceOnce;
}

export function siteData(): Promise<SiteData> {
  dataOnce ??= loadSiteData();
  return dataOnce;
}

/** Other authorities' published figures for benchmarking; null when the council has none. */
export function siteNationalFigures(): Promise<NationalFigures | null> {
  nationalOnce ??= siteReference().then(({ reference }) => loadNationalFigures(REFERENCE_DIR, reference.catalogue));
  return nationalOnce;
}

async function loadSiteReference(): Promise<SiteReference> {
  const reference = await loadReference(REFERENCE_DIR);
  assertReadableAccent(reference.council, `${REFERENCE_DIR}/${REFERENCE_FILES.council}`);
  return { reference, council: reference.council };
}

async function loadSiteData(): Promise<SiteData> {
  const { reference, council } = await siteReference();
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
    council,
    indicators,
    rowsByIndicator,
    authorityCode: authority.code,
    authorityName: shortAuthorityName(authority.name),
    areaNames,
    localityCodes: reference.localities.map((l) => l.locality_code),
    comparatorCodes: comparators.map((c) => c.code),
  };
}

function shortAuthorityName(name: string): string {
  return name.replace(/\s+(Borough|County|City|District|Metropolitan Borough)?\s*Council$/i, '').trim() || name;
}
