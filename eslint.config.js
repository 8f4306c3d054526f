import tseslint from 'typescript-eslint';

/**
 * Layers point one way: pages and browser entry points on top, then components and charts, then
 * src/lib; the pipeline in scripts/ may import src/lib, nothing in src/ imports scripts/.
 * Each folder of src/ lists the folders of src/ it must not import from.
 */
const LAYERS = [
  { folder: 'lib', above: ['components', 'charts', 'pages', 'layouts', 'browser'] },
  { folder: 'components', above: ['pages', 'layouts', 'browser'] },
  { folder: 'charts', above: ['pages', 'layouts', 'browser'] },
  { folder: 'browser', above: [] },
  { folder: 'pages', above: [] },
  { folder: 'layouts', above: [] },
];
/** Deepest file below src/ the rule covers (src/a/b/c/d/e.ts); the deepest today is 2. */
const MAX_DEPTH = 5;
const SOURCE = '{ts,tsx,js,mjs}';

/**
 * no-restricted-imports matches the import as written, not the file it resolves to, so a rule
 * is made per depth: from src/lib/x/y.ts, "../../components/" is src/components while
 * "../browser/" is src/lib/browser, which is allowed.
 */
function layerRules({ folder, above }, depth, allowScripts) {
  const up = `(\\.\\./){${depth}}`;
  const patterns = above.map((name) => ({
    regex: `^${up}(\\.\\./src/)?${name}(/|$)`,
    message: `src/${folder} is a layer below src/${name} and may not import from it; move what both need down into src/lib.`,
  }));
  if (!allowScripts) {
    patterns.push({
      regex: `^${up}\\.\\./scripts(/|$)`,
      message: 'Nothing in src/ imports the pipeline (scripts/); move what both need into src/lib.',
    });
  }
  return { 'no-restricted-imports': ['error', { patterns }] };
}

function layerConfigs() {
  const configs = [];
  for (const layer of LAYERS) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const files = [`src/${layer.folder}/${'*/'.repeat(depth - 1)}*.${SOURCE}`];
      configs.push({ files, rules: layerRules(layer, depth, false) });
      // Tests may use the pipeline's native DuckDB to build fixtures; only the code they test is layered.
      configs.push({ files: files.map((f) => f.replace(`*.${SOURCE}`, `*.test.${SOURCE}`)), rules: layerRules(layer, depth, true) });
    }
  }
  return configs;
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'public/', '.cache/', 'bench-out/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The pipeline and the command-line tools depend on src/lib only, never on the site above it.
  {
    files: [`scripts/**/*.${SOURCE}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+src/(components|charts|pages|layouts|browser)(/|$)', message: 'scripts/ may import src/lib, never the site above it; move what both need into src/lib.' }] },
      ],
    },
  },
  // Files directly in src/ (env.d.ts) import nothing from scripts/ either.
  { files: [`src/*.${SOURCE}`], rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./scripts(/|$)', message: 'Nothing in src/ imports the pipeline (scripts/).' }] }] } },
  ...layerConfigs(),
);
