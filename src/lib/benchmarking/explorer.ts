/**
 * The national explorer's choice and its outputs, shared by the page (static default view), the
 * browser script and the tests: the choice as URL parameters (indicator, period, filter), the
 * authority codes a filter keeps, and the CSV of exactly the rows shown.
 */
import { toCsv, type CsvColumn } from '../format/csv.ts';
import type { Polarity } from '../reference/schema.ts';

export interface ExplorerChoice {
  readonly indicator: string;
  readonly period: string;
  /** "" for every authority, "region:<E12 code>" or "group:<group code>". */
  readonly filter: string;
}

export interface ExplorerConfig {
  readonly indicators: readonly { code: string; title: string; polarity: Polarity; unit: string; decimals: number; periods: readonly string[] }[];
  readonly authorities: Readonly<Record<string, { name: string; region: string }>>;
  readonly regions: readonly { code: string; name: string }[];
  readonly groups: readonly { code: string; title: string; members: readonly string[] }[];
  readonly council: string;
  readonly defaultChoice: ExplorerChoice;
  readonly src: string;
}

/** One row of the ranking as the SQL returns it (src/lib/sql/national-ranking.ts). */
export interface RankingRow {
  readonly rank: number | null;
  readonly quartile: number | null;
  readonly authority_code: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}

/** The choice in a URL, or the default where a parameter is missing or not one the page offers. */
export function parseExplorerChoice(params: URLSearchParams, config: ExplorerConfig): ExplorerChoice {
  const indicator = config.indicators.find((i) => i.code === params.get('indicator')) ?? config.indicators.find((i) => i.code === config.defaultChoice.indicator);
  const periods = indicator?.periods ?? [];
  const period = periods.includes(params.get('period') ?? '') ? (params.get('period') as string) : (periods.at(-1) ?? '');
  const filter = params.get('filter') ?? '';
  return { indicator: indicator?.code ?? '', period, filter: filterCodes(filter, config) === null ? '' : filter };
}

export function explorerQuery(choice: ExplorerChoice): string {
  const params = new URLSearchParams({ indicator: choice.indicator, period: choice.period });
  if (choice.filter) params.set('filter', choice.filter);
  return params.toString();
}

/** Authority codes the filter keeps; [] keeps all; null for a filter the page does not offer. */
export function filterCodes(filter: string, config: Pick<ExplorerConfig, 'authorities' | 'groups' | 'council' | 'regions'>): string[] | null {
  if (filter === '') return [];
  const [kind, code] = filter.split(':');
  if (kind === 'region' && config.regions.some((r) => r.code === code)) {
    return Object.entries(config.authorities)
      .filter(([, a]) => a.region === code)
      .map(([c]) => c);
  }
  const group = kind === 'group' ? config.groups.find((g) => g.code === code) : undefined;
  // A neighbour group is shown with the council, so its rank sits among theirs.
  return group ? [config.council, ...group.members] : null;
}

export const RANKING_CSV_COLUMNS: readonly CsvColumn<RankingRow & { name: string; region: string }>[] = [
  { label: 'rank', value: (r) => r.rank ?? '[x]' },
  { label: 'quartile', value: (r) => r.quartile ?? '[x]' },
  { label: 'authority_code', value: (r) => r.authority_code },
  { label: 'authority_name', value: (r) => r.name },
  { label: 'region', value: (r) => r.region },
  { label: 'numerator', value: (r) => r.numerator ?? '[x]' },
  { label: 'denominator', value: (r) => r.denominator ?? '[x]' },
  { label: 'value', value: (r) => r.value ?? '[x]' },
];

/** The CSV of the rows shown, with names and regions from the config. */
export function rankingCsv(rows: readonly RankingRow[], config: Pick<ExplorerConfig, 'authorities' | 'regions'>): string {
  const regionName = new Map(config.regions.map((r) => [r.code, r.name]));
  return toCsv(
    RANKING_CSV_COLUMNS,
    rows.map((r) => {
      const a = config.authorities[r.authority_code];
      return { ...r, name: a?.name ?? r.authority_code, region: regionName.get(a?.region ?? '') ?? '' };
    }),
  );
}
