import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ManifestSource } from '../outputs/tables.ts';
import { qualitySummary, readQualityCounts, reasonWords, type QualityReportCounts } from './data-quality.ts';

const sources: ManifestSource[] = [
  { file: 'families.csv', sha256: 'aaa', rows_in: 100, rows_accepted: 97, rows_rejected: 3 },
  { file: 'claims.csv', sha256: 'bbb', rows_in: 50, rows_accepted: 50, rows_rejected: 0 },
];
const report: QualityReportCounts = {
  files: [
    { file: 'families.csv', sha256: 'aaa', counts: { unknown_code: { severity: 'error', count: 2 }, invalid_date: { severity: 'error', count: 1 }, future_date: { severity: 'warning', count: 4 } } },
    { file: 'claims.csv', sha256: 'bbb', counts: {} },
  ],
};

describe('qualitySummary', () => {
  it('gives rows received, accepted and rejected per extract from the manifest, and their totals', () => {
    const summary = qualitySummary(sources, null, null);
    expect(summary.files.map((f) => [f.file, f.rowsIn, f.accepted, f.rejected])).toEqual([
      ['families.csv', 100, 97, 3],
      ['claims.csv', 50, 50, 0],
    ]);
    expect(summary.totals).toEqual({ rowsIn: 150, accepted: 147, rejected: 3 });
    expect(summary.reasons).toBeNull();
  });

  it('gives why, as counts by check in words, errors first, from a report of the same extracts', () => {
    expect(qualitySummary(sources, report, null).reasons).toEqual([
      { file: 'families.csv', reason: 'invalid date', severity: 'error', count: { value: 1, flag: null } },
      { file: 'families.csv', reason: 'unknown code', severity: 'error', count: { value: 2, flag: null } },
      { file: 'families.csv', reason: 'future date', severity: 'warning', count: { value: 4, flag: null } },
    ]);
  });

  it('shows a count under the release’s threshold as [c] in a public pack', () => {
    const counts = qualitySummary(sources, report, 3).reasons?.map((r) => [r.reason, r.count]);
    expect(counts).toEqual([
      ['invalid date', { value: null, flag: '[c]' }],
      ['unknown code', { value: null, flag: '[c]' }],
      ['future date', { value: 4, flag: null }],
    ]);
  });

  it('never shows reasons from a report of other extracts (a stale or foreign report)', () => {
    const stale = { files: report.files.map((f) => (f.file === 'claims.csv' ? { ...f, sha256: 'changed' } : f)) };
    expect(qualitySummary(sources, stale, null).reasons).toBeNull();
    expect(qualitySummary(sources, { files: report.files.slice(0, 1) }, null).reasons).toBeNull();
  });

  it('says codes as words, so a reason never reads as a column name', () => {
    expect(reasonWords('claim_family_not_attached')).toBe('claim family not attached');
  });
});

describe('readQualityCounts', () => {
  it('reads only the counts of a report, and leaves the reasons out of one it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfo-quality-'));
    try {
      expect(readQualityCounts(dir)).toBeNull();
      const issue = { line: 3, column: 2, column_name: 'x', code: 'unknown_code', severity: 'error', message: 'quoted value', fix: 'fix it' };
      writeFileSync(join(dir, 'data-quality.json'), JSON.stringify({ files: [{ file: 'families.csv', sha256: 'aaa', counts: { unknown_code: { severity: 'error', count: 2, listed: 1 } }, issues: [issue] }] }));
      const counts = readQualityCounts(dir);
      expect(counts).toEqual({ files: [{ file: 'families.csv', sha256: 'aaa', counts: { unknown_code: { severity: 'error', count: 2 } } }] });
      expect(JSON.stringify(counts)).not.toContain('quoted value');
      writeFileSync(join(dir, 'data-quality.json'), JSON.stringify({ files: 'not a list' }));
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(readQualityCounts(dir)).toBeNull();
      expect(warn.mock.calls[0]?.[0]).toContain('data-quality.json');
      warn.mockRestore();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
