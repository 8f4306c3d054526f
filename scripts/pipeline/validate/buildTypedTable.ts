/**
 * The typed table of an extract, built from its raw table in one pass: each value trimmed,
 * parsed into its contract type (NULL when it does not parse) and, for validation, a bit mask
 * `__bad` saying which values failed to parse or to match their pattern. Every later check reads
 * typed columns and these flags instead of parsing text again.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnSpec, ExtractSpec } from '../contract/extracts.ts';
import { ident, literal } from '../duckdb.ts';
import { LINE_COLUMN } from '../read/matchHeader.ts';
import { FLAG_COLUMN, patternBit, typeBit } from './checkContext.ts';
import { duckdbType, parseSql, typeProblem } from './columnTypes.ts';

export interface BuildOptions {
  /** Defaults to raw_<table>. */
  readonly rawTable?: string;
  /** Add the `__bad` flags validation needs. */
  readonly flags?: boolean;
  /** Create the table with no rows (for a file that is unusable as a whole). */
  readonly empty?: boolean;
}

/** Pattern checks made while typing. Family references are checked against families.csv instead. */
export function checkedPattern(column: ColumnSpec): RegExp | null {
  return column.pattern && column.reference !== 'families' ? column.pattern : null;
}

/** A JavaScript pattern as RE2 source for regexp_full_match (which anchors by itself). */
export function patternSource(pattern: RegExp): string {
  return pattern.source.replace(/^\^/, '').replace(/\$$/, '');
}

export async function buildTypedTable(conn: DuckDBConnection, spec: ExtractSpec, opts: BuildOptions = {}): Promise<void> {
  const select = typedSelectSql(spec, { from: ident(opts.rawTable ?? `raw_${spec.table}`), line: LINE_COLUMN, flags: opts.flags ?? false });
  await conn.run(`CREATE OR REPLACE TABLE ${ident(spec.table)} AS ${select}${opts.empty ? ' WHERE false' : ''}`);
}

export interface TypedSelect {
  /** FROM item with the contract's columns as VARCHAR: the raw table, or the CSV itself. */
  readonly from: string;
  /** SQL for `__line` over `from`. */
  readonly line: string;
  /** Add the `__bad` flags validation needs. */
  readonly flags: boolean;
  /** More output columns, each SQL over the text of `from` as written. */
  readonly extra?: readonly { readonly name: string; readonly sql: string }[];
}

/**
 * The SELECT that types one extract: the typed table's columns, `__line`, then `__bad` and any
 * extra columns. The raw table and the clean pass (cleanPass.ts) both type through it, so a
 * value reads the same whichever way it came in.
 */
export function typedSelectSql(spec: ExtractSpec, opts: TypedSelect): string {
  if (spec.columns.length > 16) throw new Error(`${spec.file}: more than 16 columns do not fit the validation flags.`);
  const t = (i: number) => `t${i}`;
  const p = (i: number) => `p${i}`;
  // Three nested projections so each value is trimmed once and parsed once.
  const trimmed = spec.columns.map((c, i) => `tfo_text(${ident(c.name)}) AS ${t(i)}`);
  const parsed = spec.columns.map((c, i) => `CAST(${parseSql(c, t(i))} AS ${duckdbType[c.type]}) AS ${p(i)}`);
  const patternOk = spec.columns.flatMap((c, i) => {
    const pattern = checkedPattern(c);
    return pattern ? [`regexp_full_match(${t(i)}, ${literal(patternSource(pattern))}) AS ok${i}`] : [];
  });
  const out = spec.columns.map((c, i) => `${p(i)} AS ${ident(c.name)}`);
  const bits = spec.columns.flatMap((c, i) => [
    ...(typeProblem(c, 'v') ? [`CASE WHEN ${t(i)} IS NOT NULL AND ${p(i)} IS NULL THEN ${typeBit(spec, c.name)} ELSE 0 END`] : []),
    ...(checkedPattern(c) ? [`CASE WHEN ${t(i)} IS NOT NULL AND NOT ok${i} THEN ${patternBit(spec, c.name)} ELSE 0 END`] : []),
  ]);
  const flags = opts.flags ? [`CAST(${bits.length ? bits.join(' + ') : '0'} AS INTEGER) AS ${FLAG_COLUMN}`] : [];
  const extra = (opts.extra ?? []).map((e) => `${e.sql} AS ${ident(e.name)}`);
  const extraNames = (opts.extra ?? []).map((e) => ident(e.name));
  const carried = [LINE_COLUMN, ...extraNames].join(', ');
  return `SELECT ${[...out, LINE_COLUMN, ...flags, ...extraNames].join(', ')}
     FROM (SELECT ${carried}, ${spec.columns.map((_, i) => t(i)).join(', ')}, ${[...parsed, ...patternOk].join(', ')}
           FROM (SELECT ${opts.line} AS ${LINE_COLUMN}, ${[...trimmed, ...extra].join(', ')} FROM ${opts.from}))`;
}
