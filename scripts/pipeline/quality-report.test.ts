import { describe, expect, it } from 'vitest';
import type { DataIssue } from './issues.ts';
import { renderQualityReport, type QualityReportInput } from './quality-report.ts';
import { fixtureReference, workspace } from './validate/__fixtures__/setup.ts';
import { loadAndValidateExtracts } from './validate/validateExtracts.ts';

function issue(line: number, column: number, code: string, message: string, severity: 'error' | 'warning' = 'error'): DataIssue {
  return { file: 'families.csv', line, column, column_name: column ? 'locality_code' : null, code, severity, message, fix: 'Use one of: NTH, EST.' };
}

const input: QualityReportInput = {
  files: [
    {
      file: 'families.csv',
      encoding: 'windows-1252',
      sha256: 'ab'.repeat(32),
      rowsIn: 1200,
      accepted: 1197,
      rejected: 3,
      // Deliberately out of order: the report sorts.
      issues: [
        issue(9, 2, 'unknown_code', '"XYZ" is not a locality code.'),
        issue(3, 2, 'unknown_code', '"A|B" is not a <b>locality</b> code.'),
        issue(0, 0, 'windows_1252', 'The file is not UTF-8.', 'warning'),
      ],
      counts: [
        { code: 'windows_1252', severity: 'warning', count: 1 },
        { code: 'unknown_code', severity: 'error', count: 2500 },
      ],
    },
    { file: 'outcomes.csv', encoding: 'utf-8', sha256: 'cd'.repeat(32), rowsIn: 10, accepted: 10, rejected: 0, issues: [], counts: [] },
  ],
};

describe('renderQualityReport', () => {
  it('writes machine-readable JSON with counts per code and the listed issues', () => {
    const report = JSON.parse(renderQualityReport(input).json);
    expect(report.summary).toEqual({ files: 2, rows_in: 1210, rows_accepted: 1207, rows_rejected: 3, errors: 2500, warnings: 1, passed: false });
    expect(report.generated_at).toBeUndefined();
    const [families] = report.files;
    expect(families).toMatchObject({ file: 'families.csv', encoding: 'windows-1252', rows_in: 1200, rows_accepted: 1197, rows_rejected: 3, errors: 2500, warnings: 1 });
    expect(families.counts).toEqual({ unknown_code: { severity: 'error', count: 2500, listed: 2 }, windows_1252: { severity: 'warning', count: 1, listed: 1 } });
    expect(families.issues.map((i: DataIssue) => [i.line, i.code])).toEqual([
      [0, 'windows_1252'],
      [3, 'unknown_code'],
      [9, 'unknown_code'],
    ]);
  });

  it('shows control and invisible characters from the data as escapes in the Markdown, keeping each issue on its lines', () => {
    const hostile = issue(4, 2, 'unknown_code', '"hea\u001b[2J\u001b[31mlth\nfamilies.csv:9:9: forged\u200b" is not a locality code.');
    const { markdown, json } = renderQualityReport({ files: [{ ...input.files[0]!, issues: [hostile] }] });
    expect(markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b]/);
    expect(markdown).toContain('"hea\\u001B[2J\\u001B[31mlth\\nfamilies.csv:9:9: forged\\u200B" is not a locality code.');
    expect(markdown.split('\n').some((l) => l.startsWith('families.csv:9:9'))).toBe(false);
    // The JSON keeps the text as it was: its own escaping makes it safe.
    expect(JSON.parse(json).files[0].issues[0].message).toBe(hostile.message);
  });

  it('writes Markdown a person reads: a summary table, then issues by file and code', () => {
    const { markdown } = renderQualityReport(input);
    expect(markdown).toContain('**2,500 errors and 1 warning; 3 rows rejected.**');
    expect(markdown).toContain('| families.csv | Windows-1252 | 1,200 | 1,197 | 3 | 2,500 | 1 |');
    expect(markdown).toContain('| outcomes.csv | UTF-8 | 10 | 10 | 0 | 0 | 0 |');
    expect(markdown).toContain('### unknown_code (2,500 errors)');
    // Located like a compiler message, with data text kept from turning into HTML.
    expect(markdown).toContain('- `families.csv:3:2` (locality_code) error: "A|B" is not a \\<b\\>locality\\</b\\> code.\n  Fix: Use one of: NTH, EST.');
    expect(markdown).toContain('Showing the first 2 of 2,500; the counts above are complete.');
    expect(markdown.indexOf('families.csv:3:2')).toBeLessThan(markdown.indexOf('families.csv:9:2'));
    // Errors before warnings.
    expect(markdown.indexOf('### unknown_code')).toBeLessThan(markdown.indexOf('### windows_1252'));
    expect(markdown).toMatch(/## outcomes\.csv\n\nRows in: 10; accepted: 10; rejected: 0; SHA-256 `(cd)+`\.\n\nNo problems found\.\n/);
  });

  it('is deterministic, and prints a timestamp only when given one', () => {
    const shuffled: QualityReportInput = { files: input.files.map((f) => ({ ...f, issues: [...f.issues].reverse(), counts: [...f.counts].reverse() })) };
    expect(renderQualityReport(shuffled)).toEqual(renderQualityReport(input));
    const stamped = renderQualityReport({ ...input, generatedAt: '2025-07-01T09:00:00Z' });
    expect(JSON.parse(stamped.json).generated_at).toBe('2025-07-01T09:00:00Z');
    expect(stamped.markdown).toContain('Generated 2025-07-01T09:00:00Z.');
  });

  it('says so when there is nothing to fix', () => {
    const clean = renderQualityReport({ files: [input.files[1]!] });
    expect(clean.markdown).toContain('**No problems found.**');
    expect(JSON.parse(clean.json).summary.passed).toBe(true);
  });

  it('renders a real validation result', async () => {
    const ws = await workspace({ 'families.csv': 'family_ref,locality_code\nFAM-0001,NTH\n' });
    try {
      const result = await loadAndValidateExtracts(ws.conn, ws.extractsDir, await fixtureReference(), { today: '2025-06-30', workDir: ws.workDir });
      const { json, markdown } = renderQualityReport(result);
      const report = JSON.parse(json);
      expect(report.summary.errors).toBe(result.errors);
      expect(report.files.map((f: { file: string }) => f.file)).toEqual(['families.csv', 'outcomes.csv', 'claims.csv', 'area_indicators.csv']);
      expect(markdown).toContain('**The file could not be used: every row is rejected until the errors below are fixed.**');
      expect(markdown).toContain('- `families.csv:1:0` (programme_phase) error: The header has no "programme_phase" column, which is required.');
    } finally {
      await ws.close();
    }
  });
});
