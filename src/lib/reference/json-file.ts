/**
 * Reads one JSON reference file against its zod schema, reporting every problem at the line and
 * column a council edits (the same locations `load.ts` gives for the core reference files).
 * The finance and resources files are read only by their own pages, so they load on their own
 * rather than through loadReference.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { locateJsonPath } from './load.ts';

export class ReferenceFileError extends Error {
  override name = 'ReferenceFileError';
}

export async function readReferenceJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const text = await readFile(path, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReferenceFileError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.infer<S>;
  const problems = parsed.error.issues.map((problem) => {
    const at = locateJsonPath(text, problem.path as (string | number)[]);
    return `${path}:${at.line}:${at.column}: ${problem.path.join('.') || 'file'}: ${problem.message}`;
  });
  throw new ReferenceFileError(`${path} does not match its schema:\n${problems.join('\n')}`);
}
