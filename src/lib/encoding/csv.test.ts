import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
    const records = parseCsv('\uFEFFa,b\r\n"x, ""y""",z\r\n"multi\nline",2\n\n3,4');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'z'] },
      { line: 3, fields: ['multi\nline', '2'] },
      { line: 6, fields: ['3', '4'] },
    ]);
  });
});
