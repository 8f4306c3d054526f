import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareSvgSnapshot, formatSvg } from './svg-snapshot.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'svg-snapshot-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('compareSvgSnapshot', () => {
  it('writes a missing snapshot and passes', () => {
    const dir = tempDir();
    expect(compareSvgSnapshot('a', '<svg><g></g></svg>', dir)).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toBe('<svg>\n<g>\n</g>\n</svg>\n');
  });

  it('passes on a match and removes a stale -changed file', () => {
    const dir = tempDir();
    compareSvgSnapshot('a', '<svg></svg>', dir);
    compareSvgSnapshot('a', '<svg><g></g></svg>', dir);
    expect(existsSync(join(dir, 'a-changed.svg'))).toBe(true);
    expect(compareSvgSnapshot('a', '<svg></svg>', dir)).toEqual({ ok: true });
    expect(existsSync(join(dir, 'a-changed.svg'))).toBe(false);
  });

  it('writes <name>-changed.svg beside the snapshot on a mismatch and fails', () => {
    const dir = tempDir();
    compareSvgSnapshot('a', '<svg></svg>', dir);
    const result = compareSvgSnapshot('a', '<svg><path d="M0,0"/></svg>', dir);
    expect(result.ok).toBe(false);
    expect(readFileSync(join(dir, 'a-changed.svg'), 'utf8')).toBe('<svg>\n<path d="M0,0"/>\n</svg>\n');
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toBe('<svg>\n</svg>\n');
  });
});

describe('formatSvg', () => {
  it('never adds whitespace inside <text> or <title>', () => {
    const svg = '<svg><title>A &lt;b</title><g><text><tspan x="0">one</tspan><tspan x="0">two</tspan></text></g></svg>';
    expect(formatSvg(svg)).toBe('<svg>\n<title>A &lt;b</title>\n<g>\n<text><tspan x="0">one</tspan><tspan x="0">two</tspan></text>\n</g>\n</svg>\n');
  });
});
