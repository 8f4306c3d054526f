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
  locality_code: z.string().regex(/^[A-Z0-9]{2,12}$/, 'upper-case letters and digits, 2-12 characters').describe('Short code the extracts use for the locality.'),
  locality_name: z.string().min(1).describe('Name shown on the site.'),
  /** ONS codes of the wards (E05) the locality is built from, separated by semicolons. */
  ons_codes: z.string().regex(/^E0[1-9]\d{6}(;E0[1-9]\d{6})*$/, 'ONS codes separated by ";"').describe('ONS codes of the wards (E05) the locality is built from, separated by ";".'),
  population_0_19: z.number().int().nonnegative().describe('Children and young people aged 0-19 (ONS mid-year estimate).'),
  /** Index of Multiple Deprivation average score: higher is more deprived. */
  deprivation_score: z.number().nonnegative().describe('Index of Multiple Deprivation average score: higher is more deprived.'),
  staff_fte: z.number().nonnegative().describe('Full-time-equivalent staff in the locality team.'),
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
  code: code.describe('Code the extracts use for the indicator.'),
  reference: z.string().describe('Short reference such as "NI 111"; empty for local measures.'),
  title: z.string().min(1).describe('Full title.'),
  short_title: z.string().min(1).max(40).describe('Title for tight spaces (at most 40 characters).'),
  theme: z.string().min(1).describe('Code of the theme it is grouped under.'),
  unit: unitSchema.describe('How the value is formed; fixes the confidence-interval method.'),
  polarity: polaritySchema.describe('Whether a high value is good, a low value is good, or neither.'),
  source: z.string().min(1).describe('Publisher of the data.'),
  frequency: z.enum(['quarterly', 'annual']).describe('Period of one value.'),
  definition: z.string().min(1).describe('What the indicator measures.'),
  numerator_definition: z.string().describe('What is counted.'),
  denominator_definition: z.string().describe('The population it is counted in.'),
  caveats: z.string().describe('What a reader should know before comparing values.'),
  decimals: z.number().int().min(0).max(3).describe('Decimal places to show.'),
  targets: z.record(financialYear, z.number()).describe('Target value by financial year ("2013-14": 20.5); years without a target are absent.'),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorCatalogueSchema = z.object({
  schema_version: z.literal(1),
  themes: z.array(z.object({ code: code, title: z.string().min(1) })).min(1),
  indicators: z.array(indicatorSchema).min(1),
});
export type IndicatorCatalogue = z.infer<typeof indicatorCatalogueSchema>;

export const criterionSchema = z.object({
  code: code.describe('Code the extracts use.'),
  title: z.string().min(1).describe('Name shown on the site.'),
});

export const phaseSchema = z.object({
  code: code.describe('Code the extracts use for the phase (programme_phase).'),
  title: z.string().min(1).describe('Name shown on the site.'),
  start: isoDate.describe('First day of the phase.'),
  end: isoDate.nullable().describe('Last day of the phase; null while it is current.'),
  criteria: z.array(criterionSchema).min(1).describe('Eligibility criteria families are identified on in this phase.'),
  min_criteria: z.number().int().min(1).describe('A family qualifies with at least this many criteria.'),
  sustain_months: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Months an outcome must hold before the cohort funnel counts the family as sustained; six when absent.'),
});

export const outcomeMeasureSchema = z.object({
  code: code.describe('Code the extracts use (outcome_measure).'),
  title: z.string().min(1).describe('Name shown on the site.'),
  criterion: code.describe('The criterion this outcome evidences, for "outcomes by criterion".'),
  sustain_months: z.number().int().min(0).describe('Months an outcome must hold before it counts as sustained.'),
});

export const paymentRuleSchema = z.object({
  phase: code.describe('Phase the rule belongs to.'),
  claim_type: code.describe('Code the extracts use (claim_type).'),
  title: z.string().min(1).describe('Name shown on the site.'),
  max_amount_gbp: z.number().nonnegative().describe('The most one family can earn from this claim type, in pounds.'),
  years: z.array(financialYear).describe('Financial years the rule applies to; empty means every year of the phase.'),
});

export const programmeSchema = z.object({
  schema_version: z.literal(1).describe('Version of this file\'s format: 1.'),
  authority: z
    .object({
      code: z.string().regex(/^E(06|07|08|09|10)\d{6}$/, 'an ONS local authority code (E06-E10)'),
      name: z.string().min(1),
    })
    .describe('The council: ONS code (E06-E10) and name.'),
  comparators: z
    .array(z.object({ code: z.string().min(1), name: z.string().min(1) }))
    .describe('Comparator areas accepted in area_indicators.csv, such as England (E92000001).'),
  phases: z.array(phaseSchema).min(1).describe('Programme phases, each with its criteria (see the phase table).'),
  lead_agencies: z.array(criterionSchema).min(1).describe('Agencies a lead professional can come from.'),
  outcome_measures: z.array(outcomeMeasureSchema).min(1).describe('Outcomes measured (see the outcome measure table).'),
  payment_rules: z.array(paymentRuleSchema).min(1).describe('Payment-by-results rules (see the payment rule table).'),
  cohort_targets: z
    .record(financialYear, z.number().int().nonnegative())
    .describe('Families to attach by financial year (the cohort target), e.g. "2012-13": 166.'),
  programme_target: z.number().int().nonnegative().describe('Families to attach over the whole programme.'),
  status_thresholds: z
    .object({ at_risk: z.number().min(0).max(1), off_track: z.number().min(0).max(1) })
    .describe('Share of the expected trajectory below which a measure is "at risk", and below which it is "off track".'),
});
export type Programme = z.infer<typeof programmeSchema>;

/**
 * A path on the site's own origin: "/images/logo.svg" or "images/logo.svg". Each segment starts
 * with a letter, digit or "_" and uses only letters, digits, ".", "-" and "_", so no scheme
 * ("https:", "javascript:", "data:"), no "//" or "\" (a browser reads "//host" and "/\host" as
 * another host) and no "." or ".." segment can get through.
 */
export const SAME_ORIGIN_PATH = /^\/?[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

/** data/reference/council.json: how the site presents the council. */
export const councilSchema = z.object({
  schema_version: z.literal(1).describe('Version of this file\'s format: 1.'),
  name: z.string().min(1).describe('Council name, shown in the header.'),
  programme_name: z.string().min(1).describe('What the council calls its programme, e.g. "Think Family".'),
  logo: z
    .string()
    .regex(SAME_ORIGIN_PATH, {
      error:
        'must be the path of a file under public/, such as "/images/logo.svg" (letters, digits, ".", "-" and "_" between single "/"); ' +
        'the site loads nothing from another host, so "//…", "https://…", "javascript:" and "data:" addresses are refused',
    })
    .nullable()
    .describe('Path under public/ of an SVG or PNG logo such as "/images/logo.svg", served from the site itself, or null for none.'),
  accent_colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .describe('Header colour, #rrggbb; must reach 4.5:1 against white text (checked when the site builds).'),
  contact_email: z.email().describe('Where readers send questions about the data.'),
  methodology_url: z.string().describe('Link to the methodology page.'),
});
export type Council = z.infer<typeof councilSchema>;

/**
 * How the public release may publish each count measure (data/reference/disclosure.json): the
 * granularities a reader may see, which figures readers need most, and where rounding protects
 * better than hiding. The pipeline chooses within these; docs/disclosure-control.md says how.
 */
export const PERIOD_TYPES = ['quarter', 'financial_year', 'financial_year_to_date', 'rolling_year', 'programme_to_date'] as const;
export const periodTypeSchema = z.enum(PERIOD_TYPES);
export type PeriodType = z.infer<typeof periodTypeSchema>;

export const measurePolicySchema = z.object({
  table: z.enum(['programme', 'criteria', 'outcomes', 'claims']),
  measure: z.string().min(1),
  /** A flow adds up over quarters; a stock (open caseload, running total) is read at a quarter's end. */
  kind: z.enum(['flow', 'stock']),
  /** Granularities the public release may use, finest first; "quarter" must come first if listed. */
  granularities: z.array(periodTypeSchema).min(1),
  /** Breakdowns the public release may use (all when absent); one left out is not published at all. */
  breakdowns: z.array(z.string().min(1)).min(1).optional(),
  /** Area levels the public release may use; a level left out is not published at all. */
  areas: z.array(z.enum(['authority', 'locality'])).min(1).default(['authority', 'locality']),
  /** Base to round this measure's locality figures to instead of hiding them (stocks), or null. */
  round_localities_to: z.number().int().min(2).nullable().default(null),
  /** May a figure of this measure be rounded, rather than hidden, to protect another? */
  may_round: z.boolean().default(true),
});
export type MeasurePolicy = z.infer<typeof measurePolicySchema>;

export const disclosurePolicySchema = z.object({
  schema_version: z.literal(1),
  /** A granularity is published for a measure and area level while at most this share of its non-zero figures is below the threshold. */
  max_hidden_share: z.number().min(0).max(1),
  /** Base used when a figure is rounded to protect another. */
  rounding_base: z.number().int().min(2),
  /** Relative cost of hiding or rounding a figure: the pipeline spends the least. */
  costs: z.object({
    locality: z.number().positive(),
    authority: z.number().positive(),
    /** Multiplier for the latest quarter's figures and the programme-to-date totals (the headlines). */
    headline: z.number().positive(),
    /** Rounding a figure costs this share of hiding it. */
    rounding: z.number().positive(),
  }),
  measures: z.array(measurePolicySchema).min(1),
});
export type DisclosurePolicy = z.infer<typeof disclosurePolicySchema>;
