/**
 * Primary suppression: a count from 1 to threshold − 1 could single out a family, so it is
 * withheld. A true zero is published: it names nobody, and DfE and ONS tables show 0 as 0.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Datum, Params } from './expr.ts';

/**
 * Adds a boolean `primary` column. Comparator rows (England and the like, published elsewhere)
 * and measures in `exempt` (money amounts, which follow their count instead) are never flagged.
 */
export function markPrimary(table: ColumnTable, threshold: number, exempt: readonly string[]): ColumnTable {
  return table
    .params({ threshold, exempt: [...exempt] })
    .derive({
      primary: (d: Datum, $: Params) =>
        d.area_type !== 'comparator' &&
        !aq.op.includes($.exempt, d.measure) &&
        d.value != null &&
        d.value > 0 &&
        d.value < $.threshold,
    });
}
