/**
 * The privacy guard: refuse an extract that carries a direct identifier, before anything is
 * validated or written. It runs on the raw tables the reader loads (every header column as
 * VARCHAR, unexpected ones included) and looks twice: at column names, and at every value.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../duckdb.ts';
import { PipelineError, type DataIssue } from '../issues.ts';
import { identifierColumnKind } from './identifierColumns.ts';
import { identifierWording } from './identifierKinds.ts';
import { quoteForMessage } from '../read/quoteForMessage.ts';
import type { ReadResult } from '../read/readExtract.ts';
import { maskIdentifier } from './maskIdentifier.ts';
import { scanIdentifierValues, type IdentifierFinding, type ScannedColumn } from './scanIdentifierValues.ts';

export interface GuardTarget {
  /** Raw table in DuckDB, e.g. "raw_families". */
  readonly table: string;
  /** File name for messages, e.g. "families.csv". */
  readonly file: string;
  /** Header names in file order (trimmed and lower-cased, as in the table). */
  readonly columns: readonly string[];
  /** Line the header is on; column-name issues point at it. */
  readonly headerLine?: number;
  /**
   * The header's names as written (trimmed, lower-cased), duplicates and empty ones included;
   * `columns` by default. Searched for identifiers like a row of values: a file exported
   * without its header line has its first record there, and every header message quotes it.
   */
  readonly headerNames?: readonly string[];
  /** Source line number column the reader adds. */
  readonly lineColumn?: string;
  /**
   * The reader's clean pass tested every row with the scan's own first pass and none matched, so
   * the value scan could find nothing (names are still checked).
   */
  readonly valuesCleared?: boolean;
}

/** What the guard looks at in each extract read: every file with a header. */
export function guardTargets(reads: readonly ReadResult[]): GuardTarget[] {
  return reads
    .filter((r) => r.columns.length > 0 || r.header.length > 0)
    .map((r) => ({ table: r.table, file: r.file, columns: [...r.columns], headerLine: r.headerLine, headerNames: [...r.header], valuesCleared: r.clean === true }));
}

const anonymisedOnly = 'the project accepts only anonymised extracts.';

function columnIssue(target: GuardTarget, column: ScannedColumn): DataIssue | null {
  const kind = identifierColumnKind(column.name);
  if (!kind) return null;
  return {
    file: target.file,
    line: target.headerLine ?? 1,
    column: column.position,
    column_name: column.name,
    code: 'direct_identifier_column',
    severity: 'error',
    message: `Column ${quoteForMessage(column.name)} looks like it holds ${identifierWording[kind].many}, a direct identifier.`,
    fix: `Remove the column ${quoteForMessage(column.name)} from the extract before it leaves the case-management system; ${anonymisedOnly}`,
  };
}

/** `hiddenNames`: positions of columns whose name is itself an identifier, named by number instead. */
function valueIssues(target: GuardTarget, finding: IdentifierFinding, hiddenNames: ReadonlySet<number>): DataIssue[] {
  const wording = identifierWording[finding.kind];
  const shape = wording.shape ? ` (${wording.shape})` : '';
  const hidden = hiddenNames.has(finding.column.position);
  const name = hidden ? null : finding.column.name;
  const quoted = name === null ? `${finding.column.position}` : quoteForMessage(name);
  const count = finding.total.toLocaleString('en-GB');
  const extent =
    finding.total > finding.examples.length
      ? `Column ${quoted} has ${count} values like this; the first ${finding.examples.length} are reported.`
      : `Column ${quoted} has ${count} ${finding.total === 1 ? 'value' : 'values'} like this.`;
  return finding.examples.map((example) => ({
    file: target.file,
    line: example.line,
    column: finding.column.position,
    column_name: name,
    code: 'direct_identifier_value',
    severity: 'error',
    message: `Value looks like ${wording.one}${shape}: ${maskIdentifier(finding.kind, example.text)}. ${extent}`,
    fix: `Remove the ${wording.many} from column ${quoted} (or drop the column) before the extract leaves the case-management system; ${anonymisedOnly}`,
  }));
}

function headerValueIssue(target: GuardTarget, finding: IdentifierFinding): DataIssue {
  const wording = identifierWording[finding.kind];
  const shape = wording.shape ? ` (${wording.shape})` : '';
  const line = target.headerLine ?? 1;
  return {
    file: target.file,
    line,
    column: finding.column.position,
    // The name is the identifier: it is neither quoted nor kept as the column's name.
    column_name: null,
    code: 'direct_identifier_header',
    severity: 'error',
    message: `The name of column ${finding.column.position} in the header looks like ${wording.one}${shape}: ${maskIdentifier(finding.kind, finding.examples[0]?.text ?? '')}. A header holding data usually means the file was exported without its header line.`,
    fix: `Make line ${line} the header (the column names in data/DATA-DICTIONARY.md) and remove the ${wording.many} from the extract before it leaves the case-management system; ${anonymisedOnly}`,
  };
}

/** The header's names searched as one row of values, with the value scan itself. */
async function scanHeaderNames(conn: DuckDBConnection, target: GuardTarget): Promise<IdentifierFinding[]> {
  const names = target.headerNames ?? target.columns;
  if (names.length === 0) return [];
  const table = '__guard_header';
  const cells = names.map((name, i) => `${literal(name)} AS ${ident(`c${i + 1}`)}`);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${target.headerLine ?? 1} AS __line, ${cells.join(', ')}`);
  try {
    return await scanIdentifierValues(conn, table, names.map((_, i) => ({ name: `c${i + 1}`, position: i + 1 })), { lineColumn: '__line', examples: 1 });
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

async function tableColumns(conn: DuckDBConnection, table: string): Promise<Set<string>> {
  const reader = await conn.runAndReadAll(`SELECT column_name FROM (DESCRIBE ${ident(table)})`);
  return new Set(reader.getRowsJS().map((row) => String(row[0])));
}

/** Issues for every direct identifier in one raw extract table; empty when it is clean. */
export async function guardExtract(conn: DuckDBConnection, target: GuardTarget): Promise<DataIssue[]> {
  const lineColumn = target.lineColumn ?? '__line';
  const present = target.valuesCleared ? new Set<string>() : await tableColumns(conn, target.table);
  const seen = new Set<string>();
  const columns: ScannedColumn[] = [];
  target.columns.forEach((name, index) => {
    if (name === lineColumn || seen.has(name)) return;
    seen.add(name);
    columns.push({ name, position: index + 1 });
  });

  const headerIssues = (await scanHeaderNames(conn, target)).map((finding) => headerValueIssue(target, finding));
  // A name that is an identifier is reported masked, once, and never quoted by the name check.
  const identifierNames = new Set(headerIssues.map((issue) => issue.column));
  const namedIssues = columns
    .filter((column) => !identifierNames.has(column.position))
    .map((column) => columnIssue(target, column))
    .filter((issue) => issue !== null);
  // A column refused by its name is refused whole; scanning its values would only repeat that.
  const refused = new Set(namedIssues.map((issue) => issue.column));
  const scanned = columns.filter((column) => !refused.has(column.position) && present.has(column.name));
  const findings = target.valuesCleared ? [] : await scanIdentifierValues(conn, target.table, scanned, { lineColumn });
  return [...headerIssues, ...namedIssues, ...findings.flatMap((finding) => valueIssues(target, finding, identifierNames))];
}

/** The guard over several extracts, in the order given. */
export async function guardExtracts(conn: DuckDBConnection, targets: readonly GuardTarget[]): Promise<DataIssue[]> {
  const issues: DataIssue[] = [];
  for (const target of targets) issues.push(...(await guardExtract(conn, target)));
  return issues;
}

/** Stop the run when any extract carries a direct identifier. */
export async function refuseDirectIdentifiers(conn: DuckDBConnection, targets: readonly GuardTarget[]): Promise<void> {
  const issues = await guardExtracts(conn, targets);
  if (issues.length === 0) return;
  const files = [...new Set(issues.map((issue) => issue.file))].join(', ');
  const count = `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}`;
  throw new PipelineError(`Refused: direct identifiers found in ${files} (${count}); nothing was written.`, issues);
}
