import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractSpec } from '../contract/extracts.ts';
import { rows, workspace, type Workspace } from '../validate/__fixtures__/setup.ts';
import { readExtract } from './readExtract.ts';
import { readHeaderRecord, scanRecords, writeCleanCopy } from './scanRecords.ts';

/** Three free-text columns: the scan cares about structure, not meaning. */
const spec: ExtractSpec = {
  file: 'claims.csv',
  table: 'claims',
  description: 'test',
  key: [],
  columns: ['a', 'b', 'c'].map((name) => ({ name, type: 'text', required: false, meaning: '', example: '' })),
};

function quote(field: string): string {
  return /[",\r\n]/.test(field) || field.startsWith(' ') ? `"${field.replaceAll('"', '""')}"` : field;
}

describe('scanRecords', () => {
  it('maps records to lines and leaves out malformed ones', () => {
    const data = Buffer.from('a,b,c\n1,"x\ny",3\n4,5\n\n6,7,8');
    const header = readHeaderRecord(data);
    if (!header || 'over' in header) throw new Error('no header');
    const problems: unknown[] = [];
    const scan = scanRecords(data, header, 3, (p) => problems.push(p));
    expect(problems).toEqual([{ kind: 'wrong_field_count', line: 4, fields: 2, field: 0, last: false }]);
    expect(scan).toMatchObject({ records: 2, rejected: 1, blankLines: 1, firstBlankLine: 5, asIs: false });
    // Record 0 starts on line 2; record 1 (after a two-line record, a bad line and a blank) on 6.
    expect(scan.segments).toEqual([
      { firstRecord: 0, offset: 2 },
      { firstRecord: 1, offset: 5 },
    ]);
    expect(writeCleanCopy(data, header, scan).toString()).toBe('a,b,c\n1,"x\ny",3\n6,7,8\n');
  });

  it('reads a regular file as it is', () => {
    const data = Buffer.from('a,b,c\r\n1,2,3\r\n4,5,6');
    const header = readHeaderRecord(data);
    if (!header || 'over' in header) throw new Error('no header');
    const scan = scanRecords(data, header, 3, () => undefined);
    expect(scan).toMatchObject({ records: 2, rejected: 0, asIs: true, segments: [{ firstRecord: 0, offset: 2 }] });
  });
});

describe('readExtract on generated CSV', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await workspace();
  });
  afterAll(async () => {
    await ws.close();
  });

  // Fields drawn from the characters that matter to CSV structure, records sometimes with the
  // wrong number of fields, and either line ending: whatever the mix, every good record must
  // reach DuckDB with its own text and the line it starts on, and every bad one be reported.
  it('loads every well-formed record with its text and line, and reports the rest', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r\n', 'x'), maxLength: 6 });
    const record = fc.record({ fields: fc.array(field, { minLength: 2, maxLength: 4 }), crlf: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 12 }), async (records) => {
        let text = 'a,b,c\n';
        let line = 2;
        const expected: { line: number; values: (string | null)[] }[] = [];
        const bad: number[] = [];
        for (const r of records) {
          const serialised = r.fields.map(quote).join(',');
          const blank = r.fields.every((f) => f === '');
          if (!blank) {
            if (r.fields.length === 3) expected.push({ line, values: r.fields.map((f) => (f === '' ? null : f)) });
            else bad.push(line);
          }
          text += serialised + (r.crlf ? '\r\n' : '\n');
          line += 1 + (serialised.match(/\r\n|\n/g)?.length ?? 0);
        }
        await writeFile(join(ws.extractsDir, 'claims.csv'), text);
        const read = await readExtract(ws.conn, ws.extractsDir, spec, { workDir: ws.workDir });
        const loaded = await rows(ws.conn, 'SELECT a, b, c, __line FROM raw_claims ORDER BY __line');
        // A row of empty or space-only values is a blank line (DuckDB's trim() removes spaces only).
        const blankValues = (v: unknown) => (typeof v === 'string' && /^ *$/.test(v) ? null : v);
        expect(loaded.map((r) => ({ line: r.__line, values: [r.a, r.b, r.c] }))).toEqual(expected.filter((e) => e.values.some((v) => blankValues(v) !== null)));
        expect(read.issues.filter((i) => i.severity === 'error').map((i) => i.line)).toEqual(bad);
      }),
      { numRuns: 40 },
    );
  });
});
