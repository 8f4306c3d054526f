/**
 * The site's primary navigation and how a page finds its place in it. Links are root-relative
 * and prefixed with Astro's base, so the site works from a sub-folder of a council's web server.
 */

export interface NavItem {
  label: string;
  /** Path from the site root, with a trailing slash to match `build.format: 'directory'`. */
  path: string;
  /** Other folders whose pages belong to this item (every quarter's dashboard under /quarters/). */
  also?: readonly string[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', path: '/', also: ['/quarters/'] },
  { label: 'Indicators', path: '/indicators/' },
  { label: 'Localities', path: '/localities/' },
  { label: 'Compare', path: '/compare/' },
  { label: 'Benchmarking', path: '/benchmarking/' },
  { label: 'Cohorts', path: '/cohort/' },
  { label: 'Finance', path: '/finance/' },
  { label: 'Resources', path: '/resources/' },
  { label: 'Methodology', path: '/methodology/' },
  { label: 'Open data', path: '/data/' },
];

/** Joins Astro's `import.meta.env.BASE_URL` ("/" or "/outcomes/") and a root path. */
export function withBase(path: string, base = '/'): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}

function normalise(pathname: string): string {
  const clean = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  return clean.endsWith('/') ? clean : `${clean}/`;
}

/**
 * Where `pathname` stands against a navigation item: "page" when it is that page, "section" when
 * it is below it (an indicator's own page sits in Indicators), null otherwise. The dashboard at
 * the root is never a section, or every page would be in it.
 */
export function navState(pathname: string, item: NavItem, base = '/'): 'page' | 'section' | null {
  const here = normalise(pathname);
  const target = normalise(withBase(item.path, base));
  if (here === target) return 'page';
  if (item.path !== '/' && here.startsWith(target)) return 'section';
  if (item.also?.some((folder) => here.startsWith(normalise(withBase(folder, base))))) return 'section';
  return null;
}
