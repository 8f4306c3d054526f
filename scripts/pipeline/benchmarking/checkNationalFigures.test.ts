import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../issues.ts';
import { loadReference } from '../../../src/lib/reference/load.ts';
import { checkNationalFigures } from './checkNationalFigures.ts';

const ref = await loadReference('data/reference');

describe('checkNationalFigures', () => {
  it('accepts the sample', async () => {
    const figures = await checkNationalFigures('data/sample', 'data/reference', ref);
    expect(figures?.comparators.authorities).toHaveLength(150);
  });

  it('stops with file, line and column on a bad figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfo-national-'));
    cpSync('data/sample/national', join(dir, 'national'), { recursive: true });
    const file = join(dir, 'national', 'national_indicators.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = lines[4]!.replace(/,[^,]*$/, ',12x');
    writeFileSync(file, lines.join('\n'));
    const error = await checkNationalFigures(dir, 'data/reference', ref).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).issues.map((i) => [i.file, i.line, i.column, i.code])).toEqual([['national_indicators.csv', 5, 6, 'invalid_number']]);
  });

  it('leaves benchmarking out when there are no national figures', async () => {
    expect(await checkNationalFigures(mkdtempSync(join(tmpdir(), 'tfo-none-')), 'data/reference', ref)).toBeNull();
  });
});
