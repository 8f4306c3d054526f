/**
 * Claims checked against the programme's rules, and the internal claims file, through the real
 * CLI on real files: a copy of the sample with one claim made wrong. Each refused run exits 1,
 * names the file, line and column, and leaves the last good output as it was; under
 * --accept-partial the claim is reported and left out instead.
 */
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { columnNumber, hashDir, makeWorkspace, readLines, runOn, setField, writeLines, type Workspace } from './cli-harness.ts';

/** The board audience: these checks run before disclosure, and its runs are the quicker. */
const BOARD = ['--audience', 'board'];

let goodOut: string;
let goodHashes: Record<string, string>;

beforeAll(async () => {
  const ws = makeWorkspace();
  const result = await runOn(ws, BOARD);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  goodOut = ws.out;
  goodHashes = hashDir(goodOut);
});

function workspaceWithGoodOutput(): Workspace {
  const ws = makeWorkspace();
  cpSync(goodOut, ws.out, { recursive: true, dereference: true });
  return ws;
}

/** Appends a line to an extract; returns its line number. */
function appendLine(ws: Workspace, file: string, line: string): number {
  const lines = readLines(ws, file).filter((l) => l !== '');
  writeLines(ws, file, [...lines, line, '']);
  return lines.length + 1;
}

async function expectRefused(ws: Workspace, location: string, words: RegExp): Promise<void> {
  const result = await runOn(ws, BOARD);
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toContain(`${location}: `);
  expect(result.stderr).toMatch(words);
  expect(result.stderr).toMatch(/Fix:|fix/);
  expect(hashDir(ws.out)).toEqual(goodHashes);
}

describe('claims are checked against the rules', () => {
  it('refuses a claim for a family that was never attached', async () => {
    const ws = workspaceWithGoodOutput();
    // Line 10 of the sample's families.csv: A6HMM244, identified in April 2012, never attached.
    const line = appendLine(ws, 'claims.csv', 'CX-NEVER-1,A6HMM244,2012-13 Q2,attachment_fee,2012-07-15,3200.00');
    await expectRefused(ws, `claims.csv:${line}:2`, /A6HMM244 was never attached/);
  });

  it('refuses a claim dated before the family was attached', async () => {
    const ws = workspaceWithGoodOutput();
    // 8TP7W206 was attached on 2012-04-21; its attachment fee is line 2.
    setField(ws, 'claims.csv', 2, 'claim_date', '2012-04-10');
    await expectRefused(ws, `claims.csv:2:${columnNumber(ws, 'claims.csv', 'claim_date')}`, /claim_date 2012-04-10 is before family 8TP7W206 was attached on 2012-04-21/);
  });

  it('refuses a phase 2 family with fewer criteria than the phase minimum, and so its claims', async () => {
    const ws = workspaceWithGoodOutput();
    // Line 445: R900KTAC, phase 2, crime_asb;education.
    setField(ws, 'families.csv', 445, 'criteria', 'crime_asb');
    const result = await runOn(ws, BOARD);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(`families.csv:445:${columnNumber(ws, 'families.csv', 'criteria')}: `);
    expect(result.stderr).toMatch(/meets 1 criterion but phase_2 requires at least 2/);
    expect(result.stderr).toMatch(/R900KTAC" is in families.csv \(line 445\) but that row was rejected/);
    expect(hashDir(ws.out)).toEqual(goodHashes);
  });

  it('refuses a results claim made before the outcome was sustained', async () => {
    const ws = workspaceWithGoodOutput();
    // Progress to work for 8TP7W206 was achieved on 2013-06-17: sustained six months later.
    setField(ws, 'claims.csv', 3, 'claim_date', '2013-09-15');
    await expectRefused(ws, `claims.csv:3:${columnNumber(ws, 'claims.csv', 'claim_date')}`, /claim_date 2013-09-15 is before the outcomes of rule p1_progress_to_work were sustained, on 2013-12-17/);
  });

  it('refuses a second results claim for one family in one window', async () => {
    const ws = workspaceWithGoodOutput();
    const line = appendLine(ws, 'claims.csv', 'C2013Q4-8TP7W206-9,8TP7W206,2013-14 Q4,progress_to_work,2014-03-20,100.00');
    await expectRefused(ws, `claims.csv:${line}:${columnNumber(ws, 'claims.csv', 'claim_type')}`, /already has a progress_to_work claim on line 3 in the same claim window 2013-14 Q4/);
  });

  it("refuses a claim outside the phase's dates", async () => {
    const ws = workspaceWithGoodOutput();
    // Phase 1 ended on 2015-03-31; its results may be claimed for 24 months after.
    setField(ws, 'claims.csv', 3, 'claim_date', '2017-06-15');
    await expectRefused(ws, `claims.csv:3:${columnNumber(ws, 'claims.csv', 'claim_date')}`, /outside phase_1, whose results claims run from 2012-04-01 to 2017-03-31/);
  });

  it('refuses continuous employment for a family already claimed for crime and education in the window, and the reverse', async () => {
    const ws = workspaceWithGoodOutput();
    const claimType = columnNumber(ws, 'claims.csv', 'claim_type');
    // Line 30: 8DQBR54N's crime and education result, 2014-15 Q3. Line 13: HC7RBJ6S's continuous employment, 2013-14 Q3.
    const ce = appendLine(ws, 'claims.csv', 'CX-CE-8DQBR54N,8DQBR54N,2014-15 Q3,continuous_employment,2014-12-20,1600.00');
    const crime = appendLine(ws, 'claims.csv', 'CX-CE-HC7RBJ6S,HC7RBJ6S,2014-15 Q1,results_crime_education,2014-06-15,1400.00');
    const result = await runOn(ws, BOARD);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      `claims.csv:${ce}:${claimType}: error (claim_type): Family 8DQBR54N already has a results_crime_education claim on line 30 in the same claim window 2014-15 Q3; rule p1_continuous_employment replaces rule p1_crime_education, so the family is paid continuous_employment or results_crime_education, never both.`,
    );
    expect(result.stderr).toContain(
      `claims.csv:${crime}:${claimType}: error (claim_type): Family HC7RBJ6S already has a continuous_employment claim on line 13 (claim window 2013-14 Q3); rule p1_continuous_employment replaces rule p1_crime_education, so the family is paid results_crime_education or continuous_employment, never both.`,
    );
    expect(hashDir(ws.out)).toEqual(goodHashes);
  });

  it('refuses a results claim whose measurement was followed up for less than the rule\'s minimum, or reports it under --accept-partial', async () => {
    const ws = workspaceWithGoodOutput();
    // Line 10: F6NFT2GM's crime and education result. Its school attendance (outcomes.csv line 20)
    // was followed up from 2013-04-10 to 2014-04-10; three terms ask for at least nine months.
    setField(ws, 'outcomes.csv', 20, 'followup_period_start', '2013-10-10');
    const message = `claims.csv:10:${columnNumber(ws, 'claims.csv', 'claim_type')}: error (claim_type): The follow-up is too short for rule p1_crime_education: school_attendance was followed up from 2013-10-10 to 2014-04-10, less than the 9 months the rule asks for.`;
    const refused = await runOn(ws, BOARD);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(message);
    // Its other claims, and every other family's, meet the shipped minimums.
    expect(refused.stderr.match(/The follow-up is too short/g)).toHaveLength(1);
    expect(hashDir(ws.out)).toEqual(goodHashes);
    const partial = await runOn(ws, [...BOARD, '--accept-partial']);
    expect(partial.code, partial.stderr).toBe(0);
    const report = readFileSync(join(ws.report, 'data-quality.md'), 'utf8');
    expect(report).toContain('results_claim_followup_short');
    expect(report).toContain('claims.csv:10:');
  });

  it('under --accept-partial reports the claim and leaves it out', async () => {
    const ws = workspaceWithGoodOutput();
    setField(ws, 'claims.csv', 2, 'claim_date', '2012-04-10');
    const result = await runOn(ws, [...BOARD, '--accept-partial']);
    expect(result.code, result.stderr).toBe(0);
    const report = readFileSync(join(ws.report, 'data-quality.md'), 'utf8');
    expect(report).toContain(`claims.csv:2:${columnNumber(ws, 'claims.csv', 'claim_date')}`);
    expect(report).toContain('claim_before_attachment');
    const manifest = JSON.parse(readFileSync(join(ws.out, 'manifest.json'), 'utf8')) as { sources: { file: string; rows_rejected: number }[] };
    expect(manifest.sources.find((s) => s.file === 'claims.csv')?.rows_rejected).toBe(1);
  });
});

describe('the internal claims file', () => {
  it('lists the families that meet a window\'s results criteria, with the rule met', async () => {
    const ws = makeWorkspace();
    const file = join(ws.root, 'claims-2013-14-Q4.csv');
    const result = await runOn(ws, [...BOARD, '--claims-file', file, '--claims-window', '2013-14 Q4']);
    expect(result.code, result.stderr).toBe(0);
    const [header, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(header).toBe('claim_window,family_ref,programme_phase,cohort_year,locality_code,date_attached,claim_type,rule,rule_title,outcomes_met_on,claim_ref_in_window');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.startsWith('2013-14 Q4,'))).toBe(true);
    expect(rows).toContainEqual(expect.stringMatching(/^2013-14 Q4,8TP7W206,phase_1,2012-13,CTR,2012-04-21,progress_to_work,p1_progress_to_work,[^\n]*,2013-12-17,C2013Q4-8TP7W206-2$/));
    // Nothing of it reaches the published folder.
    for (const name of Object.keys(hashDir(ws.out))) expect(readFileSync(join(ws.out, name)).includes('8TP7W206')).toBe(false);
  });

  it('is never written for the public audience', async () => {
    const ws = makeWorkspace();
    const file = join(ws.root, 'claims.csv');
    const result = await runOn(ws, ['--audience', 'public', '--claims-file', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--claims-file .*internal \(board\) audience only/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(ws.out)).toBe(false);
  });

  it('is never written under a published folder', async () => {
    const ws = makeWorkspace();
    for (const path of [join(ws.out, 'claims.csv'), resolve('public/claims.csv'), resolve('dist/claims.csv'), resolve('dist-board/data/claims.csv')]) {
      const result = await runOn(ws, [...BOARD, '--claims-file', path]);
      expect(result.code, path).toBe(2);
      expect(result.stderr).toMatch(/--claims-file .* is inside .*keep it private/);
      expect(existsSync(path)).toBe(false);
    }
  });

  it('is never written inside the extracts folder, where the next run would read it as an extract', async () => {
    const ws = makeWorkspace();
    const before = readdirSync(ws.extracts);
    const claims = readFileSync(join(ws.extracts, 'claims.csv'));
    // A new file there, the input claims.csv itself, and the same folder through a link.
    symlinkSync(ws.extracts, join(ws.root, 'inputs'));
    for (const path of [join(ws.extracts, 'claimable.csv'), join(ws.extracts, 'claims.csv'), join(ws.root, 'inputs', 'claimable.csv')]) {
      const result = await runOn(ws, [...BOARD, '--claims-file', path]);
      expect(result.code, path).toBe(2);
      expect(result.stderr).toContain(`--claims-file ${path} is inside the extracts folder (--extracts ${ws.extracts}), which each run reads as input;`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(ws.extracts)).toEqual(before);
    expect(readFileSync(join(ws.extracts, 'claims.csv')).equals(claims)).toBe(true);
    expect(existsSync(ws.out)).toBe(false);
  });
});
