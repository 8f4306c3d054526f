/**
 * What the open-data page says about each published file: its columns in words. Kept beside the
 * page because it documents the files the pipeline writes (src/lib/outputs/tables.ts).
 */
import { tableColumns } from '../../lib/outputs/table-layout.ts';
import { OUTPUT_TABLES, type OutputTable } from '../../lib/outputs/tables.ts';

export const COLUMN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  quarter: 'Financial quarter, such as "2013-14 Q2" (Q1 is April to June)',
  quarter_start: 'First day of the quarter (ISO date)',
  cohort_year: 'Cohort year: the financial year whose committed number the family counts towards, such as "2013-14"; "all" for every cohort together',
  area_code: 'Locality code, the authority\'s ONS code, or a comparator (E92000001 is England)',
  area_type: '"locality", "authority" or "comparator"',
  measure: 'What is counted (see the table description)',
  breakdown: 'The criterion, outcome or claim type the count is for; "all" when none',
  value: 'The published figure; empty when a symbol replaces it',
  flag: 'GSS symbol: [c] suppressed, [rd] rounded to protect a suppressed figure, [x] not available, [z] not applicable; empty for a published figure',
  table: 'The count table the measure comes from (programme, criteria, outcomes or claims)',
  period_type: '"financial_year", "financial_year_to_date", "rolling_year" (the four quarters to the latest) or "programme_to_date"',
  period_end: 'Last day of the period (ISO date)',
  indicator_code: 'Indicator code from the catalogue, such as ni_111',
  period: 'Financial quarter ("2013-14 Q2"), financial year ("2013-14"), year to date ("2026-27 to Q2"), "4 quarters to 2026-27 Q2" or "to 2026-27 Q2"',
  period_start: 'First day of the period (ISO date)',
  numerator: 'Numerator as supplied or counted',
  denominator: 'Denominator (population at risk)',
  ci_lower: 'Lower 95% confidence limit (Wilson for percentages, Byar or exact Poisson for rates)',
  ci_upper: 'Upper 95% confidence limit',
  target: 'Target for the financial year, if one is set',
  target_status: '"met", "not_met", "no_target" or "no_judgement"',
};

export const TABLE_TITLES: Readonly<Record<OutputTable, string>> = {
  programme: 'Families in the programme by quarter',
  criteria: 'Families attached by qualifying criterion',
  outcomes: 'Outcomes achieved and sustained',
  claims: 'Payment-by-results claims',
  indicators: 'National and local indicators',
  periods: 'Counts over financial years and longer periods',
  cohort: 'Cohort funnel: families identified, attached, achieving, sustaining and claimed',
};

export const TABLE_DESCRIPTIONS: Readonly<Record<OutputTable, string>> = {
  programme: 'Families identified, attached and closed in each quarter, open at its end, and attached to date, by locality.',
  criteria: 'Families attached by qualifying criterion (a family counts once for each criterion it meets).',
  outcomes: 'Outcomes achieved and sustained in each quarter, by outcome measure and locality.',
  claims: 'Results claims made and their value in pounds, by claim type and quarter.',
  indicators: 'National and local indicators by locality, authority and England, with confidence intervals and targets.',
  periods: 'The counts of the other tables over longer periods (each financial year, the year to date, the last four quarters and since the programme began), where the public release can show a figure that its quarters cannot.',
  cohort: 'Families of each cohort year by funnel stage at the end of the extract period (identified, attached, an outcome achieved, an outcome sustained, results claimed: once per claim window), months from attachment to each claim, and families whose outcomes come due for a claim next quarter, by locality.',
};

export const columnsOf = tableColumns;

export function tableOfFile(file: string): OutputTable | null {
  for (const [name, def] of Object.entries(OUTPUT_TABLES) as [OutputTable, { file: string }][]) if (def.file === file) return name;
  return null;
}
