/**
 * A published value and its GSS flag from a plain query row, checked: the value a number or
 * null, the flag a known symbol or null. Rows failing the check throw, naming the query.
 */
import { isGssFlag } from '../format/symbols.ts';
import type { Flagged } from '../tables/cells.ts';
import type { PlainRow } from './plain-row.ts';

export function flaggedValue(row: PlainRow, query: string): Flagged {
  const { value, flag } = row;
  if (value !== null && typeof value !== 'number') throw new TypeError(`${query}: value "${String(value)}" is not a number`);
  if (flag !== null && (typeof flag !== 'string' || !isGssFlag(flag))) throw new TypeError(`${query}: unknown flag "${String(flag)}"`);
  return { value, flag };
}

/** A text column of a plain row, checked. */
export function textField(row: PlainRow, name: string, query: string): string {
  const text = row[name];
  if (typeof text !== 'string') throw new TypeError(`${query}: ${name} "${String(text)}" is not text`);
  return text;
}

/**
 * A published value and its flag from a plain query row, as pages read them: an unknown flag is
 * dropped, and a row with neither a value nor a flag is not available ([x]).
 */
export function rowFlagged(row: PlainRow): Flagged {
  const flag = typeof row.flag === 'string' && isGssFlag(row.flag) ? row.flag : null;
  const value = typeof row.value === 'number' ? row.value : null;
  return { value, flag: value === null && flag === null ? '[x]' : flag };
}
