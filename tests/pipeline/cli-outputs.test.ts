/**
 * What the pipeline publishes, checked on the real sample through the real CLI: the disclosure
 * rule holds in every public file, outputs are byte-identical run to run, the board audience is
 * unsuppressed, and pseudonymisation keeps its key out of everything written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashDir, makeWorkspace, runCli, runOn, type Workspace } from './cli-harness.ts';

const COUNT_FILES = ['programme', 'criteria', 'outcomes', 'claims'];
let pub: Workspace;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS();
  conn.closeSync();
  return rows;
}

beforeAll(async () => {
  pub = makeWorkspace();
  const result = await runOn(pub);
  expect(result.code, result.stderr).toBe(0);
});

describe('the public output', () => {
  it('publishes every count as 0, at least the threshold, or null flagged [c]', async () => {
    for (const name of COUNT_FILES) {
      const file = join(pub.out, `${name}.parquet`);
      const [row] = await query(`
        SELECT count(*) FILTER (WHERE value IS NOT NULL AND value > 0 AND value < 5 AND measure <> 'claim_amount_gbp') AS small,
               count(*) FILTER (WHERE value IS NULL AND flag IS NULL) AS unflagged_nulls,
               count(*) FILTER (WHERE flag = '[c]') AS suppressed,
               count(*) FILTER (WHERE flag = '[c]' AND value IS NOT NULL) AS suppressed_with_value
        FROM read_parquet('${file}')`);
      expect(row, name).toMatchObject({ small: 0n, unflagged_nulls: 0n, suppressed_with_value: 0n });
      // The sample has small counts on purpose: suppression must really happen.
      expect(Number(row?.suppressed), name).toBeGreaterThan(0);
    }
  });

  it('suppresses every rate whose numerator is small, and never the comparator', async () => {
    const [row] = await query(`
      SELECT count(*) FILTER (WHERE numerator > 0 AND numerator < 5 AND area_type <> 'comparator') AS small,
             count(*) FILTER (WHERE flag = '[c]' AND (value IS NOT NULL OR ci_lower IS NOT NULL)) AS leaked,
             count(*) FILTER (WHERE flag = '[c]' AND area_type = 'comparator') AS comparator
      FROM read_parquet('${join(pub.out, 'indicators.parquet')}')`);
    expect(row).toEqual({ small: 0n, leaked: 0n, comparator: 0n });
  });

  it('describes itself in the manifest, with a hash for each output that matches the file', () => {
    const manifest = JSON.parse(readFileSync(join(pub.out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ schema_version: 1, audience: 'public', suppression: { applied: true, threshold: 5 } });
    expect(manifest.extract_period).toEqual({ first_quarter: '2012-13 Q1', last_quarter: '2026-27 Q2' });
    const hashes = hashDir(pub.out);
    for (const output of manifest.outputs) expect(hashes[output.file], output.file).toBe(output.sha256);
    expect(manifest.sources.map((s: { file: string }) => s.file)).toEqual(['families.csv', 'outcomes.csv', 'claims.csv', 'area_indicators.csv']);
  });

  it('is byte-identical when run again on the same inputs, and tells the analyst about each file as it goes unless --quiet', async () => {
    // One more public run (seconds each) serves both: progress lines must not change a byte.
    const again = makeWorkspace();
    const result = await runCli(['--extracts', again.extracts, '--out', again.out, '--report', again.report]);
    expect(result.code, result.stderr).toBe(0);
    expect(hashDir(again.out)).toEqual(hashDir(pub.out));
    for (const file of ['families.csv', 'outcomes.csv', 'claims.csv', 'area_indicators.csv']) {
      expect(result.stderr).toMatch(new RegExp(`${file}: [\\d,]+ rows read`));
      expect(result.stderr).toMatch(new RegExp(`${file}: [\\d,]+ rows accepted, 0 rows rejected`));
    }
    expect(result.stderr).toContain('No direct identifiers found.');
    expect(result.stderr).toMatch(/done in \d+\.\d s/);
    expect(result.stdout).toMatch(/programme\.parquet \(\d{1,3}(,\d{3})* rows\)/);
  });

  it('never writes row-level data or the quality report next to the published files', () => {
    expect(readdirSync(pub.out).sort()).toEqual(['claims.parquet', 'cohort.parquet', 'criteria.parquet', 'indicators.parquet', 'manifest.json', 'outcomes.parquet', 'periods.parquet', 'programme.parquet']);
  });

  it('takes its release date from SOURCE_DATE_EPOCH when set', async () => {
    const ws = makeWorkspace();
    // 20 December 2026 falls in 2026-27 Q3, so the last complete quarter is Q2. Dating a release
    // is the same for both audiences; the board one skips the release design, so it is quicker.
    expect((await runOn(ws, ['--audience', 'board'], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 20) / 1000) })).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ws.out, 'manifest.json'), 'utf8'));
    expect(manifest.released).toBe('2026-12-20');
    expect(manifest.extract_period.last_quarter).toBe('2026-27 Q2');
  });

  it('treats dates after SOURCE_DATE_EPOCH as in the future', async () => {
    const ws = makeWorkspace();
    const result = await runOn(ws, [], { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 7, 1) / 1000) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/future/);
  });
});

describe('the board audience', () => {
  it('is unsuppressed and says so', async () => {
    const ws = makeWorkspace();
    expect((await runOn(ws, ['--audience', 'board'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ws.out, 'manifest.json'), 'utf8'));
    expect(manifest.suppression.applied).toBe(false);
    const [row] = await query(`
      SELECT count(*) FILTER (WHERE flag = '[c]') AS suppressed, count(*) FILTER (WHERE value > 0 AND value < 5) AS small
      FROM read_parquet('${join(ws.out, 'programme.parquet')}')`);
    expect(row?.suppressed).toBe(0n);
    expect(Number(row?.small)).toBeGreaterThan(0);
  });
});

describe('--pseudonymise', () => {
  const KEY = 'a-test-key-that-is-long-enough-for-hmac-sha256!';

  it('refuses to run without a key, and says how to make one', async () => {
    const ws = makeWorkspace();
    const result = await runOn(ws, ['--pseudonymise'], { TFO_PSEUDONYMISATION_KEY: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/TFO_PSEUDONYMISATION_KEY/);
  });

  it('never writes the key or the original references', async () => {
    const ws = makeWorkspace();
    const lines = readFileSync(join(ws.extracts, 'families.csv'), 'utf8').split('\n');
    // Break one row so the quality report has something to say about a family.
    const broken = lines[2]!.split(',');
    const originalRef = broken[0]!;
    broken[10] = 'two';
    lines[2] = broken.join(',');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(ws.extracts, 'families.csv'), lines.join('\n'));
    // The board audience: pseudonyms are made before the audiences part ways, and its run is quicker.
    const result = await runOn(ws, ['--audience', 'board', '--pseudonymise', '--accept-partial'], { TFO_PSEUDONYMISATION_KEY: KEY });
    expect(result.code, result.stderr).toBe(0);
    for (const dir of [ws.out, ws.report]) {
      for (const name of readdirSync(dir)) {
        const bytes = readFileSync(join(dir, name)).toString('latin1');
        expect(bytes, name).not.toContain(KEY);
        expect(bytes, name).not.toContain(originalRef);
      }
    }
    expect(result.stderr + result.stdout).not.toContain(KEY);
  });
});
