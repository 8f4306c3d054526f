/**
 * A published figure as revisions see it, whatever table it comes from: which figure it is (the
 * columns that identify it within its table), its value and its GSS flag. Two releases hold "the
 * same figure" when these key columns match, so a new quarter, area or breakdown is a new figure,
 * never a revision. The pipeline's revision step and the site's check of a revisions log share it.
 */
import { SYMBOL_MEANINGS } from '../format/symbols.ts';
import type { CountRow, CountTable, GssFlag, IndicatorRow, OutputTable, PeriodRow } from './tables.ts';

/** The published rows of one release, table by table, as the pipeline writes them. */
export type ReleaseRows = Record<CountTable, CountRow[]> & { indicators: IndicatorRow[]; periods: PeriodRow[] };

/**
 * The columns that identify a figure across releases. Not the tables' sort keys (tableKey in
 * datapackage.ts), which identify a row within one release by its period's start date: across
 * releases "2026-27 to Q1" and "2026-27 to Q2" start on the same day but are different figures,
 * so the period's label is the key here.
 */
export const FIGURE_KEYS = {
  programme: ['measure', 'breakdown', 'area_type', 'area_code', 'quarter'],
  criteria: ['measure', 'breakdown', 'area_type', 'area_code', 'quarter'],
  outcomes: ['measure', 'breakdown', 'area_type', 'area_code', 'quarter'],
  claims: ['measure', 'breakdown', 'area_type', 'area_code', 'quarter'],
  indicators: ['indicator_code', 'area_type', 'area_code', 'period'],
  periods: ['table', 'measure', 'breakdown', 'period_type', 'area_type', 'area_code', 'period'],
} as const satisfies Partial<Record<OutputTable, readonly string[]>>;
/**
 * The columns that identify a cohort figure across releases. The cohort table is not revised
 * ([r]): its figures are "to date" and move every quarter. Later releases' disclosure control
 * still reads it, as a reader holds it.
 */
export const COHORT_FIGURE_KEY = ['cohort_year', 'area_type', 'area_code', 'measure', 'breakdown'] as const;

/** The tables the revision step compares (a table added to the release joins by getting its keys here). */
export type RevisedTable = keyof typeof FIGURE_KEYS;

/** The fields of a row the comparison reads: its key columns, value and flag. */
export type FigureRow = Readonly<Record<string, unknown>> & { value: number | null; flag: GssFlag | null };

export interface Figure {
  table: RevisedTable;
  key: string;
  /** Measure, indicator code, or "<table>.<measure>" for a longer period (periods.parquet). */
  measure: string;
  breakdown: string;
  area_code: string;
  period: string;
  value: number | null;
  flag: GssFlag | null;
}

/** A row's identity across releases: its key columns' values, joined. */
export function figureKey(columns: readonly string[], row: Readonly<Record<string, unknown>>): string {
  return columns.map((column) => String(row[column] ?? '')).join('\u0000');
}

export function figureOf(table: RevisedTable, row: FigureRow): Figure {
  const text = (column: string) => String(row[column] ?? '');
  const key = figureKey(FIGURE_KEYS[table], row);
  const base = { table, key, area_code: text('area_code'), value: row.value, flag: row.flag };
  switch (table) {
    case 'indicators':
      return { ...base, measure: text('indicator_code'), breakdown: 'all', period: text('period') };
    case 'periods':
      return { ...base, measure: `${text('table')}.${text('measure')}`, breakdown: text('breakdown'), period: text('period') };
    default:
      return { ...base, measure: text('measure'), breakdown: text('breakdown'), period: text('quarter') };
  }
}

/** The tables of a release in file order, so logs and outputs are deterministic. */
export const RELEASE_TABLES = Object.keys(FIGURE_KEYS) as RevisedTable[];

/** The number a reader saw, or null when a symbol stood in its place. */
export function shownValue(f: Pick<Figure, 'value' | 'flag'>): number | null {
  if (f.flag !== null && SYMBOL_MEANINGS[f.flag].replacesValue) return null;
  return f.value;
}
