/**
 * Native DuckDB for the build. Extension autoloading is off so a build never reaches the network:
 * everything the pipeline needs (CSV, Parquet) is built into the core binary.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export async function openDuckDB(path = ':memory:'): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(path, {
    autoload_known_extensions: 'false',
    autoinstall_known_extensions: 'false',
    // Deterministic output: keep rows in insertion order and one writer thread for Parquet.
    preserve_insertion_order: 'true',
  });
  return instance.connect();
}

/** Quote an identifier for SQL. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal for SQL. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
