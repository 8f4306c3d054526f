/**
 * The checks of the site safety net. Each finding names the file, where in it, and the value;
 * an identifier is shown masked as the privacy guard masks it, never in full.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { scanIdentifierValues } from '../pipeline/guard/scanIdentifierValues.ts';
import { maskIdentifier } from '../pipeline/guard/maskIdentifier.ts';
import { identifierWording } from '../pipeline/guard/identifierKinds.ts';
import { TABLE_RELATIONS } from '../pipeline/disclose/relations.ts';
import { SYMBOL_MEANINGS, isGssFlag } from '../../src/lib/format/symbols.ts';
import { GSS, MANIFEST_FILE } from '../../src/lib/outputs/tables.ts';
import type { Cell, SiteContent, TableRecord, TextPiece } from './read-site.ts';
import { ROW_LEVEL_COLUMNS, ROW_LEVEL_TOKENS, rowLevelHeader } from './row-level.ts';

export type FindingKind =
  | 'row-level column'
  | 'identifier'
  | 'board manifest'
  | 'small count'
  | 'rounding'
  | 'hidden value'
  | 'manifest'
  | 'unreadable';

export interface Finding {
  readonly kind: FindingKind;
  readonly file: string;
  readonly where: string;
  /** The value found (masked for an identifier). */
  readonly value: string;
  readonly why: string;
}

/** The disclosure rule a published count must follow, as the release's manifest states it. */
export interface CountRule {
  readonly threshold: number;
  /** Bases a rounded ([rd]) figure may be rounded to. */
  readonly roundingBases: readonly number[];
  /**
   * The council's own areas (the authority and its localities). A row for another area (another
   * authority in the national benchmarks, England) is a figure its publisher released under its
   * own rules; a row with no area is checked.
   */
  readonly ownAreas: ReadonlySet<string>;
}

/** Columns naming the area a row's figures are for. */
const AREA_COLUMNS = ['area_code', 'authority_code'];

// ---------------------------------------------------------------------------------------------
// Row-level columns

const TOKEN_PATTERN = new RegExp(`\\b(?:${ROW_LEVEL_TOKENS.join('|')})\\b`, 'i');

export function rowLevelColumns(content: SiteContent): Finding[] {
  const findings: Finding[] = [];
  for (const header of content.headers) {
    const why = rowLevelHeader(header.text);
    if (why) findings.push({ kind: 'row-level column', file: header.file, where: header.where, value: header.text, why: `${why} in a published table` });
  }
  for (const key of content.keys) {
    if (ROW_LEVEL_COLUMNS.has(key.text.toLowerCase())) {
      findings.push({ kind: 'row-level column', file: key.file, where: key.where, value: key.text, why: 'a row-level column of the extracts as a JSON key' });
    }
  }
  for (const piece of content.texts) {
    const match = TOKEN_PATTERN.exec(piece.text);
    if (match) findings.push({ kind: 'row-level column', file: piece.file, where: piece.where, value: match[0], why: 'the name of a row-level column of the extracts' });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Identifiers: the privacy guard's own patterns and check digits, run in DuckDB as the guard runs them

const TEXT_TABLE = 'site_text';

/** A decimal number has a point no identifier has; its digits after the point are not a phone number. */
const DECIMAL = /^\s*[+-]?\d*\.\d+(?:e[+-]?\d+)?\s*$/i;

/**
 * @param publicEmails addresses the council publishes on purpose (its contact address), which are
 *   not a person's identifier.
 */
export async function identifiers(conn: DuckDBConnection, texts: readonly TextPiece[], publicEmails: readonly string[]): Promise<Finding[]> {
  const allowed = new Set(publicEmails.map((email) => email.toLowerCase()));
  await conn.run(`CREATE OR REPLACE TABLE ${TEXT_TABLE} (__line INTEGER, text VARCHAR)`);
  const appender = await conn.createAppender(TEXT_TABLE);
  texts.forEach((piece, i) => {
    if (piece.code || DECIMAL.test(piece.text)) return;
    appender.appendInteger(i);
    appender.appendVarchar(piece.text);
    appender.endRow();
  });
  appender.closeSync();
  const found = await scanIdentifierValues(conn, TEXT_TABLE, [{ name: 'text', position: 1 }], { examples: 1_000 });
  const findings: Finding[] = [];
  for (const finding of found) {
    for (const example of finding.examples) {
      const piece = texts[example.line];
      if (!piece || (finding.kind === 'email' && allowed.has(example.text.toLowerCase()))) continue;
      findings.push({
        kind: 'identifier',
        file: piece.file,
        where: piece.where,
        value: maskIdentifier(finding.kind, example.text),
        why: identifierWording[finding.kind].one,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Manifests

interface ManifestLike {
  readonly audience?: unknown;
  readonly suppression?: { readonly applied?: unknown; readonly threshold?: unknown; readonly rounding_base?: unknown };
  readonly outputs?: unknown;
}

function isManifestLike(value: unknown): value is ManifestLike {
  return !!value && typeof value === 'object' && !Array.isArray(value) && ('audience' in value || 'suppression' in value);
}

/** Every manifest-like JSON object (top level or nested) in the site. */
function manifests(content: SiteContent): { file: string; manifest: ManifestLike }[] {
  const out: { file: string; manifest: ManifestLike }[] = [];
  const visit = (file: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item) => visit(file, item));
    else if (value && typeof value === 'object') {
      if (isManifestLike(value)) out.push({ file, manifest: value });
      else Object.values(value).forEach((item) => visit(file, item));
    }
  };
  content.json.forEach(({ file, value }) => visit(file, value));
  return out;
}

/** A board release anywhere in a public site: its manifest says so. */
export function boardManifests(content: SiteContent): Finding[] {
  const findings: Finding[] = [];
  for (const { file, manifest } of manifests(content)) {
    if (manifest.audience !== undefined && manifest.audience !== 'public') {
      findings.push({ kind: 'board manifest', file, where: 'audience', value: String(manifest.audience), why: 'a release for another audience than the public' });
    } else if (manifest.suppression && manifest.suppression.applied !== true) {
      findings.push({ kind: 'board manifest', file, where: 'suppression.applied', value: String(manifest.suppression.applied), why: 'a release without disclosure control' });
    }
  }
  return findings;
}

/**
 * The rule published counts follow, from the site's own manifest (data/manifest.json). Bases a
 * rounded figure may use come from the manifest when it records one, else from the disclosure
 * policy the release was designed with.
 */
export function countRule(content: SiteContent, policyBases: readonly number[], ownAreas: ReadonlySet<string>): { rule: CountRule | null; findings: Finding[] } {
  const file = `data/${MANIFEST_FILE}`;
  const found = content.json.find((j) => j.file === file);
  const manifest = found && isManifestLike(found.value) ? found.value : null;
  const threshold = manifest?.suppression?.threshold;
  if (!manifest || typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1) {
    return {
      rule: null,
      findings: [{ kind: 'manifest', file, where: 'suppression.threshold', value: String(threshold ?? 'missing'), why: 'no release manifest stating the suppression threshold, so no count can be checked' }],
    };
  }
  const base = manifest.suppression?.rounding_base;
  const roundingBases = typeof base === 'number' && base >= 2 ? [base] : policyBases;
  return { rule: { threshold, roundingBases, ownAreas }, findings: [] };
}

// ---------------------------------------------------------------------------------------------
// Counts

/** Measures that are not counts: money that follows its count and takes no rule of its own. */
const NOT_COUNTS = new Set(Object.values(TABLE_RELATIONS).flatMap((relations) => relations.links.map((link) => link.follower)));

/** Columns that always hold a count of people or families. */
const COUNT_COLUMNS = ['numerator'];

function asNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(cell)) return Number(cell);
  return null;
}

function flagOf(record: TableRecord): string | null {
  const flag = record.cells.flag;
  return typeof flag === 'string' && flag.trim() !== '' ? flag.trim() : null;
}

export function counts(content: SiteContent, rule: CountRule): Finding[] {
  const findings: Finding[] = [];
  for (const record of content.records) {
    const area = AREA_COLUMNS.map((c) => record.cells[c]).find((v) => typeof v === 'string');
    if (typeof area === 'string' && !rule.ownAreas.has(area)) continue;
    const flag = flagOf(record);
    const measure = record.cells.measure;
    const columns = [...COUNT_COLUMNS.filter((c) => c in record.cells)];
    if (typeof measure === 'string' && !NOT_COUNTS.has(measure) && 'value' in record.cells) columns.push('value');
    for (const column of columns) {
      const value = asNumber(record.cells[column]);
      if (value === null) continue;
      const where = `${record.where}, column ${column}`;
      if (value > 0 && value < rule.threshold) {
        findings.push({ kind: 'small count', file: record.file, where, value: String(value), why: `a count of 1 to ${rule.threshold - 1}, which the rule does not allow (threshold ${rule.threshold})` });
      } else if (column === 'value' && flag === GSS.rd && !rule.roundingBases.some((b) => value % b === 0)) {
        findings.push({ kind: 'rounding', file: record.file, where, value: String(value), why: `marked ${GSS.rd} but not a multiple of ${rule.roundingBases.join(' or ')}` });
      }
    }
    // A symbol that stands in place of a value must not travel with the value it hides.
    if (flag && isGssFlag(flag) && SYMBOL_MEANINGS[flag].replacesValue) {
      const value = asNumber(record.cells.value);
      if (value !== null) findings.push({ kind: 'hidden value', file: record.file, where: `${record.where}, column value`, value: String(value), why: `published beside ${flag}, which replaces it` });
    }
  }
  return findings;
}
