/**
 * The structural scan: one pass over the bytes of an extract that finds where each record
 * starts, how many fields it has, and whether its quotes are well formed. It runs only when the
 * cheap checks in readExtract cannot rule problems out, and it never builds per-row objects: a
 * million-row file costs one tight loop, a few counters and a short list of byte ranges.
 *
 * Quoting follows RFC 4180 as DuckDB reads it (quote and escape '"'): a field that starts with a
 * quote (after optional spaces) runs to the matching quote and may hold commas, doubled quotes
 * and line breaks; a quote inside an unquoted field is an ordinary character.
 */
import { extractLimits } from '../contract/limits.ts';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

export interface HeaderRecord {
  /** Field texts, unquoted, exactly as written (not yet trimmed). */
  readonly fields: string[];
  /** Line the header is on (1 unless blank lines come first). */
  readonly line: number;
  /** Byte offsets of the header record, without and with its line break. */
  readonly start: number;
  readonly contentEnd: number;
  readonly end: number;
  /** The header's line break; the clean copy uses it for every record. */
  readonly terminator: Buffer;
  /** Line the first data record starts on. */
  readonly nextLine: number;
}

export type RecordProblemKind = 'wrong_field_count' | 'truncated_file' | 'bad_quote' | 'unterminated_quote' | 'cell_too_long';

export interface RecordProblem {
  readonly kind: RecordProblemKind;
  /** Line the record starts on. */
  readonly line: number;
  readonly fields: number;
  /** 1-based field where the quoting goes wrong or the first value over the length limit; 0 otherwise. */
  readonly field: number;
  /** Bytes in that value, for 'cell_too_long'. */
  readonly bytes?: number;
  /** The record is the last in the file and has no line break after it. */
  readonly last: boolean;
}

export interface ScanResult {
  /** Data records kept (well formed and not blank). */
  readonly records: number;
  /** Records excluded for a structural problem. */
  readonly rejected: number;
  readonly blankLines: number;
  readonly firstBlankLine: number;
  /** True when DuckDB can read the bytes as they are and line = record index + header.nextLine. */
  readonly asIs: boolean;
  /** The clean copy as triples [start, end, addLineBreak] over the input bytes. */
  readonly pieces: readonly number[];
  /** Record k of the clean copy is on line k + offset of the last segment with firstRecord <= k. */
  readonly segments: readonly { readonly firstRecord: number; readonly offset: number }[];
}

function isBreak(c: number | undefined): boolean {
  return c === LF || c === CR;
}

/** A header past one of the limits: reading stopped there, so its cost is bounded by the limit. */
export interface HeaderOverLimit {
  readonly over: 'columns' | 'headerBytes';
  readonly line: number;
}

export interface HeaderLimits {
  readonly columns: number;
  readonly headerBytes: number;
}

/**
 * The first non-blank record of the file, parsed into fields; null when there is none. Reading
 * stops as soon as the header passes a limit, before a field past it is decoded.
 */
export function readHeaderRecord(data: Buffer, limits: HeaderLimits = extractLimits): HeaderRecord | HeaderOverLimit | null {
  const n = data.length;
  let i = 0;
  let line = 1;
  // Skip blank lines before the header.
  for (;;) {
    let j = i;
    while (j < n && (data[j] === SPACE || data[j] === TAB)) j++;
    if (j >= n) return null;
    if (!isBreak(data[j])) break;
    i = j + (data[j] === CR && data[j + 1] === LF ? 2 : 1);
    line++;
  }
  const start = i;
  const byteLimit = start + limits.headerBytes;
  const fields: string[] = [];
  let fieldStart = i;
  let lines = 0;
  let quoted: number[] | null = null; // byte ranges of a quoted field's text
  while (i < n && !isBreak(data[i])) {
    if (i >= byteLimit) return { over: 'headerBytes', line };
    if (data[i] === QUOTE && isBlank(data, fieldStart, i)) {
      quoted = [];
      let from = ++i;
      while (i < n) {
        if (i >= byteLimit) return { over: 'headerBytes', line };
        if (data[i] === QUOTE) {
          quoted.push(from, i);
          if (data[i + 1] === QUOTE) {
            from = i + 1;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (data[i] === LF || (data[i] === CR && data[i + 1] !== LF)) lines++;
        i++;
      }
      while (i < n && data[i] !== COMMA && !isBreak(data[i])) i++;
      continue;
    }
    if (data[i] === COMMA) {
      if (fields.length + 1 >= limits.columns) return { over: 'columns', line };
      fields.push(quoted ? joinRanges(data, quoted) : data.toString('utf8', fieldStart, i));
      quoted = null;
      fieldStart = i + 1;
    }
    i++;
  }
  fields.push(quoted ? joinRanges(data, quoted) : data.toString('utf8', fieldStart, i));
  const contentEnd = i;
  const termLength = data[i] === CR && data[i + 1] === LF ? 2 : i < n ? 1 : 0;
  const terminator = termLength === 0 ? Buffer.from('\n') : Buffer.from(data.subarray(i, i + termLength));
  return { fields, line, start, contentEnd, end: i + termLength, terminator, nextLine: line + lines + 1 };
}

function isBlank(data: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (data[k] !== SPACE) return false;
  return true;
}

function joinRanges(data: Buffer, ranges: number[]): string {
  let out = '';
  for (let k = 0; k < ranges.length; k += 2) out += data.toString('utf8', ranges[k], ranges[k + 1]);
  return out;
}

/**
 * Scans every data record after the header. `onProblem` hears about each record that cannot be
 * loaded; such records are left out of the clean copy. A value longer than `maxCellBytes` (as
 * written, quotes included) rejects its record, so what reaches DuckDB stays within its limits.
 */
export function scanRecords(
  data: Buffer,
  header: HeaderRecord,
  expectedFields: number,
  onProblem: (problem: RecordProblem) => void,
  maxCellBytes: number = extractLimits.cellBytes,
): ScanResult {
  const n = data.length;
  const term = header.terminator;
  const pieces: number[] = [];
  const segments: { firstRecord: number; offset: number }[] = [];
  let records = 0;
  let rejected = 0;
  let blankLines = 0;
  let firstBlankLine = 0;
  let asIs = header.line === 1 && header.nextLine === 2;
  let lastOffset = Number.NaN;

  let line = header.nextLine;
  let recStart = header.end;
  let recLine = line;
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let afterClose = false;
  let badQuoteField = 0;
  let content = false;
  let fieldStart = recStart;
  let longField = 0;
  let longBytes = 0;
  const endField = (end: number) => {
    if (longField === 0 && end - fieldStart > maxCellBytes) {
      longField = fields;
      longBytes = end - fieldStart;
    }
  };

  const addPiece = (start: number, end: number, addBreak: number) => {
    const last = pieces.length - 3;
    // Extend the previous piece when it ends, line break included, where this one starts.
    if (last >= 0 && pieces[last + 2] === 0 && pieces[last + 1] === start) {
      pieces[last + 1] = end;
      pieces[last + 2] = addBreak;
    } else pieces.push(start, end, addBreak);
  };

  const finish = (contentEnd: number, termStart: number, termLength: number, final: boolean) => {
    if (!content) {
      blankLines++;
      if (firstBlankLine === 0) firstBlankLine = recLine;
      asIs = false;
    } else if (badQuoteField > 0 || longField > 0 || fields !== expectedFields) {
      rejected++;
      asIs = false;
      const last = final && termLength === 0;
      if (badQuoteField === 0 && longField > 0) onProblem({ kind: 'cell_too_long', line: recLine, fields, field: longField, bytes: longBytes, last });
      else {
        const kind: RecordProblemKind = badQuoteField > 0 ? 'bad_quote' : last && fields < expectedFields ? 'truncated_file' : 'wrong_field_count';
        onProblem({ kind, line: recLine, fields, field: badQuoteField, last });
      }
    } else {
      const k = records++;
      const offset = recLine - k;
      if (offset !== lastOffset) {
        segments.push({ firstRecord: k, offset });
        lastOffset = offset;
        if (segments.length > 1) asIs = false;
      }
      const sameBreak =
        termLength === term.length &&
        (termLength === 2 || (termLength === 1 && data[termStart] === term[0]));
      if (sameBreak) addPiece(recStart, termStart + termLength, 0);
      else {
        addPiece(recStart, contentEnd, 1);
        // A last record without a line break reads fine as it is; any other odd break does not.
        if (!(final && termLength === 0)) asIs = false;
      }
    }
  };

  for (let i = header.end; i < n; i++) {
    const c = data[i]!;
    if (inQuotes) {
      if (c === QUOTE) {
        if (data[i + 1] === QUOTE) i++;
        else {
          inQuotes = false;
          afterClose = true;
        }
      } else if (c === LF || (c === CR && data[i + 1] !== LF)) line++;
      continue;
    }
    if (c === COMMA) {
      endField(i);
      fields++;
      fieldStart = i + 1;
      atFieldStart = true;
      afterClose = false;
      continue;
    }
    if (c === LF || c === CR) {
      const termLength = c === CR && data[i + 1] === LF ? 2 : 1;
      endField(i);
      finish(i, i, termLength, i + termLength >= n);
      i += termLength - 1;
      line++;
      recStart = i + 1;
      recLine = line;
      fields = 1;
      atFieldStart = true;
      afterClose = false;
      badQuoteField = 0;
      content = false;
      fieldStart = recStart;
      longField = 0;
      continue;
    }
    if (c === SPACE) continue;
    if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      content = true;
      atFieldStart = false;
      continue;
    }
    if (afterClose && badQuoteField === 0) badQuoteField = fields;
    if (c !== TAB) content = true;
    atFieldStart = false;
  }
  if (recStart < n) {
    if (inQuotes) {
      rejected++;
      asIs = false;
      onProblem({ kind: 'unterminated_quote', line: recLine, fields, field: fields, last: true });
    } else if (!isBlank(data, recStart, n)) {
      endField(n);
      finish(n, n, 0, true);
    }
  }
  return { records, rejected, blankLines, firstBlankLine, asIs, pieces, segments };
}

/** The header and every kept record, each ending in the header's line break. */
export function writeCleanCopy(data: Buffer, header: HeaderRecord, scan: ScanResult): Buffer {
  const term = header.terminator;
  const p = scan.pieces;
  let total = header.contentEnd - header.start + term.length;
  for (let k = 0; k < p.length; k += 3) total += p[k + 1]! - p[k]! + (p[k + 2] ? term.length : 0);
  const out = Buffer.allocUnsafe(total);
  let pos = data.copy(out, 0, header.start, header.contentEnd);
  pos += term.copy(out, pos);
  for (let k = 0; k < p.length; k += 3) {
    pos += data.copy(out, pos, p[k], p[k + 1]);
    if (p[k + 2]) pos += term.copy(out, pos);
  }
  return out;
}
