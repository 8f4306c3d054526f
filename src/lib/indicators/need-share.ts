/**
 * Need share against staff share, as Derbyshire allocates staff: each locality's 0-19 population
 * weighted by its deprivation score, as a share of the authority's total, beside its share of FTE.
 */
import type { Locality } from '../reference/schema.ts';

export interface NeedShare {
  readonly localityCode: string;
  /** population_0_19 x deprivation_score */
  readonly weightedNeed: number;
  /** 0-100 */
  readonly needSharePercent: number;
  readonly fteSharePercent: number;
  /** FTE share minus need share, in percentage points: negative means fewer staff than need. */
  readonly gapPoints: number;
}

/** An area's need, as Derbyshire weights it: its 0-19 population times its deprivation score. */
export function weightedNeed(area: { readonly population: number; readonly deprivation: number }): number {
  return area.population * area.deprivation;
}

/** Each weight as a percentage of their total (0-100); all 0 when the total is 0. */
export function percentShares(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? (w / total) * 100 : 0));
}

/**
 * The need share alone, 0-100 for each area. Keyed by position, with no reference-data field
 * names, so the browser what-if on the resources page can run it without carrying extract
 * column names into the site's scripts.
 */
export function needSharePercents(areas: readonly { readonly population: number; readonly deprivation: number }[]): number[] {
  return percentShares(areas.map(weightedNeed));
}

export function needShares(localities: readonly Pick<Locality, 'locality_code' | 'population_0_19' | 'deprivation_score' | 'staff_fte'>[]): NeedShare[] {
  const weighted = localities.map((l) => weightedNeed({ population: l.population_0_19, deprivation: l.deprivation_score }));
  const needPercents = percentShares(weighted);
  const ftePercents = percentShares(localities.map((l) => l.staff_fte));
  return localities.map((l, i) => ({
    localityCode: l.locality_code,
    weightedNeed: weighted[i]!,
    needSharePercent: needPercents[i]!,
    fteSharePercent: ftePercents[i]!,
    gapPoints: ftePercents[i]! - needPercents[i]!,
  }));
}

/** Columns of the need and staff table, the same on the localities index and each profile. */
export const NEED_TABLE_COLUMNS = [
  { key: 'name', label: 'Locality' },
  { key: 'population', label: 'Population aged 0 to 19', unit: 'count' },
  { key: 'deprivation', label: 'Deprivation score', unit: 'value', decimals: 1 },
  { key: 'need', label: 'Need share', unit: 'percent', decimals: 1 },
  { key: 'fte', label: 'Staff (FTE)', unit: 'value', decimals: 2 },
  { key: 'fteShare', label: 'Staff share', unit: 'percent', decimals: 1 },
] as const;
