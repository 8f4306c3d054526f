import { describe, expect, it } from 'vitest';
import { cellText, isNumericColumn } from './cellText.ts';
import type { TableRow } from './types.ts';

const rows: TableRow[] = [
  { area: 'Northgate', attached: 1234, rate: { value: 23.456, flag: null }, note: null },
  { area: 'Eastbrook', attached: { value: null, flag: '[c]' }, rate: { value: 12, flag: '[p]' }, note: undefined },
];

describe('cellText', () => {
  it('shows text as it is and formats numbers in the column unit', () => {
    expect(cellText({ key: 'area', label: 'Locality' }, rows[0]!)).toBe('Northgate');
    expect(cellText({ key: 'attached', label: 'Families' }, rows[0]!)).toBe('1,234');
    expect(cellText({ key: 'rate', label: 'Rate', unit: 'rate_per_10000', decimals: 2 }, rows[0]!)).toBe('23.46');
  });

  it('shows symbols for suppressed and missing values, never 0', () => {
    expect(cellText({ key: 'attached', label: 'Families' }, rows[1]!)).toBe('[c]');
    expect(cellText({ key: 'rate', label: 'Rate', unit: 'percent' }, rows[1]!)).toBe('12.0% [p]');
    expect(cellText({ key: 'note', label: 'Note' }, rows[0]!)).toBe('[x]');
    expect(cellText({ key: 'note', label: 'Note' }, rows[1]!)).toBe('[x]');
    expect(cellText({ key: 'absent', label: 'Absent' }, rows[1]!)).toBe('[x]');
  });

  it('uses a custom formatter when given', () => {
    expect(cellText({ key: 'area', label: 'Locality', format: (v) => `${String(v)}!` }, rows[0]!)).toBe('Northgate!');
  });
});

describe('isNumericColumn', () => {
  it('detects numeric columns unless told', () => {
    expect(isNumericColumn({ key: 'attached', label: '' }, rows)).toBe(true);
    expect(isNumericColumn({ key: 'area', label: '' }, rows)).toBe(false);
    expect(isNumericColumn({ key: 'area', label: '', numeric: true }, rows)).toBe(true);
  });
});
