/**
 * Inputs built to make the pipeline hang, exhaust memory or read what it should not, each through
 * the real CLI under a time bound: every one must end with a clear file:line:column message and
 * exit code 1, never a stack trace or DuckDB's own error text. Time and memory figures for the
 * worst of them are in `npm run bench -- hostile`; the bound here only proves the run ends.
 */
import { execFile } from 'node:child_process';
import { chmodSync, linkSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLimits, limitWords } from '../../scripts/pipeline/contract/limits.ts';
import { makeWorkspace, readLines, writeLines, type Workspace } from './cli-harness.ts';

/** Generous for 2 busy cores; a run that needs longer is the bug these tests look for. */
const BOUND_MS = 45_000;

interface BoundedResult {
  code: number | null;
  killed: boolean;
  stderr: string;
  report: string;
}

/**
 * File permissions mean nothing to root, so as root an `unprivileged` run drops to nobody
 * (setpriv) in a workspace opened up for it; any other account runs as itself.
 */
const ROOT = process.getuid?.() === 0;

function runBounded(ws: Workspace, extra: readonly string[] = [], unprivileged = false): Promise<BoundedResult> {
  const args = ['--import', 'tsx', 'scripts/cli/data.ts', '--extracts', ws.extracts, '--out', ws.out, '--report', ws.report, '--quiet', ...extra];
  const [command, argv] = unprivileged && ROOT ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve) => {
    execFile(command, argv, { timeout: BOUND_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      let report = '';
      try {
        report = readFileSync(join(ws.report, 'data-quality.md'), 'utf8');
      } catch {
        // No report: the test's expectations on stderr say why.
      }
      resolve({ code, killed: error?.killed ?? false, stderr, report });
    });
  });
}

/** The run ended in time, refused the data with exit 1, and said so in words. */
function expectClearRefusal(result: BoundedResult, location: string, words: RegExp): void {
  expect(result.killed, 'the run did not end within the bound').toBe(false);
  expect(result.code, result.stderr.slice(0, 2000)).toBe(1);
  const line = result.stderr.split('\n').find((l) => l.startsWith(location));
  expect(line, result.stderr.slice(0, 2000)).toBeDefined();
  expect(line).toMatch(words);
  expect(line).toContain('Fix:');
  expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(result.stderr).not.toMatch(/Invalid Input Error|CSV Error|Original Line/); // no DuckDB text
}

/** Families with its header and every data line extended by `n` more fields. */
function widen(ws: Workspace, n: number): void {
  const extraHeader = Array.from({ length: n }, (_, i) => `,extra_${i}`).join('');
  const extraRow = ',1'.repeat(n);
  writeLines(
    ws,
    'families.csv',
    readLines(ws, 'families.csv').map((l, i) => (l === '' ? l : `${l}${i === 0 ? extraHeader : extraRow}`)),
  );
}

describe('bounded time and memory: the limits of data/DATA-DICTIONARY.md', () => {
  it('refuses 10,000 columns at the header, before the privacy guard builds a query', async () => {
    const ws = makeWorkspace();
    widen(ws, 10_000);
    const result = await runBounded(ws);
    expectClearRefusal(result, `families.csv:1:${extractLimits.columns + 1}:`, new RegExp(`more than ${limitWords.columns.limit} columns`));
  });

  it('refuses a header line of tens of megabytes without comparing it to every column name', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv');
    lines[0] = `${lines[0]},${'family_ref'.repeat(2_000_000)}`; // 20 MB, one near miss of a name
    writeLines(ws, 'families.csv', lines);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:1:0:', new RegExp(`header line is longer than ${limitWords.headerBytes.limit}`));
  });

  it('rejects the record holding a 10 MB value and names its line and column', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv');
    const fields = lines[4]!.split(',');
    fields[10] = '9'.repeat(10 * 1024 * 1024);
    lines[4] = fields.join(',');
    writeLines(ws, 'families.csv', lines);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:5:11:', /Field 11 of line 5 is 10,485,760 bytes long; the limit for one value is 10,000 bytes/);
    expect(result.report).toContain('families.csv:5:11');
  });

  it('rejects one huge record instead of reading the file as having no rows', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv');
    lines.splice(2, 0, 'x'.repeat(40 * 1024 * 1024)); // longer than DuckDB's 32 MB read buffer
    writeLines(ws, 'families.csv', lines);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:3:1:', /Field 1 of line 3 is 41,943,040 bytes long/);
    expect(result.stderr).not.toContain('no data rows');
  });

  it('refuses millions of near-empty lines before DuckDB holds a value of them', async () => {
    const ws = makeWorkspace();
    const header = readLines(ws, 'outcomes.csv')[0]!;
    const lines = extractLimits.values / header.split(',').length + 1;
    writeFileSync(join(ws.extracts, 'outcomes.csv'), `${header}\n${'1\n'.repeat(lines)}`);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'outcomes.csv:1:0:', new RegExp(`more than ${(lines - 1).toLocaleString('en-GB')} lines after the header, with 10 columns: more than ${limitWords.values.limit} values`));
  });

  it('refuses a file over the size limit before reading it', async () => {
    const ws = makeWorkspace();
    // Sparse: the size is real, the disk blocks are not.
    truncateSync(join(ws.extracts, 'outcomes.csv'), extractLimits.fileBytes + 1);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'outcomes.csv:0:0:', new RegExp(`is ${(extractLimits.fileBytes + 1).toLocaleString('en-GB')} bytes; the limit is ${limitWords.fileBytes.limit.replace(/[()]/g, '\\$&')}`));
  });
});

describe('input files are what they claim', () => {
  it('refuses a symbolic link out of the extracts folder and a hard link, quoting nothing from either', async () => {
    const ws = makeWorkspace();
    const secret = join(ws.root, 'secret.csv');
    writeFileSync(secret, 'root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash\n');
    rmSync(join(ws.extracts, 'families.csv'));
    symlinkSync(secret, join(ws.extracts, 'families.csv'));
    // A hard link is a second name for a file that may live anywhere on the same disk.
    rmSync(join(ws.extracts, 'claims.csv'));
    linkSync(secret, join(ws.extracts, 'claims.csv'));
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:0:0:', /symbolic link to .*secret\.csv, outside the extracts folder/);
    expectClearRefusal(result, 'claims.csv:0:0:', /hard link/);
    expect(result.stderr + result.report).not.toContain('SECRET');
  });

  it('decodes Windows-1252 as Windows-1252 (an en dash and a euro sign read as themselves), through a link within the folder', async () => {
    const ws = makeWorkspace();
    const families = readLines(ws, 'families.csv');
    const f = families[4]!.split(',');
    f[1] = 'Fenwick \u0096 Sainte-H\u00e9l\u00e8ne'; // 0x96 is the en dash in Windows-1252
    families[4] = f.join(',');
    // Some councils keep each quarter's export and link the current one: a link to a file of the
    // folder itself is followed.
    writeFileSync(join(ws.extracts, 'families-2014-q2.dat'), Buffer.from(families.join('\n'), 'latin1'));
    rmSync(join(ws.extracts, 'families.csv'));
    symlinkSync('families-2014-q2.dat', join(ws.extracts, 'families.csv'));
    const claims = readLines(ws, 'claims.csv');
    const c = claims[3]!.split(',');
    c[5] = '\u0080800'; // 0x80 is the euro sign
    claims[3] = c.join(',');
    writeFileSync(join(ws.extracts, 'claims.csv'), Buffer.from(claims.join('\n'), 'latin1'));

    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:5:2:', /"Fenwick – Sainte-Hélène" is not a locality code/);
    for (const text of [result.stderr, result.report]) {
      expect(text).toContain('"€800" is not a number');
      expect(text).not.toMatch(/[\u0080-\u009f]/);
    }
    expect(result.report).toContain('the first such character is "–" on line 5');
    expect(result.report).toContain('the first such character is "€" on line 4');
  });

  it('refuses a byte Windows-1252 leaves undefined, at its line and column', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv');
    const bytes = Buffer.from(lines.join('\n'), 'latin1');
    const at = lines[0]!.length + 1 + lines[1]!.length + 1 + 3; // line 3, character 4
    bytes[at] = 0x81;
    writeFileSync(join(ws.extracts, 'families.csv'), bytes);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:3:4:', /byte 0x81 at character 4 of line 3 is one of the bytes Windows-1252 leaves undefined/);
  });
});

describe('damaged bytes and text that would forge the console', () => {
  it('names the line and character of a stray NUL byte in an otherwise good file', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'area_indicators.csv');
    lines[4] = `${lines[4]!.slice(0, 5)}\0${lines[4]!.slice(5)}`;
    writeLines(ws, 'area_indicators.csv', lines);
    // Old Mac files end lines with CR alone: the line is counted as the CSV reader counts it.
    const claims = readLines(ws, 'claims.csv');
    claims[9] = `${claims[9]!.slice(0, 3)}\0${claims[9]!.slice(3)}`;
    writeFileSync(join(ws.extracts, 'claims.csv'), claims.join('\r'));
    const result = await runBounded(ws);
    expectClearRefusal(result, 'area_indicators.csv:5:6:', /NUL byte \(0x00\) at character 6 of line 5/);
    expectClearRefusal(result, 'claims.csv:10:4:', /NUL byte \(0x00\) at character 4 of line 10/);
  });

  it('reads a UTF-8 file cut off part-way through its last character as UTF-8, not as Windows-1252', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv');
    const f = lines[2]!.split(',');
    f[9] = 'santé';
    lines[2] = f.join(',');
    // The copy stops inside the two bytes of a final "é": every other "é" would read as "Ã©".
    const bytes = Buffer.from(`${lines.slice(0, 11).join('\n')}\n${lines[11]!.slice(0, 30)}é`, 'utf8');
    writeFileSync(join(ws.extracts, 'families.csv'), bytes.subarray(0, bytes.length - 1));
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:3:10:', /"santé" is not a lead agency code/);
    expect(result.stderr).not.toContain('Ã');
    expect(result.report).toContain('The file ends part-way through a character (at character 31 of line 12)');
  });

  it('reads a file cut off inside the last value of a whole record from the decoded bytes, not the broken ones on disk', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv').filter((l) => l !== '');
    const last = lines.length - 1;
    // Every field is there, so the record passes the structure checks; only its last character is cut.
    const bytes = Buffer.from(`${lines.slice(0, last).join('\n')}\n${lines[last]}é`, 'utf8');
    writeFileSync(join(ws.extracts, 'families.csv'), bytes.subarray(0, bytes.length - 1));
    const result = await runBounded(ws);
    expectClearRefusal(result, `families.csv:${last + 1}:12:`, /is not a whole number/);
    expect(result.stderr).not.toContain('could not be read as CSV');
  });

  it('shows control characters in a value as escapes: no terminal escape reaches the console, each issue stays on one line', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'families.csv');
    const f = lines[3]!.split(',');
    f[9] = '"hea\u001b[2J\u001b[31mlth\nfamilies.csv:9:9: forged line"';
    lines[3] = f.join(',');
    writeLines(ws, 'families.csv', lines);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'families.csv:4:10:', /"hea\\u001B\[2J\\u001B\[31mlth\\nfamilies\.csv:9:9: forged line" is not a lead agency code/);
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stderr.split('\n').some((l) => l.startsWith('families.csv:9:9'))).toBe(false);
  });

  it('shows invisible characters in a value (a byte-order mark, a zero-width space) as escapes, so the value does not look valid', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'claims.csv');
    lines[6] = `\uFEFF${lines[6]}`;
    const f = lines[8]!.split(',');
    f[3] = `${f[3]}\u200B`;
    lines[8] = f.join(',');
    writeLines(ws, 'claims.csv', lines);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'claims.csv:7:1:', /"\\uFEFFC\w/);
    expectClearRefusal(result, 'claims.csv:9:4:', /\\u200B" is not a claim type/);
    expect(result.stderr).not.toMatch(/[\uFEFF\u200B]/);
  });
});

describe('names that carry data: header names and file names', () => {
  it('masks an identifier in the header line (a file exported without its header), never quoting it', async () => {
    const ws = makeWorkspace();
    const lines = readLines(ws, 'claims.csv');
    lines[0] = 'C-0001,jo.bloggs@example.org,2013-14 Q2,attachment_fee,2013-07-15,800.00';
    writeLines(ws, 'claims.csv', lines);
    const result = await runBounded(ws);
    expectClearRefusal(result, 'claims.csv:1:2:', /name of column 2 in the header looks like an email address: j\*\*\*@\*\*\*/);
    expect(result.stderr + result.report).not.toContain('bloggs');
  });

  it('lists an unexpected file whose name holds an identifier with that part masked', async () => {
    const ws = makeWorkspace();
    writeFileSync(join(ws.extracts, 'referral-9434765919.csv'), 'x\n');
    const result = await runBounded(ws, ['--audience', 'board']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.report).toContain('`referral-9*********.csv:0:0` warning');
    expect(result.stderr + result.report).not.toContain('9434765919');
  });

  it('reads a column named rowid (DuckDB\'s row number) as an unknown column, not as a crash', async () => {
    const ws = makeWorkspace();
    writeLines(ws, 'claims.csv', readLines(ws, 'claims.csv').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'rowid' : '7'}`)));
    const result = await runBounded(ws);
    expectClearRefusal(result, 'claims.csv:1:7:', /Column 7 "rowid" is not in the contract for claims\.csv/);
  });
});

describe('permissions', () => {
  /** A workspace the unprivileged account can use, with one thing taken away from it. */
  function openWorkspace(): Workspace {
    const ws = makeWorkspace();
    for (const folder of [ws.root, ws.extracts]) chmodSync(folder, 0o777);
    return ws;
  }

  it('refuses an extract the account cannot read at its name, with how to fix it', async () => {
    const ws = openWorkspace();
    chmodSync(join(ws.extracts, 'claims.csv'), 0o000);
    const result = await runBounded(ws, ['--audience', 'board'], true);
    expectClearRefusal(result, 'claims.csv:0:0:', /claims\.csv cannot be opened: permission denied .*Fix: Give that account read access to claims\.csv/);
  });

  it('refuses an extracts folder the account cannot list as a usage error about reading, not writing', async () => {
    const ws = openWorkspace();
    chmodSync(ws.extracts, 0o000);
    const result = await runBounded(ws, ['--audience', 'board'], true);
    chmodSync(ws.extracts, 0o777);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`--extracts ${ws.extracts}: permission denied, the account running the pipeline cannot list or read this folder`);
    expect(result.stderr).not.toContain('write to');
  });
});
