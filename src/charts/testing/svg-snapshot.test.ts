import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
  it('writes a missing snapshot and passes outside CI', () => {
    const dir = tempDir();
    expect(compareSvgSnapshot('a', '<svg><g></g></svg>', dir, false)).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'a.svg'), 'utf8')).toBe('<svg>\n<g>\n</g>\n</svg>\n');
  });

  it('fails on a missing snapshot under CI, naming the file, and writes nothing', () => {
    const dir = tempDir();
    const result = compareSvgSnapshot('a', '<svg><g></g></svg>', dir, true);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(`SVG snapshot "a" is missing: ${join(dir, 'a.svg')}`);
    expect(existsSync(join(dir, 'a.svg'))).toBe(false);
  });

  it('reads CI=true from the environment by default', () => {
    const dir = tempDir();
    vi.stubEnv('CI', 'true');
    try {
      expect(compareSvgSnapshot('a', '<svg></svg>', dir).ok).toBe(false);
      vi.stubEnv('CI', '');
      expect(compareSvgSnapshot('a', '<svg></svg>', dir).ok).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('passes on a match and removes a stale -changed file', () => {
    const dir = tempDir();
    compareSvgSnapshot('a', '<svg></svg>', dir, false);
    compareSvgSnapshot('a', '<svg><g></g></svg>', dir, false);
    expect(existsSync(join(dir, 'a-changed.svg'))).toBe(true);
    expect(compareSvgSnapshot('a', '<svg></svg>', dir)).toEqual({ ok: true });
    expect(existsSync(join(dir, 'a-changed.svg'))).toBe(false);
  });

  it('writes <name>-changed.svg beside the snapshot on a mismatch and fails', () => {
    const dir = tempDir();
    compareSvgSnapshot('a', '<svg></svg>', dir, false);
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
