import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStatusThresholds, PROGRAMME_FILE } from './thresholds.ts';

const dir = mkdtempSync(join(tmpdir(), 'tfo-thresholds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadStatusThresholds', () => {
  it('reads only the thresholds', () => {
    const file = join(dir, 'programme.json');
    writeFileSync(file, JSON.stringify({ status_thresholds: { at_risk: 0.95, off_track: 0.85 } }));
    expect(loadStatusThresholds(file)).toEqual({ at_risk: 0.95, off_track: 0.85 });
  });

  it('is null without a programme file and fails on a bad one', () => {
    expect(loadStatusThresholds(join(dir, 'absent.json'))).toBeNull();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ status_thresholds: { at_risk: 2 } }));
    expect(() => loadStatusThresholds(file)).toThrow(/bad\.json: status_thresholds\.at_risk: /);
  });

  it('reads the programme file the project ships', () => {
    const thresholds = loadStatusThresholds(join(process.cwd(), PROGRAMME_FILE));
    expect(thresholds?.off_track).toBeLessThanOrEqual(thresholds?.at_risk ?? 0);
  });
});
