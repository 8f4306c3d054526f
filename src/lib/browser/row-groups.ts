/**
 * Row-group statistics and pruning. A Parquet footer records, for every row group and column,
 * the minimum, maximum and null count; reading those first lets a page fetch only the row groups
 * a view needs (one quarter, one locality) out of a large file.
 */
import type { FileMetaData, Statistics } from 'hyparquet';

/** A decoded statistic: string, number, bigint (INT64), boolean, Date (DATE/TIMESTAMP) or bytes. */
export type StatValue = NonNullable<Statistics['min_value']>;

export interface ColumnStats {
  /** Smallest value, decoded (strings as text, dates as Date, INT64 as bigint); absent if unknown. */
  readonly min?: StatValue;
  readonly max?: StatValue;
  readonly nullCount?: number;
}

export interface RowGroupStats {
  /** Position of the row group in the file. */
  readonly index: number;
  /** Index of the group's first row in the whole file. */
  readonly firstRow: number;
  readonly numRows: number;
  /** Keyed by top-level column name; a column without statistics has an empty entry. */
  readonly columns: Readonly<Record<string, ColumnStats>>;
}

/** Decide whether a row group may hold wanted rows. Return true when unsure: false skips it. */
export type RowGroupFilter = (group: RowGroupStats) => boolean;

export function rowGroupStats(metadata: FileMetaData): RowGroupStats[] {
  let firstRow = 0;
  return metadata.row_groups.map((group, index) => {
    const columns: Record<string, ColumnStats> = {};
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      // Nested columns have several leaves under one name; their min/max mean little for pruning.
      if (!meta || meta.path_in_schema.length !== 1) continue;
      const [name] = meta.path_in_schema;
      if (name !== undefined) columns[name] = columnStats(meta.statistics);
    }
    const numRows = Number(group.num_rows);
    const stats: RowGroupStats = { index, firstRow, numRows, columns };
    firstRow += numRows;
    return stats;
  });
}

function columnStats(statistics: Statistics | undefined): ColumnStats {
  if (!statistics) return {};
  // min_value/max_value are the current fields; min/max are the deprecated ones older writers set.
  const min = statistics.min_value ?? statistics.min;
  const max = statistics.max_value ?? statistics.max;
  return {
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(statistics.null_count === undefined ? {} : { nullCount: Number(statistics.null_count) }),
  };
}

/**
 * Metadata narrowed to the row groups the filter keeps. Column chunks keep their absolute byte
 * offsets, so a reader given this metadata fetches only the kept groups' bytes.
 */
export function selectRowGroups(metadata: FileMetaData, keep: RowGroupFilter): FileMetaData {
  const stats = rowGroupStats(metadata);
  const row_groups = metadata.row_groups.filter((_group, i) => {
    const groupStats = stats[i];
    return groupStats !== undefined && keep(groupStats);
  });
  const num_rows = row_groups.reduce((sum, group) => sum + group.num_rows, 0n);
  return { ...metadata, row_groups, num_rows };
}
