/**
 * Hostile-input benchmark: the pathological extracts of tests/pipeline/hostile-inputs.test.ts at
 * full size, each through the whole pipeline in its own process, with the time and peak memory
 * it takes to refuse. The inputs are generated from the shipped sample into .cache (never
 * committed) the first time. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { extracts as extractSpecs } from '../pipeline/contract/extracts.ts';
import { extractLimits } from '../pipeline/contract/limits.ts';

const DIR = '.cache/bench/hostile';
const MB = 1024 * 1024;

interface HostileInput {
  readonly label: string;
  /** Rewrites one extract of a copy of the sample. */
  readonly make: (extracts: string) => void;
}

interface Measured {
  seconds: number;
  maxRssMb: number;
  refused: boolean;
  first: string;
}

/** `bytes` bytes of `fill`, written a megabyte at a time. */
interface Filler {
  readonly fill: string;
  readonly bytes: number;
}

/**
 * Writes `file` from pieces, long runs a megabyte at a time. This process must stay small: a
 * child's peak memory (max RSS) counts what its parent held when it was started, so a 512 MB
 * buffer here would show up in every measurement after it.
 */
function writePieces(path: string, pieces: readonly (string | Filler)[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        writeSync(fd, Buffer.from(piece));
        continue;
      }
      const chunk = Buffer.alloc(MB, piece.fill);
      for (let left = piece.bytes; left > 0; left -= MB) writeSync(fd, chunk, 0, Math.min(MB, left));
    }
  } finally {
    closeSync(fd);
  }
}

function sampleLines(extracts: string, file: string): string[] {
  return readFileSync(join(extracts, file), 'utf8').split('\n');
}

const inputs: readonly HostileInput[] = [
  { label: 'the sample as shipped (for comparison)', make: () => undefined },
  {
    label: '10,000 columns',
    make: (extracts) => {
      const lines = sampleLines(extracts, 'families.csv');
      const header = Array.from({ length: 10_000 }, (_, i) => `,extra_${i}`).join('');
      const row = ',1'.repeat(10_000);
      writePieces(join(extracts, 'families.csv'), lines.map((l, i) => (l === '' ? '' : `${l}${i === 0 ? header : row}\n`)));
    },
  },
  {
    // Within every limit, and the privacy guard's worst case: every value of every column is
    // an identifier, so every cell goes through every pattern.
    label: 'an email address in each of 90 extra columns of outcomes.csv',
    make: (extracts) => {
      const lines = sampleLines(extracts, 'outcomes.csv');
      const header = Array.from({ length: 90 }, (_, i) => `,contact_${i}`).join('');
      writePieces(
        join(extracts, 'outcomes.csv'),
        lines.map((l, n) => (l === '' ? '' : `${l}${n === 0 ? header : Array.from({ length: 90 }, (_, i) => `,person${n}.${i}@example.org`).join('')}\n`)),
      );
    },
  },
  {
    label: 'a 200 MB header line',
    make: (extracts) => {
      const [header, ...rest] = sampleLines(extracts, 'families.csv');
      writePieces(join(extracts, 'families.csv'), [`${header},`, { fill: 'a', bytes: 200 * MB }, `\n${rest.join('\n')}`]);
    },
  },
  {
    label: 'a 10 MB value',
    make: (extracts) => {
      const lines = sampleLines(extracts, 'families.csv');
      const fields = lines[4]!.split(',');
      fields[10] = '9'.repeat(10 * MB);
      lines[4] = fields.join(',');
      writePieces(join(extracts, 'families.csv'), [lines.join('\n')]);
    },
  },
  {
    label: 'one 200 MB record',
    make: (extracts) => {
      const [header, first, ...rest] = sampleLines(extracts, 'families.csv');
      writePieces(join(extracts, 'families.csv'), [`${header}\n${first}\n`, { fill: 'x', bytes: 200 * MB }, `\n${rest.join('\n')}`]);
    },
  },
  {
    label: 'a file at the size limit of near-empty lines',
    make: (extracts) => {
      const header = `${sampleLines(extracts, 'outcomes.csv')[0]}\n`;
      writePieces(join(extracts, 'outcomes.csv'), [header, { fill: '1\n', bytes: extractLimits.fileBytes - header.length }]);
    },
  },
  {
    label: 'a file over the size limit (sparse)',
    make: (extracts) => truncateSync(join(extracts, 'outcomes.csv'), extractLimits.fileBytes + 1),
  },
];

/**
 * The input's folder, named after its label so a changed list never reuses a stale input, and
 * made again when the sample changes (a regenerated sample made the old copies fail a newer rule).
 */
function prepare(input: HostileInput, sample: string): string {
  const root = join(DIR, input.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  const extracts = join(root, 'extracts');
  const done = join(root, 'ready');
  const stamp = `${input.label}\n${sample}`;
  if (existsSync(done) && readFileSync(done, 'utf8') === stamp) return extracts;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync('data/sample', extracts, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  input.make(extracts);
  writePieces(done, [stamp]);
  return extracts;
}

/** SHA-256 of the sample's extracts, which every input starts from. */
function sampleStamp(): string {
  const hash = createHash('sha256');
  for (const e of extractSpecs) hash.update(e.file).update(readFileSync(join('data/sample', e.file)));
  return hash.digest('hex');
}

/** The child's figures, or null (after printing why) when it crashed rather than answered. */
function measure(extracts: string, out: string): Measured | null {
  try {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/hostile-child.ts', extracts, out], { encoding: 'utf8', maxBuffer: 16 * MB, stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measured;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    // Node prints the failing source line first; the "SomeError: message" line says what failed.
    const reason = stderr.split('\n').find((l) => /^\w*Error: /.test(l)) ?? stderr.split('\n')[0];
    console.log(`  the run crashed instead of answering: ${reason?.trim()}`);
    return null;
  }
}

export async function benchHostile(): Promise<void> {
  const results: { label: string; m: Measured; hostile: boolean }[] = [];
  const sampleFiles = sampleStamp();
  for (const [i, input] of inputs.entries()) {
    console.log(`${input.label}:`);
    const m = measure(prepare(input, sampleFiles), join(DIR, `out-${i}`));
    if (!m) continue;
    results.push({ label: input.label, m, hostile: i > 0 });
    const outcome = m.refused ? `refused: ${m.first.slice(0, 140)}${m.first.length > 140 ? '…' : ''}` : 'published';
    console.log(`  ${m.seconds.toFixed(2)} s, peak memory ${m.maxRssMb.toFixed(0)} MB; ${outcome}`);
  }
  const hostile = results.filter((r) => r.hostile);
  if (hostile.length === 0) return;
  const slowest = hostile.reduce((a, b) => (b.m.seconds > a.m.seconds ? b : a));
  const largest = hostile.reduce((a, b) => (b.m.maxRssMb > a.m.maxRssMb ? b : a));
  const sample = results.find((r) => !r.hostile);
  console.log(
    `Worst hostile input: ${slowest.label} takes ${slowest.m.seconds.toFixed(2)} s; ${largest.label} peaks at ${largest.m.maxRssMb.toFixed(0)} MB` +
      (sample ? ` (the sample: ${sample.m.seconds.toFixed(2)} s, ${sample.m.maxRssMb.toFixed(0)} MB)` : ''),
  );
}
