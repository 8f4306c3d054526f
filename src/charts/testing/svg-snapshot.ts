/**
 * SVG snapshot comparison in the style of Observable Plot's own tests: each chart test renders
 * a real chart from a fixed dataset and compares it with `__snapshots__/<name>.svg`.
 *
 * - No snapshot yet: locally it is written and the test passes (the first run creates them);
 *   under CI (`CI=true`) the test fails instead, as Plot's harness does, so a deleted or
 *   never-committed snapshot cannot go green there.
 * - A mismatch: the new output is written beside it as `<name>-changed.svg` for review, and
 *   the test fails. To accept it, replace the snapshot with the changed file.
 *
 * Snapshots break lines between graphic elements (never inside <text>, where whitespace would
 * show) so that diffs are readable; the files remain valid SVG that renders the same.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SNAPSHOT_DIR = fileURLToPath(new URL('../__snapshots__/', import.meta.url));

/** Opening tags that start a new line in a snapshot file. */
const BREAK_OPEN = new Set(['g', 'path', 'line', 'rect', 'circle', 'title', 'desc', 'style', 'clipPath', 'text']);
/** Closing tags that start a new line: containers only, so no element's text content changes. */
const BREAK_CLOSE = new Set(['g', 'clipPath', 'svg']);

/** Line breaks before element tags, but never inside a <text>, where whitespace would show. */
export function formatSvg(svg: string): string {
  let depth = 0;
  const formatted = svg.replace(/<(\/?)([A-Za-z]+)/g, (match: string, slash: string, name: string, offset: number) => {
    const breaks = slash ? BREAK_CLOSE.has(name) : BREAK_OPEN.has(name);
    const out = depth === 0 && offset > 0 && breaks ? `\n${match}` : match;
    if (name === 'text') depth += slash ? -1 : 1;
    return out;
  });
  return `${formatted}\n`;
}

/** CI providers (GitHub Actions, GitLab, .ci/run under them) set CI=true. */
function runningInCi(): boolean {
  return process.env.CI === 'true';
}

export function compareSvgSnapshot(
  name: string,
  svg: string,
  dir: string = SNAPSHOT_DIR,
  ci: boolean = runningInCi(),
): { ok: true } | { ok: false; message: string } {
  const expectedPath = join(dir, `${name}.svg`);
  const changedPath = join(dir, `${name}-changed.svg`);
  const actual = formatSvg(svg);
  if (!existsSync(expectedPath)) {
    if (ci) {
      return {
        ok: false,
        message: `SVG snapshot "${name}" is missing: ${expectedPath} does not exist (CI=true never writes one). Run the test locally to create it, review it and commit it`,
      };
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(expectedPath, actual);
    return { ok: true };
  }
  if (readFileSync(expectedPath, 'utf8') === actual) {
    rmSync(changedPath, { force: true });
    return { ok: true };
  }
  writeFileSync(changedPath, actual);
  return { ok: false, message: `SVG snapshot "${name}" changed: compare ${changedPath} with ${expectedPath}; replace the snapshot with it to accept` };
}

/** Throws (failing the test) when the SVG differs from its snapshot. */
export function expectSvgSnapshot(name: string, svg: string): void {
  const result = compareSvgSnapshot(name, svg);
  if (!result.ok) throw new Error(result.message);
}
