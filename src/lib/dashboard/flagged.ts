/**
 * Sums of published values with their GSS flag. A sum over any suppressed or missing value is
 * itself unknown: it keeps the symbol ("[c]" before "[x]") and is never shown as the sum of the
 * values that happen to be published. A sum over rounded values is only as good as they are, so
 * it keeps their "[rd]"; one over provisional or revised values keeps "[p]" (or "[r]").
 */
import { GSS, type GssFlag } from '../outputs/tables.ts';
import { roundToBase } from '../outputs/rounding.ts';
import type { Flagged } from '../tables/cells.ts';

export type { Flagged } from '../tables/cells.ts';

export const NOT_AVAILABLE: Flagged = { value: null, flag: GSS.x };

export function sumFlagged(values: readonly Flagged[], roundingBase: number | null = null): Flagged {
  if (values.length === 0) return NOT_AVAILABLE;
  let total = 0;
  let missing: GssFlag | null = null;
  let rounded = false;
  // A total of provisional (or revised) figures is provisional (revised) too.
  let qualifier: GssFlag | null = null;
  for (const v of values) {
    if (v.value === null) {
      if (missing === null || v.flag === GSS.c) missing = v.flag ?? GSS.x;
    } else {
      total += v.value;
      rounded ||= v.flag === GSS.rd;
      if (v.flag === GSS.p || (v.flag === GSS.r && qualifier === null)) qualifier = v.flag;
    }
  }
  if (missing !== null) return { value: null, flag: missing };
  // A sum with rounded parts is no more exact than they are: it is rounded too, to the release's
  // base, so no [rd] figure reads as an exact count.
  if (rounded && roundingBase !== null) return { value: roundToBase(total, roundingBase), flag: GSS.rd };
  return { value: Math.round(total * 100) / 100, flag: rounded ? GSS.rd : qualifier };
}

/**
 * True when the figure is exactly as counted: published and not rounded. Provisional ([p]) and
 * revised ([r]) figures are exact counts too: the symbol says they may change or have changed.
 */
export function isExact(v: Flagged): boolean {
  return v.value !== null && (v.flag === null || v.flag === GSS.p || v.flag === GSS.r);
}
