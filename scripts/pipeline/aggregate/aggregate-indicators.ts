/**
 * The indicators table: each catalogue indicator with data, by area and period, with its value,
 * 95% confidence interval, the year's target and whether it is met.
 *
 * - Periods: every period of the indicator's frequency within the range (quarters, or financial
 *   years overlapping it) plus any other period the extract has there.
 * - Localities: a row for every period; one the extract lacks is null and flagged "[x]".
 * - Authority: the extract's row; failing that, the sum of the localities' numerators and
 *   denominators when every locality has them (a partial sum would understate it); otherwise "[x]".
 * - Comparators (England, region...): only the rows the extract has.
 * Value and interval come from src/lib/stats, on these few aggregated rows.
 */
import type { DuckDBConnection, JS } from '@duckdb/node-api';
import { GSS, type AreaType, type GssFlag, type IndicatorRow } from '../../../src/lib/outputs/tables.ts';
import {
  financialYearLabel,
  parseFinancialYear,
  parseQuarter,
  quarterLabel,
  quarterRange,
  quarterStart,
  type FinancialQuarter,
} from '../../../src/lib/period/quarter.ts';
import type { Indicator } from '../../../src/lib/reference/schema.ts';
import { areaIndicators } from './sql/area-indicators.ts';
import { indicatorInterval } from '../../../src/lib/stats/indicator-interval.ts';
import { indicatorValue } from '../../../src/lib/stats/indicator-value.ts';
import { targetStatus } from '../../../src/lib/stats/target-status.ts';
import { localityCodes, resolveRange, type AggregationReference, type QuarterRange } from './reference.ts';
import { runQuery } from './run-query.ts';

interface Parts {
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}

interface Period {
  readonly label: string;
  readonly start: string;
  /** Financial year start, for the year's target. */
  readonly startYear: number;
}

/** Rows sorted by indicator_code, area_type, area_code, period_start, period. */
export async function aggregateIndicators(
  conn: DuckDBConnection,
  ref: AggregationReference,
  range: QuarterRange,
): Promise<IndicatorRow[]> {
  const resolved = resolveRange(range);
  const raw = await runQuery(conn, areaIndicators, {
    first_quarter_start: resolved.firstStart,
    last_quarter_start: resolved.lastStart,
  });

  const catalogue = new Map(ref.catalogue.indicators.map((i) => [i.code, i]));
  const localities = localityCodes(ref);
  const areaTypes = areaTypeLookup(ref, localities);
  const authority = ref.programme.authority.code;

  // indicator -> period -> area -> parts
  const data = new Map<string, Map<string, Map<string, Parts>>>();
  for (const row of raw) {
    const code = text(row, 'indicator_code');
    if (!catalogue.has(code)) throw new Error(`area_indicators has indicator "${code}", which is not in the catalogue`);
    const area = text(row, 'area_code');
    if (!areaTypes.has(area)) throw new Error(`area_indicators has area "${area}", which is not a locality, the authority or a comparator`);
    const byPeriod = getOrCreate(data, code, () => new Map<string, Map<string, Parts>>());
    getOrCreate(byPeriod, text(row, 'period'), () => new Map<string, Parts>()).set(area, {
      numerator: number(row, 'numerator'),
      denominator: number(row, 'denominator'),
      value: number(row, 'value'),
    });
  }

  const out: IndicatorRow[] = [];
  for (const [code, byPeriod] of data) {
    const indicator = catalogue.get(code) as Indicator;
    const periods = new Map(rangePeriods(indicator, resolved.first, resolved.last).map((p) => [p.label, p]));
    for (const label of byPeriod.keys()) if (!periods.has(label)) periods.set(label, toPeriod(label));

    for (const period of periods.values()) {
      const byArea = byPeriod.get(period.label) ?? new Map<string, Parts>();
      for (const area of localities) out.push(indicatorRow(indicator, area, 'locality', period, byArea.get(area) ?? null));
      const authorityParts = byArea.get(authority) ?? sumOfLocalities(indicator, localities.map((l) => byArea.get(l)));
      out.push(indicatorRow(indicator, authority, 'authority', period, authorityParts));
      for (const [area, parts] of byArea) {
        if (areaTypes.get(area) === 'comparator') out.push(indicatorRow(indicator, area, 'comparator', period, parts));
      }
    }
  }
  return out.sort(compareIndicatorRows);
}

function indicatorRow(indicator: Indicator, area: string, areaType: AreaType, period: Period, parts: Parts | null): IndicatorRow {
  const target = indicator.targets[financialYearLabel(period.startYear)] ?? null;
  const derived = parts ? indicatorValue(indicator.unit, parts.numerator, parts.denominator) : null;
  // A supplied value stands in only when the parts cannot give one (or the unit is "value").
  const value = derived ?? parts?.value ?? null;
  const ci = parts && derived !== null ? indicatorInterval(indicator.unit, parts.numerator, parts.denominator) : null;
  return {
    indicator_code: indicator.code,
    area_code: area,
    area_type: areaType,
    period: period.label,
    period_start: period.start,
    numerator: parts?.numerator ?? null,
    denominator: parts?.denominator ?? null,
    value,
    ci_lower: ci?.lower ?? null,
    ci_upper: ci?.upper ?? null,
    target,
    target_status: targetStatus(value, target, indicator.polarity, indicator.decimals),
    flag: value === null ? missingFlag(indicator, parts) : null,
  };
}

/** "[z]" when a ratio's denominator is zero (no population to measure), "[x]" otherwise. */
function missingFlag(indicator: Indicator, parts: Parts | null): GssFlag {
  const ratio = indicator.unit !== 'count' && indicator.unit !== 'value';
  return ratio && parts?.denominator === 0 ? GSS.z : GSS.x;
}

function sumOfLocalities(indicator: Indicator, parts: readonly (Parts | undefined)[]): Parts | null {
  if (indicator.unit === 'value' || parts.length === 0) return null;
  let numerator = 0;
  let denominator: number | null = 0;
  for (const p of parts) {
    if (!p || p.numerator === null) return null;
    numerator += p.numerator;
    if (p.denominator === null) denominator = null;
    else if (denominator !== null) denominator += p.denominator;
  }
  if (indicator.unit !== 'count' && denominator === null) return null;
  return { numerator, denominator, value: null };
}

function rangePeriods(indicator: Indicator, first: FinancialQuarter, last: FinancialQuarter): Period[] {
  if (indicator.frequency === 'quarterly') return quarterRange(first, last).map((q) => toPeriod(quarterLabel(q)));
  const years: Period[] = [];
  for (let y = first.startYear; y <= last.startYear; y++) years.push(toPeriod(financialYearLabel(y)));
  return years;
}

function toPeriod(label: string): Period {
  const q = parseQuarter(label);
  if (q) return { label, start: quarterStart(q), startYear: q.startYear };
  const year = parseFinancialYear(label);
  if (year === null) throw new Error(`area_indicators has period "${label}", which is neither "2013-14" nor "2013-14 Q2"`);
  return { label, start: `${year}-04-01`, startYear: year };
}

function areaTypeLookup(ref: AggregationReference, localities: readonly string[]): Map<string, AreaType> {
  const types = new Map<string, AreaType>();
  for (const c of ref.programme.comparators) types.set(c.code, 'comparator');
  types.set(ref.programme.authority.code, 'authority');
  for (const l of localities) types.set(l, 'locality');
  return types;
}

function compareIndicatorRows(a: IndicatorRow, b: IndicatorRow): number {
  return (
    compareText(a.indicator_code, b.indicator_code) ||
    compareText(a.area_type, b.area_type) ||
    compareText(a.area_code, b.area_code) ||
    compareText(a.period_start, b.period_start) ||
    compareText(a.period, b.period)
  );
}

/** Code-point order, independent of the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function text(row: Record<string, JS>, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`area_indicators query returned a non-text ${column}`);
  return value;
}

function number(row: Record<string, JS>, column: string): number | null {
  const value = row[column];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
