/**
 * The data model behind `barCompare` and its table: one row per area, sorted as drawn.
 */
import { readFlag, readNumber, readOptionalNumber, readText } from './fields.ts';
import type { ChartUnit } from './format.ts';
import type { KeyOf } from './options.ts';

/**
 * Comparisons with a benchmark, as OHID Fingertips words them: better/similar/worse for
 * indicators with a polarity, higher/similar/lower for those with none.
 */
export const COMPARISONS = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const COMPARISON_LABELS: Record<Comparison, string> = {
  better: 'Better',
  similar: 'Similar',
  worse: 'Worse',
  higher: 'Higher',
  lower: 'Lower',
  not_compared: 'Not compared',
};

export interface Reference {
  readonly value: number;
  /** Drawn beside the line, such as "England" or "Target". */
  readonly label: string;
}

export interface BarDataOptions<T> {
  /** Field naming the area. Default "area_code". */
  readonly area?: KeyOf<T>;
  /** Display names by area key; keys without one are shown as they are. */
  readonly areaLabels?: Readonly<Record<string, string>>;
  /** Field holding the value. Default "value". */
  readonly value?: KeyOf<T>;
  /** Fields holding the lower and upper 95% confidence limits, for whiskers. */
  readonly lower?: KeyOf<T>;
  readonly upper?: KeyOf<T>;
  /** Field holding the GSS flag, shown instead of a bar when the value is null. Default "flag" when rows have it. */
  readonly flag?: KeyOf<T> | null;
  /** Field holding a comparison with the benchmark (one of COMPARISONS). */
  readonly comparison?: KeyOf<T>;
  /** Words for comparisons, such as { better: "Better than England" }. */
  readonly comparisonLabels?: Readonly<Partial<Record<Comparison, string>>>;
  /** Bar order. Default "descending" (largest first); missing values always come last. */
  readonly sort?: 'descending' | 'ascending' | 'none';
  /** A benchmark line, such as England or the authority. */
  readonly benchmark?: Reference;
  /** A target line; its label defaults to "Target". */
  readonly target?: number | Reference;
  /** Label for the values (table header), such as "Rate per 10,000 children". Default "Value". */
  readonly valueLabel?: string;
  /** Table header for the area column. Default "Area". */
  readonly areaLabel?: string;
  readonly unit?: ChartUnit;
  readonly decimals?: number;
}

export interface BarRow {
  readonly key: string;
  readonly label: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Shown in place of a missing value: the row's flag, or "[x]" when it has none. */
  readonly symbol: string;
  readonly comparison: Comparison | null;
}

export interface BarModel {
  readonly rows: readonly BarRow[];
  readonly hasInterval: boolean;
  readonly hasComparison: boolean;
  readonly comparisonLabels: Readonly<Record<Comparison, string>>;
  readonly benchmark: Reference | null;
  readonly target: Reference | null;
  readonly unit: ChartUnit;
  readonly decimals: number | undefined;
  readonly valueLabel: string;
  readonly areaLabel: string;
}

export function barModel<T extends object>(data: readonly T[], options: BarDataOptions<T>, chart: string): BarModel {
  const areaKey = options.area ?? 'area_code';
  const valueKey = options.value ?? 'value';
  const flagKey = options.flag === undefined ? 'flag' : (options.flag ?? undefined);
  if ((options.lower === undefined) !== (options.upper === undefined)) {
    throw new Error(`${chart}: give both lower and upper for a confidence interval, or neither`);
  }
  const seen = new Set<string>();
  const rows = data.map((row): BarRow => {
    const key = readText(row, areaKey, chart);
    if (seen.has(key)) throw new Error(`${chart}: two rows for area "${key}"`);
    seen.add(key);
    const value = readNumber(row, valueKey, chart);
    return {
      key,
      label: options.areaLabels?.[key] ?? key,
      value,
      lower: value === null ? null : readOptionalNumber(row, options.lower, chart),
      upper: value === null ? null : readOptionalNumber(row, options.upper, chart),
      symbol: readFlag(row, flagKey, chart) ?? '[x]',
      comparison: options.comparison === undefined ? null : readComparison(row, options.comparison, chart),
    };
  });
  const target = options.target === undefined ? null : typeof options.target === 'number' ? { value: options.target, label: 'Target' } : options.target;
  return {
    rows: sortRows(rows, options.sort ?? 'descending'),
    hasInterval: options.lower !== undefined,
    hasComparison: options.comparison !== undefined,
    comparisonLabels: { ...COMPARISON_LABELS, ...options.comparisonLabels },
    benchmark: options.benchmark ?? null,
    target,
    unit: options.unit ?? 'value',
    decimals: options.decimals,
    valueLabel: options.valueLabel ?? 'Value',
    areaLabel: options.areaLabel ?? 'Area',
  };
}

function readComparison(row: object, key: string, chart: string): Comparison | null {
  const value = (row as Record<string, unknown>)[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && (COMPARISONS as readonly string[]).includes(value)) return value as Comparison;
  throw new Error(`${chart}: field "${key}" must be one of ${COMPARISONS.join(', ')} or null, got ${JSON.stringify(value)}`);
}

/** Sorted by value, ties by label so the order never depends on input order; nulls last. */
function sortRows(rows: BarRow[], sort: 'descending' | 'ascending' | 'none'): BarRow[] {
  if (sort === 'none') return rows;
  const sign = sort === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.label.localeCompare(b.label, 'en-GB') : a.value === null ? 1 : -1;
    return sign * (a.value - b.value) || a.label.localeCompare(b.label, 'en-GB');
  });
}
