/**
 * Money claimed by financial year and claim type for the authority, from periods.parquet. The
 * public release publishes only every claim type together ("all"); a board release may break it
 * down. Runs unchanged on native DuckDB at build time.
 */
import { flaggedValue, textField } from '../data/flagged-value.ts';
import type { PlainRow } from '../data/plain-row.ts';
import type { SqlQuery } from '../sql/query.ts';
import type { ClaimAmountRow } from './claimed.ts';

export const claimAmountsByYear: SqlQuery<'area_code'> = {
  name: 'claim-amounts-by-year',
  params: ['area_code'],
  sql: `
SELECT period, breakdown, value, flag
FROM periods
WHERE "table" = 'claims' AND measure = 'claim_amount_gbp' AND period_type = 'financial_year' AND area_code = $1
ORDER BY period, breakdown`,
};

export function toClaimAmountRows(rows: readonly PlainRow[]): ClaimAmountRow[] {
  return rows.map((row) => ({
    period: textField(row, 'period', claimAmountsByYear.name),
    breakdown: textField(row, 'breakdown', claimAmountsByYear.name),
    ...flaggedValue(row, claimAmountsByYear.name),
  }));
}
