import {
  DateDay,
  Field,
  Int64,
  List,
  TimestampMicrosecond,
  Utf8,
  tableFromArrays,
  vectorFromArray,
  Table,
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { tableRows } from './query.ts';

describe('tableRows', () => {
  it('turns an Arrow result into plain rows: numbers, ISO dates and null', () => {
    const table = new Table({
      locality: vectorFromArray(['Ashby', null, 'Ynys Môn'], new Utf8()),
      families: vectorFromArray([12n, 9_007_199_254_740_993n, null], new Int64()),
      day: vectorFromArray([new Date('2013-07-01T00:00:00Z'), null, new Date('1969-12-31T00:00:00Z')], new DateDay()),
      at: vectorFromArray([new Date('2020-01-01T09:30:00.250Z').getTime(), null, 0], new TimestampMicrosecond()),
      at_utc: vectorFromArray([new Date('2020-01-01T09:30:00Z').getTime(), null, null], new TimestampMicrosecond('UTC')),
    });
    expect(tableRows(table)).toEqual([
      { locality: 'Ashby', families: 12, day: '2013-07-01', at: '2020-01-01T09:30:00.250', at_utc: '2020-01-01T09:30:00.000Z' },
      { locality: null, families: 2 ** 53, day: null, at: null, at_utc: null },
      { locality: 'Ynys Môn', families: null, day: '1969-12-31', at: '1970-01-01T00:00:00.000', at_utc: null },
    ]);
  });

  it('gives nested values as plain arrays without BigInt', () => {
    const list = vectorFromArray([[1n, 2n], null], new List(new Field('item', new Int64(), true)));
    expect(tableRows(new Table({ ids: list }))).toEqual([{ ids: [1, 2] }, { ids: null }]);
  });

  it('returns no rows for an empty result', () => {
    expect(tableRows(tableFromArrays({ n: Int32Array.from([]) }))).toEqual([]);
  });
});
