/**
 * What a row-level column looks like, derived from the extract contract rather than listed here:
 * every column of an extract that holds one row per family or claim (those that carry the
 * pseudonymous family reference) that describes that one family or claim (a reference, a date,
 * a number, free text) and that no published table also has. Category columns (a locality, a
 * criterion, a claim type, a quarter) are what aggregates are counted by, so they are not.
 * Identifier kinds the privacy guard knows by name (date_of_birth, nhs_number...) are row-level
 * wherever they appear.
 */
import { extracts, type ColumnSpec, type ColumnType } from '../pipeline/contract/extracts.ts';
import { identifierColumnKind } from '../pipeline/guard/identifierColumns.ts';
import { identifierWording } from '../pipeline/guard/identifierKinds.ts';
import { COUNT_COLUMNS, INDICATOR_COLUMNS, PERIOD_COLUMNS } from '../../src/lib/outputs/tables.ts';

const PUBLISHED_COLUMNS = new Set<string>([...COUNT_COLUMNS, ...INDICATOR_COLUMNS, ...PERIOD_COLUMNS].map(([name]) => name));

/** An extract is row-level when its rows belong to a family: it carries family_ref. */
const ROW_LEVEL_EXTRACTS = extracts.filter((spec) => spec.columns.some((column) => column.name === 'family_ref'));

const CATEGORY_TYPES = new Set<ColumnType>(['code', 'code_list', 'financial_year', 'period']);

/** A family reference is typed as a code in the files that point at families.csv, but is still one family's. */
const describesOneRow = (column: ColumnSpec) => !CATEGORY_TYPES.has(column.type) || column.reference === 'families';

/** Column names of the row-level extracts and the guard's identifier kinds, never published. */
export const ROW_LEVEL_COLUMNS: ReadonlySet<string> = new Set(
  [
    ...ROW_LEVEL_EXTRACTS.flatMap((spec) => spec.columns.filter(describesOneRow).map((column) => column.name)),
    // "name" alone is every JSON schema's key; a person's name is caught by header (below).
    ...Object.keys(identifierWording).filter((kind) => kind !== 'name'),
  ].filter((name) => !PUBLISHED_COLUMNS.has(name)),
);

/**
 * Names distinctive enough to look for in free text (pages, scripts, PDF text): those with an
 * underscore, the shape of a column name. "adults" or "children" are ordinary words in prose.
 */
export const ROW_LEVEL_TOKENS: readonly string[] = [...ROW_LEVEL_COLUMNS].filter((name) => name.includes('_')).sort();

/**
 * Why a column header of a published table is row-level, or null. A table's header is checked
 * against the guard's column rules too, so "surname" or "Home address" is caught though no
 * extract has it.
 */
export function rowLevelHeader(header: string): string | null {
  const name = header.trim();
  if (ROW_LEVEL_COLUMNS.has(name.toLowerCase())) return 'a row-level column of the extracts';
  const kind = identifierColumnKind(name);
  return kind ? `a column of ${identifierWording[kind].many}` : null;
}
