import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extracts } from '../pipeline/contract/extracts.ts';
import { literal, openDuckDB } from '../pipeline/duckdb.ts';
import { quarterLabel, quarterOfDate } from '../../src/lib/period/quarter.ts';
import { loadReference } from '../../src/lib/reference/load.ts';
import { generateSample, SAMPLE_DEFAULTS, type SampleSummary } from './sample.ts';

const FILES = extracts.map((spec) => spec.file);
const ref = await loadReference('data/reference');
const temp: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tfo-sample-'));
  temp.push(dir);
  return dir;
}

/** The four extracts as all-text DuckDB tables, so checks see exactly what was written. */
async function load(dir: string): Promise<DuckDBConnection> {
  const db = await openDuckDB();
  for (const spec of extracts) {
    const path = literal(join(dir, spec.file));
    await db.run(`CREATE TABLE ${spec.table} AS SELECT * FROM read_csv(${path}, header = true, all_varchar = true, delim = ',', quote = '"')`);
  }
  return db;
}

async function rows(db: DuckDBConnection, sql: string): Promise<Record<string, string | null>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, string | null>[];
}

async function count(db: DuckDBConnection, sql: string): Promise<number> {
  const [row] = await rows(db, `SELECT count(*)::VARCHAR AS n FROM (${sql})`);
  return Number(row?.n);
}

let dir = '';
let summary: SampleSummary;
let db: DuckDBConnection;

beforeAll(async () => {
  dir = await tempDir();
  summary = await generateSample({ out: dir });
  db = await load(dir);
});

afterAll(async () => {
  db?.closeSync();
  await Promise.all(temp.map((d) => rm(d, { recursive: true, force: true })));
});

describe('generateSample (default sample)', () => {
  it('is byte-identical when run again with the same options', async () => {
    const again = await tempDir();
    await generateSample({ out: again, seed: SAMPLE_DEFAULTS.seed, families: SAMPLE_DEFAULTS.families, asAt: SAMPLE_DEFAULTS.asAt });
    for (const file of FILES) expect((await readFile(join(again, file))).equals(await readFile(join(dir, file))), file).toBe(true);
  });

  it('matches the committed data/sample, so the README command reproduces it', async () => {
    for (const file of FILES) expect((await readFile(join('data/sample', file))).equals(await readFile(join(dir, file))), file).toBe(true);
  });

  it('changes with the seed', async () => {
    const other = await tempDir();
    await generateSample({ out: other, seed: 99, families: 50 });
    expect(await readFile(join(other, 'families.csv'), 'utf8')).not.toBe(await readFile(join(dir, 'families.csv'), 'utf8'));
  });

  it('writes the contract columns in order, UTF-8 without BOM, \\n endings, under 2 MB', async () => {
    for (const spec of extracts) {
      const bytes = await readFile(join(dir, spec.file));
      expect(bytes.length).toBeLessThan(2_000_000);
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const text = bytes.toString('utf8');
      expect(text.includes('\r')).toBe(false);
      expect(text.endsWith('\n')).toBe(true);
      expect(text.slice(0, text.indexOf('\n'))).toBe(spec.columns.map((c) => c.name).join(','));
    }
    expect(summary.families).toBe(2000);
    expect(summary.outcomes).toBeGreaterThan(5000);
  });

  it('never writes a date after the as-at date, and every date is ISO', async () => {
    for (const spec of extracts) {
      for (const column of spec.columns.filter((c) => c.type === 'date')) {
        const bad = `SELECT ${column.name} FROM ${spec.table} WHERE ${column.name} IS NOT NULL
          AND (NOT regexp_full_match(${column.name}, '\\d{4}-\\d{2}-\\d{2}') OR ${column.name} > '${SAMPLE_DEFAULTS.asAt}')`;
        expect(await count(db, bad), `${spec.file} ${column.name}`).toBe(0);
      }
    }
  });

  it('keeps episode dates in order and identification inside the phase', async () => {
    expect(await count(db, `SELECT * FROM families WHERE date_attached < date_identified OR date_closed < date_attached`)).toBe(0);
    expect(await count(db, `SELECT * FROM families WHERE date_attached IS NULL AND date_closed IS NOT NULL`)).toBe(0);
    expect(await count(db, `SELECT * FROM families WHERE date_identified < '2012-04-01'`)).toBe(0);
    for (const phase of ref.programme.phases) {
      const outside = `SELECT * FROM families WHERE programme_phase = '${phase.code}'
        AND (date_identified < '${phase.start}' ${phase.end ? `OR date_identified > '${phase.end}'` : ''})`;
      expect(await count(db, outside), phase.code).toBe(0);
    }
    // Some never attached, some still open, most closed.
    expect(await count(db, `SELECT * FROM families WHERE date_attached IS NULL`)).toBeGreaterThan(10);
    expect(await count(db, `SELECT * FROM families WHERE date_attached IS NOT NULL AND date_closed IS NULL`)).toBeGreaterThan(10);
  });

  it('keeps outcome dates in order: baseline before follow-up, sustained after achieved', async () => {
    const bad = `SELECT * FROM outcomes JOIN families USING (family_ref) WHERE
      baseline_period_end < baseline_period_start OR followup_period_end < followup_period_start
      OR date_achieved < date_attached OR date_sustained_to < date_achieved OR baseline_period_end >= date_attached
      OR followup_period_start < date_attached`;
    expect(await count(db, bad)).toBe(0);
    expect(await count(db, `SELECT * FROM outcomes WHERE date_achieved IS NOT NULL`)).toBeGreaterThan(summary.outcomes / 2);
    expect(await count(db, `SELECT * FROM outcomes WHERE date_sustained_to IS NOT NULL`)).toBeGreaterThan(summary.outcomes / 3);
  });

  it('has unique keys in every extract', async () => {
    for (const spec of extracts) {
      const keys = spec.key.join(', ');
      expect(await count(db, `SELECT ${keys} FROM ${spec.table} GROUP BY ${keys} HAVING count(*) > 1`), spec.file).toBe(0);
    }
  });

  it('uses only codes from data/reference, and meets each phase minimum of criteria', async () => {
    const localities = new Set(ref.localities.map((l) => l.locality_code));
    const agencies = new Set(ref.programme.lead_agencies.map((a) => a.code));
    const phases = new Map(ref.programme.phases.map((p) => [p.code, p]));
    for (const f of await rows(db, 'SELECT * FROM families')) {
      expect(localities.has(f.locality_code ?? '')).toBe(true);
      expect(agencies.has(f.lead_agency ?? '')).toBe(true);
      const phase = phases.get(f.programme_phase ?? '');
      expect(phase).toBeDefined();
      const criteria = (f.criteria ?? '').split(';');
      expect(criteria.length).toBeGreaterThanOrEqual(phase?.min_criteria ?? 99);
      for (const c of criteria) expect(phase?.criteria.map((x) => x.code)).toContain(c);
      expect(f.family_ref).toMatch(/^[0-9A-Z]{8}$/);
      expect(f.lsoa_code === null || /^E01\d{6}$/.test(f.lsoa_code ?? '')).toBe(true);
      expect(f.cohort_year).toMatch(/^\d{4}-\d{2}$/);
      expect(Number(f.adults)).toBeGreaterThanOrEqual(1);
      expect(Number(f.children)).toBeGreaterThanOrEqual(1);
    }
    const measures = ref.programme.outcome_measures.map((m) => literal(m.code)).join(', ');
    expect(await count(db, `SELECT * FROM outcomes WHERE outcome_measure NOT IN (${measures})`)).toBe(0);
    expect(await count(db, `SELECT * FROM outcomes ANTI JOIN families USING (family_ref)`)).toBe(0);
    expect(await count(db, `SELECT * FROM claims ANTI JOIN families USING (family_ref)`)).toBe(0);
    expect(await count(db, `SELECT * FROM families WHERE lsoa_code IS NULL`)).toBeGreaterThan(0);
  });

  it('claims follow the payment rules: type, maximum, window and the six-month lag for results', async () => {
    const claims = await rows(db, 'SELECT c.*, f.programme_phase FROM claims c JOIN families f USING (family_ref)');
    expect(claims.length).toBeGreaterThan(500);
    for (const c of claims) {
      const date = c.claim_date ?? '';
      const year = quarterLabel(quarterOfDate(date)).slice(0, 7);
      const rule = ref.programme.payment_rules.find(
        (r) => r.phase === c.programme_phase && r.claim_type === c.claim_type && (r.years.length === 0 || r.years.includes(year)),
      );
      expect(rule, `${c.claim_ref} ${c.claim_type}`).toBeDefined();
      expect(Number(c.amount_gbp)).toBeLessThanOrEqual(rule?.max_amount_gbp ?? 0);
      expect(Number(c.amount_gbp)).toBeGreaterThan(0);
      expect(c.amount_gbp).toMatch(/^\d+\.\d{2}$/);
      expect(c.claim_window).toBe(quarterLabel(quarterOfDate(date)));
    }
    const early = `SELECT * FROM claims c WHERE claim_type <> 'attachment_fee' AND NOT EXISTS (
      SELECT 1 FROM outcomes o WHERE o.family_ref = c.family_ref AND o.date_achieved IS NOT NULL
        AND CAST(o.date_achieved AS DATE) + INTERVAL 6 MONTH <= CAST(c.claim_date AS DATE))`;
    expect(await count(db, early)).toBe(0);
    const types = await rows(db, 'SELECT DISTINCT claim_type FROM claims ORDER BY 1');
    expect(types.map((t) => t.claim_type)).toEqual([...new Set(ref.programme.payment_rules.map((r) => r.claim_type))].sort());
  });

  it('puts identification in every financial year up to the as-at date, heavier early in phase 1', async () => {
    const byYear = await rows(db, `SELECT cohort_year, count(*)::VARCHAR AS n FROM families GROUP BY 1 ORDER BY 1`);
    expect(byYear.map((r) => r.cohort_year)).toEqual(Object.keys(ref.programme.cohort_targets));
    const n = (year: string) => Number(byYear.find((r) => r.cohort_year === year)?.n);
    expect(n('2013-14')).toBeGreaterThan(n('2014-15'));
  });
});

describe('generateSample with --outcome-rows', () => {
  it('writes exactly N outcome rows with unique keys, every family present', async () => {
    const out = await tempDir();
    const result = await generateSample({ out, families: 500, outcomeRows: 12_345 });
    expect(result.outcomes).toBe(12_345);
    expect(result.families).toBeGreaterThan(500);
    const scaled = await load(out);
    try {
      expect(await count(scaled, 'SELECT * FROM outcomes')).toBe(12_345);
      expect(await count(scaled, 'SELECT family_ref, outcome_measure FROM outcomes GROUP BY ALL HAVING count(*) > 1')).toBe(0);
      expect(await count(scaled, 'SELECT family_ref FROM families GROUP BY ALL HAVING count(*) > 1')).toBe(0);
      expect(await count(scaled, 'SELECT * FROM outcomes ANTI JOIN families USING (family_ref)')).toBe(0);
      expect(await count(scaled, `SELECT * FROM families WHERE date_identified > '${SAMPLE_DEFAULTS.asAt}'`)).toBe(0);
    } finally {
      scaled.closeSync();
    }
  });

  it('can also cut the sample short', async () => {
    const out = await tempDir();
    expect((await generateSample({ out, families: 200, outcomeRows: 30 })).outcomes).toBe(30);
  });
});

describe('generateSample with an earlier as-at date', () => {
  it('stops every extract at that date', async () => {
    const out = await tempDir();
    const asAt = '2014-06-30';
    await generateSample({ out, families: 300, asAt });
    const early = await load(out);
    try {
      for (const spec of extracts) {
        for (const column of spec.columns.filter((c) => c.type === 'date')) {
          expect(await count(early, `SELECT * FROM ${spec.table} WHERE ${column.name} > '${asAt}'`), column.name).toBe(0);
        }
      }
      expect(await count(early, `SELECT * FROM families WHERE programme_phase <> 'phase_1'`)).toBe(0);
      const periods = await rows(early, `SELECT max(period) AS p FROM area_indicators WHERE period LIKE '% Q%'`);
      expect(periods[0]?.p).toBe('2014-15 Q1');
    } finally {
      early.closeSync();
    }
  });

  it('refuses dates before the programme and bad counts', async () => {
    const out = await tempDir();
    await expect(generateSample({ out, asAt: '2011-01-01' })).rejects.toThrow('before the programme began');
    await expect(generateSample({ out, families: 0 })).rejects.toThrow('at least 1');
    await expect(generateSample({ out, asAt: '2026-02-30' })).rejects.toThrow('not a real calendar date');
  });
});
