/**
 * "Indicators by locality" in the evidence pack: each area indicator of the catalogue in its
 * latest period that had begun by the quarter (the quarter itself for a quarterly indicator, the
 * financial year for an annual one), for every locality and the authority, as published: a
 * suppressed value stays its symbol.
 */
import type { Flagged } from '../tables/cells.ts';
import type { IndicatorRow } from '../indicators/indicator-row.ts';
import type { Indicator, Unit } from '../reference/schema.ts';

export interface AreaIndicatorLine {
  readonly code: string;
  readonly title: string;
  readonly unit: Unit;
  readonly decimals: number;
  /** "2025-26 Q4" or "2025-26"; null when nothing was published by the quarter. */
  readonly period: string | null;
  /** Each area's published value in that period, by area code ([x] where it has no row). */
  readonly values: Readonly<Record<string, Flagged>>;
}

const NOT_AVAILABLE: Flagged = { value: null, flag: '[x]' };

export function areaIndicatorLines(
  indicators: readonly Indicator[],
  rowsByIndicator: ReadonlyMap<string, readonly IndicatorRow[]>,
  areaCodes: readonly string[],
  authorityCode: string,
  quarterStart: string,
): AreaIndicatorLine[] {
  return indicators.map((indicator) => {
    const rows = (rowsByIndicator.get(indicator.code) ?? []).filter((r) => r.period_start <= quarterStart);
    // The authority's latest period sets the period for every area, so the row compares like with like.
    const latest = rows.filter((r) => r.area_code === authorityCode).sort((a, b) => b.period_start.localeCompare(a.period_start))[0];
    const inPeriod = latest ? rows.filter((r) => r.period === latest.period) : [];
    const values = Object.fromEntries(
      areaCodes.map((code) => {
        const row = inPeriod.find((r) => r.area_code === code);
        return [code, row ? { value: row.value, flag: row.flag } : NOT_AVAILABLE];
      }),
    );
    return { code: indicator.code, title: indicator.short_title, unit: indicator.unit, decimals: indicator.decimals, period: latest?.period ?? null, values };
  });
}
