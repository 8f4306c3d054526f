/**
 * Reads a JSON file the site can build without (the manifest before the pipeline has run, say):
 * null when it is absent, its schema-checked contents otherwise. A malformed file is an error
 * naming the file and the fields, as everywhere else.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export function readOptionalJson<T>(file: string, schema: z.ZodType<T>): T | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
