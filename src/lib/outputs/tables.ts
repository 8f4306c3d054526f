/**
 * The published data: Parquet files the pipeline writes to `public/data/` and the site reads,
 * at build time with native DuckDB and in the browser with hyparquet + DuckDB-WASM.
 * Every table is long ("tidy"): one measured value per row with its GSS flag, so disclosure
 * control and charts treat every table the same way.
 */

/** GSS symbols used in the `flag` column; null means a published value. */
export const GSS = {
  c: '[c]', // confidential: suppressed for disclosure control
  x: '[x]', // not available
  z: '[z]', // not applicable
  low: '[low]',
  rd: '[rd]', // rounded to a base (see the methodology) so it cannot give a hidden figure away
  p: '[p]',
  r: '[r]',
  e: '[e]',
  b: '[b]',
  u: '[u]',
} as const;
export type GssFlag = (typeof GSS)[keyof typeof GSS];

export const AREA_TYPES = ['locality', 'authority', 'comparator'] as const;
export type AreaType = (typeof AREA_TYPES)[number];

export type Audience = 'public' | 'board';

/**
 * The measures each count table publishes: the one declaration of their names (the aggregation
 * tests check the pipeline writes exactly these; code naming a measure is typed against them).
 * `programme`: families_identified, families_attached, families_closed: flows in the quarter;
 *   families_open: stock at the quarter's end; families_attached_cumulative: attached to date.
 * `criteria`: families_attached by criterion (a family counts once per criterion met).
 * `outcomes`: outcomes_achieved and outcomes_sustained in the quarter, by outcome measure.
 * `claims`: claims (count) and claim_amount_gbp in the quarter, by claim type.
 */
export const COUNT_MEASURES = {
  programme: ['families_identified', 'families_attached', 'families_closed', 'families_open', 'families_attached_cumulative'],
  criteria: ['families_attached'],
  outcomes: ['outcomes_achieved', 'outcomes_sustained'],
  claims: ['claims', 'claim_amount_gbp'],
} as const;
export type CountTable = keyof typeof COUNT_MEASURES;
export type CountMeasure = (typeof COUNT_MEASURES)[CountTable][number];

/**
 * Output files. `periods` holds the flows of the four count tables over longer periods (each
 * financial year, the financial year to date, the last four quarters, the programme to date),
 * where the public release can show a figure that its quarters cannot.
 */
export const OUTPUT_TABLES = {
  programme: { file: 'programme.parquet', kind: 'count' },
  criteria: { file: 'criteria.parquet', kind: 'count' },
  outcomes: { file: 'outcomes.parquet', kind: 'count' },
  claims: { file: 'claims.parquet', kind: 'count' },
  indicators: { file: 'indicators.parquet', kind: 'indicator' },
  periods: { file: 'periods.parquet', kind: 'period' },
  cohort: { file: 'cohort.parquet', kind: 'cohort' },
} as const;
export type OutputTable = keyof typeof OUTPUT_TABLES;

export const MANIFEST_FILE = 'manifest.json';
export const QUALITY_REPORT_FILES = { json: 'data-quality.json', text: 'data-quality.md' } as const;
export const SCHEMA_VERSION = 1;

export interface ManifestSource {
  file: string;
  sha256: string;
  rows_in: number;
  rows_accepted: number;
  rows_rejected: number;
}

export interface ManifestAudit {
  passed: boolean;
  /** How intervals were proved. */
  method: string;
  hidden_counts_audited: number;
  /** Width of the narrowest interval a reader can prove for a hidden count. */
  narrowest_interval: number | null;
  rounds: number;
  /** Why the cohort table is [x] throughout, when the audit could not show it safe within its effort. */
  cohort_withheld?: string;
}

export interface UtilityShare {
  table: string;
  area_type: string;
  period_type: string;
  /** Figures the board release has (not [x]). */
  figures: number;
  /** Of those, shown with a number (exact or rounded) in this release. */
  shown: number;
  share: number;
}

export interface ManifestOutput {
  file: string;
  rows: number;
  sha256: string;
}

export interface Manifest {
  schema_version: number;
  audience: Audience;
  /** ISO date the data was released: SOURCE_DATE_EPOCH or the latest date in the extracts. */
  released: string;
  extract_period: { first_quarter: string; last_quarter: string };
  suppression: {
    applied: boolean;
    threshold: number;
    rounding_base: number | null;
    rule: string;
    /** The whole-release audit's verdict (public audience only). */
    audit: ManifestAudit | null;
    /** Share of the board's figures the release shows, by table, area level and granularity. */
    utility: UtilityShare[];
  };
  sources: ManifestSource[];
  outputs: ManifestOutput[];
}

/**
 * Each published table's columns, in file order, with their DuckDB types: the one declaration the
 * writer, both readers, the CSV downloads and the data dictionary derive from. The row types
 * below are derived from these, so a column is added or renamed here and nowhere else.
 */
export const COUNT_COLUMNS = [
  ['quarter', 'VARCHAR'], // "2013-14 Q2"
  ['quarter_start', 'DATE'], // the quarter's first day
  ['area_code', 'VARCHAR'],
  ['area_type', 'VARCHAR'],
  ['measure', 'VARCHAR'],
  ['breakdown', 'VARCHAR'], // within the measure (a criterion, claim type or outcome); "all" when none
  ['value', 'DOUBLE'],
  ['flag', 'VARCHAR'],
] as const;

export const INDICATOR_COLUMNS = [
  ['indicator_code', 'VARCHAR'],
  ['area_code', 'VARCHAR'],
  ['area_type', 'VARCHAR'],
  ['period', 'VARCHAR'], // "2013-14 Q2" or "2013-14"
  ['period_start', 'DATE'],
  ['numerator', 'DOUBLE'],
  ['denominator', 'DOUBLE'],
  ['value', 'DOUBLE'],
  ['ci_lower', 'DOUBLE'],
  ['ci_upper', 'DOUBLE'],
  ['target', 'DOUBLE'],
  ['target_status', 'VARCHAR'], // "met" | "not_met" | "no_target" | "no_judgement" against the year's target
  ['flag', 'VARCHAR'],
] as const;

/** A count over a period longer than a quarter (periods.parquet). */
export const PERIOD_COLUMNS = [
  ['table', 'VARCHAR'], // the count table the measure comes from
  ['measure', 'VARCHAR'],
  ['breakdown', 'VARCHAR'],
  ['area_code', 'VARCHAR'],
  ['area_type', 'VARCHAR'],
  ['period_type', 'VARCHAR'], // quarter | financial_year | financial_year_to_date | rolling_year | programme_to_date
  ['period', 'VARCHAR'],
  ['period_start', 'DATE'],
  ['period_end', 'DATE'],
  ['value', 'DOUBLE'],
  ['flag', 'VARCHAR'],
] as const;

/**
 * The cohort funnel (cohort.parquet): families by the cohort year whose target they count
 * towards, as at the end of the extract period; cohort_year "all" is every cohort together.
 * Measures in COHORT_MEASURES; breakdown "all", or a time-to-claim bin for families_claimed.
 */
export const COHORT_COLUMNS = [
  ['cohort_year', 'VARCHAR'], // "2013-14", or "all"
  ['area_code', 'VARCHAR'],
  ['area_type', 'VARCHAR'],
  ['measure', 'VARCHAR'],
  ['breakdown', 'VARCHAR'], // "all", or months from attachment to the claim ("months_0_3" … "months_24_plus")
  ['value', 'DOUBLE'],
  ['flag', 'VARCHAR'],
] as const;

/**
 * The funnel's stages in order: identified, attached, achieved and sustained each count families
 * of the stage before; families_claimed counts a family once in each claim window it made a
 * results claim in (so it can exceed those sustained). Then the families with an outcome coming
 * due for a claim in the quarter after the extract period (a count, never who).
 */
export const COHORT_MEASURES = ['families_identified', 'families_attached', 'families_achieved', 'families_sustained', 'families_claimed', 'families_due_next_quarter'] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

/** The value a column of each DuckDB type holds in a row: dates as ISO text, numbers nullable. */
export interface ColumnValue {
  VARCHAR: string;
  DATE: string;
  DOUBLE: number | null;
}
export type ColumnType = keyof ColumnValue;
export type ColumnTable = ReadonlyArray<readonly [name: string, type: ColumnType]>;

/** Columns every table types more tightly than their DuckDB type says. */
interface NarrowColumns {
  area_type: AreaType;
  flag: GssFlag | null;
}

/** A row of the table `C` declares. */
export type RowOf<C extends ColumnTable> = {
  [Column in C[number] as Column[0]]: Column[0] extends keyof NarrowColumns ? NarrowColumns[Column[0]] : ColumnValue[Column[1]];
};

/** Columns shared by every count table (programme, criteria, outcomes, claims). */
export type CountRow = RowOf<typeof COUNT_COLUMNS>;
export type IndicatorRow = RowOf<typeof INDICATOR_COLUMNS>;
export type PeriodRow = RowOf<typeof PERIOD_COLUMNS>;
export type CohortRow = RowOf<typeof COHORT_COLUMNS>;

/** The names of a column table, in file order. */
export function columnNames<C extends ColumnTable>(columns: C): C[number][0][] {
  return columns.map(([name]) => name);
}

/** Sort keys: the files are sorted so readers can prune row groups and builds are reproducible. */
export const COUNT_SORT = ['measure', 'breakdown', 'quarter_start', 'area_type', 'area_code'] as const;
export const INDICATOR_SORT = ['indicator_code', 'area_type', 'area_code', 'period_start'] as const;
export const PERIOD_SORT = ['table', 'measure', 'breakdown', 'period_type', 'period_start', 'area_type', 'area_code'] as const;
export const COHORT_SORT = ['measure', 'breakdown', 'cohort_year', 'area_type', 'area_code'] as const;
