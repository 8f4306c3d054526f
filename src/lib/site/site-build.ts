/**
 * Which site a build makes, and from which data. The public site and the internal (board) site
 * are separate builds with separate data folders and output folders, so unsuppressed board
 * figures can only reach the folder a council publishes by someone setting them there on purpose:
 *
 * - public (default): data from public/data (the pipeline's default --out), site in dist/;
 * - board: data from .board/data, outside public/ so Astro never copies it into a public build,
 *   site in dist-board/.
 *
 * The npm scripts set TFO_SITE_AUDIENCE (and TFO_SITE_DATA to use another data folder);
 * astro.config.mjs, the layout and the build-time data layer all read them through siteBuild().
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Audience } from '../outputs/tables.ts';

export const SITE_AUDIENCE_ENV = 'TFO_SITE_AUDIENCE';
export const SITE_DATA_ENV = 'TFO_SITE_DATA';

/** Where each audience's site reads its data and is written, relative to the project root. */
export const SITE_FOLDERS: Readonly<Record<Audience, { readonly dataDir: string; readonly outDir: string }>> = {
  public: { dataDir: 'public/data', outDir: 'dist' },
  board: { dataDir: '.board/data', outDir: 'dist-board' },
};

/** The folder whose contents Astro copies into every build. */
const PUBLISHED_ROOT = 'public';

export interface SiteBuild {
  readonly audience: Audience;
  /** The data folder, relative to the project root as given (or absolute). */
  readonly dataDir: string;
  /** The default output folder for this audience; `astro build --outDir` still wins. */
  readonly outDir: string;
}

/** A problem with the build's settings, said in one line with how to fix it. */
export class SiteBuildError extends Error {
  override name = 'SiteBuildError';
}

/** The build's audience and folders from the environment, checked. */
export function siteBuild(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): SiteBuild {
  const given = env[SITE_AUDIENCE_ENV];
  const audience = given === undefined || given === '' ? 'public' : given;
  if (audience !== 'public' && audience !== 'board') {
    throw new SiteBuildError(`${SITE_AUDIENCE_ENV} must be "public" or "board", not "${audience}".`);
  }
  const dataDir = env[SITE_DATA_ENV] || SITE_FOLDERS[audience].dataDir;
  if (audience === 'board' && isInside(resolve(root, dataDir), resolve(root, PUBLISHED_ROOT))) {
    throw new SiteBuildError(
      `${SITE_DATA_ENV}=${dataDir}: board data must stay outside ${PUBLISHED_ROOT}/, which every build publishes; ` +
        `write it with \`npm run data -- --audience board --out ${SITE_FOLDERS.board.dataDir}\`.`,
    );
  }
  return { audience, dataDir, outDir: SITE_FOLDERS[audience].outDir };
}

/**
 * The one check that a data release suits the site being built: a public site from board data
 * would publish every small count, and a board site from public data would mislabel suppressed
 * figures as the internal release.
 */
export function checkReleaseAudience(manifestFile: string, manifestAudience: Audience, build: Pick<SiteBuild, 'audience'>): void {
  if (manifestAudience === build.audience) return;
  if (build.audience === 'public') {
    throw new SiteBuildError(
      `${manifestFile}: the manifest's audience is "board" (unsuppressed figures), so the public site will not be built from it. ` +
        'Build the internal site with `npm run build:board`, or rerun the pipeline with `--audience public`.',
    );
  }
  throw new SiteBuildError(
    `${manifestFile}: the manifest's audience is "${manifestAudience}", but this is the board site. ` +
      `Write board data with \`npm run data -- --audience board --out ${SITE_FOLDERS.board.dataDir}\`, or build the public site with \`npm run build\`.`,
  );
}

/** What to run when the build's data folder has no release yet. */
export function missingDataError(build: SiteBuild): SiteBuildError {
  const out = build.dataDir === SITE_FOLDERS.public.dataDir ? '' : ` --out ${build.dataDir}`;
  const script = build.audience === 'public' ? 'npm run build' : 'npm run build:board';
  return new SiteBuildError(
    `No data release in ${build.dataDir} (no manifest.json): run the pipeline first, ` +
      `\`npm run data -- --extracts <folder> --audience ${build.audience}${out}\` (\`${script}\` does it on the sample).`,
  );
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
