/**
 * Codes against the reference data, and family references against families.csv. Each check is
 * an anti-join; the "did you mean" suggestion is worked out once per distinct bad value, so a
 * million rows with the same typo cost one edit-distance search, not a million.
 */
import type { ColumnSpec } from '../contract/extracts.ts';
import { ident, literal } from '../duckdb.ts';
import { patternSource } from './buildTypedTable.ts';
import { issueColumns, presentColumns, text, type CheckContext } from './checkContext.ts';
import { referenceLists } from './referenceTables.ts';
import { formatIssue } from './valueChecks.ts';

/** Typed table of accepted families; outcomes and claims are checked against it. */
export const FAMILIES_TABLE = 'families';

export function codeChecks(ctx: CheckContext): string[] {
  const sql: string[] = [];
  for (const column of presentColumns(ctx)) {
    if (!column.reference) continue;
    if (column.reference === 'families') sql.push(familyCheck(ctx, column));
    else if (column.reference === 'criteria') {
      const phase = ctx.spec.columns.find((c) => c.reference === 'phases');
      if (phase && ctx.position(phase.name) > 0) sql.push(criteriaCheck(ctx, column, phase.name));
    } else sql.push(listCheck(ctx, column));
  }
  return sql;
}

/** Values that fail the column's pattern are reported by valueChecks; do not report them twice. */
function patternOk(column: ColumnSpec, v: string): string {
  return column.pattern ? `regexp_full_match(${v}, ${literal(patternSource(column.pattern))})` : 'true';
}

/** SQL of a "Did you mean ...?" sentence, empty when nothing is near. */
function suggestion(guess: string, distance: string, v: string): string {
  return `CASE WHEN ${guess} IS NOT NULL AND (lower(${guess}) = lower(${v}) OR ${distance} <= greatest(2, length(${guess}) // 3))
    THEN 'Did you mean "' || ${guess} || '"? ' ELSE '' END`;
}

function listCheck(ctx: CheckContext, column: ColumnSpec): string {
  const list = column.reference as Exclude<NonNullable<ColumnSpec['reference']>, 'families' | 'criteria'>;
  const name = ident(column.name);
  const about = referenceLists[list];
  return `WITH codes AS (SELECT code FROM __ref_codes WHERE list = ${literal(list)}),
    bad AS (SELECT __line, ${name} AS v FROM ${ctx.stage} WHERE ${name} IS NOT NULL AND ${patternOk(column, name)} AND ${name} NOT IN (SELECT code FROM codes)),
    guesses AS (
      SELECT b.v, arg_min(c.code, levenshtein(lower(b.v), lower(c.code))) AS guess, min(levenshtein(lower(b.v), lower(c.code))) AS distance
      FROM (SELECT DISTINCT v FROM bad) b CROSS JOIN codes c GROUP BY b.v)
    SELECT ${issueColumns(ctx, {
      column: column.name, code: 'unknown_code', severity: 'error',
      message: `tfo_quote(bad.v) || ${text(` is not ${about.what} in ${about.where}.`)}`,
      fix: `${suggestion('g.guess', 'g.distance', 'bad.v')} || coalesce((SELECT allowed FROM __ref_allowed WHERE list = ${literal(list)}), ${text(`The list of ${about.many} is empty.`)})`,
      line: 'bad.__line',
    })}
    FROM bad LEFT JOIN guesses g ON g.v = bad.v`;
}

function criteriaCheck(ctx: CheckContext, column: ColumnSpec, phaseColumn: string): string {
  const about = referenceLists.criteria;
  return `WITH items AS (
      SELECT __line, ${ident(phaseColumn)} AS phase, unnest(${ident(column.name)}) AS v FROM ${ctx.stage}
      WHERE ${ident(column.name)} IS NOT NULL AND ${ident(phaseColumn)} IN (SELECT code FROM __ref_codes WHERE list = 'phases')),
    bad AS (SELECT i.* FROM items i WHERE NOT EXISTS (
      SELECT 1 FROM __ref_codes r WHERE r.list = 'criteria' AND r.phase = i.phase AND r.code = i.v)),
    guesses AS (
      SELECT b.phase, b.v, arg_min(r.code, levenshtein(lower(b.v), lower(r.code))) AS guess, min(levenshtein(lower(b.v), lower(r.code))) AS distance
      FROM (SELECT DISTINCT phase, v FROM bad) b JOIN __ref_codes r ON r.list = 'criteria' AND r.phase = b.phase GROUP BY b.phase, b.v)
    SELECT ${issueColumns(ctx, {
      column: column.name, code: 'unknown_code', severity: 'error',
      message: `tfo_quote(bad.v) || ' is not ${about.what} of ' || bad.phase || ${text(` in ${about.where}.`)}`,
      fix: `${suggestion('g.guess', 'g.distance', 'bad.v')} || a.allowed || ${text(' Separate criteria with ";".')}`,
      line: 'bad.__line',
    })}
    FROM bad LEFT JOIN guesses g ON g.phase = bad.phase AND g.v = bad.v
    LEFT JOIN __ref_allowed a ON a.list = 'criteria' AND a.phase = bad.phase`;
}

/**
 * A family reference must name an accepted row of families.csv. When the family is in the file
 * but its row was rejected, say so: the fix is in families.csv, not here. The reference's pattern
 * is checked here too, on the values not found, rather than on every row while typing: a value
 * found among the accepted families has passed the same pattern there.
 */
function familyCheck(ctx: CheckContext, column: ColumnSpec): string {
  const name = ident(column.name);
  const malformed = formatIssue(column.name, column.allowed, column.example, 'bad.v');
  return `WITH bad AS (
      SELECT __line, ${name} AS v, ${patternOk(column, name)} AS well_formed FROM ${ctx.stage}
      WHERE ${name} IS NOT NULL AND ${name} NOT IN (SELECT family_ref FROM ${ident(FAMILIES_TABLE)})),
    listed AS (
      SELECT tfo_text(family_ref) AS v, min(__line) AS first_line FROM raw_families
      WHERE tfo_text(family_ref) IN (SELECT v FROM bad WHERE well_formed) GROUP BY 1)
    SELECT ${issueColumns(ctx, {
      column: column.name, code: 'unknown_family', severity: 'error',
      codeSql: `CASE WHEN well_formed THEN 'unknown_family' ELSE ${literal(malformed.code)} END`,
      message: `CASE WHEN NOT well_formed THEN ${malformed.message}
          WHEN l.first_line IS NULL THEN tfo_quote(bad.v) || ' is not a family_ref in families.csv.'
          ELSE tfo_quote(bad.v) || ' is in families.csv (line ' || l.first_line || ') but that row was rejected, so this row cannot be linked to it.' END`,
      fix: `CASE WHEN NOT well_formed THEN ${malformed.fix}
          WHEN l.first_line IS NULL THEN 'Check the reference against families.csv (letters, digits and case must match), or add the family to families.csv.'
          ELSE 'Fix line ' || l.first_line || ' of families.csv first (see its issues); this row is then accepted too.' END`,
      line: 'bad.__line',
    })}
    FROM bad LEFT JOIN listed l ON l.v = bad.v`;
}
