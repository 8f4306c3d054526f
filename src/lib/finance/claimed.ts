/**
 * Money actually claimed, by financial year, from the published periods table, set beside the
 * grant profile: results claimed (the framework's results claim types) where the release breaks
 * claims down by type, otherwise every claim together, and a projection of results income from
 * the success rate so far.
 *
 * A suppressed figure ([c]) is carried as its symbol, never as a number: a year whose claims are
 * hidden shows the symbol, and the success rate uses only the years whose figures are published.
 */
import type { GssFlag } from '../outputs/tables.ts';
import { GSS } from '../outputs/tables.ts';
import { SYMBOL_MEANINGS } from '../format/symbols.ts';
import type { PaymentFramework } from '../reference/payment-framework.ts';
import type { GrantProfile } from './grant-profile.ts';

/** A published figure or the symbol that stands in for it. */
export interface Cell {
  readonly value: number | null;
  readonly flag: GssFlag | null;
}

/** One row of the claims-by-year query. */
export interface ClaimAmountRow {
  readonly period: string;
  readonly breakdown: string;
  readonly value: number | null;
  readonly flag: GssFlag | null;
}

/** Which claims the "claimed" figures cover: results only, or every claim (the public release). */
export type ClaimBasis = 'results' | 'all_claims';

export interface FinanceYear {
  readonly year: string;
  readonly upFrontGbp: number;
  readonly resultsAtFullSuccessGbp: number;
  readonly claimedGbp: Cell;
  readonly projectedResultsGbp: Cell;
}

export interface FinanceSummary {
  readonly basis: ClaimBasis;
  /** Claimed to date over the most that could have been claimed, in the years published; null when none is. */
  readonly successRate: number | null;
  /** Years whose claimed figure is published and used in the success rate. */
  readonly rateYears: readonly string[];
  readonly years: readonly FinanceYear[];
}

const usable = (cell: Cell): cell is Cell & { value: number } => cell.value !== null && !(cell.flag && SYMBOL_MEANINGS[cell.flag].replacesValue);

/**
 * Results claimed in a year: the sum of its results claim types when every one is published; the
 * first hiding symbol when any is hidden (never a partial sum); [x] when the release has no
 * breakdown by claim type.
 */
function sumOfTypes(rows: readonly ClaimAmountRow[], types: readonly string[]): Cell {
  const cells = types.map((t) => rows.find((r) => r.breakdown === t));
  if (cells.some((c) => c === undefined)) return { value: null, flag: GSS.x };
  const hidden = cells.find((c) => !usable(c!));
  if (hidden) return { value: null, flag: hidden.flag ?? GSS.x };
  return { value: cells.reduce((a, c) => a + c!.value!, 0), flag: null };
}

export function financeByYear(framework: PaymentFramework, profile: GrantProfile, rows: readonly ClaimAmountRow[]): FinanceSummary {
  const types = framework.results_claim_types;
  const byYear = (year: string) => rows.filter((r) => r.period === year);
  // Results-only figures need every results type in the release; the public release has only "all".
  const basis: ClaimBasis = types.length > 0 && types.every((t) => rows.some((r) => r.breakdown === t)) ? 'results' : 'all_claims';
  const claimed = profile.years.map((y): Cell => {
    const yearRows = byYear(y.year);
    if (basis === 'results') return sumOfTypes(yearRows, types);
    const all = yearRows.find((r) => r.breakdown === 'all');
    return all ? { value: all.value, flag: all.flag } : { value: null, flag: GSS.x };
  });
  // What the claimed figure is measured against: results at 100%, or the whole grant for all claims.
  const maximum = (y: (typeof profile.years)[number]) => (basis === 'results' ? y.resultsAtFullSuccessGbp : y.totalGbp);
  let claimedSum = 0;
  let maximumSum = 0;
  const rateYears: string[] = [];
  profile.years.forEach((y, i) => {
    const cell = claimed[i]!;
    if (!usable(cell)) return;
    claimedSum += cell.value;
    maximumSum += maximum(y);
    rateYears.push(y.year);
  });
  const successRate = maximumSum > 0 ? claimedSum / maximumSum : null;
  const years = profile.years.map(
    (y, i): FinanceYear => ({
      year: y.year,
      upFrontGbp: y.upFrontGbp,
      resultsAtFullSuccessGbp: y.resultsAtFullSuccessGbp,
      claimedGbp: claimed[i]!,
      projectedResultsGbp: successRate === null ? { value: null, flag: GSS.x } : { value: y.resultsAtFullSuccessGbp * successRate, flag: GSS.e },
    }),
  );
  return { basis, successRate, rateYears, years };
}
