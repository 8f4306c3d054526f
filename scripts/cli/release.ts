// `npm run release`: files a finished public release in the release archive, where the site
// serves it at /releases/<slug>/ and the next pipeline run (--archive) compares with it.
// Exit codes: 0 archived (or already there); 1 the release or archive is refused; 2 the command line is wrong.
import { parseArgs } from 'node:util';
import { archiveRelease, ArchiveError } from '../pipeline/archive/archive-release.ts';
import { parseArgsMessage, UsageError } from '../pipeline/options.ts';
import { runMain, type Failure } from './main.ts';

const USAGE = `Usage: npm run release -- --archive <folder> [--data <folder>]

Copies the public release in --data (default public/data: manifest.json, the files it lists and
revisions.json) into <archive>/<slug>/, e.g. releases/2026-27-q2/. Only a public release whose
files match its manifest is archived; an archived release is never replaced.

Options:
  --archive <folder>  the release archive, kept from quarter to quarter (created if missing)
  --data <folder>     the release to archive (default public/data)
  --help              show this help
`;

await runMain(
  () => {
    let values;
    try {
      values = parseArgs({
        args: process.argv.slice(2),
        strict: true,
        allowPositionals: false,
        options: { archive: { type: 'string' }, data: { type: 'string', default: 'public/data' }, help: { type: 'boolean', default: false } },
      }).values;
    } catch (error) {
      throw new UsageError(parseArgsMessage(error));
    }
    if (values.help) {
      process.stdout.write(USAGE);
      return;
    }
    if (!values.archive) throw new UsageError('--archive <folder> is required, e.g. --archive releases');
    const result = archiveRelease(values.data ?? 'public/data', values.archive);
    console.log(
      result.added
        ? `Archived the release in ${result.folder} (${result.files.join(', ')}).`
        : `${result.folder} already holds this release; nothing to do.`,
    );
  },
  { help: 'npm run release -- --help lists every option', explain },
);

function explain(error: unknown): Failure | null {
  return error instanceof ArchiveError ? { message: error.message, exitCode: error.exitCode } : null;
}
