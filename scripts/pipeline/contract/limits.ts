/**
 * The size limits of an extract. Each is declared here once; the reader enforces them, its
 * messages quote them and the data dictionary lists them (`npm run dictionary`).
 *
 * They exist so that every input, however malformed or hostile, gets an answer in bounded time
 * and memory: every check after them is linear in the bytes of the file, and no check's cost
 * grows with the square of a header or a cell. Each is far above anything a case-management
 * export produces, so a real extract never meets one.
 */
import { extracts } from './extracts.ts';

const widestContract = Math.max(...extracts.map((e) => e.columns.length));

export const extractLimits = {
  /**
   * Bytes in one extract file. The reader holds a file in memory (and a Windows-1252 file twice,
   * once decoded), so this bounds the run's memory; it is five times the benchmark's million-row
   * outcomes.csv.
   */
  fileBytes: 512 * 1024 * 1024,
  /**
   * Columns in a header. Room for the widest extract and many unexpected columns, each reported
   * by name; a header far past it is not an extract, and the privacy guard's query grows with
   * the number of columns.
   */
  columns: 100,
  /** Bytes in the header record: enough for every column under a long name. */
  headerBytes: 16 * 1024,
  /** Bytes in one value, as UTF-8 and as written (quotes included). */
  cellBytes: 10_000,
  /**
   * Values in one file: its lines after the header times its columns (the header's, plus any
   * contract column it lacks, which the reader adds empty). DuckDB holds each value in memory, so
   * this, not the file size, bounds the memory of a file of many tiny lines ("1" on each of 250
   * million lines fits in 512 MiB). Five times the benchmark's million-row outcomes.csv.
   */
  values: 50_000_000,
} as const;

export type ExtractLimit = keyof typeof extractLimits;

if (extractLimits.columns <= widestContract) throw new Error('extractLimits.columns must leave room above the widest extract');

/** "16,384 bytes", "512 MiB (536,870,912 bytes)": a limit as a person reads it. */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-GB')} bytes`;
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) && mib >= 1 ? `${mib.toLocaleString('en-GB')} MiB (${exact})` : exact;
}

/** The limits in words, for the data dictionary and for messages. */
export const limitWords: Record<ExtractLimit, { readonly what: string; readonly limit: string }> = {
  fileBytes: { what: 'Size of one file', limit: describeBytes(extractLimits.fileBytes) },
  columns: { what: 'Columns in the header', limit: extractLimits.columns.toLocaleString('en-GB') },
  headerBytes: { what: 'Length of the header line', limit: describeBytes(extractLimits.headerBytes) },
  cellBytes: { what: 'Length of one value', limit: `${describeBytes(extractLimits.cellBytes)} (as UTF-8)` },
  values: { what: 'Values in one file (lines after the header times columns)', limit: `${(extractLimits.values / 1e6).toLocaleString('en-GB')} million` },
};

/**
 * The longest record DuckDB is asked to read: every column at the longest value, with its comma.
 * Records past the limits never reach DuckDB, so its own line-size limit never fires.
 */
export const maxRecordBytes = extractLimits.columns * (extractLimits.cellBytes + 1) + 2;
