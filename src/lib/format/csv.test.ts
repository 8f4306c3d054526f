import { describe, expect, it } from 'vitest';
import { csvFlag, csvValue, toCsv } from './csv.ts';

interface Row {
  area: string;
  value: string;
}
const columns = [
  { label: 'Locality', value: (r: Row) => r.area },
  { label: 'Families attached', value: (r: Row) => r.value },
];

describe('toCsv', () => {
  it('writes a header and one line per row with CRLF endings', () => {
    expect(toCsv(columns, [{ area: 'North', value: '1,234' }])).toBe('Locality,Families attached\r\nNorth,"1,234"\r\n');
  });

  it('keeps GSS symbols and signed figures as they are', () => {
    expect(toCsv(columns, [{ area: 'South', value: '[c]' }, { area: 'East', value: '-£1,234' }])).toBe(
      'Locality,Families attached\r\nSouth,[c]\r\nEast,"-£1,234"\r\n',
    );
  });

  it('quotes embedded quotes and defuses spreadsheet formulas', () => {
    expect(toCsv(columns, [{ area: 'The "Hub"', value: '=SUM(A1)' }])).toBe(
      'Locality,Families attached\r\n"The ""Hub""",\'=SUM(A1)\r\n',
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('Locality,Families attached\r\n');
  });
});

describe('csvValue and csvFlag', () => {
  it('writes numbers plain and symbols in place of missing values', () => {
    expect(csvValue(1234.5, null)).toBe(1234.5);
    expect(csvValue(0, null)).toBe(0);
    expect(csvValue(null, '[c]')).toBe('[c]');
    expect(csvValue(3, '[c]')).toBe('[c]');
    expect(csvValue(null, null)).toBe('[x]');
    expect(csvValue(Number.NaN, null)).toBe('[x]');
  });

  it('moves qualifying symbols to their own column', () => {
    expect(csvValue(71, '[p]')).toBe(71);
    expect(csvFlag('[p]')).toBe('[p]');
    expect(csvFlag('[c]')).toBe('');
    expect(csvFlag(null)).toBe('');
    expect(toCsv([{ label: 'n', value: (r: number) => csvValue(r, null) }], [1234])).toBe('n\r\n1234\r\n');
  });
});
