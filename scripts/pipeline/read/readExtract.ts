/**
 * Reads one extract into DuckDB as `raw_<table>`: every header column as VARCHAR, exactly as the
 * analyst wrote it, plus `__line`, the line of the source file each record starts on. Typing and
 * every check on values happen later, in SQL (validate/); this stage only makes sure the bytes are
 * a CSV DuckDB can load and that line numbers in messages point at the file the analyst has.
 *
 * The common case costs little beyond DuckDB's own read: a UTF-8 file without quotes or blank
 * lines is loaded as it is, and DuckDB's strict reader checks the field counts. Anything else
 * (quotes, another encoding, a malformed record) goes through the structural scan and, when
 * needed, a clean UTF-8 copy in the work directory.
 */
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExtractSpec } from '../contract/extracts.ts';
import { extractLimits, limitWords } from '../contract/limits.ts';
import { ident } from '../duckdb.ts';
import type { DataIssue } from '../issues.ts';
import { decodeExtract, type Encoding } from './decodeExtract.ts';
import { IssueLog, DETAIL_CAP, type IssueCount } from './issueLog.ts';
import { createEmptyRaw, dropBlankRows, loadCsv, rawTableName, setLines, writeCopy } from './loadRawTable.ts';
import { matchHeader } from './matchHeader.ts';
import { isSameFile, openExtract, type OpenedExtract } from './openExtract.ts';
import { readHeaderRecord, scanRecords, writeCleanCopy, type HeaderRecord, type RecordProblem } from './scanRecords.ts';

export interface ReadOptions {
  /** Scratch directory for clean copies of files DuckDB cannot read as they are. */
  readonly workDir: string;
  /** Name of the file in the extracts folder when it differs from the contract's (letter case). */
  readonly fileName?: string;
  /** Tried first on a UTF-8 file with a clean header and one record per line (validate/cleanPass.ts). */
  readonly cleanPass?: CleanPass;
  /** The file already being opened (openExtract with the same names), so its bytes load while DuckDB reads the file before. */
  readonly opening?: Promise<OpenedExtract>;
}

/**
 * A reading of a whole file straight into its typed table, which answers only "clean" (the row
 * count) or "look closer" (null, leaving nothing behind). The validate stage provides it, since
 * typing is validation's; the reader decides which files may try it.
 */
export interface CleanPass {
  run(conn: DuckDBConnection, spec: ExtractSpec, source: string, columns: readonly string[], lineOffset: number): Promise<number | null>;
  /** Removes what a clean pass built. */
  discard(conn: DuckDBConnection, spec: ExtractSpec): Promise<void>;
}

export interface ReadResult {
  readonly spec: ExtractSpec;
  /** Raw table in DuckDB, e.g. "raw_families"; the privacy guard reads it. */
  readonly table: string;
  /** File name as the contract knows it, used in every issue. */
  readonly file: string;
  /** SHA-256 of the file's bytes as delivered; null when the file is missing. */
  readonly sha256: string | null;
  readonly encoding: Encoding | null;
  /** Data records in the file (blank lines excluded), including those rejected for structure. */
  readonly rowsIn: number;
  /** Header names as written, trimmed and lower-cased, in file order. */
  readonly header: readonly string[];
  /** Column names in the raw table, in file order (as `header`, with positional names where needed). */
  readonly columns: readonly string[];
  readonly headerLine: number;
  /** False when no row can be accepted (missing file or required column, unreadable bytes). */
  readonly usable: boolean;
  /** Records kept out of the raw table because they are malformed (wrong field count, quotes). */
  readonly structuralRejects: number;
  /** Lines of those records, ascending, at most DETAIL_CAP of them. */
  readonly structuralRejectedLines: readonly number[];
  /** Issues found while reading (details capped per code; `counts` are exact). */
  readonly issues: readonly DataIssue[];
  readonly counts: readonly IssueCount[];
  /**
   * True when the clean pass read the file: its typed table is built, every value parsed and
   * matched its pattern, no row may hold an identifier and none is blank. `table` is then a view
   * of the typed values, not the text as written.
   */
  readonly clean?: boolean;
  /** With `clean`: the file read again by the detailed path, for when a later check finds something. */
  readonly readAgain?: () => Promise<ReadResult>;
}

export async function readExtract(conn: DuckDBConnection, extractsDir: string, spec: ExtractSpec, opts: ReadOptions): Promise<ReadResult> {
  const log = new IssueLog();
  const table = rawTableName(spec);
  const file = spec.file;
  const fileIssue = (code: string, severity: 'error' | 'warning', message: string, fix: string) =>
    log.add({ file, line: 0, column: 0, column_name: null, code, severity, message, fix });
  const base = { spec, table, file, header: [] as string[], columns: [] as string[], headerLine: 1, structuralRejects: 0, structuralRejectedLines: [] as number[] };
  const unusable = async (sha256: string | null, encoding: Encoding | null): Promise<ReadResult> => {
    await createEmptyRaw(conn, spec);
    return { ...base, sha256, encoding, rowsIn: 0, usable: false, issues: log.issues, counts: log.counts };
  };

  const opened = await (opts.opening ?? openExtract(extractsDir, opts.fileName ?? file, file));
  if (!opened.ok) {
    if (opened.code === 'missing_file') {
      fileIssue('missing_file', 'error', `${file} is not in the extracts folder ${extractsDir}.`, `Export ${file} (see data/DATA-DICTIONARY.md). If there is nothing to report, include the header line only.`);
    } else fileIssue(opened.code, 'error', opened.message, opened.fix);
    return unusable(null, null);
  }
  const { bytes: original, identity } = opened;
  // Hashing 100 MB takes a while; when the bytes can be loaded as they are, DuckDB reads them
  // on its own threads while this thread hashes.
  let hash: string | null = null;
  const digest = () => (hash ??= createHash('sha256').update(original).digest('hex'));
  if (isWhitespace(original)) {
    const sha256 = digest();
    fileIssue('empty_file', 'error', `${file} is empty${original.length > 0 ? ' (only blank lines or spaces)' : ''}.`, `Export the file again; it needs at least the header line: ${spec.columns.map((c) => c.name).join(',')}`);
    return unusable(sha256, null);
  }

  const decoded = decodeExtract(original);
  if (!decoded.ok) {
    log.add({ file, line: decoded.line ?? 0, column: decoded.column ?? 0, column_name: null, code: decoded.code, severity: 'error', message: decoded.message, fix: decoded.fix });
    return unusable(digest(), null);
  }
  const { encoding, bytes } = decoded;
  if (encoding === 'windows-1252' && decoded.firstForeign) {
    const { line, text } = decoded.firstForeign;
    log.add({
      file, line, column: 0, column_name: null, code: 'windows_1252', severity: 'warning',
      message: `The file is not UTF-8, so it was read as Windows-1252 (what Excel saves as "CSV (Comma delimited)"); the first such character is "${text}" on line ${line}.`,
      fix: 'Check that accented letters and "£" read correctly in the quality report. To avoid this warning, save as "CSV UTF-8 (Comma delimited)".',
    });
  }

  if (decoded.truncatedCharacter) {
    const { line, column } = decoded.truncatedCharacter;
    log.add({
      file, line, column: 0, column_name: null, code: 'truncated_character', severity: 'warning',
      message: `The file ends part-way through a character (at character ${column} of line ${line}): it looks cut off. It was read as UTF-8, with the unfinished character shown as "\uFFFD", so the record it ends is refused by its checks.`,
      fix: 'Export the file again and check it was copied completely.',
    });
  }
  const header = readHeaderRecord(bytes);
  if (!header) {
    fileIssue('empty_file', 'error', `${file} has no header line.`, `Export the file again with the header line: ${spec.columns.map((c) => c.name).join(',')}`);
    return unusable(digest(), encoding);
  }
  if ('over' in header) {
    const expected = `${file} has ${spec.columns.length} columns in the contract: ${spec.columns.map((c) => c.name).join(',')}`;
    log.add(
      header.over === 'columns'
        ? {
            file, line: header.line, column: extractLimits.columns + 1, column_name: null, code: 'too_many_columns', severity: 'error',
            message: `The header has more than ${limitWords.columns.limit} columns, the limit; the file was not read further.`,
            fix: `Check it is the right file and that it is comma-separated: ${expected}.`,
          }
        : {
            file, line: header.line, column: 0, column_name: null, code: 'header_too_long', severity: 'error',
            message: `The header line is longer than ${limitWords.headerBytes.limit}, the limit; the file was not read further.`,
            fix: `Check the first line is the header and not data (a file without line breaks reads as one long header): ${expected}.`,
          },
    );
    return unusable(digest(), encoding);
  }
  const onlyField = header.fields.length === 1 ? header.fields[0] ?? '' : '';
  const otherDelimiter = onlyField.includes(';') ? 'semicolons' : onlyField.includes('\t') ? 'tabs' : null;
  if (otherDelimiter) {
    log.add({
      file, line: header.line, column: 0, column_name: null, code: 'wrong_delimiter', severity: 'error',
      message: `The header is separated by ${otherDelimiter}, not commas.`,
      fix: 'Save the file as comma-separated values ("CSV UTF-8 (Comma delimited)"); check the list separator in your regional settings.',
    });
    return unusable(digest(), encoding);
  }
  const match = matchHeader(spec, header.fields, header.line, log);
  // Every value becomes a cell in DuckDB's memory, missing contract columns included (added
  // empty below): refuse before loading a file with more than the limit.
  const width = match.columns.length + match.missingRequired.length + match.missingOptional.length;
  const maxLines = Math.floor(extractLimits.values / width);
  if (hasMoreLinesThan(bytes, header.end, maxLines)) {
    log.add({
      file, line: header.line, column: 0, column_name: null, code: 'too_many_values', severity: 'error',
      message: `${file} has more than ${maxLines.toLocaleString('en-GB')} lines after the header, with ${width} columns: more than ${limitWords.values.limit} values, the limit. It was not read further.`,
      fix: 'Check it is the right file (a file of many near-empty lines is not an extract). If it is, split the export by period and run each part; see the limits in data/DATA-DICTIONARY.md.',
    });
    return { ...(await unusable(digest(), encoding)), header: match.header };
  }
  const withHeader = { ...base, header: match.header, columns: match.columns, headerLine: header.line };

  // Cheap checks that rule out every structural problem DuckDB's strict reader would not report
  // itself: without quotes each record is one line, and without blank lines record k is on line
  // k + 2. Field counts are then DuckDB's to check.
  const simple =
    header.line === 1 &&
    bytes.indexOf(34) < 0 &&
    bytes.indexOf('\n\n') < 0 &&
    bytes.indexOf('\r\r') < 0 &&
    bytes.indexOf('\n\r') < 0 &&
    // A value over the length limit needs a line at least that long. DuckDB cannot be trusted
    // to refuse one: a line longer than its read buffer comes back as no rows at all.
    !hasLineLongerThan(bytes, header.end, extractLimits.cellBytes);
  // DuckDB reads a clean UTF-8 extract from disk: from the resolved path, then a check that the
  // file there is still the one that was checked.
  const loadOriginal = async (loading: Promise<boolean>): Promise<boolean | 'changed'> => {
    const loaded = await loading;
    return loaded && !(await isSameFile(identity)) ? 'changed' : loaded;
  };
  const changed = async () => {
    fileIssue('file_changed', 'error', `${file} changed on disk while it was being read, so what was checked may not be what was loaded.`, 'Run again once nothing is writing to the extracts folder.');
    return unusable(digest(), encoding);
  };
  // A file with a byte-order mark (Excel's "CSV UTF-8") is read from disk as it is, like one
  // without: the mark sits before the header, which DuckDB skips, so the rows are the same and
  // no copy of the file needs writing. A file cut off part-way through a character is not read
  // from disk: its decoded bytes end differently (U+FFFD), and DuckDB refuses the broken ones.
  const readAsWritten = (encoding === 'utf-8' || encoding === 'utf-8-bom') && !decoded.truncatedCharacter;
  let loaded = false;
  let structuralRejects = 0;
  const rejectedLines: number[] = [];
  let blank = { count: 0, first: 0 };
  if (simple && opts.cleanPass && readAsWritten && log.issues.length === 0) {
    const pass = opts.cleanPass;
    const running = pass.run(conn, spec, identity.path, match.columns, header.nextLine);
    digest();
    const rows = await running;
    if (rows !== null) {
      const same = await isSameFile(identity);
      if (rows > 0 && same) return { ...withHeader, sha256: digest(), encoding, rowsIn: rows, usable: match.usable, issues: log.issues, counts: log.counts, clean: true };
      await pass.discard(conn, spec);
      if (!same) return changed();
      // A file of no rows is the detailed path's to report.
    }
  }
  if (simple) {
    const source = readAsWritten ? identity.path : await writeCopy(opts.workDir, spec, bytes);
    const loading = readAsWritten ? loadOriginal(loadCsv(conn, table, source, match.columns)) : loadCsv(conn, table, source, match.columns);
    digest();
    const result = await loading;
    if (result === 'changed') return changed();
    loaded = result;
    if (loaded) await setLines(conn, table, [{ firstRecord: 0, offset: header.nextLine }]);
  }
  if (!loaded) {
    const scan = scanRecords(bytes, header, match.columns.length, (problem) => {
      if (rejectedLines.length < DETAIL_CAP) rejectedLines.push(problem.line);
      log.add(structuralIssue(spec, header, match.columns.length, problem));
    });
    structuralRejects = scan.rejected;
    blank = { count: scan.blankLines, first: scan.firstBlankLine };
    const fromOriginal = scan.asIs && encoding === 'utf-8' && readAsWritten;
    const source = fromOriginal ? identity.path : await writeCopy(opts.workDir, spec, scan.asIs ? bytes : writeCleanCopy(bytes, header, scan));
    // The scan has already left out every record DuckDB could refuse, so a failure here is a
    // bug; DuckDB's own text is no help to an analyst, but its line number is.
    const loading = loadCsv(conn, table, source, match.columns, (message) => {
      const line = /on line:? (\d+)/i.exec(message)?.[1];
      fileIssue(
        'unreadable_csv', 'error',
        `${file} could not be read as CSV${line ? ` (near record ${line} of the cleaned file)` : ''}, although every record passed the structure checks.`,
        'Check the quoting in a text editor; if it looks right, report this as a bug with the file\'s first lines (not its data).',
      );
    });
    const result = fromOriginal ? await loadOriginal(loading) : await loading;
    if (result === 'changed') return changed();
    loaded = result;
    if (!loaded) return { ...(await unusable(digest(), encoding)), header: match.header };
    await setLines(conn, table, scan.segments);
  }

  const missing = [...match.missingRequired, ...match.missingOptional];
  for (const name of missing) await conn.run(`ALTER TABLE ${ident(table)} ADD COLUMN ${ident(name)} VARCHAR`);
  const blankRows = await dropBlankRows(conn, table, match.columns);
  if (blankRows.count > 0) blank = { count: blank.count + blankRows.count, first: Math.min(...[blank.first, blankRows.first].filter((l) => l > 0)) };
  if (blank.count > 0) {
    log.add({
      file, line: blank.first, column: 0, column_name: null, code: 'blank_lines', severity: 'warning',
      message: `${plural(blank.count, 'blank line was', 'blank lines were')} skipped (the first is line ${blank.first}).`,
      fix: 'Nothing to do if the lines are meant to be empty; Excel adds them when cells below the data were once used.',
    });
  }
  const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${ident(table)}`)).getRows()[0]?.[0] ?? 0);
  const rowsIn = rows + structuralRejects;
  if (rowsIn === 0) {
    fileIssue('no_rows', 'warning', `${file} has a header but no data rows.`, 'Nothing to do if there is nothing to report for this extract; otherwise export it again.');
  }
  rejectedLines.sort((a, b) => a - b);
  return {
    ...withHeader,
    sha256: digest(),
    encoding,
    rowsIn,
    usable: match.usable,
    structuralRejects,
    structuralRejectedLines: rejectedLines,
    issues: log.issues,
    counts: log.counts,
  };
}

function structuralIssue(spec: ExtractSpec, header: HeaderRecord, expected: number, p: RecordProblem): DataIssue {
  const base = { file: spec.file, line: p.line, column: 0, column_name: null, severity: 'error' as const };
  const headerNote = header.line === 1 ? 'the header' : `the header (line ${header.line})`;
  switch (p.kind) {
    case 'truncated_file':
      return {
        ...base, code: 'truncated_file',
        message: `Line ${p.line} is the last line and has ${p.fields} of the ${expected} fields the header has, with no line break after it: the file looks truncated (cut off part-way through a record).`,
        fix: 'Export the file again and check it was copied completely; the last record is incomplete.',
      };
    case 'unterminated_quote':
      return {
        ...base, column: p.field, code: 'truncated_file',
        message: `A quoted field starting in field ${p.field} of line ${p.line} never ends: the file looks truncated, or a quote is missing.`,
        fix: 'Export the file again and check it was copied completely; if the end is there, close the quote (a quote inside a field is written "").',
      };
    case 'bad_quote':
      return {
        ...base, column: p.field, code: 'bad_quote',
        message: `Field ${p.field} of line ${p.line} has text after its closing quote.`,
        fix: 'Put the whole field in double quotes and write each quote inside it as two (""); spreadsheet programs do this when they save as CSV.',
      };
    case 'cell_too_long':
      return {
        ...base, column: p.field, column_name: columnName(header, p.field), code: 'cell_too_long',
        message: `Field ${p.field} of line ${p.line} is ${(p.bytes ?? 0).toLocaleString('en-GB')} bytes long; the limit for one value is ${limitWords.cellBytes.limit}. The record was not read.`,
        fix: 'Check the value in a text editor: a quote that never closes, or a file pasted into a cell, makes one value swallow many lines. No value in the contract comes near the limit.',
      };
    case 'wrong_field_count':
      return {
        ...base, code: 'wrong_field_count',
        message: `Line ${p.line} has ${p.fields} fields but ${headerNote} has ${expected}.`,
        fix:
          p.fields > expected
            ? 'A value probably contains a comma: put that value in double quotes, or remove the extra comma.'
            : p.fields === expected - 1 && header.fields[expected - 1]?.trim() === ''
              ? `The header ends with a comma (an empty, unnamed last column) that this line does not have: delete the comma at the end of ${headerNote}.`
              : 'Add the missing values (leave a field empty with nothing between the commas, but keep the commas).',
      };
  }
}

/**
 * True when some line from `from` on is longer than `limit` bytes. It jumps a window of `limit`
 * bytes at a time and looks back for the window's last line break, so the windows it searches
 * never overlap: linear in the file, and far fewer calls than one per line.
 */
export function hasLineLongerThan(bytes: Buffer, from: number, limit: number): boolean {
  let start = from;
  while (bytes.length - start > limit) {
    const window = bytes.subarray(start, start + limit + 1);
    let lastBreak = window.lastIndexOf(10);
    // Old Mac files end lines with CR alone; only they pay for the second search.
    if (lastBreak < 0) lastBreak = window.lastIndexOf(13);
    if (lastBreak < 0) return true;
    start += lastBreak + 1;
  }
  return false;
}

/**
 * True when there are more than `max` lines from `from` on. Lines end in LF, CRLF or (old Mac
 * files) CR alone, so LFs and CRs are counted apart and the larger count taken: a mix of
 * endings is undercounted at most by half. One native search per line, stopping at the limit:
 * a file of a billion tiny lines costs no more than one at the limit.
 */
export function hasMoreLinesThan(bytes: Buffer, from: number, max: number): boolean {
  return countUpTo(bytes, from, 10, max) > max || countUpTo(bytes, from, 13, max) > max;
}

/** Lines ending in `terminator` (the last may lack it), counted up to `max + 1`. */
function countUpTo(bytes: Buffer, from: number, terminator: number, max: number): number {
  let lines = 0;
  let i = from;
  while (i < bytes.length && lines <= max) {
    lines++;
    const next = bytes.indexOf(terminator, i);
    if (next < 0) break;
    i = next + 1;
  }
  return lines;
}

/** The header name of a field, as matched (trimmed and lower-cased), when it has one. */
function columnName(header: HeaderRecord, field: number): string | null {
  const name = header.fields[field - 1]?.trim().toLowerCase();
  return name ? name : null;
}

function isWhitespace(bytes: Uint8Array): boolean {
  // A BOM alone is as empty as no bytes at all.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== 10 && b !== 13) return false;
  }
  return true;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n.toLocaleString('en-GB')} ${many}`;
}
