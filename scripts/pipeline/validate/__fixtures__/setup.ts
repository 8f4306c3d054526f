/**
 * Test helpers around the fixtures: a temporary extracts folder made from the good set with some
 * files replaced, a fresh in-memory DuckDB, and the fixture reference data.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDuckDB } from '../../duckdb.ts';
import { loadReference, type Reference } from '../../../../src/lib/reference/load.ts';

export const fixturesDir = fileURLToPath(new URL('.', import.meta.url));
export const referenceDir = join(fixturesDir, 'reference');
export const goodExtractsDir = join(fixturesDir, 'extracts');

export interface Workspace {
  /** Folder holding the extracts for this test. */
  readonly extractsDir: string;
  /** Scratch folder for clean copies. */
  readonly workDir: string;
  readonly conn: DuckDBConnection;
  close(): Promise<void>;
}

/**
 * The good extracts with some files replaced (a string is written as UTF-8, a Buffer as is) or
 * removed (null).
 */
export async function workspace(replace: Readonly<Record<string, string | Buffer | null>> = {}): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'tfo-validate-'));
  const extractsDir = join(root, 'extracts');
  await cp(goodExtractsDir, extractsDir, { recursive: true });
  for (const [file, content] of Object.entries(replace)) {
    if (content === null) await rm(join(extractsDir, file));
    else await writeFile(join(extractsDir, file), content);
  }
  const conn = await openDuckDB();
  return {
    extractsDir,
    workDir: join(root, 'work'),
    conn,
    async close() {
      conn.closeSync();
      await rm(root, { recursive: true, force: true });
    },
  };
}

let reference: Promise<Reference> | null = null;
export function fixtureReference(): Promise<Reference> {
  return (reference ??= loadReference(referenceDir));
}

/** Rows of a query as plain objects. */
export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS();
}
