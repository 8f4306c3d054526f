/**
 * The outcome rules and what they read from programme.json as small DuckDB tables, so a rule is
 * evaluated by joins over every family at once rather than family by family:
 *   __ref_outcome_rules(rule, phase, claim_type, title, min_needs, held_after_closure_months)
 *   __ref_outcome_conditions(rule, position, kind, measure, if_criterion, except_measures,
 *                            below, at_least, fall_at_least, followup_months, sustain_months)
 *   __ref_outcome_measures(code, criterion, sustain_months)
 *   __ref_rule_conflicts(rule, other_rule, other_claim_type, replaced_by_other)
 *                            both ways round for each rule that replaces another: a family is
 *                            paid under one of the two, never both
 *   __ref_claim_periods(phase, start_date, end_date, results_close_months)
 * With no outcome-rules.json the rule tables are empty: no family is claimable for results.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { insertRows } from '../validate/referenceTables.ts';
import type { Reference } from '../../../src/lib/reference/load.ts';

type Cell = Parameters<typeof insertRows>[2][number][number];

async function createTable(conn: DuckDBConnection, table: string, columns: string, rows: readonly (readonly Cell[])[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns})`);
  await insertRows(conn, table, rows);
}

export async function installOutcomeRuleTables(conn: DuckDBConnection, ref: Reference): Promise<void> {
  const rules = ref.outcomeRules?.rules ?? [];
  await createTable(
    conn,
    '__ref_outcome_rules',
    'rule VARCHAR, phase VARCHAR, claim_type VARCHAR, title VARCHAR, min_needs INTEGER, held_after_closure_months INTEGER',
    rules.map((r) => [r.code, r.phase, r.claim_type, r.title, r.min_needs ?? null, r.held_after_closure_months ?? null]),
  );
  await createTable(
    conn,
    '__ref_outcome_conditions',
    'rule VARCHAR, position INTEGER, kind VARCHAR, measure VARCHAR, if_criterion VARCHAR, except_measures VARCHAR[], below DOUBLE, at_least DOUBLE, fall_at_least DOUBLE, followup_months INTEGER, sustain_months INTEGER',
    rules.flatMap((r) =>
      r.all_of.map((c, i): Cell[] =>
        c.kind === 'measure'
          ? [r.code, i, c.kind, c.measure, c.if_criterion ?? null, [], c.below ?? null, c.at_least ?? null, c.fall_at_least ?? null, c.followup_months ?? r.followup_months ?? null, c.sustain_months ?? null]
          : [r.code, i, c.kind, null, null, c.except_measures ?? [], null, null, null, c.followup_months ?? r.followup_months ?? null, c.sustain_months ?? null],
      ),
    ),
  );
  await createTable(
    conn,
    '__ref_outcome_measures',
    'code VARCHAR, criterion VARCHAR, sustain_months INTEGER',
    ref.programme.outcome_measures.map((m) => [m.code, m.criterion, m.sustain_months]),
  );
  const claimType = new Map(rules.map((r) => [r.code, r.claim_type]));
  await createTable(
    conn,
    '__ref_rule_conflicts',
    'rule VARCHAR, other_rule VARCHAR, other_claim_type VARCHAR, replaced_by_other BOOLEAN',
    rules.flatMap((r) =>
      (r.replaces ?? []).flatMap((other): Cell[][] => [
        [r.code, other, claimType.get(other) ?? null, false],
        [other, r.code, r.claim_type, true],
      ]),
    ),
  );
  const close = new Map((ref.outcomeRules?.claim_periods ?? []).map((p) => [p.phase, p.results_close_months]));
  await createTable(
    conn,
    '__ref_claim_periods',
    'phase VARCHAR, start_date DATE, end_date DATE, results_close_months INTEGER',
    ref.programme.phases.map((p) => [p.code, p.start, p.end, close.get(p.code) ?? 0]),
  );
}
