/**
 * Which quarters a run publishes and the date it is released on. Taken from the extracts (or
 * SOURCE_DATE_EPOCH), never from the clock, so the same inputs give the same outputs.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  addQuarters,
  parseQuarter,
  quarterEnd,
  quarterIndex,
  quarterLabel,
  quarterOfDate,
  type FinancialQuarter,
} from '../../src/lib/period/quarter.ts';
import { PipelineError } from './issues.ts';

export interface ExtractPeriod {
  firstQuarter: string;
  lastQuarter: string;
  /** ISO date the data is released as at. */
  released: string;
}

const DATE_COLUMNS: Record<string, readonly string[]> = {
  families: ['date_identified', 'date_attached', 'date_closed'],
  outcomes: ['date_achieved', 'date_sustained_to'],
  claims: ['claim_date'],
};

export async function findExtractPeriod(
  conn: DuckDBConnection,
  opts: { sourceDateEpoch: string | null; lastQuarter: string | null },
): Promise<ExtractPeriod> {
  const selects = Object.entries(DATE_COLUMNS).flatMap(([table, columns]) =>
    columns.map((c) => `SELECT min(${c}) AS lo, max(${c}) AS hi FROM ${table}`),
  );
  const reader = await conn.runAndReadAll(
    `SELECT strftime(min(lo), '%Y-%m-%d') AS lo, strftime(max(hi), '%Y-%m-%d') AS hi FROM (${selects.join(' UNION ALL ')})`,
  );
  const row = reader.getRowObjectsJS()[0] as { lo: string | null; hi: string | null } | undefined;
  if (!row?.lo || !row.hi) {
    throw new PipelineError('The extracts hold no dated rows, so there is no period to publish. Check that families.csv has rows.');
  }
  const first = quarterOfDate(row.lo);
  const released = opts.sourceDateEpoch ?? row.hi;
  const last = opts.lastQuarter ? requireQuarter(opts.lastQuarter) : lastQuarterFor(released, opts.sourceDateEpoch !== null);
  if (quarterIndex(last) < quarterIndex(first)) {
    throw new PipelineError(`--last-quarter ${quarterLabel(last)} is before ${quarterLabel(first)}, the quarter of the earliest date in the extracts, so there is nothing to publish. Give a quarter from ${quarterLabel(first)} on, or leave --last-quarter out.`);
  }
  return { firstQuarter: quarterLabel(first), lastQuarter: quarterLabel(last), released };
}

/**
 * With SOURCE_DATE_EPOCH the release date is a real calendar date, so publish up to the last
 * complete quarter; otherwise the latest date in the extracts marks the quarter they were cut in.
 */
function lastQuarterFor(released: string, fromEpoch: boolean): FinancialQuarter {
  const q = quarterOfDate(released);
  if (!fromEpoch || quarterEnd(q) === released) return q;
  return addQuarters(q, -1);
}

function requireQuarter(label: string): FinancialQuarter {
  const q = parseQuarter(label);
  if (!q) throw new PipelineError(`--last-quarter "${label}" is not a quarter. Write it as "2026-27 Q2".`);
  return q;
}
