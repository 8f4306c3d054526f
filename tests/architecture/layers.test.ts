/**
 * The layering rule in eslint.config.js, checked on made-up imports: each layer's forbidden
 * folders are refused at every depth, and a same-named folder lower down is not mistaken for one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

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
    ['src/components/DataTable/a.ts', '../../pages/indicators/index.astro', 'src/components is a layer below src/pages'],
    ['src/charts/a.ts', '../pages/index.astro', 'src/charts is a layer below src/pages'],
    ['src/components/Figure/Figure.astro.ts', '../../pages/index.astro', 'src/components is a layer below src/pages'],
    ['src/pages/data/a.ts', '../../../scripts/pipeline/run.ts', 'Nothing in src/ imports the pipeline'],
    ['src/browser/compare/a.ts', '../../../scripts/pipeline/duckdb.ts', 'Nothing in src/ imports the pipeline'],
    ['scripts/pipeline/write/a.ts', '../../../src/charts/render.ts', 'scripts/ may import src/lib, never the site above it'],
    ['scripts/cli/a.ts', '../../src/pages/data/_open-data.ts', 'scripts/ may import src/lib, never the site above it'],
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

/** Every import in an .astro file (frontmatter and <script>), which ESLint here does not parse. */
function astroImports(source: string): string[] {
  return [...source.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1] as string);
}

describe('layers in .astro files', () => {
  const astroFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.astro'))
    .map((f) => relative(root, join(root, 'src', f)));

  it('finds the imports of a page', () => {
    expect(astroImports("---\nimport Base from '../layouts/Base.astro';\nimport { a } from \"../lib/x.ts\";\n---\n<script>\n  import '../browser/y.ts';\n</script>")).toEqual([
      '../layouts/Base.astro',
      '../lib/x.ts',
      '../browser/y.ts',
    ]);
  });

  it('hold for every .astro file, checked by the same ESLint rule', async () => {
    const problems: string[] = [];
    for (const file of astroFiles) {
      const imports = astroImports(readFileSync(join(root, file), 'utf8'));
      if (imports.length === 0) continue;
      // Linted as a .ts file at the same depth, so the rule for the file's folder applies.
      const [result] = await eslint.lintText(imports.map((i) => `import '${i}';`).join('\n'), { filePath: `${file}.ts` });
      for (const m of result?.messages ?? []) if (m.ruleId === 'no-restricted-imports') problems.push(`${file}: ${m.message}`);
    }
    expect(astroFiles.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
