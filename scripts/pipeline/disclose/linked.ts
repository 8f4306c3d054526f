/**
 * Linked measures: a claim amount is, near enough, the claim count times a tariff that readers
 * may know (£800 a family in phase 2). So an amount goes wherever its count goes, and the pair
 * is tied by the relation count·amount_cell − amount·count_cell = 0 with the true values as
 * coefficients: the worst case, a reader who knows each cell's tariff exactly.
 */
import type { ColumnTable } from 'arquero';
import type { Datum, Params } from './expr.ts';
import type { LinkedMeasure } from './relations.ts';

const JOIN_KEYS = ['quarter_start', 'area_code', 'breakdown'];

/** [count row, follower row] pairs, by the `_row` column of `table`, in count-row order. */
export function linkedPairs(table: ColumnTable, links: readonly LinkedMeasure[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (const link of links) {
    const counts = table
      .params({ m: link.count })
      .filter((d: Datum, $: Params) => d.measure === $.m && d.area_type !== 'comparator')
      .select([...JOIN_KEYS, '_row']);
    const followers = table
      .params({ m: link.follower })
      .filter((d: Datum, $: Params) => d.measure === $.m && d.area_type !== 'comparator')
      .select([...JOIN_KEYS, '_row'])
      .rename({ _row: '_follower' });
    // A flat array of more than one name would be read as [left keys, right keys]: spell both out.
    const joined = counts.join(followers, [JOIN_KEYS, JOIN_KEYS]).orderby('_row');
    const rows = joined.array('_row') as ArrayLike<number>;
    const follow = joined.array('_follower') as ArrayLike<number>;
    for (let i = 0; i < rows.length; i++) pairs.push([rows[i] as number, follow[i] as number]);
  }
  return pairs;
}

/**
 * Integer coefficients [on the count, on the amount] of the tariff relation
 * count·amount_cell − amount·count_cell = 0, or null when it says nothing: a value not
 * available, or both zero (no tariff to read). A zero amount against a non-zero count comes out
 * as "amount = 0" (a reader who knows the tariff is nil knows the amount). Amounts are taken to
 * the penny so the coefficients are whole numbers and the rank test stays exact.
 */
export function tariffCoefficients(count: number | null, amount: number | null): [number, number] | null {
  if (count === null || amount === null) return null;
  const pence = Math.round(amount * 100);
  if (count === 0 && pence === 0) return null;
  const onCount = -pence;
  const onAmount = count * 100;
  const g = gcd(Math.abs(onCount), Math.abs(onAmount));
  return [onCount / g, onAmount / g];
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
