/**
 * The CSV the extracts contract asks for: UTF-8 without a byte-order mark, a header row,
 * "\n" line endings, fields quoted only when they must be. Reading back is the project's one
 * small parser (src/lib/encoding/csv.ts).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parseCsv as parseCsvText } from '../../src/lib/encoding/csv.ts';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + csvField(fields[i] ?? '');
  return line + '\n';
}

/** Rows of fields, the header first: the project's parser without the line numbers. */
export function parseCsv(text: string): string[][] {
  return parseCsvText(text).map((record) => record.fields);
}

/** Rows as objects keyed by the header. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((fields) => Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ''])));
}

// Large enough that a million-row file takes a hundred or so writes, small enough to stream.
const FLUSH_AT = 1 << 20;

/**
 * Writes one CSV file in order through two fixed buffers: rows are encoded into one while the
 * other is being written, so the benchmark's million-row extract never sits in memory and
 * makes little garbage. `write` is synchronous, because awaiting once per row costs more than
 * making the row; it says when a buffer is full and the caller should `await flush()`.
 */
export class CsvFileWriter {
  private buffer = Buffer.allocUnsafe(2 * FLUSH_AT);
  private spare = Buffer.allocUnsafe(2 * FLUSH_AT);
  private used = 0;
  private inFlight: Promise<unknown> = Promise.resolve();
  rows = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly columns: readonly string[],
  ) {}

  static async create(path: string, columns: readonly string[]): Promise<CsvFileWriter> {
    const writer = new CsvFileWriter(await open(path, 'w'), columns);
    writer.push(csvLine(columns));
    return writer;
  }

  /** Adds a row keyed by column name (missing values are empty); true when it is time to flush. */
  write(row: Readonly<Record<string, string>>): boolean {
    return this.writeFields(this.columns.map((name) => row[name] ?? ''));
  }

  /** Adds a row already in column order: the fast path for the big extracts. */
  writeFields(fields: readonly string[]): boolean {
    if (fields.length !== this.columns.length) throw new Error(`expected ${this.columns.length} fields, got ${fields.length}`);
    this.push(csvLine(fields));
    this.rows++;
    return this.used >= FLUSH_AT;
  }

  /** Hands the buffered rows to the disk, once the previous buffer has been written. */
  async flush(): Promise<void> {
    await this.inFlight;
    if (this.used === 0) return;
    const full = this.buffer;
    const length = this.used;
    [this.buffer, this.spare] = [this.spare, full];
    this.used = 0;
    this.inFlight = this.handle.write(full, 0, length);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.inFlight;
    await this.handle.close();
  }

  private push(text: string): void {
    // UTF-8 needs at most three bytes per UTF-16 unit; a huge row gets a buffer of its own size.
    const needed = this.used + 3 * text.length;
    if (needed > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, 2 * this.buffer.length));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }
}
