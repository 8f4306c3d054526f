/**
 * Keyed pseudonymisation of reference columns (family_ref, claim_ref).
 * A keyed HMAC rather than a plain hash: references are short and guessable, so anyone could
 * hash every candidate and reverse an unkeyed digest; without the key they cannot. One mapping
 * is built for all targets, so a family keeps one pseudonym in families, outcomes and claims and
 * the joins between them still hold.
 */
import { createHmac } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../duckdb.ts';
import { extracts } from '../contract/extracts.ts';
import { PipelineError } from '../issues.ts';

export interface PseudonymisationTarget {
  readonly table: string;
  readonly column: string;
}

export interface PseudonymisationSummary {
  /** Distinct references pseudonymised across all targets. */
  readonly distinctValues: number;
  /** Cells rewritten, per target in the order given. */
  readonly rewritten: ReadonlyArray<PseudonymisationTarget & { readonly cells: number }>;
}

/** Reference columns the contract links files by; these are what pseudonymisation replaces. */
export const referenceColumns = ['family_ref', 'claim_ref'] as const;

/** Every reference column of every extract, as targets on the tables `tableFor` names. */
export function referenceTargets(tableFor: (table: string) => string = (table) => `raw_${table}`): PseudonymisationTarget[] {
  return extracts.flatMap((extract) =>
    extract.columns
      .filter((column) => (referenceColumns as readonly string[]).includes(column.name))
      .map((column) => ({ table: tableFor(extract.table), column: column.name })),
  );
}

/**
 * "P" and the first 16 hex digits of HMAC-SHA256(key, reference), upper-cased: 64 bits, so a
 * collision among a million references has odds of about 1 in 37 million (and is checked), and
 * the result still fits the family_ref pattern.
 */
export function pseudonymFor(key: Buffer, reference: string): string {
  return `P${createHmac('sha256', key).update(reference, 'utf8').digest('hex').slice(0, 16).toUpperCase()}`;
}

async function distinctReferences(conn: DuckDBConnection, targets: readonly PseudonymisationTarget[]): Promise<string[]> {
  const union = targets.map((target) => `SELECT trim(${ident(target.column)}) AS reference FROM ${ident(target.table)}`).join(' UNION ');
  const reader = await conn.runAndReadAll(`SELECT reference FROM (${union}) WHERE reference IS NOT NULL AND reference <> ''`);
  return reader.getRowsJS().map((row) => String(row[0]));
}

/**
 * Replace each reference in the target columns by its pseudonym, in place. References are
 * compared trimmed so stray spaces do not split a family in two; empty cells stay empty.
 */
export async function pseudonymiseTables(
  conn: DuckDBConnection,
  key: Buffer,
  targets: readonly PseudonymisationTarget[],
): Promise<PseudonymisationSummary> {
  if (targets.length === 0) return { distinctValues: 0, rewritten: [] };
  const references = await distinctReferences(conn, targets);
  const pseudonyms = new Set<string>();

  const mapping = '__tfo_pseudonyms';
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${ident(mapping)} (reference VARCHAR, pseudonym VARCHAR)`);
  try {
    const appender = await conn.createAppender(mapping, 'main', 'temp');
    for (const reference of references) {
      const pseudonym = pseudonymFor(key, reference);
      if (pseudonyms.has(pseudonym)) {
        throw new PipelineError('Two references share one pseudonym; pseudonyms need more hex digits.');
      }
      pseudonyms.add(pseudonym);
      appender.appendVarchar(reference);
      appender.appendVarchar(pseudonym);
      appender.endRow();
    }
    appender.closeSync();

    const rewritten: Array<PseudonymisationTarget & { cells: number }> = [];
    for (const target of targets) {
      const column = ident(target.column);
      const result = await conn.run(
        `UPDATE ${ident(target.table)} AS t SET ${column} = m.pseudonym FROM temp.${ident(mapping)} AS m WHERE trim(t.${column}) = m.reference`,
      );
      rewritten.push({ table: target.table, column: target.column, cells: Number(result.rowsChanged) });
    }
    return { distinctValues: references.length, rewritten };
  } finally {
    // The mapping links pseudonyms back to real references: it must not outlive this call.
    await conn.run(`DROP TABLE IF EXISTS temp.${ident(mapping)}`);
  }
}
