/**
 * `chartTable`: the data a chart draws, as columns and rows for the "show as table" view and
 * the CSV download. Call it with the same rows and options as the chart plus `chart`, the
 * chart's name; it builds the same data model the chart does, so the two cannot disagree.
 *
 * Cells hold raw numbers (format them with `formatValue` and the column's unit) or a GSS
 * symbol in square brackets where the chart shows nothing: the row's own flag ("[c]"), else
 * "[x]" for not available, or "[z]" where a column does not apply (a year with no target). A
 * number its row qualifies with a symbol (a rounded "[rd]", a provisional "[p]") keeps it:
 * `{ value, flag }`, so the table says what the chart's point is.
 * Trend tables are wide: one row per period, one column per series, in drawing order.
 */
import { isGssFlag } from '../lib/format/symbols.ts';
import type { GssFlag } from '../lib/outputs/tables.ts';
import type { BarCompareOptions } from './bar-compare.ts';
import { barModel } from './bar-data.ts';
import type { ChartUnit } from './format.ts';
import type { LineTrendOptions } from './line-trend.ts';
import type { SmallMultiplesOptions } from './small-multiples.ts';
import type { SparklineOptions } from './sparkline.ts';
import { trendModel, type TrendModel, type TrendPoint, type TrendSeries } from './trend-data.ts';

export interface TableColumn {
  readonly key: string;
  readonly label: string;
  /** Right-align, and format numbers with `unit` and `decimals`. */
  readonly numeric: boolean;
  readonly unit?: ChartUnit;
  readonly decimals?: number;
}

export type TableCell = string | number | QualifiedNumber;

export interface QualifiedNumber {
  readonly value: number;
  readonly flag: GssFlag;
}

export interface ChartTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, TableCell>>[];
}

export type ChartTableOptions<T> =
  | ({ readonly chart: 'lineTrend' } & LineTrendOptions<T>)
  | ({ readonly chart: 'smallMultiples' } & SmallMultiplesOptions<T>)
  | ({ readonly chart: 'sparkline' } & SparklineOptions<T>)
  | ({ readonly chart: 'barCompare' } & BarCompareOptions<T>);

const NOT_AVAILABLE = '[x]';
const NOT_APPLICABLE = '[z]';

export function chartTable<T extends object>(data: readonly T[], options: ChartTableOptions<T>): ChartTable {
  switch (options.chart) {
    case 'lineTrend':
      return trendTable(trendModel(data, options, 'chartTable'), options.targetLabel);
    case 'smallMultiples': {
      const model = trendModel(data, options, 'chartTable');
      // Panels first, then the reference drawn in each of them.
      const series = [...model.series.filter((s) => s.key !== options.reference), ...model.series.filter((s) => s.key === options.reference)];
      return trendTable({ ...model, series }, undefined);
    }
    case 'sparkline':
      return trendTable(trendModel(data, { ...options, series: null }, 'chartTable'), undefined);
    case 'barCompare':
      return barTable(data, options);
  }
}

function trendTable(model: TrendModel, targetLabel: string | undefined): ChartTable {
  const numeric = { numeric: true, unit: model.unit, decimals: model.decimals } as const;
  const columns: TableColumn[] = [{ key: 'period', label: model.xLabel, numeric: false }];
  model.series.forEach((s, i) => {
    columns.push({ key: `s${i}`, label: s.label, ...numeric });
    if (model.hasInterval) {
      columns.push({ key: `s${i}_lower`, label: `${s.label}: lower 95% limit`, ...numeric });
      columns.push({ key: `s${i}_upper`, label: `${s.label}: upper 95% limit`, ...numeric });
    }
  });
  if (model.target) columns.push({ key: 'target', label: targetLabel ?? 'Target', ...numeric });

  const rows = model.periods.map((period, p) => {
    const row: Record<string, TableCell> = { period };
    model.series.forEach((s: TrendSeries, i) => {
      const point: TrendPoint | undefined = s.points[p];
      const missing = point?.flag ?? NOT_AVAILABLE;
      row[`s${i}`] = point?.value == null ? missing : point.flag && isGssFlag(point.flag) ? { value: point.value, flag: point.flag } : point.value;
      if (model.hasInterval) {
        row[`s${i}_lower`] = point?.value == null ? missing : (point.lower ?? NOT_AVAILABLE);
        row[`s${i}_upper`] = point?.value == null ? missing : (point.upper ?? NOT_AVAILABLE);
      }
    });
    if (model.target) row.target = model.target[p] ?? NOT_APPLICABLE;
    return row;
  });
  return { columns, rows };
}

function barTable<T extends object>(data: readonly T[], options: BarCompareOptions<T>): ChartTable {
  const model = barModel(data, options, 'chartTable');
  const numeric = { numeric: true, unit: model.unit, decimals: model.decimals } as const;
  const columns: TableColumn[] = [
    { key: 'area', label: model.areaLabel, numeric: false },
    { key: 'value', label: model.valueLabel, ...numeric },
  ];
  if (model.hasInterval) {
    columns.push({ key: 'lower', label: 'Lower 95% limit', ...numeric }, { key: 'upper', label: 'Upper 95% limit', ...numeric });
  }
  if (model.hasComparison) {
    columns.push({ key: 'comparison', label: model.benchmark ? `Compared with ${model.benchmark.label}` : 'Comparison', numeric: false });
  }

  const rows: Record<string, TableCell>[] = model.rows.map((r) => {
    const row: Record<string, TableCell> = { area: r.label, value: r.value ?? r.symbol };
    if (model.hasInterval) {
      row.lower = r.value === null ? r.symbol : (r.lower ?? NOT_AVAILABLE);
      row.upper = r.value === null ? r.symbol : (r.upper ?? NOT_AVAILABLE);
    }
    if (model.hasComparison) row.comparison = r.comparison ? model.comparisonLabels[r.comparison] : NOT_APPLICABLE;
    return row;
  });
  // Reference lines are drawn data too, so they are rows: their other columns do not apply.
  for (const reference of [model.benchmark, model.target]) {
    if (!reference) continue;
    const row: Record<string, TableCell> = { area: reference.label, value: reference.value };
    for (const column of columns.slice(2)) row[column.key] = NOT_APPLICABLE;
    rows.push(row);
  }
  return { columns, rows };
}
