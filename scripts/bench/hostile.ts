/**
 * Hostile-input benchmark: the pathological extracts of tests/pipeline/hostile-inputs.test.ts at
 * full size, each through the whole pipeline in its own process, with the time and peak memory
 * it takes to refuse. The inputs are generated from the shipped sample into .cache (never
 * committed) the first time. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
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

/** Writes `file` from pieces, so a 200 MB line is never one JavaScript string. */
function writePieces(path: string, pieces: readonly (string | Buffer)[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(fd, typeof piece === 'string' ? Buffer.from(piece) : piece);
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
    label: 'a 200 MB header line',
    make: (extracts) => {
      const [header, ...rest] = sampleLines(extracts, 'families.csv');
      writePieces(join(extracts, 'families.csv'), [`${header},`, Buffer.alloc(200 * MB, 'a'), `\n${rest.join('\n')}`]);
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
      writePieces(join(extracts, 'families.csv'), [`${header}\n${first}\n`, Buffer.alloc(200 * MB, 'x'), `\n${rest.join('\n')}`]);
    },
  },
  {
    label: 'a file at the size limit of near-empty lines',
    make: (extracts) => writePieces(join(extracts, 'outcomes.csv'), ['family_ref\n', Buffer.alloc(extractLimits.fileBytes - 11, '1\n')]),
  },
  {
    label: 'a file over the size limit (sparse)',
    make: (extracts) => truncateSync(join(extracts, 'outcomes.csv'), extractLimits.fileBytes + 1),
  },
];

function prepare(input: HostileInput, index: number): string {
  const root = join(DIR, `input-${index}`);
  const extracts = join(root, 'extracts');
  const done = join(root, 'ready');
  if (existsSync(done)) return extracts;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync('data/sample', extracts, { recursive: true, filter: (src) => !src.endsWith('README.md') });
  input.make(extracts);
  writePieces(done, [input.label]);
  return extracts;
}

function measure(extracts: string, out: string): Measured {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench/hostile-child.ts', extracts, out], { encoding: 'utf8', maxBuffer: 16 * MB });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measured;
}

export async function benchHostile(): Promise<void> {
  const results: { label: string; m: Measured }[] = [];
  for (const [i, input] of inputs.entries()) {
    const m = measure(prepare(input, i), join(DIR, `out-${i}`));
    results.push({ label: input.label, m });
    const outcome = m.refused ? `refused: ${m.first.slice(0, 140)}${m.first.length > 140 ? '…' : ''}` : 'published';
    console.log(`${input.label}: ${m.seconds.toFixed(2)} s, peak memory ${m.maxRssMb.toFixed(0)} MB; ${outcome}`);
  }
  const hostile = results.slice(1);
  const slowest = hostile.reduce((a, b) => (b.m.seconds > a.m.seconds ? b : a));
  const largest = hostile.reduce((a, b) => (b.m.maxRssMb > a.m.maxRssMb ? b : a));
  console.log(
    `Worst hostile input: ${slowest.label} takes ${slowest.m.seconds.toFixed(2)} s; ${largest.label} peaks at ${largest.m.maxRssMb.toFixed(0)} MB ` +
      `(the sample: ${results[0]!.m.seconds.toFixed(2)} s, ${results[0]!.m.maxRssMb.toFixed(0)} MB)`,
  );
}
