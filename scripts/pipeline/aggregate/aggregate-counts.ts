/**
 * The four count tables (programme, criteria, outcomes, claims) from the validated tables in
 * DuckDB: complete grids of every locality and the authority by every quarter in the range,
 * with true zeros where nothing happened. Disclosure control comes later; every flag is null.
 */
import type { DuckDBConnection, JS } from '@duckdb/node-api';
import { AREA_TYPES, type AreaType, type CountRow, type CountTable } from '../../../src/lib/outputs/tables.ts';
import { claimCounts } from './sql/claim-counts.ts';
import type { CountParam } from './sql/count-grid.ts';
import { criteriaCounts } from './sql/criteria-counts.ts';
import { outcomeCounts } from './sql/outcome-counts.ts';
import { programmeCounts } from './sql/programme-counts.ts';
import { listParam, pairListParam } from '../../../src/lib/sql/query.ts';
import { localityCodes, resolveRange, type AggregationReference, type QuarterRange } from './reference.ts';
import { runQuery } from './run-query.ts';

export type { CountTable } from '../../../src/lib/outputs/tables.ts';

/** Rows come back sorted by quarter_start, area_type, area_code, measure, breakdown. */
export async function aggregateCounts(
  conn: DuckDBConnection,
  ref: AggregationReference,
  range: QuarterRange,
): Promise<Record<CountTable, CountRow[]>> {
  const { firstStart, lastStart } = resolveRange(range);
  const grid: Record<CountParam, string> = {
    first_quarter_start: firstStart,
    last_quarter_start: lastStart,
    locality_codes: listParam(localityCodes(ref)),
    authority_code: ref.programme.authority.code,
  };
  const criteria = [...new Set(ref.programme.phases.flatMap((p) => p.criteria.map((c) => c.code)))].sort();
  const claimTypes = [...new Set(ref.programme.payment_rules.map((r) => r.claim_type))].sort();
  const sustain = ref.programme.outcome_measures.map((m) => [m.code, m.sustain_months] as const);

  // One query at a time: a DuckDB connection runs statements in sequence anyway.
  const programme = await runQuery(conn, programmeCounts, grid);
  const criteriaRows = await runQuery(conn, criteriaCounts, { ...grid, criterion_codes: listParam(criteria) });
  const outcomes = await runQuery(conn, outcomeCounts, { ...grid, outcome_measures: pairListParam(sustain) });
  const claims = await runQuery(conn, claimCounts, { ...grid, claim_types: listParam(claimTypes) });
  return {
    programme: programme.map(toCountRow),
    criteria: criteriaRows.map(toCountRow),
    outcomes: outcomes.map(toCountRow),
    claims: claims.map(toCountRow),
  };
}

function toCountRow(row: Record<string, JS>): CountRow {
  return {
    quarter: text(row, 'quarter'),
    quarter_start: text(row, 'quarter_start'),
    area_code: text(row, 'area_code'),
    area_type: areaType(text(row, 'area_type')),
    measure: text(row, 'measure'),
    breakdown: text(row, 'breakdown'),
    value: typeof row.value === 'number' ? row.value : null,
    flag: null,
  };
}

function text(row: Record<string, JS>, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`count query returned a non-text ${column}: ${String(value)}`);
  return value;
}

function areaType(value: string): AreaType {
  const found = AREA_TYPES.find((t) => t === value);
  if (!found) throw new TypeError(`count query returned an unknown area_type "${value}"`);
  return found;
}
