/**
 * What the browser tools that read a published Parquet file by ranges (compare, the national
 * explorer) share: which file a page may read, a table name per selection, the live status line,
 * and what the read cost.
 */
import type { LoadParquetResult } from '../../lib/browser/parquet.ts';

/** The page's own file, or a `?src=` Parquet file on the same origin (the benchmarks' national-scale file). */
export function sourceUrl(defaultSrc: string): string {
  const src = new URLSearchParams(window.location.search).get('src');
  const base = new URL(defaultSrc, window.location.href);
  if (!src) return base.href;
  const url = new URL(src, window.location.href);
  return url.origin === window.location.origin && url.pathname.endsWith('.parquet') ? url.href : base.href;
}

/** A DuckDB table name for one selection (FNV-1a of its key), so a repeated selection reuses its rows. */
export function selectionTable(prefix: string, key: string): string {
  let hash = 2166136261;
  for (const ch of key) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `${prefix}_${hash.toString(36)}`;
}

/** Writes the tool's live status line (an element with role="status"). */
export function setStatus(id: string, text: string): void {
  const status = document.getElementById(id);
  if (status) status.textContent = text;
}

export interface RangeReadStats {
  /** Rows decoded from the file (after row-group pruning and the row filter). */
  readonly rowsRead: number;
  readonly bytesFetched: number;
  readonly fileBytes: number;
  readonly rowGroupsRead: number;
  readonly rowGroupsTotal: number;
  /** Milliseconds from DuckDB ready to rows returned. */
  readonly queryMs: number;
}

export function rangeReadStats(loaded: Pick<LoadParquetResult, 'rows' | 'bytesFetched' | 'fileBytes' | 'rowGroupsRead' | 'rowGroupsTotal'>, started: number): RangeReadStats {
  return {
    rowsRead: loaded.rows,
    bytesFetched: loaded.bytesFetched,
    fileBytes: loaded.fileBytes,
    rowGroupsRead: loaded.rowGroupsRead,
    rowGroupsTotal: loaded.rowGroupsTotal,
    queryMs: performance.now() - started,
  };
}
