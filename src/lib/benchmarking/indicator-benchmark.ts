/**
 * One indicator's benchmarking for the council: in the latest period it has a published value,
 * its rank and quartile among all authorities and within each neighbour group, and its value
 * against the neighbour average, its region and England, each tested by the same method as every
 * other comparison on the site (the council's 95% confidence interval against the benchmark
 * value, src/lib/stats).
 */
import type { ComparatorGroup, Comparators } from '../reference/comparators.ts';
import type { Indicator } from '../reference/schema.ts';
import { compareWithBenchmark, type BenchmarkComparison } from '../stats/compare-with-benchmark.ts';
import { indicatorInterval } from '../stats/indicator-interval.ts';
import { indicatorValue } from '../stats/indicator-value.ts';
import type { NationalIndicatorRow } from './national-input.ts';
import { meanOf, rankEntries, type Quartile, type Rank } from './rank.ts';

export type PointRole = 'council' | 'neighbour' | 'other';

/** One authority in the chart and its table, best first. */
export interface BenchmarkPoint {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  readonly value: number | null;
  readonly rank: number | null;
  readonly quartile: Quartile | null;
  readonly role: PointRole;
  /** Titles of the council's neighbour groups this authority is in. */
  readonly groups: readonly string[];
}

export interface BenchmarkLine {
  readonly label: string;
  readonly value: number | null;
  /** How many authorities the value is formed from (neighbour averages, regions). */
  readonly n: number | null;
  readonly comparison: BenchmarkComparison;
}

export interface GroupRank {
  readonly code: string;
  readonly title: string;
  /** Rank among the group and the council together. */
  readonly rank: Rank | null;
}

export interface IndicatorBenchmark {
  readonly period: string;
  readonly value: number | null;
  readonly ciLower: number | null;
  readonly ciUpper: number | null;
  readonly national: Rank | null;
  readonly groups: readonly GroupRank[];
  /** Neighbour averages (one per group), the region and England, in that order. */
  readonly lines: readonly BenchmarkLine[];
  readonly points: readonly BenchmarkPoint[];
}

/**
 * Null when the council has no published value in the national figures. `england` is England's
 * published value for the period when the site has one (so it agrees with the rest of the page);
 * otherwise England is formed from every authority's numerators and denominators, as the region is.
 */
export function indicatorBenchmark(
  indicator: Indicator,
  rows: readonly NationalIndicatorRow[],
  comparators: Comparators,
  england: ((period: string) => number | null) | null = null,
): IndicatorBenchmark | null {
  const own = rows.filter((r) => r.indicator_code === indicator.code && r.authority_code === comparators.authority && r.value !== null);
  const period = own.map((r) => r.period).sort().at(-1);
  if (period === undefined) return null;
  const inPeriod = rows.filter((r) => r.indicator_code === indicator.code && r.period === period);
  const byCode = new Map(inPeriod.map((r) => [r.authority_code, r]));
  const self = byCode.get(comparators.authority) as NationalIndicatorRow;
  const interval = indicatorInterval(indicator.unit, self.numerator, self.denominator);
  const compare = (benchmark: number | null) => compareWithBenchmark(interval?.lower ?? null, interval?.upper ?? null, benchmark, indicator.polarity);
  const valueOf = (code: string) => byCode.get(code)?.value ?? null;

  const national = rankEntries(
    comparators.authorities.map((a) => ({ code: a.code, value: valueOf(a.code) })),
    indicator.polarity,
  );
  const groupRank = (g: ComparatorGroup): Rank | null =>
    rankEntries([comparators.authority, ...g.members].map((code) => ({ code, value: valueOf(code) })), indicator.polarity).get(comparators.authority) ?? null;

  const lines: BenchmarkLine[] = comparators.groups.map((g) => {
    const { mean, n } = meanOf(g.members.map(valueOf));
    return { label: `${g.title} average`, value: mean, n, comparison: compare(mean) };
  });
  const ownRegion = comparators.authorities.find((a) => a.code === comparators.authority)?.region;
  const regionName = comparators.regions.find((r) => r.code === ownRegion)?.name ?? 'Region';
  const pooled = (codes: readonly string[]) => {
    let numerator = 0;
    let denominator = 0;
    let n = 0;
    for (const code of codes) {
      const r = byCode.get(code);
      if (!r || r.numerator === null || r.denominator === null) continue;
      numerator += r.numerator;
      denominator += r.denominator;
      n++;
    }
    return { value: n === 0 ? null : indicatorValue(indicator.unit, numerator, denominator), n };
  };
  const region = pooled(comparators.authorities.filter((a) => a.region === ownRegion).map((a) => a.code));
  lines.push({ label: regionName, value: region.value, n: region.n, comparison: compare(region.value) });
  const published = england?.(period) ?? null;
  const all = published === null ? pooled(comparators.authorities.map((a) => a.code)) : { value: published, n: null };
  lines.push({ label: comparators.england.name, value: all.value, n: all.n, comparison: compare(all.value) });

  const groupsOf = new Map<string, string[]>();
  for (const g of comparators.groups) for (const m of g.members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g.title]);
  const regionNames = new Map(comparators.regions.map((r) => [r.code, r.name]));
  const points: BenchmarkPoint[] = comparators.authorities.map((a) => {
    const rank = national.get(a.code);
    return {
      code: a.code,
      name: a.name,
      region: regionNames.get(a.region) ?? a.region,
      value: valueOf(a.code),
      rank: rank?.rank ?? null,
      quartile: rank?.quartile ?? null,
      role: a.code === comparators.authority ? 'council' : groupsOf.has(a.code) ? 'neighbour' : 'other',
      groups: groupsOf.get(a.code) ?? [],
    };
  });
  points.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));

  return {
    period,
    value: self.value,
    ciLower: interval?.lower ?? null,
    ciUpper: interval?.upper ?? null,
    national: national.get(comparators.authority) ?? null,
    groups: comparators.groups.map((g) => ({ code: g.code, title: g.title, rank: groupRank(g) })),
    lines,
    points,
  };
}
