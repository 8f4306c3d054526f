/**
 * The explorer's build-time side: its config (indicators with their periods, authorities,
 * regions, neighbour groups) and the default view's rows, from the same SQL the browser runs.
 * Shared by the page and the default view's CSV, so the two always hold the same rows.
 */
import type { Indicator } from '../reference/schema.ts';
import { nationalRankingSql } from '../sql/national-ranking.ts';
import type { ExplorerConfig, RankingRow } from './explorer.ts';
import type { NationalFigures } from './national-figures.ts';
import { buildNationalParquet, queryNationalParquet } from './national-parquet.ts';

export interface ExplorerBuild {
  readonly config: ExplorerConfig;
  readonly rows: readonly RankingRow[];
}

export async function explorerBuild(indicators: readonly Indicator[], figures: NationalFigures | null, councilCode: string, src: string): Promise<ExplorerBuild> {
  await buildNationalParquet(figures?.indicators ?? []);
  const periodsOf = (code: string) => [...new Set((figures?.indicators ?? []).filter((r) => r.indicator_code === code).map((r) => r.period))].sort();
  const offered = indicators
    .map((i) => ({ code: i.code, title: i.short_title, polarity: i.polarity, unit: i.unit, decimals: i.decimals, periods: periodsOf(i.code) }))
    .filter((i) => i.periods.length > 0);
  const first = offered[0];
  const comparators = figures?.comparators;
  const config: ExplorerConfig = {
    indicators: offered,
    authorities: Object.fromEntries((comparators?.authorities ?? []).map((a) => [a.code, { name: a.name, region: a.region }])),
    regions: comparators?.regions ?? [],
    groups: (comparators?.groups ?? []).map((g) => ({ code: g.code, title: g.title, members: g.members })),
    council: comparators?.authority ?? councilCode,
    defaultChoice: { indicator: first?.code ?? '', period: first?.periods.at(-1) ?? '', filter: '' },
    src,
  };
  const choice = config.defaultChoice;
  const rows = first
    ? ((await queryNationalParquet(nationalRankingSql('national'), { indicator_code: choice.indicator, period: choice.period, polarity: first.polarity, authority_codes: '' })) as unknown as RankingRow[])
    : [];
  return { config, rows };
}
