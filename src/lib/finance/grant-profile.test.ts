import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaymentFramework, paymentFrameworkSchema, PAYMENT_FRAMEWORK_FILE, YORK_EXAMPLE_FILE } from '../reference/payment-framework.ts';
import { financeByYear, type ClaimAmountRow } from './claimed.ts';
import { grantProfile, thousands } from './grant-profile.ts';

describe('grantProfile', () => {
  it("reproduces York's published grant table to the thousand pounds", async () => {
    const york = await loadPaymentFramework(YORK_EXAMPLE_FILE);
    const profile = grantProfile(york);
    // City of York Council 2012, paragraph 40, £000.
    expect(profile.years.map((y) => thousands(y.upFrontGbp))).toEqual([330, 240, 96]);
    expect(profile.years.map((y) => thousands(y.resultsAtFullSuccessGbp))).toEqual([82, 160, 144]);
    expect(profile.years.map((y) => thousands(y.totalGbp))).toEqual([412, 400, 240]);
    expect(thousands(profile.total.upFrontGbp)).toBe(666);
    expect(thousands(profile.total.resultsAtFullSuccessGbp)).toBe(386);
    expect(thousands(profile.total.totalGbp)).toBe(1052);
    // 315 committed, five-sixths funded: 262.5, profiled as 103 + 100 + 60 = 263.
    expect(profile.fundedOfCommitted).toBe(262.5);
    expect(profile.total.fundedFamilies).toBe(263);
  });

  it("loads the sample council's framework", async () => {
    const framework = await loadPaymentFramework(PAYMENT_FRAMEWORK_FILE);
    const profile = grantProfile(framework);
    expect(profile.total.totalGbp).toBe(profile.total.fundedFamilies * framework.per_family_max_gbp);
  });

  it('refuses a profile that funds more families than the funded share allows', () => {
    const parsed = paymentFrameworkSchema.safeParse({
      schema_version: 1, code: 'x', title: 'X', source: 'test', phase: 'phase_1', per_family_max_gbp: 4000, committed_families: 60,
      funded_share: { numerator: 5, denominator: 6 },
      years: [{ year: '2012-13', funded_families: 60, attachment_share: 0.8, results_share: 0.2 }],
      results_claim_types: [],
    });
    expect(parsed.success).toBe(false);
  });
});

describe('financeByYear', () => {
  const framework = {
    schema_version: 1 as const, code: 't', title: 'T', source: 's', phase: 'phase_1', per_family_max_gbp: 1000, committed_families: 12,
    funded_share: { numerator: 5, denominator: 6 },
    years: [
      { year: '2012-13', funded_families: 5, attachment_share: 0.8, results_share: 0.2 },
      { year: '2013-14', funded_families: 5, attachment_share: 0.6, results_share: 0.4 },
    ],
    results_claim_types: ['results_a', 'results_b'],
  };
  const profile = grantProfile(framework);

  it('sums results claim types and projects from the published years only', () => {
    const rows: ClaimAmountRow[] = [
      { period: '2012-13', breakdown: 'all', value: 5000, flag: null },
      { period: '2012-13', breakdown: 'results_a', value: 300, flag: null },
      { period: '2012-13', breakdown: 'results_b', value: 200, flag: null },
      { period: '2013-14', breakdown: 'results_a', value: null, flag: '[c]' },
      { period: '2013-14', breakdown: 'results_b', value: 400, flag: null },
    ];
    const summary = financeByYear(framework, profile, rows);
    expect(summary.basis).toBe('results');
    // 2012-13: results at 100% is 5 x 1000 x 0.2 = 1000; claimed 500. 2013-14 is hidden, so left out.
    expect(summary.years[0]!.claimedGbp).toEqual({ value: 500, flag: null });
    expect(summary.years[1]!.claimedGbp).toEqual({ value: null, flag: '[c]' });
    expect(summary.successRate).toBe(0.5);
    expect(summary.rateYears).toEqual(['2012-13']);
    expect(summary.years[1]!.projectedResultsGbp).toEqual({ value: 1000, flag: '[e]' });
  });

  it('falls back to every claim against the whole grant when types are not published', () => {
    const rows: ClaimAmountRow[] = [
      { period: '2012-13', breakdown: 'all', value: 2500, flag: null },
      { period: '2013-14', breakdown: 'all', value: null, flag: '[c]' },
    ];
    const summary = financeByYear(framework, profile, rows);
    expect(summary.basis).toBe('all_claims');
    expect(summary.successRate).toBe(0.5); // 2,500 of the 5,000 grant in 2012-13
    expect(summary.years[1]!.claimedGbp.flag).toBe('[c]');
  });

  it('projects nothing when no year is published', () => {
    const summary = financeByYear(framework, profile, []);
    expect(summary.successRate).toBeNull();
    expect(summary.years[0]!.projectedResultsGbp).toEqual({ value: null, flag: '[x]' });
  });
});

describe('payment framework reference data', () => {
  it("names a phase and results claim types of programme.json, for both the council's framework and York's", async () => {
    const programme = JSON.parse(readFileSync('data/reference/programme.json', 'utf8')) as { phases: { code: string }[]; payment_rules: { phase: string; claim_type: string }[] };
    for (const file of [PAYMENT_FRAMEWORK_FILE, YORK_EXAMPLE_FILE]) {
      const framework = await loadPaymentFramework(file);
      expect(programme.phases.map((p) => p.code)).toContain(framework.phase);
      const types = programme.payment_rules.filter((r) => r.phase === framework.phase).map((r) => r.claim_type);
      for (const type of framework.results_claim_types) expect(types).toContain(type);
      expect(framework.results_claim_types).not.toContain('attachment_fee');
    }
  });

  it('reports a problem at the line and column to edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfo-framework-'));
    const file = join(dir, 'framework.json');
    const text = readFileSync(YORK_EXAMPLE_FILE, 'utf8').replace('"attachment_share": 0.8, "results_share": 0.2', '"attachment_share": 0.8, "results_share": 0.3');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('"results_share": 0.3')) + 1;
    await expect(loadPaymentFramework(file)).rejects.toThrow(new RegExp(`framework\\.json:${line}:\\d+: years\\.0\\.results_share: attachment_share and results_share add up to more than 1`));
    rmSync(dir, { recursive: true });
  });
});
