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
      /**
       * For UTF-8 that ends part-way through a character (a file cut off while it was copied):
       * where that character starts. The partial bytes are replaced by U+FFFD, so the value
       * they were in fails its checks rather than passing as a shorter one.
       */
      readonly truncatedCharacter?: { readonly line: number; readonly column: number };
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
  const nul = original.indexOf(0);
  if (nul >= 0) return refuseNul(original, nul);
  const bom = startsWith(original, [0xef, 0xbb, 0xbf]);
  const body = bom ? original.subarray(3) : original;
  if (isUtf8(body)) return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', bytes: body };
  // A UTF-8 file cut off part-way through its last character is still UTF-8: read as
  // Windows-1252 instead, every accented letter before the cut would turn into two wrong ones.
  const cut = incompleteUtf8Tail(body);
  if (cut > 0) {
    const at = locateByte(body, body.length - cut);
    return {
      ok: true,
      encoding: bom ? 'utf-8-bom' : 'utf-8',
      bytes: Buffer.concat([body.subarray(0, body.length - cut), REPLACEMENT_CHARACTER]),
      truncatedCharacter: { line: at.line, column: at.column },
    };
  }
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

const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD', 'utf8');

/**
 * UTF-16 without a byte-order mark has a NUL in every other byte of plain text; any other NUL is
 * a stray byte (a corrupt copy, a field pasted from a binary file) at one place the analyst can
 * go and look at.
 */
function refuseNul(original: Buffer, offset: number): Decoded {
  const sample = original.subarray(0, 4096);
  let nuls = 0;
  for (const b of sample) if (b === 0) nuls++;
  if (nuls * 4 >= sample.length) {
    return { ok: false, code: 'unsupported_encoding', message: 'The file is UTF-16 ("Unicode text") without a byte-order mark, not a comma-separated UTF-8 file: every other byte is NUL.', fix: saveAsUtf8 };
  }
  const at = locateByte(original, offset);
  return {
    ok: false,
    code: 'unsupported_encoding',
    line: at.line,
    column: at.column,
    message: `The file holds a NUL byte (0x00) at character ${at.column} of line ${at.line}, which no text file contains: the file is damaged or has binary data in it; it was not read.`,
    fix: `Open the file in a text editor and delete the character at that place (it may show as a blank or a box), or export the file again; then ${saveAsUtf8.replace(/^In/, 'in')}`,
  };
}

/**
 * How many bytes at the end of `b` begin a UTF-8 sequence the file stops before finishing (1 to
 * 3), when everything before them is valid UTF-8; 0 otherwise.
 */
export function incompleteUtf8Tail(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const lead = b[n - k]!;
    if ((lead & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const need = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (need <= k) return 0;
    // The bytes cut off must be a prefix some character could continue (isUtf8 of the prefix
    // padded with the smallest valid continuation bytes rules out overlongs and surrogates).
    const padded = Buffer.concat([b.subarray(n - k), Buffer.alloc(need - k, 0x80)]);
    const completes = [0x80, 0x90, 0xa0, 0xbf].some((second) => {
      if (k > 1) return isUtf8(padded);
      padded[1] = second;
      return isUtf8(padded);
    });
    return completes && isUtf8(b.subarray(0, n - k)) ? k : 0;
  }
  return 0;
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
