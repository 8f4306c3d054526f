/**
 * Published values with their GSS flag, and sums of them. A sum over any suppressed or missing
 * value is itself unknown: it keeps the symbol ("[c]" before "[x]") and is never shown as the
 * sum of the values that happen to be published.
 */
import { GSS, type GssFlag } from '../outputs/tables.ts';

export interface Flagged {
  readonly value: number | null;
  readonly flag: GssFlag | null;
}

export const NOT_AVAILABLE: Flagged = { value: null, flag: GSS.x };

export function sumFlagged(values: readonly Flagged[]): Flagged {
  if (values.length === 0) return NOT_AVAILABLE;
  let total = 0;
  let missing: GssFlag | null = null;
  for (const v of values) {
    if (v.value === null) {
      if (missing === null || v.flag === GSS.c) missing = v.flag ?? GSS.x;
    } else total += v.value;
  }
  return missing === null ? { value: Math.round(total * 100) / 100, flag: null } : { value: null, flag: missing };
}
