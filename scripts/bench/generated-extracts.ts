/**
 * The benchmarks' large generated councils, made once and kept under .cache/bench. They are made
 * again whenever the generator or the reference data change, so a benchmark never times extracts
 * that today's pipeline would read differently (stale follow-ups, say, rejected as too short).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSample } from '../generate/sample.ts';

const SOURCES = [
  { dir: 'scripts/generate', keep: (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts') },
  { dir: 'data/reference', keep: (f: string) => f.endsWith('.json') || f.endsWith('.csv') },
];

function stampOf(outcomeRows: number): string {
  const hash = createHash('sha256').update(String(outcomeRows));
  for (const { dir, keep } of SOURCES) {
    for (const file of readdirSync(dir).filter(keep).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}

/** Makes the extracts in `dir` with `outcomeRows` outcome rows unless they are already today's. */
export async function ensureGeneratedExtracts(dir: string, outcomeRows: number): Promise<void> {
  const stamp = stampOf(outcomeRows);
  // Beside the folder, not in it: the pipeline reads every file in an extracts folder.
  const file = `${dir}.generated-from`;
  if (existsSync(file) && readFileSync(file, 'utf8') === stamp && existsSync(join(dir, 'outcomes.csv'))) return;
  console.log(`Generating ${outcomeRows.toLocaleString('en-GB')} outcome rows in ${dir}…`);
  rmSync(dir, { recursive: true, force: true });
  await generateSample({ out: dir, outcomeRows });
  writeFileSync(file, stamp);
}
