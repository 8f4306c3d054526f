/**
 * Example data for the component examples page (src/pages/components.astro) and its CSV. Fictional
 * figures for the fictional Wyvern localities; shaped like the published tables, flags included,
 * so the page exercises suppression, missing values and qualifiers.
 */
import type { TableColumn, TableRow } from './DataTable/types.ts';
import { formatValue } from '../lib/format/value.ts';
import { csvFlag, csvValue, type CsvColumn } from '../lib/format/csv.ts';
import type { GssFlag } from '../lib/outputs/tables.ts';

export const EXAMPLE_QUARTERS = ['2026-27 Q1', '2025-26 Q4', '2025-26 Q3', '2025-26 Q2', '2025-26 Q1'] as const;

export const ATTACHED_COLUMNS: readonly TableColumn[] = [
  { key: 'locality', label: 'Locality' },
  { key: 'attached', label: 'Families attached' },
  { key: 'target', label: 'Target for the year' },
  { key: 'percent', label: 'Percentage of target', unit: 'percent' },
  { key: 'rate', label: 'Rate per 10,000 children aged 0-19', unit: 'rate_per_10000' },
];

export const ATTACHED_ROWS: readonly TableRow[] = [
  { locality: 'Northgate', attached: { value: 88, flag: null }, target: 96, percent: { value: 91.7, flag: null }, rate: { value: 74.3, flag: null } },
  { locality: 'Eastbrook', attached: { value: 112, flag: null }, target: 120, percent: { value: 93.3, flag: null }, rate: { value: 78.2, flag: null } },
  { locality: 'Castle and Town Centre', attached: { value: 71, flag: '[p]' }, target: 84, percent: { value: 84.5, flag: '[p]' }, rate: { value: 86.2, flag: '[p]' } },
  { locality: 'Westfield', attached: { value: 39, flag: null }, target: 60, percent: { value: 65, flag: null }, rate: { value: 30.8, flag: null } },
  { locality: 'Southmoor', attached: { value: 47, flag: null }, target: 52, percent: { value: 90.4, flag: null }, rate: { value: 49.7, flag: null } },
  { locality: 'Riverside', attached: { value: null, flag: '[c]' }, target: 20, percent: { value: null, flag: '[c]' }, rate: { value: null, flag: '[c]' } },
  { locality: 'Hill Villages', attached: { value: null, flag: '[x]' }, target: 8, percent: { value: null, flag: '[x]' }, rate: { value: null, flag: '[x]' } },
];

function rowQualifier(row: TableRow): GssFlag | null {
  for (const cell of Object.values(row)) {
    if (typeof cell === 'object' && cell !== null && csvFlag(cell.flag) !== '') return cell.flag;
  }
  return null;
}

/**
 * The same table as CSV: plain numbers, symbols in place of suppressed or missing values, and
 * the row's qualifier ("[p]") in a column of its own.
 */
export const ATTACHED_CSV_COLUMNS: readonly CsvColumn<TableRow>[] = [
  ...ATTACHED_COLUMNS.map((column) => ({
    label: column.label,
    value: (row: TableRow) => {
      const cell = row[column.key];
      if (typeof cell === 'string' || typeof cell === 'number') return cell;
      return csvValue(cell?.value, cell?.flag);
    },
  })),
  { label: 'Qualifier', value: (row: TableRow) => csvFlag(rowQualifier(row)) },
];

const BAR_COLOUR = '#12436D';

/**
 * A plain horizontal bar chart of families attached, drawn by hand so the examples page needs no
 * chart code. Suppressed and missing bars are labelled with their symbol instead of a bar.
 */
export function exampleBarChartSvg(): string {
  const rowHeight = 32;
  const labelWidth = 190;
  const plotWidth = 420;
  const max = 120;
  const height = ATTACHED_ROWS.length * rowHeight + 30;
  const bars = ATTACHED_ROWS.map((row, i) => {
    const y = i * rowHeight + 10;
    const cell = row.attached;
    const flagged = typeof cell === 'object' && cell !== null ? cell : null;
    const value = flagged?.value ?? null;
    const label = formatValue(value, flagged?.flag ?? null, 'count');
    const width = value === null ? 0 : (value / max) * plotWidth;
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${String(row.locality)}</text>`,
      value === null ? '' : `<rect x="${labelWidth}" y="${y + 2}" width="${width.toFixed(1)}" height="${rowHeight - 10}" fill="${BAR_COLOUR}"/>`,
      `<text x="${(labelWidth + width + 6).toFixed(1)}" y="${y + 16}">${label}</text>`,
    ].join('');
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelWidth + plotWidth + 60} ${height}" width="${labelWidth + plotWidth + 60}" height="${height}" font-family="system-ui, sans-serif" font-size="14" fill="#0b0c0c">` +
    `<line x1="${labelWidth}" x2="${labelWidth}" y1="6" y2="${height - 20}" stroke="#0b0c0c"/>` +
    bars +
    `</svg>`
  );
}
