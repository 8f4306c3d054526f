/**
 * The explorer's engine, imported on first use: loads only the row groups of national.parquet
 * whose statistics can hold the chosen indicator and period (and only their rows) into
 * DuckDB-WASM, runs the shared ranking SQL, and draws the table and the CSV download of exactly
 * the rows shown.
 */
import { rangeReadStats, selectionTable, type RangeReadStats } from '../shared/range-read.ts';
import { getDuckDB } from '../../lib/browser/duckdb.ts';
import { loadParquetTable, type RowGroupStats } from '../../lib/browser/parquet.ts';
import { queryRows } from '../../lib/browser/query.ts';
import { filterCodes, rankingCsv, type ExplorerChoice, type ExplorerConfig, type RankingRow } from '../../lib/benchmarking/explorer.ts';
import { QUARTILE_WORDS } from '../../lib/benchmarking/rank.ts';
import { NATIONAL_PARQUET_COLUMNS, nationalRankingSql } from '../../lib/sql/national-ranking.ts';
import { bindParams } from '../../lib/sql/query.ts';
import { cell, formatBytes } from '../compare/render-result.ts';

export interface ExplorerResult extends RangeReadStats {
  readonly rows: readonly RankingRow[];
  /** Of which: fetching, decoding and inserting the row groups (the rest is the SQL). */
  readonly loadMs: number;
  readonly csv: string;
}

/** May a row group, by its min/max, hold this text value? True when unsure. */
function mayHold(group: RowGroupStats, column: string, value: string): boolean {
  const { min, max } = group.columns[column] ?? {};
  if (typeof min !== 'string' || typeof max !== 'string') return true;
  return min <= value && value <= max;
}

/**
 * Within a row group of one indicator the period statistics are a true range; a group spanning two
 * indicators has a min and max from different indicators, so only then is the period not checked.
 */
function periodMayBe(group: RowGroupStats, choice: ExplorerChoice): boolean {
  const { min, max } = group.columns.indicator_code ?? {};
  return min === max && min === choice.indicator ? mayHold(group, 'period', choice.period) : true;
}

/** A stable table name per indicator and period, so returning to a choice reuses its rows. */

export async function runExplorer(url: string, choice: ExplorerChoice, cfg: ExplorerConfig): Promise<ExplorerResult> {
  const conn = await getDuckDB();
  const started = performance.now();
  const name = selectionTable('national', `${url}|${choice.indicator}|${choice.period}`);
  // The file is sorted by indicator then period, so the footer's statistics rule out all but the
  // one or two row groups that hold the choice before any column data is fetched. Those groups are
  // loaded whole (no row filter in the reader, which would build an object per row): the shared
  // SQL picks the indicator and period from them.
  const loaded = await loadParquetTable(conn, url, {
    name,
    columns: NATIONAL_PARQUET_COLUMNS,
    rowGroupFilter: (group) => mayHold(group, 'indicator_code', choice.indicator) && periodMayBe(group, choice),
  });
  const loadMs = performance.now() - started;
  const polarity = cfg.indicators.find((i) => i.code === choice.indicator)?.polarity ?? 'high_is_good';
  const query = nationalRankingSql(name);
  const codes = filterCodes(choice.filter, cfg) ?? [];
  const rows = (await queryRows(query.sql, bindParams(query, { indicator_code: choice.indicator, period: choice.period, polarity, authority_codes: codes.join(',') }), conn)) as unknown as RankingRow[];
  return {
    rows,
    ...rangeReadStats(loaded, started),
    loadMs,
    csv: rankingCsv(rows, cfg),
  };
}

export function renderExplorer(result: ExplorerResult, choice: ExplorerChoice, cfg: ExplorerConfig): void {
  const indicator = cfg.indicators.find((i) => i.code === choice.indicator);
  const decimals = indicator?.decimals ?? 1;
  const regionName = new Map(cfg.regions.map((r) => [r.code, r.name]));
  const filterName = choice.filter.startsWith('group:')
    ? cfg.groups.find((g) => `group:${g.code}` === choice.filter)?.title
    : choice.filter.startsWith('region:')
      ? regionName.get(choice.filter.slice('region:'.length))
      : undefined;
  const caption = `${indicator?.title ?? choice.indicator}, ${choice.period}: ${filterName ? `${filterName}, ranked among all authorities` : 'every authority, ranked'}`;
  const captionElement = document.getElementById('explorer-table-caption');
  if (captionElement) captionElement.textContent = caption;
  const body = document.getElementById('explorer-table-body');
  if (body) {
    body.replaceChildren(
      ...result.rows.map((r) => {
        const tr = document.createElement('tr');
        const authority = cfg.authorities[r.authority_code];
        const council = r.authority_code === cfg.council;
        if (council) tr.className = 'explorer-council';
        const quartile = r.quartile === null ? '[x]' : indicator?.polarity === 'no_judgement' ? `${r.quartile} (by value, highest first)` : `${r.quartile} (${QUARTILE_WORDS[r.quartile as 1 | 2 | 3 | 4]})`;
        const value = r.value === null ? '[x]' : r.value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        tr.append(
          cell('td', r.rank === null ? '[x]' : String(r.rank), true),
          cell('td', quartile),
          cell('th', `${authority?.name ?? r.authority_code}${council ? ' (this council)' : ''}`),
          cell('td', regionName.get(authority?.region ?? '') ?? ''),
          cell('td', value, true),
        );
        return tr;
      }),
    );
  }
  const link = document.getElementById('explorer-download-csv') as HTMLAnchorElement | null;
  if (link) {
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv' }));
  }
  const status = document.getElementById('explorer-status');
  if (status) {
    status.textContent = `Showing ${caption}: ${result.rows.length} authorities. Read ${result.rowsRead.toLocaleString('en-GB')} rows (${formatBytes(result.bytesFetched)} of ${formatBytes(result.fileBytes)}) from national.parquet.`;
    status.dataset.rows = String(result.rows.length);
    status.dataset.bytes = String(result.bytesFetched);
    status.dataset.fileBytes = String(result.fileBytes);
    status.dataset.queryMs = result.queryMs.toFixed(0);
    status.dataset.loadMs = result.loadMs.toFixed(0);
    status.dataset.rowGroupsRead = String(result.rowGroupsRead);
    status.dataset.rowGroupsTotal = String(result.rowGroupsTotal);
    // Counts answers, so a test or benchmark can wait for this one rather than an earlier one.
    status.dataset.run = String(Number(status.dataset.run ?? '0') + 1);
  }
}
