/**
 * Command-line options of `npm run pack`, parsed and checked once: which quarter, which site
 * (and so which audience), and where the PDF goes. An internal (board) pack holds unsuppressed
 * figures, so it is refused anywhere a build would publish it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, type Audience } from '../../src/lib/outputs/tables.ts';
import { packFileName } from '../../src/lib/pack/sections.ts';
import { SITE_FOLDERS } from '../../src/lib/site/site-build.ts';
import { readQuarter, quarterLabel } from '../../src/lib/period/quarter.ts';
import { UsageError } from '../pipeline/options.ts';
import { CommandError } from '../cli/main.ts';
import { PACK_FOLDER, QUARTERS_PATH } from '../../src/lib/dashboard/pages.ts';

export const PACK_USAGE = `Usage: npm run pack -- --quarter "2025-26 Q4" [options]

Prints a quarter's evidence pack (the built site's /quarters/<quarter>/pack/ page) to an A4,
tagged PDF with an outline, page numbers and, for the internal (board) site, "Internal: not for
publication" on every page. Build the site first (npm run build, or npm run build:board).

Options:
  --quarter <label>         the quarter, e.g. "2025-26 Q4" (or 2025-26-q4); default: the latest
  --audience <public|board> which site to print from: dist/ (public, default) or dist-board/ (board)
  --site <folder>           print from another built site; its audience is read from its manifest
  --out <file.pdf>          where to write the PDF (default packs/evidence-pack-<quarter>-<audience>.pdf)
  --quiet                   no progress lines
  -h, --help                show this help`;

/** Where packs go by default: outside every folder a build publishes. */
export const PACKS_DIR = 'packs';

/** Folders whose contents are published: an internal pack may never be written inside one. */
const PUBLISHED_FOLDERS = ['public', SITE_FOLDERS.public.outDir];

export interface PackOptions {
  readonly quarter: string;
  readonly audience: Audience;
  readonly siteDir: string;
  readonly out: string;
  readonly quiet: boolean;
}

export function parsePackOptions(argv: readonly string[], root = process.cwd()): PackOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quarter: { type: 'string' },
        audience: { type: 'string' },
        site: { type: 'string' },
        out: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]!.replace(/\. To specify.*$/, '') : String(error));
  }
  if (values.help) return 'help';
  const given = values.audience;
  if (given !== undefined && given !== 'public' && given !== 'board') throw new UsageError(`--audience must be "public" or "board", not "${given}"`);
  const siteDir = values.site ?? SITE_FOLDERS[given ?? 'public'].outDir;
  const siteAudience = builtSiteAudience(siteDir, given ?? 'public');
  if (given !== undefined && given !== siteAudience) {
    throw new CommandError(
      `${siteDir} is the ${siteAudience} site, not the ${given} one: give --site ${SITE_FOLDERS[given].outDir} (build it with ${buildCommand(given)}), or leave out --audience.`,
      2,
    );
  }
  const quarters = packQuarters(siteDir, siteAudience);
  const quarter = values.quarter === undefined ? quarters.at(-1)! : findQuarter(values.quarter, quarters);
  const out = values.out ?? join(PACKS_DIR, packFileName(quarter, siteAudience));
  if (!out.toLowerCase().endsWith('.pdf')) throw new UsageError(`--out ${out}: give a file name ending in .pdf`);
  if (siteAudience === 'board') refusePublished(out, [...PUBLISHED_FOLDERS, siteDir], root);
  return { quarter, audience: siteAudience, siteDir, out, quiet: values.quiet };
}

function buildCommand(audience: Audience): string {
  return audience === 'public' ? '`npm run build`' : '`npm run build:board`';
}

/** The audience of the built site in `dir`, from the manifest it serves; a clear error when there is no site. */
function builtSiteAudience(dir: string, expected: Audience): Audience {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new CommandError(`No built site in ${dir}: build it first with ${buildCommand(expected)}, or give the folder of a built site with --site.`);
  }
  const file = join(dir, 'data', MANIFEST_FILE);
  let audience: unknown;
  try {
    audience = (JSON.parse(readFileSync(file, 'utf8')) as { audience?: unknown }).audience;
  } catch {
    throw new CommandError(`${dir} has no readable data/${MANIFEST_FILE}, so it is not a site built from a data release: build it with ${buildCommand(expected)}.`);
  }
  if (audience !== 'public' && audience !== 'board') throw new CommandError(`${file}: audience must be "public" or "board", not ${JSON.stringify(audience)}.`);
  return audience;
}

/** The quarters that have a pack page in the site, oldest first. */
export function packQuarters(siteDir: string, audience: Audience): string[] {
  const folder = join(siteDir, QUARTERS_PATH);
  const slugs = existsSync(folder) ? readdirSync(folder).filter((slug) => existsSync(join(folder, slug, PACK_FOLDER, 'index.html'))) : [];
  const labels = slugs
    .map((slug) => readQuarter(slug.replace(/-q([1-4])$/, ' Q$1')))
    .filter((q) => q !== null)
    .sort((a, b) => a.start.localeCompare(b.start))
    .map(quarterLabel);
  if (labels.length === 0) {
    throw new CommandError(`${siteDir} has no evidence pack pages (${QUARTERS_PATH}<quarter>/${PACK_FOLDER}/): it was built before the pack existed; rebuild it with ${buildCommand(audience)}.`);
  }
  return labels;
}

function findQuarter(given: string, quarters: readonly string[]): string {
  // "2025-26 Q4", "2025-26 q4" and the page's slug "2025-26-q4" all name one quarter.
  const q = readQuarter(given.trim().replace(/[\s-]+q([1-4])$/i, ' Q$1'));
  const label = q ? quarterLabel(q) : null;
  if (label && quarters.includes(label)) return label;
  const why = label ? `the site has no pack for ${label}` : `"${given}" is not a quarter label such as "2025-26 Q4"`;
  throw new UsageError(`--quarter: ${why}. Valid quarters: ${quarters.join(', ')}`);
}

function refusePublished(out: string, folders: readonly string[], root: string): void {
  const path = resolve(root, out);
  for (const folder of folders) {
    const rel = relative(resolve(root, folder), path);
    if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
      throw new UsageError(
        `--out ${out}: an internal (board) pack holds unsuppressed figures and must not be written inside ${folder}/, which is published; ` +
          `write it outside, e.g. --out ${join(PACKS_DIR, 'evidence-pack-board.pdf')}`,
      );
    }
  }
}
