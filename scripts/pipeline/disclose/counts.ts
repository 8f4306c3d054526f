/**
 * Disclosure control for count tables (programme, criteria, outcomes, claims): primary
 * suppression, linked measures, secondary suppression proved exact, then optional rounding.
 * Table work is done in Arquero; the relation system in plain TypeScript.
 */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { GSS, type CountRow } from '../../../src/lib/outputs/tables.ts';
import { linkedPairs, tariffCoefficients } from './linked.ts';
import { validateOptions, type DiscloseOptions } from './options.ts';
import { markPrimary } from './primary.ts';
import { buildRelations, type Relation, type RelationSpec } from './relations.ts';
import { roundPublished } from './rounding.ts';
import { protect, type ProtectRelation, type ProtectVariable } from './secondary.ts';
import type { Datum, Params } from './expr.ts';

/** Cells are ordered by this key before anything is chosen, so ties never depend on row order. */
const KEY = ['quarter_start', 'area_code', 'measure', 'breakdown'] as const;

export interface DisclosureStats {
  readonly rows: number;
  readonly primary: number;
  /** Withheld beyond the primary rule, linked amounts included. */
  readonly secondary: number;
  readonly relations: number;
  readonly exactRounds: number;
}

export function discloseCounts(rows: readonly CountRow[], options: DiscloseOptions): CountRow[] {
  return discloseCountsWithStats(rows, options).rows;
}

export function discloseCountsWithStats(
  rows: readonly CountRow[],
  options: DiscloseOptions,
): { rows: CountRow[]; stats: DisclosureStats } {
  validateOptions(options);
  if (rows.length === 0) return { rows: [], stats: { rows: 0, primary: 0, secondary: 0, relations: 0, exactRounds: 0 } };
  const columns = Object.keys(rows[0] as CountRow);
  const base = aq.from(rows).derive({ _row: () => aq.op.row_number() - 1 });
  rejectDuplicateKeys(base);
  const spec = options.relations;
  const marked = markPrimary(base, options.threshold, spec.links.map((l) => l.follower));

  const order = Array.from(marked.orderby(...KEY).array('_row') as ArrayLike<number>);
  const cells = order.map((r) => rows[r] as CountRow);
  const primary = marked.array('primary') as ArrayLike<boolean>;
  const position = new Int32Array(rows.length);
  order.forEach((r, p) => (position[r] = p));

  const pairs = linkedPairs(marked, spec.links).map(([a, b]) => [position[a] as number, position[b] as number] as const);
  const vars = variables(cells, order.map((r) => primary[r] === true), spec);
  const relations = [...toProtectRelations(buildRelations(cells, spec)), ...tariffRelations(cells, pairs)];
  const result = protect(vars, relations, pairs);

  const suppressedRow = new Array<boolean>(rows.length).fill(false);
  order.forEach((r, p) => {
    suppressedRow[r] = result.suppressed[p] === true;
  });
  const followers = spec.links.map((l) => l.follower);
  let out: ColumnTable = marked
    .params({ sup: suppressedRow, c: GSS.c, followers })
    .derive({
      value: (d: Datum, $: Params) => ($.sup[d._row] ? null : d.value),
      flag: (d: Datum, $: Params) => ($.sup[d._row] ? $.c : d.flag),
      // Money follows its count and is published to the pound; comparators are others' figures.
      round_me: (d: Datum, $: Params) => !$.sup[d._row] && d.area_type !== 'comparator' && !aq.op.includes($.followers, d.measure),
    });
  if (options.roundTo !== null) out = roundPublished(out, options.roundTo);
  const primaryCount = order.filter((r) => primary[r] === true).length;
  return {
    rows: out.select(columns).objects() as CountRow[],
    stats: {
      rows: rows.length,
      primary: primaryCount,
      secondary: suppressedRow.filter(Boolean).length - primaryCount,
      relations: relations.length,
      exactRounds: result.exactRounds,
    },
  };
}

function rejectDuplicateKeys(table: ColumnTable): void {
  const dups = table.groupby(...KEY).count().filter((d) => d.count > 1);
  if (dups.numRows() > 0) {
    const first = dups.object(0) as Record<string, unknown>;
    throw new Error(
      `Disclosure control needs one row per quarter, area, measure and breakdown; ${KEY.map((k) => String(first[k])).join(' / ')} appears ${String(first.count)} times.`,
    );
  }
}

/** One variable per cell, in key order. */
function variables(cells: readonly CountRow[], primary: readonly boolean[], spec: RelationSpec): ProtectVariable[] {
  const totals = new Set(spec.breakdownTotals);
  return cells.map((c, p) => ({
    value: c.value,
    primary: primary[p] === true,
    isTotal: c.area_type === 'authority' || (c.breakdown === 'all' && totals.has(c.measure)),
    eligible: c.area_type !== 'comparator',
  }));
}

function toProtectRelations(relations: readonly Relation[]): ProtectRelation[] {
  return relations.map((r) => ({ vars: r.cells, coefs: r.coefs }));
}

function tariffRelations(cells: readonly CountRow[], pairs: ReadonlyArray<readonly [number, number]>): ProtectRelation[] {
  const out: ProtectRelation[] = [];
  for (const [count, amount] of pairs) {
    const coefs = tariffCoefficients(cells[count]?.value ?? null, cells[amount]?.value ?? null);
    if (!coefs) continue;
    const vars = [count, amount].filter((_, i) => coefs[i] !== 0);
    out.push({ vars, coefs: coefs.filter((k) => k !== 0) });
  }
  return out;
}
