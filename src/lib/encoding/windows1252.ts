/**
 * Windows-1252, the "ANSI" code page Excel uses for "CSV (Comma delimited)" on English Windows.
 * One table, used by the extract reader and the reference loader alike.
 *
 * Not `new TextDecoder('windows-1252')`: Node's decoder treats the label as Latin-1, so 0x80-0x9F
 * come out as invisible C1 control characters (an en dash, 0x96, becomes U+0096) instead of the
 * euro sign, curly quotes, dashes and ellipsis Excel meant.
 */

/** 0x80-0x9F as Windows-1252 defines them; 0 where the code page leaves a byte undefined. */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Code point of each byte: ASCII and 0xA0-0xFF map to themselves (as in Latin-1). */
const CODE_POINTS: readonly number[] = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? HIGH_CONTROLS[b - 0x80]! : b));

/** The five bytes Windows-1252 leaves undefined; no Excel export writes them, so they are refused. */
export const WINDOWS_1252_UNDEFINED: readonly number[] = CODE_POINTS.flatMap((cp, b) => (cp === 0 && b > 0 ? [b] : []));

/** Each byte's UTF-8 encoding, for transcoding without building a string. */
const UTF8: readonly Buffer[] = CODE_POINTS.map((cp) => Buffer.from(String.fromCodePoint(cp), 'utf8'));

export type Windows1252Result =
  | { readonly ok: true; readonly value: Buffer }
  | {
      readonly ok: false;
      /** Offset of the first undefined byte, and the byte. */
      readonly offset: number;
      readonly byte: number;
    };

/**
 * The text as UTF-8 bytes: one pass to size the output and find undefined bytes, one to copy.
 * Linear in the input and never held as a JavaScript string, so the size of a file is bounded
 * by the file-size limit, not by V8's maximum string length.
 */
export function windows1252ToUtf8(bytes: Uint8Array): Windows1252Result {
  let size = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) size++;
    else {
      if (CODE_POINTS[b] === 0) return { ok: false, offset: i, byte: b };
      size += UTF8[b]!.length;
    }
  }
  const out = Buffer.allocUnsafe(size);
  let pos = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out[pos++] = b;
    else pos += UTF8[b]!.copy(out, pos);
  }
  return { ok: true, value: out };
}

export type Windows1252Text = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly offset: number; readonly byte: number };

/** The text as a string (for files small enough to hold as one, such as reference data). */
export function decodeWindows1252(bytes: Uint8Array): Windows1252Text {
  const utf8 = windows1252ToUtf8(bytes);
  return utf8.ok ? { ok: true, value: utf8.value.toString('utf8') } : utf8;
}

/** The character a byte stands for, for messages ("–" for 0x96). */
export function windows1252Character(byte: number): string {
  const cp = CODE_POINTS[byte] ?? 0;
  return cp === 0 ? '' : String.fromCodePoint(cp);
}

/**
 * Where a byte falls in a file: 1-based line, and column in bytes (characters, for Windows-1252).
 * Lines end in LF, CRLF or a CR alone (old Mac files), as the CSV reader counts them.
 */
export function locateByte(bytes: Uint8Array, offset: number): { readonly line: number; readonly column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
