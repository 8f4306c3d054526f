/**
 * Checks on one value at a time: present when required, parses as its type, matches its
 * pattern, not below its minimum, not in the future. They read the staging table's typed values
 * and `__bad` flags; the raw text is fetched only for rows already known to be bad, to quote it.
 */
import { ident, literal } from '../duckdb.ts';
import { FLAG_COLUMN, issueColumns, patternBit, presentColumns, text, typeBit, type CheckContext } from './checkContext.ts';
import { checkedPattern } from './buildTypedTable.ts';
import { typeProblem } from './columnTypes.ts';

export function valueChecks(ctx: CheckContext): string[] {
  const sql: string[] = [];
  const badRows = (bit: number) => `FROM ${ctx.stage} s JOIN ${ctx.raw} r ON r.__line = s.__line WHERE (s.${FLAG_COLUMN} & ${bit}) <> 0`;
  for (const column of presentColumns(ctx)) {
    const name = column.name;
    const col = ident(name);
    const bit = typeBit(ctx.spec, name);
    const problem = typeProblem(column, 'v');
    if (column.required) {
      sql.push(
        `SELECT ${issueColumns(ctx, {
          column: name, code: 'missing_value', severity: 'error',
          message: text(`${name} is empty but is required.`),
          fix: text(`Fill in ${name}: ${column.meaning} For example "${column.example}".`),
        })} FROM ${ctx.stage} WHERE ${col} IS NULL${problem ? ` AND (${FLAG_COLUMN} & ${bit}) = 0` : ''}`,
      );
    }
    if (problem && ctx.flagged.type.has(name)) {
      sql.push(
        `SELECT ${issueColumns(ctx, { column: name, code: problem.code, severity: 'error', message: problem.message, fix: problem.fix, line: 's.__line' })}
         FROM (SELECT s.__line, tfo_text(r.${col}) AS v ${badRows(bit)}) s`,
      );
    }
    if (checkedPattern(column) && ctx.flagged.pattern.has(name)) {
      sql.push(
        `SELECT ${issueColumns(ctx, { ...formatIssue(name, column.allowed, column.example), line: 's.__line' })}
         FROM (SELECT s.__line, tfo_text(r.${col}) AS v ${badRows(patternBit(ctx.spec, name))}) s`,
      );
    }
    if (column.min !== undefined && (column.type === 'integer' || column.type === 'decimal')) {
      sql.push(
        `SELECT ${issueColumns(ctx, {
          column: name, code: 'below_minimum', severity: 'error',
          message: `${text(`${name} `)} || tfo_text(r.${col}) || ${text(` is below the minimum of ${column.min}.`)}`,
          fix: text(`Give ${column.allowed ?? `a value of at least ${column.min}`}; check the sign and the source value.`),
          line: 's.__line',
        })} FROM ${ctx.stage} s JOIN ${ctx.raw} r ON r.__line = s.__line WHERE s.${col} < ${column.min}`,
      );
    }
    if (column.type === 'date') {
      sql.push(
        `SELECT ${issueColumns(ctx, {
          column: name, code: 'future_date', severity: 'error',
          message: `${text(`${name} `)} || tfo_iso(${col}) || ${text(` is in the future (after ${ctx.today}).`)}`,
          fix: text('Check the date (day and month swapped? wrong year?): extracts record events that have already happened.'),
        })} FROM ${ctx.stage} WHERE ${col} > DATE ${literal(ctx.today)}`,
      );
    }
  }
  return sql;
}

/** The issue for a value that does not match its column's pattern; `v` is the value's SQL. */
export function formatIssue(name: string, allowed: string | undefined, example: string, v = 'v') {
  return {
    column: name,
    code: 'invalid_format',
    severity: 'error' as const,
    message: `tfo_quote(${v}) || ${text(` is not a valid ${name}${allowed ? ` (${allowed})` : ''}.`)}`,
    fix: text(`Write ${name} as ${allowed ?? 'the pattern in data/DATA-DICTIONARY.md'}, e.g. "${example}".`),
  };
}
