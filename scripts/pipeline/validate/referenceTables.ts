/**
 * The reference data as small DuckDB tables, so code checks are anti-joins rather than loops:
 *   __ref_codes(list, phase, code)        every allowed code of every reference list
 *   __ref_allowed(list, phase, allowed)   the sentence listing them, for fixes
 *   __ref_indicators(code, unit, frequency)
 *   __ref_phases(code, min_criteria)
 *   __ref_payment_rules(phase, claim_type, max_amount_gbp, years)
 * `phase` is set only for criteria, which differ by programme phase.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ReferenceList } from '../contract/extracts.ts';
import { literal } from '../duckdb.ts';
import type { Reference } from '../../../src/lib/reference/load.ts';

type CodeList = Exclude<ReferenceList, 'families'>;

/** How messages name each list and where a person finds it. */
export const referenceLists: Record<CodeList, { readonly what: string; readonly many: string; readonly where: string }> = {
  localities: { what: 'a locality code', many: 'locality codes', where: 'data/reference/localities.csv' },
  areas: { what: 'an area code (a locality, the authority or a comparator)', many: 'area codes', where: 'data/reference/localities.csv and programme.json' },
  indicators: { what: 'an indicator code', many: 'indicator codes', where: 'data/reference/indicators.json' },
  phases: { what: 'a programme phase', many: 'programme phases', where: 'data/reference/programme.json' },
  criteria: { what: 'a criterion', many: 'criteria', where: 'data/reference/programme.json' },
  lead_agencies: { what: 'a lead agency code', many: 'lead agency codes', where: 'data/reference/programme.json' },
  outcome_measures: { what: 'an outcome measure', many: 'outcome measures', where: 'data/reference/programme.json' },
  claim_types: { what: 'a claim type', many: 'claim types', where: 'the payment rules in data/reference/programme.json' },
};

/** Lists longer than this are not spelled out in a fix. */
const LIST_IN_FIX = 20;

export function referenceCodes(ref: Reference): { list: CodeList; phase: string | null; code: string }[] {
  const rows: { list: CodeList; phase: string | null; code: string }[] = [];
  const add = (list: CodeList, codes: Iterable<string>, phase: string | null = null) => {
    for (const code of new Set(codes)) rows.push({ list, phase, code });
  };
  const localities = ref.localities.map((l) => l.locality_code);
  add('localities', localities);
  add('areas', [...localities, ref.programme.authority.code, ...ref.programme.comparators.map((c) => c.code)]);
  add('indicators', ref.catalogue.indicators.map((i) => i.code));
  add('phases', ref.programme.phases.map((p) => p.code));
  for (const phase of ref.programme.phases) add('criteria', phase.criteria.map((c) => c.code), phase.code);
  add('lead_agencies', ref.programme.lead_agencies.map((a) => a.code));
  add('outcome_measures', ref.programme.outcome_measures.map((m) => m.code));
  add('claim_types', ref.programme.payment_rules.map((r) => r.claim_type));
  return rows;
}

export async function installReferenceTables(conn: DuckDBConnection, ref: Reference): Promise<void> {
  const codes = referenceCodes(ref);
  await conn.run(`CREATE OR REPLACE TEMP TABLE __ref_codes (list VARCHAR, phase VARCHAR, code VARCHAR)`);
  await insertRows(conn, '__ref_codes', codes.map((r) => [r.list, r.phase, r.code]));

  const groups = new Map<string, { list: CodeList; phase: string | null; codes: string[] }>();
  for (const r of codes) {
    const key = `${r.list}\u0000${r.phase ?? ''}`;
    const group = groups.get(key) ?? { list: r.list, phase: r.phase, codes: [] };
    group.codes.push(r.code);
    groups.set(key, group);
  }
  await conn.run(`CREATE OR REPLACE TEMP TABLE __ref_allowed (list VARCHAR, phase VARCHAR, allowed VARCHAR)`);
  await insertRows(
    conn,
    '__ref_allowed',
    [...groups.values()].map((g) => {
      const of = g.phase ? ` of ${g.phase}` : '';
      const allowed =
        g.codes.length <= LIST_IN_FIX
          ? `Use one of the ${referenceLists[g.list].many}${of}: ${g.codes.join(', ')}.`
          : `See ${referenceLists[g.list].where} for the ${g.codes.length} allowed values${of}.`;
      return [g.list, g.phase, allowed];
    }),
  );

  await conn.run(`CREATE OR REPLACE TEMP TABLE __ref_indicators (code VARCHAR, unit VARCHAR, frequency VARCHAR)`);
  await insertRows(conn, '__ref_indicators', ref.catalogue.indicators.map((i) => [i.code, i.unit, i.frequency]));
  await conn.run(`CREATE OR REPLACE TEMP TABLE __ref_phases (code VARCHAR, min_criteria INTEGER)`);
  await insertRows(conn, '__ref_phases', ref.programme.phases.map((p) => [p.code, p.min_criteria]));
  await conn.run(`CREATE OR REPLACE TEMP TABLE __ref_payment_rules (phase VARCHAR, claim_type VARCHAR, max_amount_gbp DOUBLE, years VARCHAR[])`);
  await insertRows(
    conn,
    '__ref_payment_rules',
    ref.programme.payment_rules.map((r) => [r.phase, r.claim_type, r.max_amount_gbp, r.years]),
  );
}

type Cell = string | number | boolean | null | readonly string[];

function sqlValue(value: Cell): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return literal(value);
  return `[${value.map(literal).join(', ')}]::VARCHAR[]`;
}

/** Reference lists are a few hundred rows at most: a VALUES list is the simplest load. */
export async function insertRows(conn: DuckDBConnection, table: string, rows: readonly (readonly Cell[])[]): Promise<void> {
  if (rows.length === 0) return;
  await conn.run(`INSERT INTO ${table} VALUES ${rows.map((r) => `(${r.map(sqlValue).join(', ')})`).join(', ')}`);
}
