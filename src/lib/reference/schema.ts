/**
 * Schemas for the reference data under `data/reference/`. Definitions (localities, indicators,
 * programme rules) are data a council edits; these schemas are the contract that edit must keep.
 * Types are inferred from the schemas so they are never written twice.
 */
import { z } from 'zod';

const financialYear = z.string().regex(/^\d{4}-\d{2}$/, 'a financial year such as "2013-14"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date such as "2013-04-01"');
const code = z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and underscores');

/** One row of data/reference/localities.csv. */
export const localitySchema = z.object({
  locality_code: z.string().regex(/^[A-Z0-9]{2,12}$/, 'upper-case letters and digits, 2-12 characters'),
  locality_name: z.string().min(1),
  /** ONS codes of the wards (E05) the locality is built from, separated by semicolons. */
  ons_codes: z.string().regex(/^E0[1-9]\d{6}(;E0[1-9]\d{6})*$/, 'ONS codes separated by ";"'),
  population_0_19: z.number().int().nonnegative(),
  /** Index of Multiple Deprivation average score: higher is more deprived. */
  deprivation_score: z.number().nonnegative(),
  staff_fte: z.number().nonnegative(),
});
export type Locality = z.infer<typeof localitySchema>;

export const polaritySchema = z.enum(['high_is_good', 'low_is_good', 'no_judgement']);
export type Polarity = z.infer<typeof polaritySchema>;

/**
 * How an indicator's value is formed from numerator and denominator, which also fixes the
 * confidence-interval method: proportions use Wilson's score, rates use Byar's method.
 */
export const unitSchema = z.enum(['percent', 'rate_per_1000', 'rate_per_10000', 'rate_per_100000', 'count', 'value']);
export type Unit = z.infer<typeof unitSchema>;

export const indicatorSchema = z.object({
  code: code,
  /** Short reference such as "NI 111"; empty for local measures. */
  reference: z.string(),
  title: z.string().min(1),
  short_title: z.string().min(1).max(40),
  theme: z.string().min(1),
  unit: unitSchema,
  polarity: polaritySchema,
  source: z.string().min(1),
  frequency: z.enum(['quarterly', 'annual']),
  definition: z.string().min(1),
  numerator_definition: z.string(),
  denominator_definition: z.string(),
  caveats: z.string(),
  decimals: z.number().int().min(0).max(3),
  /** Target value by financial year; years without a target are absent. */
  targets: z.record(financialYear, z.number()),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorCatalogueSchema = z.object({
  schema_version: z.literal(1),
  themes: z.array(z.object({ code: code, title: z.string().min(1) })).min(1),
  indicators: z.array(indicatorSchema).min(1),
});
export type IndicatorCatalogue = z.infer<typeof indicatorCatalogueSchema>;

export const criterionSchema = z.object({ code: code, title: z.string().min(1) });

export const phaseSchema = z.object({
  code: code,
  title: z.string().min(1),
  start: isoDate,
  /** Null while the phase is current. */
  end: isoDate.nullable(),
  criteria: z.array(criterionSchema).min(1),
  /** A family qualifies with at least this many criteria. */
  min_criteria: z.number().int().min(1),
});

export const outcomeMeasureSchema = z.object({
  code: code,
  title: z.string().min(1),
  /** The criterion this outcome evidences, for "outcomes by criterion". */
  criterion: code,
  /** Months an outcome must hold before it counts as sustained. */
  sustain_months: z.number().int().min(0),
});

export const paymentRuleSchema = z.object({
  phase: code,
  claim_type: code,
  title: z.string().min(1),
  /** The most one family can earn from this claim type, in pounds. */
  max_amount_gbp: z.number().nonnegative(),
  /** Financial years the rule applies to; empty means every year of the phase. */
  years: z.array(financialYear),
});

export const programmeSchema = z.object({
  schema_version: z.literal(1),
  authority: z.object({
    code: z.string().regex(/^E(06|07|08|09|10)\d{6}$/, 'an ONS local authority code (E06-E10)'),
    name: z.string().min(1),
  }),
  /** Comparator areas accepted in area indicator extracts, such as England. */
  comparators: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })),
  phases: z.array(phaseSchema).min(1),
  lead_agencies: z.array(criterionSchema).min(1),
  outcome_measures: z.array(outcomeMeasureSchema).min(1),
  payment_rules: z.array(paymentRuleSchema).min(1),
  /** Families to attach by financial year (the cohort target). */
  cohort_targets: z.record(financialYear, z.number().int().nonnegative()),
  /** Families to attach over the whole programme. */
  programme_target: z.number().int().nonnegative(),
  /** Share of on-track trajectory below which a measure is "off track" rather than "at risk". */
  status_thresholds: z.object({ at_risk: z.number().min(0).max(1), off_track: z.number().min(0).max(1) }),
});
export type Programme = z.infer<typeof programmeSchema>;

/** data/reference/council.json: how the site presents the council. */
export const councilSchema = z.object({
  schema_version: z.literal(1),
  name: z.string().min(1),
  programme_name: z.string().min(1),
  /** Path under public/ of an SVG or PNG logo, or null for none. */
  logo: z.string().nullable(),
  /** Accent colour; must reach 4.5:1 against white (checked by the site's tests). */
  accent_colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  contact_email: z.email(),
  methodology_url: z.string(),
});
export type Council = z.infer<typeof councilSchema>;
