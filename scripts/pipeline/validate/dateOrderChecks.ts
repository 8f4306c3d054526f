/**
 * Dates that must come in order. The pairs come from the contract itself: a date column whose
 * `allowed` text reads "on or after <column>" must not be earlier than that column.
 */
import type { ColumnSpec, ExtractSpec } from '../contract/extracts.ts';
import { ident } from '../duckdb.ts';
import { FLAG_COLUMN, issueColumns, text, typeBit, type CheckContext } from './checkContext.ts';

/**
 * Later events that make no sense without the earlier one: a family cannot close without ever
 * being attached, nor an outcome be sustained that was never achieved. (A period end without its
 * start is merely incomplete, so it is not listed.)
 */
const NEEDS_EARLIER: Readonly<Record<string, string>> = {
  date_closed: 'date_attached',
  date_sustained_to: 'date_achieved',
};

export interface DatePair {
  readonly earlier: string;
  readonly later: string;
}

export function datePairs(spec: ExtractSpec): DatePair[] {
  const dates = new Set(spec.columns.filter((c) => c.type === 'date').map((c) => c.name));
  return spec.columns
    .filter((c: ColumnSpec) => c.type === 'date')
    .flatMap((c) => {
      const m = /^on or after (\w+)$/.exec(c.allowed ?? '');
      return m?.[1] && dates.has(m[1]) ? [{ earlier: m[1], later: c.name }] : [];
    });
}

export function dateOrderChecks(ctx: CheckContext): string[] {
  const sql: string[] = [];
  for (const { earlier, later } of datePairs(ctx.spec)) {
    if (ctx.position(later) === 0) continue;
    const e = ident(earlier);
    const l = ident(later);
    if (ctx.position(earlier) > 0) {
      sql.push(
        `SELECT ${issueColumns(ctx, {
          column: later, code: 'dates_out_of_order', severity: 'error',
          message: `${text(`${later} `)} || tfo_iso(${l}) || ${text(` is before ${earlier} `)} || tfo_iso(${e}) || '.'`,
          fix: text(`Check both dates: ${later} must be on or after ${earlier} (were day and month swapped?).`),
        })} FROM ${ctx.stage} WHERE ${l} < ${e}`,
      );
    }
    if (NEEDS_EARLIER[later] === earlier) {
      // Empty, not unparseable: a bad earlier date is reported by valueChecks already.
      sql.push(
        `SELECT ${issueColumns(ctx, {
          column: later, code: 'dates_out_of_order', severity: 'error',
          message: `${text(`${later} `)} || tfo_iso(${l}) || ${text(` is given but ${earlier} is empty.`)}`,
          fix: text(`Fill in ${earlier}, or clear ${later} if the event has not happened.`),
        })} FROM ${ctx.stage} WHERE ${l} IS NOT NULL AND ${e} IS NULL AND (${FLAG_COLUMN} & ${typeBit(ctx.spec, earlier)}) = 0`,
      );
    }
  }
  return sql;
}
