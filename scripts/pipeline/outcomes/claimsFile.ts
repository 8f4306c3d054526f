/**
 * The internal claims file: the families that meet a claim window's results criteria, one row
 * per family and results claim, in the form a coordinator submits: pseudonymous family
 * reference, the rule met and when. It names families, so it is written only for the board
 * audience and never under a published folder (options.ts refuses both before the run starts).
 *
 * A family is listed for a window when its rule was met by the window's last day, the window is
 * within the phase's results-claim period, and the result was not already claimed in an earlier
 * window, nor was a result it replaces or is replaced by (continuous employment replaces phase
 * 1's other results). Of two such results still open to the family, only the replacing one is
 * listed. A claim already made in this window is shown beside it, so the
 * list doubles as a check of what was submitted.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quarterStartOfLabelSql } from '../../../src/lib/sql/financial-quarter.ts';
import type { SqlQuery } from '../../../src/lib/sql/query.ts';
import { runQuery } from '../aggregate/run-query.ts';
import { outcomeRuleResults } from './ruleResults.ts';

/** Columns of the claims file, in order. */
export const CLAIMS_FILE_COLUMNS = [
  'claim_window',
  'family_ref',
  'programme_phase',
  'cohort_year',
  'locality_code',
  'date_attached',
  'claim_type',
  'rule',
  'rule_title',
  'outcomes_met_on',
  'claim_ref_in_window',
] as const;

export const claimableFamilies: SqlQuery<'claim_window'> = {
  name: 'claimable-families',
  params: ['claim_window'],
  sql: `
WITH win AS (
  SELECT label, ${quarterStartOfLabelSql('label')} AS first_day,
         CAST(${quarterStartOfLabelSql('label')} + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS last_day
  FROM (SELECT CAST($1 AS VARCHAR) AS label)
),
met AS (${outcomeRuleResults.sql}),
open AS (
  SELECT m.family_ref, m.rule, m.claim_type, m.title, m.met_on
  FROM met m CROSS JOIN win
  JOIN families f ON f.family_ref = m.family_ref
  JOIN __ref_claim_periods p ON p.phase = m.phase
  WHERE m.met_on <= win.last_day
    AND f.date_attached IS NOT NULL
    AND win.last_day >= p.start_date
    AND (p.end_date IS NULL OR win.first_day <= CAST(p.end_date + to_months(p.results_close_months) AS DATE))
    -- Paid once: a claim in an earlier window settles the result ...
    AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.family_ref = m.family_ref AND c.claim_type = m.claim_type AND c.claim_date < win.first_day)
    -- ... and the results it replaces or is replaced by.
    AND NOT EXISTS (SELECT 1 FROM __ref_rule_conflicts k JOIN claims c ON c.family_ref = m.family_ref AND c.claim_type = k.other_claim_type
                    WHERE k.rule = m.rule AND c.claim_date < win.first_day)
)
SELECT win.label AS claim_window, f.family_ref, f.programme_phase, f.cohort_year, f.locality_code,
       strftime(f.date_attached, '%Y-%m-%d') AS date_attached, m.claim_type, m.rule, m.title AS rule_title,
       strftime(m.met_on, '%Y-%m-%d') AS outcomes_met_on,
       (SELECT min(c.claim_ref) FROM claims c WHERE c.family_ref = f.family_ref AND c.claim_type = m.claim_type AND c.claim_window = win.label) AS claim_ref_in_window
FROM open m CROSS JOIN win
JOIN families f ON f.family_ref = m.family_ref
-- Paid one way or the other: of two open results that replace one another, the replacing one.
WHERE NOT EXISTS (SELECT 1 FROM __ref_rule_conflicts k JOIN open r ON r.family_ref = m.family_ref AND r.rule = k.other_rule
                  WHERE k.rule = m.rule AND k.replaced_by_other)
ORDER BY m.claim_type, f.family_ref
`,
};

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes the claims file for one window and returns how many families it lists. The file is
 * written beside its final name and renamed into place, so a killed run leaves the previous
 * file whole; it is readable by its owner only.
 */
export async function writeClaimsFile(conn: DuckDBConnection, path: string, claimWindow: string): Promise<number> {
  const rows = await runQuery(conn, claimableFamilies, { claim_window: claimWindow });
  const lines = [CLAIMS_FILE_COLUMNS.join(','), ...rows.map((r) => CLAIMS_FILE_COLUMNS.map((c) => csvField(r[c])).join(','))];
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return rows.length;
}
