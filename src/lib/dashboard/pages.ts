/**
 * Every dashboard view is a page of its own at a stable address: /quarters/2025-26-q2/ for the
 * council and /quarters/2025-26-q2/northgate/ for a locality. The choices are few (quarters ×
 * areas), so each is rendered at build time and reads, prints and shares with JavaScript off.
 * Addresses are made here only, for the pages, their links and old ?quarter= permalinks.
 */
import { readQuarter } from '../period/quarter.ts';
import type { DashboardConfig } from './config.ts';

export const QUARTERS_PATH = '/quarters/';

/** Folder of the quarter's evidence pack, beside its locality pages (src/pages/quarters/[quarter]/pack/). */
export const PACK_FOLDER = 'pack';

/** Names a locality's page cannot take: the other pages under a quarter. */
const TAKEN_BY_QUARTER_PAGES: ReadonlySet<string> = new Set([PACK_FOLDER]);

/** "2025-26 Q2" → "2025-26-q2". */
export function quarterSlug(label: string): string {
  return label.toLowerCase().replace(' ', '-');
}

/** "Castle and Town Centre" → "castle-and-town-centre". */
export function areaSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The page of a quarter (a label) and an area (a locality code, or null for the council). */
export function dashboardPath(config: DashboardConfig, quarter: string, locality: string | null): string {
  const area = locality === null ? undefined : localitySlugs(config).get(locality);
  return `${QUARTERS_PATH}${quarterSlug(quarter)}/${area ? `${area}/` : ''}`;
}

/**
 * Each locality's slug from its name; two names that read alike, none, or a name another page
 * under the quarter has (a locality called "Pack") fall back to adding the code. A fallback can
 * itself read like another locality's name ("Ash" coded A beside "Ash A"), so it is checked
 * against every slug already given and numbered until it is free: every page keeps an address.
 */
function localitySlugs(config: DashboardConfig): Map<string, string> {
  const named = config.localities.map((l) => ({ code: l.code, slug: areaSlug(l.name) }));
  const counts = new Map<string, number>();
  for (const { slug } of named) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const isOwn = (slug: string) => slug !== '' && counts.get(slug) === 1 && !TAKEN_BY_QUARTER_PAGES.has(slug);
  const taken = new Set([...TAKEN_BY_QUARTER_PAGES, ...named.map((n) => n.slug).filter(isOwn)]);
  return new Map(
    named.map(({ code, slug }) => {
      if (isOwn(slug)) return [code, slug];
      const base = `${slug}-${areaSlug(code)}`.replace(/^-|-$/g, '') || 'locality';
      let free = base;
      for (let n = 2; taken.has(free); n++) free = `${base}-${n}`;
      taken.add(free);
      return [code, free];
    }),
  );
}

export interface DashboardPage {
  readonly quarter: string;
  readonly locality: string | null;
  readonly path: string;
  /** The route's parameters: the quarter's slug, and the area's for a locality. */
  readonly params: { readonly quarter: string; readonly area?: string };
}

/** Every view: each published quarter for the council and for each locality. */
export function dashboardPages(config: DashboardConfig): DashboardPage[] {
  const slugs = localitySlugs(config);
  const areas = [null, ...config.localities.map((l) => l.code)];
  return config.quarters.flatMap((quarter) =>
    areas.map((locality) => {
      const area = locality === null ? undefined : slugs.get(locality);
      return { quarter, locality, path: dashboardPath(config, quarter, locality), params: { quarter: quarterSlug(quarter), ...(area ? { area } : {}) } };
    }),
  );
}

/** Quarters grouped by financial year, newest first, for the "choose a quarter" links. */
export function quartersByYear(config: DashboardConfig): { readonly year: string; readonly quarters: readonly string[] }[] {
  const years = new Map<string, string[]>();
  for (const label of [...config.quarters].reverse()) {
    const year = label.slice(0, 7);
    if (readQuarter(label)) years.set(year, [...(years.get(year) ?? []), label]);
  }
  return [...years].map(([year, quarters]) => ({ year, quarters }));
}
