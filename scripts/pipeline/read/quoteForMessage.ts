/**
 * A value or column name quoted in a message, shortened so a stray paragraph (or a 16 KB
 * header name) cannot swamp the console and the report. The SQL checks quote values with the
 * same rule (tfo_quote in validate/sqlMacros.ts, derived from these constants).
 */

/** Characters quoted in full; a longer text keeps its first QUOTED_KEEP characters and "...". */
export const QUOTED_MAX = 60;
export const QUOTED_KEEP = QUOTED_MAX - 3;

export function quoteForMessage(text: string): string {
  return `"${text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_KEEP)}...` : text}"`;
}
