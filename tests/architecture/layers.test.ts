/**
 * The layering rule in eslint.config.js, checked on made-up imports: each layer's forbidden
 * folders are refused at every depth, and a same-named folder lower down is not mistaken for one.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The layering messages ESLint gives for one import written in a file at `filePath`. */
async function layerErrors(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers point one way', () => {
  it.each([
    ['src/lib/dashboard/a.ts', '../../components/DataTable/types.ts', 'src/lib is a layer below src/components'],
    ['src/lib/dashboard/a.ts', '../../charts/line-trend.ts', 'src/lib is a layer below src/charts'],
    ['src/lib/dashboard/a.ts', '../../pages/index.astro', 'src/lib is a layer below src/pages'],
    ['src/lib/dashboard/a.ts', '../../layouts/Base.astro', 'src/lib is a layer below src/layouts'],
    ['src/lib/dashboard/a.ts', '../../browser/dashboard/update.ts', 'src/lib is a layer below src/browser'],
    ['src/lib/a/b/c.ts', '../../../charts/render.ts', 'src/lib is a layer below src/charts'],
    ['src/lib/dashboard/a.ts', '../../../scripts/pipeline/issues.ts', 'Nothing in src/ imports the pipeline'],
    ['src/components/DataTable/a.ts', '../../pages/indicators/_site-data.ts', 'src/components is a layer below src/pages'],
    ['src/charts/a.ts', '../pages/index.astro', 'src/charts is a layer below src/pages'],
    ['src/pages/data/a.ts', '../../../scripts/pipeline/run.ts', 'Nothing in src/ imports the pipeline'],
    ['src/browser/compare/a.ts', '../../../scripts/pipeline/duckdb.ts', 'Nothing in src/ imports the pipeline'],
  ])('%s may not import %s', async (file, specifier, message) => {
    const errors = await layerErrors(file, specifier);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['src/lib/dashboard/a.ts', '../browser/duckdb.ts'],
    ['src/lib/dashboard/a.ts', '../sql/query.ts'],
    ['src/components/DataTable/a.ts', '../../charts/render.ts'],
    ['src/components/DataTable/a.ts', '../../lib/format/value.ts'],
    ['src/pages/data/a.ts', '../../components/DataTable/types.ts'],
    ['src/browser/dashboard/a.ts', '../../lib/dashboard/model.ts'],
    ['src/lib/browser/a.test.ts', '../../../scripts/pipeline/duckdb.ts'],
    ['scripts/pipeline/a.ts', '../../src/lib/sql/query.ts'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).toEqual([]);
  });

  it('still refuses an upward import from a test', async () => {
    expect(await layerErrors('src/lib/dashboard/a.test.ts', '../../charts/render.ts')).toHaveLength(1);
  });
});
