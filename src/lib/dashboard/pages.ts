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
  const counts = new Map<string, number>();
  for (const l of config.localities) counts.set(areaSlug(l.name), (counts.get(areaSlug(l.name)) ?? 0) + 1);
  const ownSlug = (name: string) => {
    const slug = areaSlug(name);
    return slug !== '' && counts.get(slug) === 1 && !TAKEN_BY_QUARTER_PAGES.has(slug) ? slug : null;
  };
  const taken = new Set<string>(TAKEN_BY_QUARTER_PAGES);
  const slugs = new Map<string, string>();
  for (const l of config.localities) {
    const own = ownSlug(l.name);
    if (own) {
      slugs.set(l.code, own);
      taken.add(own);
    }
  }
  for (const l of config.localities) {
    if (slugs.has(l.code)) continue;
    const base = `${areaSlug(l.name)}-${areaSlug(l.code)}`.replace(/^-|-$/g, '') || 'locality';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    slugs.set(l.code, slug);
    taken.add(slug);
  }
  return slugs;
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
