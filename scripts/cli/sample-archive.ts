// `npm run sample-archive`: remakes the sample's release archive, data/sample/releases/, with the
// release the sample would have had a quarter earlier (2026-27 Q1, published 30 July 2026): the
// sample extracts as they stood on that day (scripts/generate/earlier-extract.ts), run through the
// real pipeline for the public audience and filed by the real archive step. Deterministic; run it
// again after changing the sample, the reference data or the pipeline, and commit the result.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_ARCHIVE_DIR } from '../build/sample-site.ts';
import { archiveRelease } from '../pipeline/archive/archive-release.ts';
import { earlierExtracts, type ExtractTexts } from '../generate/earlier-extract.ts';
import { runMain } from './main.ts';

const SAMPLE = 'data/sample';
const EARLIER = { asAt: '2026-07-30', maxLagDays: 75, seed: 2012, firstEstimate: { ni_111: 0.9 } };

await runMain(
  () => {
    const work = mkdtempSync(join(tmpdir(), 'tfo-sample-archive-'));
    try {
      const names = ['families', 'outcomes', 'claims', 'area_indicators'] as const;
      const texts = Object.fromEntries(names.map((n) => [n, readFileSync(join(SAMPLE, `${n}.csv`), 'utf8')])) as ExtractTexts;
      const earlier = earlierExtracts(texts, EARLIER);
      const extracts = join(work, 'extracts');
      cpSync(join(SAMPLE, 'national'), join(extracts, 'national'), { recursive: true });
      for (const n of names) writeFileSync(join(extracts, `${n}.csv`), earlier[n]);
      const out = join(work, 'out');
      const epoch = String(Date.parse(`${EARLIER.asAt}T00:00:00Z`) / 1000);
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli/data.ts', '--extracts', extracts, '--audience', 'public', '--out', out, '--report', join(work, 'report'), '--quiet'], {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
      });
      // The sample's archive is derived data: made afresh, never edited by hand.
      rmSync(SAMPLE_ARCHIVE_DIR, { recursive: true, force: true });
      const result = archiveRelease(out, SAMPLE_ARCHIVE_DIR);
      console.log(result.added ? `Archived ${result.folder}.` : `${result.folder} already holds this release.`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  { help: 'npm run sample-archive takes no options' },
);
