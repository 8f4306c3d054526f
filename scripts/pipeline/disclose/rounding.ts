/**
 * Rounding of published counts to a base (GSS practice, after suppression). Each cell is
 * rounded on its own, to the nearest multiple with halves up, so the same count always rounds
 * the same way in every table; rounded totals need not equal the sum of rounded parts.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { roundToBase } from '../../../src/lib/outputs/rounding.ts';
import { GSS } from '../../../src/lib/outputs/tables.ts';
import type { Datum, Params } from './expr.ts';

/**
 * Rounds `value` where `round_me` is true. A non-zero count that rounds to 0 becomes [low]:
 * the project keeps 0 for a true zero.
 */
export function roundPublished(table: ColumnTable, base: number): ColumnTable {
  return table
    .params({ base, low: GSS.low })
    .derive({ _rounded: (d: Datum, $: Params) => (d.round_me && d.value != null ? aq.op.floor(d.value / $.base + 0.5) * $.base : d.value) })
    .derive({
      flag: (d: Datum, $: Params) => (d.round_me && d.value != null && d.value !== 0 && d._rounded === 0 ? $.low : d.flag),
      value: (d: Datum) => (d.round_me && d.value != null && d.value !== 0 && d._rounded === 0 ? null : d._rounded),
    })
    .select(table.columnNames().filter((c) => c !== '_rounded'));
}

/**
 * `--round`: rounds every exactly published count of a released table (money follows its count
 * and comparators are others' figures, so neither is touched). Rounding only widens what a reader
 * can prove, so the audit's verdict on the unrounded release still holds.
 */
export function roundCounts<R extends { value: number | null; flag: string | null; area_type: string; measure: string }>(rows: readonly R[], base: number): R[] {
  return rows.map((r) => {
    if (r.value === null || r.flag !== null || r.area_type === 'comparator' || r.measure === 'claim_amount_gbp') return r;
    const rounded = roundToBase(r.value, base);
    return r.value !== 0 && rounded === 0 ? { ...r, value: null, flag: GSS.low } : { ...r, value: rounded };
  });
}
