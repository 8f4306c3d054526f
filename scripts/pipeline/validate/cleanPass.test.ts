/**
 * The clean pass against the detailed path on every bad-input case of validateExtract.test.ts:
 * that file's tests run again here with loadAndValidateExtracts wrapped, so each call also reads
 * the same extracts with the clean pass on a second connection and must give the same result
 * (every issue, count and file figure) and the same typed tables. A file the clean pass wrongly
 * called clean would lose its issues and fail here.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { describe, expect, it, vi } from 'vitest';
import { openDuckDB } from '../duckdb.ts';
import type { ExtractsResult, LoadOptions } from './validateExtracts.ts';
import type { Reference } from '../../../src/lib/reference/load.ts';

const TABLES = ['families', 'outcomes', 'claims', 'area_indicators'];
const compared = { calls: 0 };

async function typedRows(conn: DuckDBConnection): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const exists = await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = '${table}'`);
    if (Number(exists.getRows()[0]?.[0]) === 0) continue;
    out[table] = (await conn.runAndReadAll(`SELECT * FROM "${table}" ORDER BY __line`)).getRowObjectsJS();
  }
  return out;
}

vi.mock('./validateExtracts.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./validateExtracts.ts')>();
  return {
    ...real,
    async loadAndValidateExtracts(conn: DuckDBConnection, extractsDir: string, ref: Reference, opts: LoadOptions): Promise<ExtractsResult> {
      const detailed = await real.loadAndValidateExtracts(conn, extractsDir, ref, opts);
      const twin = await openDuckDB();
      try {
        const { afterRead: _hook, ...rest } = opts;
        const fast = await real.loadAndValidateExtracts(twin, extractsDir, ref, { ...rest, keepRaw: false, cleanPass: true, workDir: `${opts.workDir}-clean-pass` });
        expect(fast).toEqual(detailed);
        expect(await typedRows(twin)).toEqual(await typedRows(conn));
        compared.calls++;
      } finally {
        twin.closeSync();
      }
      return detailed;
    },
  };
});

await import('./validateExtract.test.ts');

describe('the clean pass beside the detailed path', () => {
  it('was compared on the cases above', () => {
    expect(compared.calls).toBeGreaterThan(10);
  });
});
