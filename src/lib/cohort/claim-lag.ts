/**
 * Bins of the time from attachment to a results claim, in whole months: a quarter wide up to two
 * years ("up to 2 years in more complex cases", Havering 2013), then one open bin. Declared once:
 * the pipeline passes the codes to its SQL in this order, and the site labels them from here.
 */
export const CLAIM_LAG_BIN_MONTHS = 3;
export const CLAIM_LAG_OPEN_FROM_MONTHS = 24;

export interface ClaimLagBin {
  /** The breakdown code in cohort.parquet. */
  readonly code: string;
  readonly label: string;
  readonly fromMonths: number;
  /** Exclusive; null for the open bin. */
  readonly toMonths: number | null;
}

export const CLAIM_LAG_BINS: readonly ClaimLagBin[] = [
  ...Array.from({ length: CLAIM_LAG_OPEN_FROM_MONTHS / CLAIM_LAG_BIN_MONTHS }, (_, i): ClaimLagBin => {
    const from = i * CLAIM_LAG_BIN_MONTHS;
    const to = from + CLAIM_LAG_BIN_MONTHS;
    return { code: `months_${from}_${to}`, label: `${from} to ${to} months`, fromMonths: from, toMonths: to };
  }),
  { code: `months_${CLAIM_LAG_OPEN_FROM_MONTHS}_plus`, label: `${CLAIM_LAG_OPEN_FROM_MONTHS} months or more`, fromMonths: CLAIM_LAG_OPEN_FROM_MONTHS, toMonths: null },
];
