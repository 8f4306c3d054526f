/**
 * Matches an extract's header to its contract: names are trimmed and lower-cased, order does not
 * matter, optional columns may be absent. Every column in the header is kept for the raw table
 * (the privacy guard must see unexpected ones too); a name that cannot be a table column as it is
 * (empty, repeated, reserved) gets a positional name such as "column_7".
 */
import type { ExtractSpec } from '../contract/extracts.ts';
import type { IssueLog } from './issueLog.ts';
import { quoteForMessage } from './quoteForMessage.ts';

export const LINE_COLUMN = '__line';

/**
 * Names a raw table column cannot take as written: the reader's own line column, and DuckDB's
 * rowid pseudo-column, which a real column of that name would hide from the line numbering.
 */
const RESERVED_NAMES = new Set([LINE_COLUMN, 'rowid']);

export interface HeaderMatch {
  /** Header names as written, trimmed and lower-cased, in file order. */
  readonly header: readonly string[];
  /** Column names in the raw table, in file order. */
  readonly columns: readonly string[];
  readonly missingRequired: readonly string[];
  readonly missingOptional: readonly string[];
  /** False when no row can be accepted: a required column is missing or a name repeats. */
  readonly usable: boolean;
}

export function matchHeader(spec: ExtractSpec, fields: readonly string[], line: number, log: IssueLog): HeaderMatch {
  const header = fields.map((f) => f.trim().toLowerCase());
  const expected = spec.columns.map((c) => c.name);
  const expectedList = describeExpected(spec);
  const present = new Set(header);
  const missing = spec.columns.filter((c) => !present.has(c.name));
  const missingNames = new Set(missing.map((c) => c.name));
  const columns: string[] = [];
  const used = new Set<string>();
  let usable = true;
  // A positional name must not be the name of another column of the header ("column_2,,x").
  const taken = new Set(header);
  const positionalName = (position: number): string => {
    let candidate = `column_${position}`;
    while (taken.has(candidate)) candidate = `_${candidate}`;
    taken.add(candidate);
    return candidate;
  };

  header.forEach((name, i) => {
    const position = i + 1;
    const quoted = quoteForMessage(name);
    if (name === '') {
      log.add({
        file: spec.file, line, column: position, column_name: null, code: 'unnamed_column', severity: 'warning',
        message: `Column ${position} has no name in the header; its values are ignored.`,
        fix: 'Delete the empty column (Excel often leaves one after the last column), or give it one of the expected names.',
      });
      columns.push(positionalName(position));
      return;
    }
    if (used.has(name)) {
      usable = false;
      log.add({
        file: spec.file, line, column: position, column_name: name, code: 'duplicate_column', severity: 'error',
        message: `Column ${position} ${quoted} repeats column ${header.indexOf(name) + 1}.`,
        fix: `Keep one ${quoted} column and delete or rename the other.`,
      });
      columns.push(positionalName(position));
      return;
    }
    used.add(name);
    if (!expected.includes(name)) {
      const guess = closest(name, expected);
      // An unexpected column is an error, not a note: the contract is the list of what may leave
      // the case-management system, and a column outside it may carry personal data the privacy
      // guard has no pattern for. A near miss for a missing column is almost certainly a typo.
      const typo = guess !== null && missingNames.has(guess);
      log.add({
        file: spec.file, line, column: position, column_name: name, code: 'unknown_column', severity: 'error',
        message: typo
          ? `Column ${position} ${quoted} is not an expected column; it looks like a misspelling of "${guess}", which is missing.`
          : `Column ${position} ${quoted} is not in the contract for ${spec.file}.`,
        fix: typo
          ? `Rename the column to "${guess}". ${expectedList}`
          : `${guess ? `If you meant "${guess}", rename it; otherwise remove the column from the extract. ` : 'Remove the column from the extract. '}${expectedList}`,
      });
    }
    columns.push(RESERVED_NAMES.has(name) ? positionalName(position) : name);
  });

  const missingRequired = missing.filter((c) => c.required).map((c) => c.name);
  for (const name of missingRequired) {
    usable = false;
    const candidate = header.find((h) => !expected.includes(h) && closest(h, expected) === name);
    log.add({
      file: spec.file, line, column: 0, column_name: name, code: 'missing_column', severity: 'error',
      message: `The header has no "${name}" column, which is required.${candidate ? ` Column ${quoteForMessage(candidate)} may be meant as "${name}".` : ''}`,
      fix: `Add the "${name}" column. ${expectedList}`,
    });
  }
  return { header, columns, missingRequired, missingOptional: missing.filter((c) => !c.required).map((c) => c.name), usable };
}

function describeExpected(spec: ExtractSpec): string {
  const required = spec.columns.filter((c) => c.required).map((c) => c.name);
  const optional = spec.columns.filter((c) => !c.required).map((c) => c.name);
  return `Expected columns: ${required.join(', ')}${optional.length ? `; optional: ${optional.join(', ')}` : ''} (see data/DATA-DICTIONARY.md).`;
}

/**
 * The candidate nearest to `name` by edit distance, if it is near enough to be a plausible typo.
 * The cost is linear in the length of `name`: the full edit distance is only computed for names
 * within a typo's reach of a candidate's length, which the candidates (short column names) bound.
 */
export function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const typo = Math.max(2, Math.floor(candidate.length / 3));
    const lengthGap = Math.abs(name.length - candidate.length);
    // Dropping a part ("locality" for "locality_code", "agency" for "lead_agency") is a common
    // near miss as well. When one name starts or ends with the other, the distance is exactly
    // the difference in length.
    const prefix =
      Math.min(name.length, candidate.length) >= 4 &&
      (candidate.startsWith(name) || name.startsWith(candidate) || candidate.endsWith(name) || name.endsWith(candidate));
    // The distance is at least the difference in length, so a name that much longer or shorter
    // cannot be a typo and is not compared character by character.
    const d = prefix ? lengthGap : lengthGap > typo ? Number.POSITIVE_INFINITY : editDistance(name, candidate);
    const plausible = d <= typo || prefix;
    if (plausible && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
