/**
 * The shapes of direct identifiers in values, as RE2 regular expressions for DuckDB.
 * Each pattern is a word-bounded search, so an identifier is found inside free text as well as
 * alone in a cell. Where the identifier carries a check digit (NHS number, UPN) a candidate
 * counts only when the check holds: a ten-digit count or a reference that merely has the
 * shape is not refused.
 */
import { literal } from '../duckdb.ts';
import type { ValueIdentifierKind } from './identifierKinds.ts';

export interface ValuePattern {
  readonly kind: ValueIdentifierKind;
  /** RE2 syntax, matched case-insensitively. */
  readonly regex: string;
  /** SQL lambda from one match to the identifier as checked and reported. */
  readonly normalise?: string;
  /** SQL lambda over the normalised match: true when the check digit or letter holds. */
  readonly verify?: string;
}

// NHS number: weights 10..2 over the first nine digits; 11 - (sum mod 11) is the check digit,
// 11 means 0 and 10 means the number cannot be issued.
const nhsValid =
  'lambda d: (11 - list_sum(list_transform(range(9), lambda i: (10 - i) * (ascii(d[i + 1]) - 48)))::INTEGER % 11) % 11 = ascii(d[10]) - 48';

// UPN (DfE): weights 2..13 over the twelve digits; the sum mod 23 indexes a letter list without I, O and S.
const upnValid =
  "lambda u: substr('ABCDEFGHJKLMNPQRTUVWXYZ', 1 + list_sum(list_transform(range(12), lambda i: (i + 2) * (ascii(u[i + 2]) - 48)))::INTEGER % 23, 1) = u[1]";

/**
 * HMRC National Insurance prefixes: neither letter is D, F, I, Q, U or V, the second is not O,
 * and BG, GB, KN, NK, NT, TN and ZZ are never issued. RE2 has no look-ahead, so the allowed
 * pairs are spelled out as one character class per first letter.
 */
function nationalInsurancePrefix(): string {
  const first = 'ABCEGHJKLMNOPRSTWXYZ';
  const second = 'ABCEGHJKLMNPRSTWXYZ';
  const never = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
  const byClass = new Map<string, string>();
  for (const a of first) {
    const allowed = [...second].filter((b) => !never.has(a + b)).join('');
    byClass.set(allowed, (byClass.get(allowed) ?? '') + a);
  }
  const alternatives = [...byClass].map(([seconds, firsts]) => `[${firsts}][${seconds}]`);
  return `(?:${alternatives.join('|')})`;
}

// Royal Mail postcode format: outward code (area letters, district digit(s), optional letter)
// and inward code (sector digit, unit letters without C, I, K, M, O, V); GIR 0AA is the one exception.
const postcodeRegex =
  String.raw`\b(?:(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])\s?[0-9][ABD-HJLNP-UW-Z]{2}|GIR\s?0AA)\b`;

export const valuePatterns: readonly ValuePattern[] = [
  {
    kind: 'nhs_number',
    regex: String.raw`\b\d{3}[ -]?\d{3}[ -]?\d{4}\b`,
    normalise: "lambda m: regexp_replace(m, '[^0-9]', '', 'g')",
    verify: nhsValid,
  },
  {
    kind: 'ni_number',
    regex: String.raw`\b${nationalInsurancePrefix()}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b`,
  },
  {
    kind: 'upn',
    regex: String.raw`\b[A-HJ-NP-RT-Z]\d{12}\b`,
    normalise: 'lambda m: upper(m)',
    verify: upnValid,
  },
  {
    kind: 'email',
    regex: String.raw`[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}`,
  },
  {
    // +44 (optionally "(0)") or a leading 0, then 9 or 10 digits split by single spaces, dashes
    // or a closing bracket after the area code: "07700 900123", "+44 (0)20 7946 0000", "(01632) 960001".
    kind: 'phone',
    regex: String.raw`(?:(?:\+|\b00\s?)44\s?(?:\(0\)\s?)?|\b0|\(0)\d(?:(?:[ -]|\)\s?)?\d){8,9}\b`,
  },
  { kind: 'postcode', regex: postcodeRegex },
];

/**
 * Every value shape as one JavaScript regex, without the check digits: for short texts outside
 * the extracts (a file name, the published revision reason), where masking or refusing a
 * look-alike costs nothing. The patterns use only syntax RE2 and JavaScript read alike.
 */
export function identifierShapeRegex(flags = 'i'): RegExp {
  return new RegExp(valuePatterns.map((pattern) => pattern.regex).join('|'), flags);
}

const caseInsensitive = (regex: string) => `(?i)${regex}`;

/** One regex for all patterns: the cheap first pass that every cell goes through. */
export function anyIdentifierRegexSql(): string {
  return literal(caseInsensitive(valuePatterns.map((pattern) => pattern.regex).join('|')));
}

/** SQL for the first real identifier of this kind in `value` (a VARCHAR expression), or NULL. */
export function identifierMatchSql(pattern: ValuePattern, value: string): string {
  const regex = literal(caseInsensitive(pattern.regex));
  if (!pattern.verify) return `nullif(regexp_extract(${value}, ${regex}), '')`;
  const matches = `regexp_extract_all(${value}, ${regex})`;
  const normalised = pattern.normalise ? `list_transform(${matches}, ${pattern.normalise})` : matches;
  return `list_filter(${normalised}, ${pattern.verify})[1]`;
}
