/**
 * The Frictionless Data Package (v2) describing the open data: one resource for each published
 * Parquet file and one for its CSV, each with a Table Schema derived from the declared columns in
 * tables.ts, so the description cannot drift from the files. Words (titles, column meanings)
 * are passed in by the open-data page, which owns them.
 */
import { SYMBOL_MEANINGS } from '../format/symbols.ts';
import { tableColumns, tableKey } from './table-layout.ts';
import { OUTPUT_TABLES, type Manifest, type OutputTable } from './tables.ts';

export const DATAPACKAGE_FILE = 'datapackage.json';
export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const TABLESCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
export const OGL = {
  name: 'OGL-UK-3.0',
  title: 'Open Government Licence v3.0',
  path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
} as const;

/** Table Schema types of the DuckDB types the pipeline writes. */
const FIELD_TYPES: Readonly<Record<string, string>> = {
  VARCHAR: 'string',
  DATE: 'date',
  DOUBLE: 'number',
  INTEGER: 'integer',
  BIGINT: 'integer',
  BOOLEAN: 'boolean',
};

/** Figures a GSS symbol can stand in for (in CSV the symbol is written in their place). */
const FIGURE_COLUMNS = new Set(['value', 'numerator', 'denominator', 'ci_lower', 'ci_upper']);
const REPLACING_SYMBOLS = Object.entries(SYMBOL_MEANINGS)
  .filter(([, meaning]) => meaning.replacesValue)
  .map(([symbol]) => symbol);

export interface TableField {
  name: string;
  type: string;
  description: string;
  missingValues?: string[];
  constraints?: { enum?: string[] };
}

export interface TableSchema {
  $schema: string;
  fields: TableField[];
  missingValues: string[];
  primaryKey: string[];
}

export interface DataResource {
  name: string;
  type: 'table';
  path: string;
  format: 'csv' | 'parquet';
  mediatype: string;
  encoding?: 'utf-8';
  title: string;
  description: string;
  bytes?: number;
  hash?: string;
  schema: TableSchema;
}

export interface DataPackage {
  $schema: string;
  name: string;
  title: string;
  description: string;
  created: string;
  licenses: { name: string; title: string; path: string }[];
  resources: DataResource[];
}

export interface DataPackageWords {
  title: string;
  description: string;
  tableTitles: Readonly<Record<OutputTable, string>>;
  tableDescriptions: Readonly<Record<OutputTable, string>>;
  columnDescriptions: Readonly<Record<string, string>>;
}

export function tableSchema(table: OutputTable, columnDescriptions: Readonly<Record<string, string>>): TableSchema {
  const fields = tableColumns(table).map(([name, duckType]): TableField => {
    const type = FIELD_TYPES[duckType];
    if (!type) throw new Error(`tables.ts: column ${table}.${name} has type ${duckType}, which has no Table Schema type here.`);
    const field: TableField = { name, type, description: columnDescriptions[name] ?? '' };
    // A figure's cell may hold the symbol that replaces it; blank means not applicable to the row.
    if (FIGURE_COLUMNS.has(name)) field.missingValues = ['', ...REPLACING_SYMBOLS];
    if (name === 'flag') field.constraints = { enum: Object.keys(SYMBOL_MEANINGS) };
    return field;
  });
  return { $schema: TABLESCHEMA_PROFILE, fields, missingValues: [''], primaryKey: [...tableKey(table)] };
}

/** The package for a release: its Parquet files as listed in the manifest, and a CSV of each. */
export function dataPackage(manifest: Manifest, words: DataPackageWords, bytesOf: (file: string) => number): DataPackage {
  const resources: DataResource[] = [];
  for (const output of manifest.outputs) {
    const table = (Object.keys(OUTPUT_TABLES) as OutputTable[]).find((t) => OUTPUT_TABLES[t].file === output.file);
    if (!table) continue;
    const schema = tableSchema(table, words.columnDescriptions);
    const common = { type: 'table' as const, title: words.tableTitles[table], description: words.tableDescriptions[table], schema };
    resources.push({
      name: `${table}-parquet`,
      path: output.file,
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      bytes: bytesOf(output.file),
      hash: `sha256:${output.sha256}`,
      ...common,
    });
    resources.push({ name: `${table}-csv`, path: `${table}.csv`, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', ...common });
  }
  return {
    $schema: DATAPACKAGE_PROFILE,
    name: 'think-family-outcomes',
    title: words.title,
    description: words.description,
    created: `${manifest.released.slice(0, 10)}T00:00:00Z`,
    licenses: [{ ...OGL }],
    resources,
  };
}
