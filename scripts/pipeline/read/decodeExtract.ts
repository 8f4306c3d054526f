/**
 * Works out how an extract is encoded and returns its text as UTF-8 bytes without a BOM, the one
 * form DuckDB reads without surprises. Analysts save extracts from Excel, which writes UTF-8 with
 * a BOM ("CSV UTF-8") or Windows-1252 ("CSV (Comma delimited)"); both are accepted.
 */
import { isUtf8 } from 'node:buffer';
import { locateByte, windows1252Character, windows1252ToUtf8, WINDOWS_1252_UNDEFINED } from '../../../src/lib/encoding/windows1252.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export type Decoded =
  | {
      readonly ok: true;
      readonly encoding: Encoding;
      /** The text as UTF-8, without a BOM. */
      readonly bytes: Buffer;
      /** For Windows-1252: the first character that is not UTF-8, and its line. */
      readonly firstForeign?: { readonly line: number; readonly text: string };
    }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      readonly fix: string;
      /** Where the problem is, when it is at one place; the whole file otherwise. */
      readonly line?: number;
      readonly column?: number;
    };

const saveAsUtf8 = 'In Excel use File > Save As > "CSV UTF-8 (Comma delimited) (*.csv)".';

export function decodeExtract(original: Buffer): Decoded {
  if (startsWith(original, [0xff, 0xfe]) || startsWith(original, [0xfe, 0xff])) {
    return { ok: false, code: 'unsupported_encoding', message: 'The file is UTF-16 ("Unicode text"), not a comma-separated UTF-8 file.', fix: saveAsUtf8 };
  }
  if (startsWith(original, [0x50, 0x4b, 0x03, 0x04])) {
    return { ok: false, code: 'not_csv', message: 'The file is an Excel workbook (.xlsx) renamed to .csv, not a CSV file.', fix: saveAsUtf8 };
  }
  if (original.indexOf(0) >= 0) {
    return { ok: false, code: 'unsupported_encoding', message: 'The file contains NUL bytes: it is binary or UTF-16 without a byte-order mark.', fix: saveAsUtf8 };
  }
  const bom = startsWith(original, [0xef, 0xbb, 0xbf]);
  const body = bom ? original.subarray(3) : original;
  if (isUtf8(body)) return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', bytes: body };
  if (bom) {
    return { ok: false, code: 'invalid_utf8', message: 'The file starts with a UTF-8 byte-order mark but is not valid UTF-8.', fix: saveAsUtf8 };
  }
  // Not UTF-8: read it as Windows-1252, the "ANSI" code page of English Windows and Excel.
  const utf8 = windows1252ToUtf8(original);
  if (!utf8.ok) {
    const at = locateByte(original, utf8.offset);
    return {
      ok: false,
      code: 'invalid_encoding',
      line: at.line,
      column: at.column,
      message: `The file is neither UTF-8 nor Windows-1252: byte ${hex(utf8.byte)} at character ${at.column} of line ${at.line} is one of the bytes Windows-1252 leaves undefined (${WINDOWS_1252_UNDEFINED.map(hex).join(', ')}).`,
      fix: `Check the character at that place in a text editor; then ${saveAsUtf8.replace(/^In/, 'in')}`,
    };
  }
  const offset = firstInvalidUtf8(original);
  const { line } = locateByte(original, offset);
  return { ok: true, encoding: 'windows-1252', bytes: utf8.value, firstForeign: { line, text: windows1252Character(original[offset] ?? 0) } };
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return 0;
}
