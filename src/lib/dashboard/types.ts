/** The dashboard model's shapes, shared by the parts that build it and the page that shows it. */
import type { ChangeDirection } from '../format/change.ts';
import type { Quarter } from '../period/quarter.ts';
import type { Status } from '../format/status.ts';
import type { TableColumn, TableRow } from '../tables/cells.ts';

export interface DashboardSelection {
  readonly quarter: Quarter;
  /** A locality code, or null for the whole authority. */
  readonly locality: string | null;
}

export const CARD_IDS = ['attached_year', 'attached_cumulative', 'outcomes_achieved', 'outcomes_sustained', 'claims_income', 'open_caseload'] as const;
export type CardId = (typeof CARD_IDS)[number];

export interface DashboardCard {
  readonly id: CardId;
  readonly label: string;
  readonly value: string;
  readonly subText: string;
  readonly change: { readonly direction: ChangeDirection; readonly text: string };
  readonly status: Status;
}

export interface TrendRow {
  readonly period: string;
  readonly area_code: string;
  readonly value: number | null;
  readonly flag: string | null;
}

/** The periods a trend chart steps through: quarters, or financial years where quarters cannot be published. */
export type TrendGranularity = 'quarter' | 'financial_year';

export interface DashboardChart {
  readonly rows: readonly TrendRow[];
  readonly periods: readonly string[];
  readonly granularity: TrendGranularity;
  readonly seriesLabels: Readonly<Record<string, string>>;
  readonly target?: readonly { readonly period: string; readonly value: number | null }[];
  readonly title: string;
  readonly caption: string;
  readonly summary: string;
}

export interface DashboardTable {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /** Key of the column whose cells head the rows (`<th scope="row">`), chosen with the columns. */
  readonly rowHeaderKey: string;
}

export interface DashboardModel {
  readonly selection: DashboardSelection;
  readonly areaName: string;
  readonly year: string;
  readonly heading: string;
  readonly cards: readonly DashboardCard[];
  readonly table: DashboardTable;
  readonly attachedChart: DashboardChart;
  readonly openChart: DashboardChart;
  readonly whatChanged: string;
}
