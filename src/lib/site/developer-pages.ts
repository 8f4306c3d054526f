/**
 * Pages for the people who build the site, not for its readers: the component examples. They use
 * fictional figures, so the public release leaves them out; `astro dev` and the board (internal)
 * build keep them as the living style guide and accessibility fixture.
 */
import { siteBuild } from './site-build.ts';

export function developerPagesBuilt(): boolean {
  // MODE, not DEV: Vite derives DEV from NODE_ENV, which a build started from a test runner
  // inherits as "test"; `astro dev` runs in development mode and `astro build` in production.
  return import.meta.env.MODE === 'development' || siteBuild().audience === 'board';
}

/** getStaticPaths of a developer page: its one path when developer pages are built, else none. */
export function developerPaths<Params extends Record<string, string | undefined>>(params: Params): { params: Params }[] {
  return developerPagesBuilt() ? [{ params }] : [];
}
