/**
 * Duplicate keys: every row after the first with the same key is an error naming the first
 * line, so the analyst can compare the two. One window query, whatever the number of rows.
 */
import { ident } from '../duckdb.ts';
import { issueColumns, text, type CheckContext } from './checkContext.ts';

export function keyChecks(ctx: CheckContext): string[] {
  const key = ctx.spec.key.filter((k) => ctx.position(k) > 0);
  if (key.length === 0 || key.length !== ctx.spec.key.length) return [];
  const cols = key.map(ident);
  const describe = key.map((k) => `${text(`${k} `)} || tfo_quote(CAST(${ident(k)} AS VARCHAR))`).join(` || ' and ' || `);
  const keyName = key.length === 1 ? key[0] : `(${key.join(', ')})`;
  // Find the repeated keys first (a grouping is cheaper than a window over every row), then
  // number only their rows. Grouping by a 64-bit hash of the key is cheaper still than grouping
  // by its text; the few keys whose hash repeats are then grouped exactly, so a collision
  // cannot report rows that differ.
  const present = cols.map((c) => `${c} IS NOT NULL`).join(' AND ');
  const repeated = `WITH repeated_hash AS (
      SELECT hash(${cols.join(', ')}) AS h FROM ${ctx.stage} WHERE ${present} GROUP BY 1 HAVING count(*) > 1),
    repeated AS (
      SELECT ${cols.join(', ')} FROM ${ctx.stage} WHERE ${present} AND hash(${cols.join(', ')}) IN (SELECT h FROM repeated_hash)
      GROUP BY ALL HAVING count(*) > 1)`;
  return [
    `${repeated} SELECT ${issueColumns(ctx, {
      column: key[0] ?? null, code: 'duplicate_key', severity: 'error',
      message: `${describe} ${key.length === 1 ? `|| ' already appears on line '` : `|| ' already appear on line '`} || first_line || '.'`,
      fix: text(`Each ${keyName} must appear once: delete the repeated row, or correct the key if it is a different record.`),
    })}
    FROM (
      SELECT s.__line, ${cols.map((c) => `s.${c}`).join(', ')}, first_value(s.__line) OVER w AS first_line, row_number() OVER w AS n
      FROM ${ctx.stage} s JOIN repeated d ON ${cols.map((c) => `s.${c} = d.${c}`).join(' AND ')}
      WINDOW w AS (PARTITION BY ${cols.map((c) => `s.${c}`).join(', ')} ORDER BY s.__line)
    ) WHERE n > 1`,
  ];
}
