/** The CSV download of one indicator's published rows: GSS symbols in value cells, never 0 or blank. */
import { csvValue, toCsv, type CsvColumn } from '../format/csv.ts';
import type { IndicatorRow } from './indicator-row.ts';

type Named = IndicatorRow & { readonly area_name: string };

const num = (v: number | null, row: IndicatorRow): number | string => csvValue(v, row.flag);

export const INDICATOR_CSV_COLUMNS: readonly CsvColumn<Named>[] = [
  { label: 'indicator_code', value: (r) => r.indicator_code },
  { label: 'area_code', value: (r) => r.area_code },
  { label: 'area_name', value: (r) => r.area_name },
  { label: 'area_type', value: (r) => r.area_type },
  { label: 'period', value: (r) => r.period },
  { label: 'period_start', value: (r) => r.period_start },
  { label: 'numerator', value: (r) => num(r.numerator, r) },
  { label: 'denominator', value: (r) => csvValue(r.denominator, r.denominator === null ? r.flag : null) },
  { label: 'value', value: (r) => num(r.value, r) },
  { label: 'ci_lower', value: (r) => num(r.ci_lower, r) },
  { label: 'ci_upper', value: (r) => num(r.ci_upper, r) },
  { label: 'target', value: (r) => (r.target === null ? '[z]' : r.target) },
  { label: 'target_status', value: (r) => r.target_status },
  { label: 'flag', value: (r) => r.flag ?? '' },
];

export function indicatorCsv(rows: readonly IndicatorRow[], areaNames: Readonly<Record<string, string>>): string {
  return toCsv(
    INDICATOR_CSV_COLUMNS,
    rows.map((r) => ({ ...r, area_name: areaNames[r.area_code] ?? r.area_code })),
  );
}
