/**
 * The cohort funnel (cohort.parquet) from the validated tables in DuckDB: see
 * sql/cohort-funnel.ts for what each stage counts. Disclosure control comes later; flags are null.
 */
import type { DuckDBConnection, JS } from '@duckdb/node-api';
import { CLAIM_LAG_BIN_MONTHS, CLAIM_LAG_BINS } from '../../../src/lib/cohort/claim-lag.ts';
import { AREA_TYPES, type CohortRow } from '../../../src/lib/outputs/tables.ts';
import type { OutcomeRules } from '../../../src/lib/reference/outcome-rules.ts';
import type { Programme } from '../../../src/lib/reference/schema.ts';
import { listParam, pairListParam } from '../../../src/lib/sql/query.ts';
import { cohortFunnel } from './sql/cohort-funnel.ts';
import { localityCodes, resolveRange, type AggregationReference, type QuarterRange } from './reference.ts';
import { runQuery } from './run-query.ts';

/** Months an outcome must hold for the funnel's sustained stage when a phase does not say. */
export const DEFAULT_SUSTAIN_MONTHS = 6;

export interface CohortReference extends AggregationReference {
  readonly programme: AggregationReference['programme'] & Partial<Pick<Programme, 'cohort_targets'>>;
  readonly outcomeRules?: Pick<OutcomeRules, 'rules'>;
}

/**
 * Results claims: the claim types the outcome rules make families eligible for; without outcome
 * rules, every payment rule's claim type except the attachment fee.
 */
export function resultsClaimTypes(ref: CohortReference): string[] {
  const types = ref.outcomeRules ? ref.outcomeRules.rules.map((r) => r.claim_type) : ref.programme.payment_rules.map((r) => r.claim_type).filter((t) => t !== 'attachment_fee');
  return [...new Set(types)].sort();
}

export async function aggregateCohort(conn: DuckDBConnection, ref: CohortReference, range: QuarterRange): Promise<CohortRow[]> {
  const { lastStart } = resolveRange(range);
  const rows = await runQuery(conn, cohortFunnel, {
    last_quarter_start: lastStart,
    locality_codes: listParam(localityCodes(ref)),
    authority_code: ref.programme.authority.code,
    phase_sustain_months: pairListParam(ref.programme.phases.map((p) => [p.code, p.sustain_months ?? DEFAULT_SUSTAIN_MONTHS] as const)),
    results_claim_types: listParam(resultsClaimTypes(ref)),
    cohort_years: listParam(Object.keys(ref.programme.cohort_targets ?? {}).sort()),
    lag_bins: listParam(CLAIM_LAG_BINS.map((b) => b.code)),
    lag_bin_months: String(CLAIM_LAG_BIN_MONTHS),
  });
  return rows.map(toCohortRow);
}

function toCohortRow(row: Record<string, JS>): CohortRow {
  const text = (column: string): string => {
    const value = row[column];
    if (typeof value !== 'string') throw new TypeError(`cohort query returned a non-text ${column}: ${String(value)}`);
    return value;
  };
  const areaType = AREA_TYPES.find((t) => t === text('area_type'));
  if (!areaType) throw new TypeError(`cohort query returned an unknown area_type "${text('area_type')}"`);
  return {
    cohort_year: text('cohort_year'),
    area_code: text('area_code'),
    area_type: areaType,
    measure: text('measure'),
    breakdown: text('breakdown'),
    value: typeof row.value === 'number' ? row.value : null,
    flag: null,
  };
}
