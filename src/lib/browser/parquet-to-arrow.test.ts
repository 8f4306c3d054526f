import type { SchemaElement } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { UnsupportedColumnError, arrowTable, planColumn } from './parquet-to-arrow.ts';
import { tableRows } from './query.ts';

// Schema elements as other writers (Arrow C++, Spark) produce them: logical types without the
// legacy converted types DuckDB also writes. The DuckDB-written cases are in parquet-read.test.ts.
const element = (props: Omit<SchemaElement, 'repetition_type'>): SchemaElement => ({ repetition_type: 'OPTIONAL', ...props });

describe('arrowTable', () => {
  it('reads ENUM text that arrives as raw UTF-8 bytes', () => {
    const status = element({ name: 'status', type: 'BYTE_ARRAY', converted_type: 'ENUM' });
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    const table = arrowTable([{ element: status, chunks: [[encode('open'), null], [encode('clôturé')]] }]);
    expect(tableRows(table)).toEqual([{ status: 'open' }, { status: null }, { status: 'clôturé' }]);
  });

  it('keeps each row in place across chunks and past a byte of the null bitmap', () => {
    // Ten rows in two chunks: the second chunk's rows and the ninth row onwards land in the
    // bitmaps' second byte, and a null text row must leave an empty slot, not shift the rest.
    const flag = element({ name: 'flag', type: 'BOOLEAN' });
    const name = element({ name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    const flags = [true, null, false, true, true, null, false, true, true, null];
    const names = ['a', null, '', 'dd', null, 'f', 'g', null, 'ii', 'j'];
    const table = arrowTable([
      { element: flag, chunks: [flags.slice(0, 3), flags.slice(3)] },
      { element: name, chunks: [names.slice(0, 6), names.slice(6)] },
    ]);
    expect(tableRows(table)).toEqual(flags.map((value, i) => ({ flag: value, name: names[i] })));
  });

  it('sizes integers by their logical type', () => {
    const tiny = element({ name: 'tiny', type: 'INT32', logical_type: { type: 'INTEGER', bitWidth: 8, isSigned: true } });
    const count = element({ name: 'count', type: 'INT64', logical_type: { type: 'INTEGER', bitWidth: 64, isSigned: false } });
    const table = arrowTable([
      { element: tiny, chunks: [[-5, null, 7]] },
      { element: count, chunks: [[1n, 2n], [null]] },
    ]);
    expect(table.schema.fields.map((field) => String(field.type))).toEqual(['Int8', 'Uint64']);
    expect(tableRows(table)).toEqual([
      { tiny: -5, count: 1 },
      { tiny: null, count: 2 },
      { tiny: 7, count: null },
    ]);
  });

  it('reads a timestamp without time zone as naive and a DATE given as day numbers', () => {
    const at = element({ name: 'at', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' } });
    const day = element({ name: 'day', type: 'INT32', logical_type: { type: 'DATE' } });
    const table = arrowTable([
      { element: at, chunks: [[new Date('2024-03-31T23:59:59.500Z')]] },
      { element: day, chunks: [[19_813]] },
    ]);
    expect(String(table.schema.fields[0]?.type)).toBe('Timestamp<MICROSECOND>');
    expect(tableRows(table)).toEqual([{ at: '2024-03-31T23:59:59.500', day: '2024-03-31' }]);
  });

  it('refuses columns of unequal length', () => {
    const id = element({ name: 'id', type: 'INT32' });
    expect(() => arrowTable([{ element: id, chunks: [[1]] }, { element: { ...id, name: 'other' }, chunks: [[1, 2]] }])).toThrow(
      'columns decoded to different lengths',
    );
  });
});

describe('planColumn', () => {
  it.each([
    [element({ name: 'opened', type: 'INT32', logical_type: { type: 'TIME', isAdjustedToUTC: false, unit: 'MILLIS' } }), 'TIME columns'],
    [element({ name: 'tags', num_children: 1 }), 'nested columns'],
    [{ name: 'ids', type: 'INT32', repetition_type: 'REPEATED' } satisfies SchemaElement, 'nested columns'],
  ])('refuses %j', (unsupported, message) => {
    expect(() => planColumn(unsupported)).toThrow(UnsupportedColumnError);
    expect(() => planColumn(unsupported)).toThrow(message);
  });
});
