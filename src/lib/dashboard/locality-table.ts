/**
 * "Localities compared": each locality and the council for the selected quarter and its year,
 * at the finest granularity the release publishes each figure.
 */
import type { CellValue, TableColumn, TableRow } from '../tables/cells.ts';
import { attachedToDate, yearToDate, type DashboardContext } from './context.ts';
import { isExact, type Flagged } from './flagged.ts';
import type { DashboardTable } from './types.ts';
import { percentShares } from '../indicators/need-share.ts';

export const TABLE_COLUMNS: readonly TableColumn[] = [
  { key: 'area', label: 'Area' },
  { key: 'attached_quarter', label: 'Attached this quarter', numeric: true },
  { key: 'attached_year', label: 'Attached this year', numeric: true },
  { key: 'attached_to_date', label: 'Attached since the programme began', numeric: true },
  { key: 'open', label: 'Open cases', numeric: true },
  { key: 'sustained_year', label: 'Outcomes sustained this year', numeric: true },
  { key: 'claims_year', label: 'Claims this year', numeric: true },
  { key: 'need_share', label: 'Share of need (%)', numeric: true, unit: 'percent', decimals: 1 },
  { key: 'attached_share', label: 'Share of families attached this year (%)', numeric: true, unit: 'percent', decimals: 1 },
];

export function localityTable(ctx: DashboardContext): DashboardTable {
  const { config } = ctx;
  // No need recorded anywhere: no share of it ([x]) rather than 0%.
  const hasNeed = config.localities.some((l) => l.need > 0);
  const needShares = percentShares(config.localities.map((l) => l.need));
  const areas = [
    ...config.localities.map((l, i) => ({ code: l.code, name: l.name, needShare: hasNeed ? needShares[i]! : null })),
    { code: config.authority.code, name: config.authority.name, needShare: hasNeed ? 100 : null },
  ];
  return {
    caption: `Families, outcomes and claims by locality, ${config.authority.name}, ${ctx.quarter} and ${ctx.year} to date`,
    columns: TABLE_COLUMNS,
    rows: areas.map(({ code, name, needShare }) => localityRow(ctx, code, name, needShare)),
    rowHeaderKey: 'area',
  };
}

function localityRow(ctx: DashboardContext, code: string, name: string, needShare: number | null): TableRow {
  const { config } = ctx;
  const attachedYear = yearToDate(ctx, 'families_attached', code);
  return {
    area: name,
    attached_quarter: ctx.get(ctx.quarter, code, 'families_attached'),
    attached_year: attachedYear,
    attached_to_date: attachedToDate(ctx, code),
    open: ctx.get(ctx.quarter, code, 'families_open'),
    sustained_year: yearToDate(ctx, 'outcomes_sustained', code),
    claims_year: yearToDate(ctx, 'claims', code),
    need_share: needShare,
    attached_share: shareOf(attachedYear, yearToDate(ctx, 'families_attached', config.authority.code)),
  };
}

/**
 * A share of two exact figures. A rounded small count can be half or double the true one, so a
 * share made from it would mislead: it is not available ([x]) rather than shown.
 */
function shareOf(part: Flagged, whole: Flagged): CellValue {
  if (part.value === null || whole.value === null) return { value: null, flag: part.flag ?? whole.flag };
  if (!isExact(part) || !isExact(whole)) return { value: null, flag: '[x]' };
  if (whole.value === 0) return { value: null, flag: '[z]' };
  return (part.value / whole.value) * 100;
}
