/**
 * A payment-by-results grant framework: what a council may earn per family, how the grant is
 * split between an up-front attachment fee and results by programme year, and how many of the
 * committed families it funds (phase 1 funded five-sixths, treating one in six as families who
 * would have turned around anyway: "deadweight"). Data under data/reference/ a council edits;
 * York's 2012 framework ships in data/reference/examples/ as a check on the method.
 */
import { z } from 'zod';
import { readReferenceJson } from './json-file.ts';

const financialYear = z.string().regex(/^\d{4}-\d{2}$/, 'a financial year such as "2013-14"');
const share = z.number().min(0).max(1);

export const PAYMENT_FRAMEWORK_FILE = 'data/reference/payment-framework.json';
export const YORK_EXAMPLE_FILE = 'data/reference/examples/york-2012.payment-framework.json';

export const frameworkYearSchema = z
  .object({
    year: financialYear.describe('Programme year (financial year) of the grant.'),
    funded_families: z.number().int().nonnegative().describe('Families the grant funds in this year of the profile.'),
    attachment_share: share.describe('Share of the per-family maximum paid up front, on attachment.'),
    results_share: share.describe('Share of the per-family maximum paid on results.'),
  })
  .refine((y) => y.attachment_share + y.results_share <= 1 + 1e-9, { message: 'attachment_share and results_share add up to more than 1', path: ['results_share'] });

export const paymentFrameworkSchema = z
  .object({
    schema_version: z.literal(1),
    code: z.string().regex(/^[a-z0-9_]+$/),
    title: z.string().min(1),
    source: z.string().min(1).describe('Where the figures come from.'),
    phase: z.string().min(1).describe('Code of the programme phase (programme.json) the framework pays for.'),
    per_family_max_gbp: z.number().positive().describe('Most the grant pays for one family.'),
    committed_families: z.number().int().positive().describe('Families the council committed to work with.'),
    funded_share: z
      .object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() })
      .refine((s) => s.numerator <= s.denominator, 'a share of at most 1')
      .describe('Share of committed families the grant funds, as a fraction (5/6 in phase 1).'),
    years: z.array(frameworkYearSchema).min(1),
    results_claim_types: z.array(z.string().min(1)).describe('Claim types (programme.json payment_rules) that are results payments.'),
  })
  .superRefine((f, ctx) => {
    // The profile shares out the funded families; allow the rounding of a fraction to whole families.
    const funded = (f.committed_families * f.funded_share.numerator) / f.funded_share.denominator;
    const profiled = f.years.reduce((sum, y) => sum + y.funded_families, 0);
    if (Math.abs(profiled - funded) > 1) {
      ctx.addIssue({ code: 'custom', path: ['years'], message: `the years fund ${profiled} families but ${f.committed_families} x ${f.funded_share.numerator}/${f.funded_share.denominator} is ${funded.toFixed(1)}` });
    }
    const years = f.years.map((y) => y.year);
    years.forEach((year, i) => {
      if (years.indexOf(year) !== i) ctx.addIssue({ code: 'custom', path: ['years', i, 'year'], message: `${year} appears twice` });
    });
  });
export type PaymentFramework = z.infer<typeof paymentFrameworkSchema>;

export function loadPaymentFramework(path = PAYMENT_FRAMEWORK_FILE): Promise<PaymentFramework> {
  return readReferenceJson(path, paymentFrameworkSchema);
}
