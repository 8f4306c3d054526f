import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvLine, CsvFileWriter, parseCsv, parseCsvRecords } from './csv.ts';

describe('csv', () => {
  it('quotes only fields that need it', () => {
    expect(csvLine(['a', '', 'b,c', 'say "hi"', 'x\ny'])).toBe('a,,"b,c","say ""hi""","x\ny"\n');
  });

  it('reads back what it writes, with or without a final newline or BOM', () => {
    const text = csvLine(['h1', 'h2']) + csvLine(['a,1', '']) + csvLine(['"q"', 'z']);
    expect(parseCsv(text)).toEqual([['h1', 'h2'], ['a,1', ''], ['"q"', 'z']]);
    expect(parseCsv('\uFEFFa,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsvRecords('a,b\n1,\n')).toEqual([{ a: '1', b: '' }]);
    expect(parseCsv('')).toEqual([]);
  });

  it('asks for a flush once a chunk is full and keeps every row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tfo-csv-'));
    try {
      const writer = await CsvFileWriter.create(join(dir, 'big.csv'), ['x']);
      const row = { x: 'y'.repeat(1000) };
      let flushes = 0;
      for (let i = 0; i < 3000; i++) {
        if (writer.write(row)) {
          flushes++;
          await writer.flush();
        }
      }
      await writer.close();
      expect(flushes).toBe(2);
      expect((await readFile(join(dir, 'big.csv'), 'utf8')).length).toBe(2 + 3000 * 1001);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('streams rows to disk in column order with a header, no BOM and \\n endings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tfo-csv-'));
    try {
      const writer = await CsvFileWriter.create(join(dir, 'x.csv'), ['b', 'a']);
      for (let i = 0; i < 3; i++) writer.write({ a: String(i), b: `row ${i}` });
      await writer.flush();
      writer.write({ a: 'only a' });
      await writer.close();
      expect(writer.rows).toBe(4);
      const text = await readFile(join(dir, 'x.csv'), 'utf8');
      expect(text).toBe('b,a\nrow 0,0\nrow 1,1\nrow 2,2\n,only a\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
