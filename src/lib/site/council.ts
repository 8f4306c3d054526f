/**
 * How the site presents the council, from data/reference/council.json. Read with fs at build
 * time (not a JSON import) so a council can edit the file without touching code, and checked
 * against the shared schema so a typo fails the build with a readable message.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { councilSchema, type Council } from '../reference/schema.ts';
import { contrastRatio, MIN_TEXT_CONTRAST } from './contrast.ts';

/** Relative to the project root, which is the working directory of `astro build` and `npm test`. */
export const COUNCIL_FILE = 'data/reference/council.json';

export function loadCouncil(file: string = resolve(process.cwd(), COUNCIL_FILE)): Council {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${file}: not found. The site needs the council's name, programme name and accent colour there.`, {
        cause: error,
      });
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = councilSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  assertReadableAccent(parsed.data, file);
  return parsed.data;
}

/** The header puts white text on the accent colour: refuse one that white text cannot be read on. */
export function assertReadableAccent(council: Council, file: string): void {
  const ratio = contrastRatio(council.accent_colour, '#ffffff');
  if (ratio < MIN_TEXT_CONTRAST) {
    throw new Error(
      `${file}: accent_colour ${council.accent_colour} has a contrast of ${ratio.toFixed(2)}:1 with white; ` +
        `the header puts white text on it, which needs at least ${MIN_TEXT_CONTRAST}:1. Choose a darker colour.`,
    );
  }
}
