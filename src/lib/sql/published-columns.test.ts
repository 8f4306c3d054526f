import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS } from '../outputs/tables.ts';
import { measureSql, selectColumns } from './published-columns.ts';

describe('selectColumns', () => {
  it('reads dates as ISO text and numbers as DOUBLE, in file order', () => {
    expect(selectColumns(INDICATOR_COLUMNS)).toBe(
      'indicator_code, area_code, area_type, period, CAST(period_start AS VARCHAR) AS period_start, ' +
        'CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator, ' +
        'CAST(value AS DOUBLE) AS value, CAST(ci_lower AS DOUBLE) AS ci_lower, CAST(ci_upper AS DOUBLE) AS ci_upper, ' +
        'CAST(target AS DOUBLE) AS target, target_status, flag',
    );
  });
});

describe('measureSql', () => {
  it('writes declared measures as an SQL list', () => {
    expect(measureSql('families_open')).toBe("'families_open'");
    expect(measureSql('claims', 'claim_amount_gbp')).toBe("'claims', 'claim_amount_gbp'");
  });
});
