/**
 * [p]: the figures the reference data says may still change. A measure provisional for N quarters
 * has its latest N quarters marked, and so has any longer period (a year, the year to date, the
 * last four quarters, the programme to date) that takes in one of them, since its total moves
 * with theirs. "Latest" is the measure's own series: the release's last quarter for the counts,
 * the indicator's latest period for an indicator (national figures arrive late).
 *
 * Only a shown figure with no symbol takes [p]: a suppressed figure keeps [c] (or [x], [z]) and a
 * rounded one keeps [rd], whose meaning a reader needs more (one symbol per figure).
 */
import { addQuarters, parseFinancialYear, parseQuarter, quarterEnd, quarterOfDate, quarterStart, type FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import { GSS, type GssFlag } from '../../../src/lib/outputs/tables.ts';
import { provisionalQuarters, type ProvisionalPolicy } from '../../../src/lib/reference/provisional.ts';
import type { ReleaseRows } from '../../../src/lib/outputs/figures.ts';

/** The last day of a published period label: a quarter ("2026-27 Q1") or a financial year ("2025-26"). */
export function periodEnd(label: string): string | null {
  const q = parseQuarter(label);
  if (q) return quarterEnd(q);
  const year = parseFinancialYear(label);
  return year === null ? null : `${year + 1}-03-31`;
}

/** First day of the earliest provisional quarter when `n` quarters up to `last` are provisional. */
function provisionalFrom(last: FinancialQuarter, n: number): string {
  return quarterStart(addQuarters(last, -(n - 1)));
}

function mark<R extends { value: number | null; flag: GssFlag | null }>(row: R, provisional: boolean): R {
  return provisional && row.value !== null && row.flag === null ? { ...row, flag: GSS.p } : row;
}

export function markProvisional(rows: ReleaseRows, policy: ProvisionalPolicy, lastQuarter: string): ReleaseRows {
  const last = parseQuarter(lastQuarter);
  if (!last || policy.measures.length === 0) return rows;
  const countFrom = (table: string, measure: string): string | null => {
    const n = provisionalQuarters(policy, table, measure);
    return n > 0 ? provisionalFrom(last, n) : null;
  };
  const counts = (table: 'programme' | 'criteria' | 'outcomes' | 'claims') =>
    rows[table].map((r) => {
      const from = countFrom(table, r.measure);
      return mark(r, from !== null && quarterEnd(parseQuarter(r.quarter)!) >= from);
    });

  // An indicator's series ends at its own latest period, which may lag the release.
  const indicatorFrom = new Map<string, string | null>();
  for (const r of rows.indicators) {
    const end = periodEnd(r.period);
    if (end === null) continue;
    const latest = indicatorFrom.get(r.indicator_code);
    if (latest === undefined || (latest !== null && end > latest)) indicatorFrom.set(r.indicator_code, end);
  }
  for (const [code, latestEnd] of indicatorFrom) {
    const n = provisionalQuarters(policy, 'indicators', code);
    indicatorFrom.set(code, n > 0 && latestEnd !== null ? provisionalFrom(quarterOfDate(latestEnd), n) : null);
  }
  const indicators = rows.indicators.map((r) => {
    const from = indicatorFrom.get(r.indicator_code) ?? null;
    const end = periodEnd(r.period);
    return mark(r, from !== null && end !== null && end >= from);
  });

  const periods = rows.periods.map((r) => {
    const from = countFrom(r.table, r.measure);
    return mark(r, from !== null && String(r.period_end).slice(0, 10) >= from);
  });
  return { programme: counts('programme'), criteria: counts('criteria'), outcomes: counts('outcomes'), claims: counts('claims'), indicators, periods };
}
