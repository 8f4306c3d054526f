/**
 * Find direct identifiers in the values of a raw extract table, in one DuckDB query.
 * Each row's cells, joined by a separator no pattern can match across, go through one combined
 * regex (RE2 evaluates the alternation in a single pass): one call per row costs less than one
 * per cell. Only the rare rows it matches are looked at cell by cell, split by kind and have
 * their check digits verified.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../duckdb.ts';
import type { ValueIdentifierKind } from './identifierKinds.ts';
import { anyIdentifierRegexSql, identifierMatchSql, valuePatterns } from './identifierPatterns.ts';

export interface ScannedColumn {
  readonly name: string;
  /** 1-based position in the header. */
  readonly position: number;
}

export interface IdentifierExample {
  readonly line: number;
  /** The identifier as found (normalised for NHS numbers and UPNs): mask it before showing it. */
  readonly text: string;
}

export interface IdentifierFinding {
  readonly column: ScannedColumn;
  readonly kind: ValueIdentifierKind;
  /** Cells in the column holding at least one identifier of this kind. */
  readonly total: number;
  /** The first few, in line order. */
  readonly examples: readonly IdentifierExample[];
}

export interface ScanOptions {
  /** Name of the source line number column the reader adds. */
  readonly lineColumn?: string;
  /** Examples kept per column and kind. */
  readonly examples?: number;
}

/**
 * True for a row (its cells as quoted SQL column names) in which some cell may hold a direct
 * identifier: the cheap first pass, and the only test a row passes on its way to being found
 * clean. A cell matching a pattern makes the joined row match it (see the separator below), so
 * no row this calls false holds an identifier.
 */
export function rowMayHoldIdentifierSql(cells: readonly string[]): string {
  // chr(31), the unit separator, is in no pattern's character classes and is not \s or a word
  // character, so a match never spans two cells and \b behaves as at the ends of a cell.
  return `regexp_matches(concat_ws(chr(31), ${cells.join(', ')}), ${anyIdentifierRegexSql()})`;
}

function scanSql(table: string, columns: readonly ScannedColumn[], lineColumn: string, examples: number): string {
  const anyIdentifier = anyIdentifierRegexSql();
  const cells = columns.map((column) => ident(column.name));
  const positions = columns.map((column) => `(${literal(column.name)}, ${column.position})`).join(', ');
  // One UNPIVOT rather than one query branch per column: the plan stays the same size however
  // wide the table, so the cost is linear in the cells (with a branch per column, 1,000 extra
  // columns took 77 s and 10,000 ran out of memory).
  const candidates = `SELECT p.position, u.${ident(lineColumn)} AS line, u.__value AS value
FROM (UNPIVOT flagged ON ${cells.join(', ')} INTO NAME __column VALUE __value) u
JOIN (VALUES ${positions}) p(name, position) ON p.name = u.__column
WHERE regexp_matches(u.__value, ${anyIdentifier})`;
  const hits = valuePatterns
    .map((pattern) => `SELECT position, line, ${literal(pattern.kind)} AS kind, ${identifierMatchSql(pattern, 'value')} AS hit FROM candidates`)
    .join('\nUNION ALL\n');
  return `
WITH flagged AS MATERIALIZED (
SELECT ${ident(lineColumn)}, ${cells.join(', ')} FROM ${ident(table)} WHERE ${rowMayHoldIdentifierSql(cells)}
), candidates AS MATERIALIZED (
${candidates}
), hits AS (
${hits}
)
SELECT position, kind, line, hit, count(*) OVER (PARTITION BY position, kind) AS total
FROM hits
WHERE hit IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY position, kind ORDER BY line) <= ${examples}
ORDER BY position, kind, line`;
}

export async function scanIdentifierValues(
  conn: DuckDBConnection,
  table: string,
  columns: readonly ScannedColumn[],
  options: ScanOptions = {},
): Promise<IdentifierFinding[]> {
  if (columns.length === 0) return [];
  const lineColumn = options.lineColumn ?? '__line';
  const reader = await conn.runAndReadAll(scanSql(table, columns, lineColumn, options.examples ?? 5));
  const byColumn = new Map(columns.map((column) => [column.position, column]));
  const findings = new Map<string, { column: ScannedColumn; kind: ValueIdentifierKind; total: number; examples: IdentifierExample[] }>();
  for (const row of reader.getRowObjectsJS()) {
    const position = Number(row.position);
    const kind = String(row.kind) as ValueIdentifierKind;
    const column = byColumn.get(position);
    if (!column) continue;
    const key = `${position}\u0000${kind}`;
    let finding = findings.get(key);
    if (!finding) {
      finding = { column, kind, total: Number(row.total), examples: [] };
      findings.set(key, finding);
    }
    finding.examples.push({ line: Number(row.line), text: String(row.hit) });
  }
  return [...findings.values()];
}
