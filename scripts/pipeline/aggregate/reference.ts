/**
 * What aggregation needs from the reference data, and the quarter range it publishes. Picks
 * rather than whole types: the `Reference` that src/lib/reference/load.ts returns fits as is.
 */
import { parseQuarter, quarterIndex, quarterStart, type FinancialQuarter } from '../../../src/lib/period/quarter.ts';
import type { IndicatorCatalogue, Locality, Programme } from '../../../src/lib/reference/schema.ts';

export interface AggregationReference {
  readonly programme: Pick<Programme, 'authority' | 'comparators' | 'phases' | 'outcome_measures' | 'payment_rules'>;
  readonly localities: readonly Pick<Locality, 'locality_code'>[];
  readonly catalogue: Pick<IndicatorCatalogue, 'indicators'>;
}

/** First and last published quarters, as labels such as "2013-14 Q1"; both inclusive. */
export interface QuarterRange {
  readonly firstQuarter: string;
  readonly lastQuarter: string;
}

export interface ResolvedRange {
  readonly first: FinancialQuarter;
  readonly last: FinancialQuarter;
  readonly firstStart: string;
  readonly lastStart: string;
}

export function resolveRange(range: QuarterRange): ResolvedRange {
  const first = parseQuarter(range.firstQuarter);
  const last = parseQuarter(range.lastQuarter);
  if (!first) throw new RangeError(`first quarter "${range.firstQuarter}" is not a quarter such as "2013-14 Q1"`);
  if (!last) throw new RangeError(`last quarter "${range.lastQuarter}" is not a quarter such as "2013-14 Q1"`);
  if (quarterIndex(first) > quarterIndex(last)) {
    throw new RangeError(`first quarter ${range.firstQuarter} is after last quarter ${range.lastQuarter}`);
  }
  return { first, last, firstStart: quarterStart(first), lastStart: quarterStart(last) };
}

/** Locality codes in a stable order, so the SQL grid and the output order never depend on input order. */
export function localityCodes(ref: AggregationReference): string[] {
  return [...new Set(ref.localities.map((l) => l.locality_code))].sort();
}
