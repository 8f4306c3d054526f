/**
 * The input contract: the four extract files an analyst drops in the extracts folder.
 * This is the single source for validation and for `data/DATA-DICTIONARY.md`
 * (regenerate with `npm run dictionary`; a test fails when the two disagree).
 */

export type ColumnType =
  | 'text' // free text within the pattern, if any
  | 'code' // a value from a reference list (see `reference`)
  | 'code_list' // codes separated by ";"
  | 'integer'
  | 'decimal'
  | 'date' // ISO yyyy-mm-dd or UK dd/mm/yyyy
  | 'financial_year' // 2013-14
  | 'period'; // 2013-14 Q2 (quarter) or 2013-14 (year)

/** Where a code column's allowed values come from. */
export type ReferenceList =
  | 'localities'
  | 'areas' // localities, the authority and comparators
  | 'indicators'
  | 'phases'
  | 'criteria' // criteria of the row's programme phase
  | 'lead_agencies'
  | 'outcome_measures'
  | 'claim_types'
  | 'families'; // family_ref present in families.csv

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly required: boolean;
  readonly meaning: string;
  readonly allowed?: string;
  readonly example: string;
  readonly reference?: ReferenceList;
  readonly pattern?: RegExp;
  readonly min?: number;
}

export interface ExtractSpec {
  /** File name inside the extracts folder. */
  readonly file: string;
  /** Name of the table in DuckDB and in messages. */
  readonly table: 'families' | 'outcomes' | 'claims' | 'area_indicators';
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns that together must be unique. */
  readonly key: readonly string[];
  /** Rules across rows, files and the reference data, in words, each with its issue code. */
  readonly rules?: readonly { readonly code: string; readonly rule: string }[];
}

const familyRef: ColumnSpec = {
  name: 'family_ref',
  type: 'text',
  required: true,
  meaning: 'Pseudonymous reference for one family episode; never a case number a person could look up.',
  allowed: '4-64 letters, digits, "-" or "_"',
  example: 'F7Q2K9XW',
  pattern: /^[A-Za-z0-9_-]{4,64}$/,
};

export const families: ExtractSpec = {
  file: 'families.csv',
  table: 'families',
  description: 'One row per family episode in the programme. A family that re-enters gets a new reference.',
  key: ['family_ref'],
  rules: [
    { code: 'below_min_criteria', rule: "A family meets at least its phase's min_criteria criteria (programme.json); a family with fewer was not eligible and its row is refused, with its outcomes and claims." },
  ],
  columns: [
    familyRef,
    { name: 'locality_code', type: 'code', required: true, reference: 'localities', meaning: 'Locality team working with the family.', allowed: 'a locality_code in data/reference/localities.csv', example: 'NTH' },
    { name: 'lsoa_code', type: 'text', required: false, pattern: /^E01\d{6}$/, meaning: 'Lower-layer super output area of the family home, for small-area analysis. Never published below locality.', allowed: 'E01 followed by six digits', example: 'E01012345' },
    { name: 'programme_phase', type: 'code', required: true, reference: 'phases', meaning: 'Programme phase the family was identified under.', allowed: 'a phase code in data/reference/programme.json', example: 'phase_1' },
    { name: 'cohort_year', type: 'financial_year', required: true, meaning: 'Financial year whose cohort target the family counts towards.', allowed: 'yyyy-yy', example: '2013-14' },
    { name: 'date_identified', type: 'date', required: true, meaning: 'Date the family was identified as eligible.', allowed: 'not in the future', example: '2013-05-14' },
    { name: 'date_attached', type: 'date', required: false, meaning: 'Date a key worker began working with the family (attachment). Empty if not yet attached.', allowed: 'on or after date_identified', example: '2013-06-02' },
    { name: 'date_closed', type: 'date', required: false, meaning: 'Date the intervention closed. Empty while open.', allowed: 'on or after date_attached', example: '2014-03-28' },
    { name: 'criteria', type: 'code_list', required: true, reference: 'criteria', meaning: 'Eligibility criteria the family met, separated by ";".', allowed: "criteria of the family's phase in data/reference/programme.json", example: 'crime_asb;education' },
    { name: 'lead_agency', type: 'code', required: true, reference: 'lead_agencies', meaning: "Agency of the family's lead professional.", allowed: 'a lead agency code in data/reference/programme.json', example: 'early_help' },
    { name: 'adults', type: 'integer', required: true, min: 0, meaning: 'Adults (18 and over) in the household.', allowed: '0 or more', example: '2' },
    { name: 'children', type: 'integer', required: true, min: 0, meaning: 'Children (under 18) in the household.', allowed: '0 or more', example: '3' },
  ],
};

export const outcomes: ExtractSpec = {
  file: 'outcomes.csv',
  table: 'outcomes',
  description: 'One row per family and outcome measure: the baseline, the follow-up and when the outcome was achieved and sustained.',
  key: ['family_ref', 'outcome_measure'],
  columns: [
    { ...familyRef, type: 'code', reference: 'families', meaning: 'The family episode, as in families.csv.' },
    { name: 'outcome_measure', type: 'code', required: true, reference: 'outcome_measures', meaning: 'Outcome measured.', allowed: 'an outcome measure code in data/reference/programme.json', example: 'school_attendance' },
    { name: 'baseline_value', type: 'decimal', required: false, meaning: 'Value of the measure before the intervention (e.g. % sessions missed, ASB incidents).', allowed: 'a number', example: '18.5' },
    { name: 'baseline_period_start', type: 'date', required: false, meaning: 'Start of the baseline period.', allowed: 'a date', example: '2012-09-01' },
    { name: 'baseline_period_end', type: 'date', required: false, meaning: 'End of the baseline period.', allowed: 'on or after baseline_period_start', example: '2013-03-31' },
    { name: 'followup_value', type: 'decimal', required: false, meaning: 'Value of the measure at follow-up.', allowed: 'a number', example: '7.2' },
    { name: 'followup_period_start', type: 'date', required: false, meaning: 'Start of the follow-up period.', allowed: 'a date', example: '2013-09-01' },
    { name: 'followup_period_end', type: 'date', required: false, meaning: 'End of the follow-up period.', allowed: 'on or after followup_period_start', example: '2014-03-31' },
    { name: 'date_achieved', type: 'date', required: false, meaning: 'Date the outcome was first achieved. Empty if not achieved.', allowed: 'not in the future', example: '2014-03-31' },
    { name: 'date_sustained_to', type: 'date', required: false, meaning: 'Latest date the outcome is known to have held.', allowed: 'on or after date_achieved', example: '2014-09-30' },
  ],
};

export const claims: ExtractSpec = {
  file: 'claims.csv',
  table: 'claims',
  description: 'One row per payment-by-results claim made for a family.',
  key: ['claim_ref'],
  rules: [
    { code: 'claim_family_not_attached', rule: 'The family was attached: a claim for a family with no date_attached is refused.' },
    { code: 'claim_before_attachment', rule: "claim_date is on or after the family's date_attached." },
    { code: 'claim_outside_phase', rule: "claim_date is within the family's phase: from its start to its end (programme.json), or for a results claim to results_close_months after its end (outcome-rules.json)." },
    { code: 'duplicate_results_claim', rule: 'A result is paid once per family: a second results claim of the same claim_type for the family, in the same claim window or a later one, is refused.' },
    { code: 'results_claim_replaced', rule: 'Some results replace others (in outcome-rules.json, "replaces": continuous employment is the full results payment and replaces phase 1\'s crime and education and progress to work results, and phase 2\'s significant and sustained progress): a family is paid one or the other, never both, so once one is claimed, in this claim window or an earlier one, a claim for the other is refused.' },
    { code: 'results_claim_before_sustained', rule: "A results claim (a claim_type an outcome rule of the family's phase pays) is dated on or after the day its rule's outcomes were all sustained, as outcomes.csv records them (date_achieved plus the sustain months, held to date_sustained_to)." },
    { code: 'results_claim_followup_short', rule: "A results claim's measurements were each followed up (followup_period_start to followup_period_end in outcomes.csv) for at least the months its rule asks (followup_months in outcome-rules.json, e.g. three terms for school attendance, six months for anti-social behaviour); a shorter or missing follow-up period does not meet the rule, and the claim is refused." },
    { code: 'results_claim_thresholds', rule: "A warning, not a refusal: a results claim whose measured values (baseline_value, followup_value) miss the rule's thresholds, or are missing." },
  ],
  columns: [
    { name: 'claim_ref', type: 'text', required: true, pattern: /^[A-Za-z0-9_-]{4,64}$/, meaning: 'Reference of the claim.', allowed: '4-64 letters, digits, "-" or "_"', example: 'C2013W2-0042' },
    { ...familyRef, type: 'code', reference: 'families', meaning: 'The family episode, as in families.csv.' },
    { name: 'claim_window', type: 'period', required: true, meaning: 'Claim window the claim was submitted in, as a financial quarter.', allowed: 'yyyy-yy Qn', example: '2013-14 Q3' },
    { name: 'claim_type', type: 'code', required: true, reference: 'claim_types', meaning: 'What the claim is for.', allowed: 'a claim_type in the payment rules of data/reference/programme.json', example: 'results_crime_education' },
    { name: 'claim_date', type: 'date', required: true, meaning: 'Date the claim was submitted.', allowed: "not in the future; on or after the family's date_attached; within the phase's claim period", example: '2013-11-15' },
    { name: 'amount_gbp', type: 'decimal', required: true, min: 0, meaning: 'Amount claimed in pounds.', allowed: '0 or more, at most the payment rule maximum', example: '800.00' },
  ],
};

export const areaIndicators: ExtractSpec = {
  file: 'area_indicators.csv',
  table: 'area_indicators',
  description: 'One row per indicator, area and period: the numerator and denominator, or the value where only a value is published.',
  key: ['indicator_code', 'area_code', 'period'],
  columns: [
    { name: 'indicator_code', type: 'code', required: true, reference: 'indicators', meaning: 'Indicator, as in data/reference/indicators.json.', allowed: 'an indicator code in the catalogue', example: 'ni_111' },
    { name: 'area_code', type: 'code', required: true, reference: 'areas', meaning: 'Locality, the authority or a comparator (e.g. England).', allowed: 'a locality_code, the authority code or a comparator code', example: 'NTH' },
    { name: 'period', type: 'period', required: true, meaning: 'Financial quarter, or financial year for annual indicators.', allowed: 'yyyy-yy Qn or yyyy-yy', example: '2013-14 Q2' },
    { name: 'numerator', type: 'decimal', required: false, min: 0, meaning: 'Count of events or people meeting the definition.', allowed: '0 or more, not above denominator for percentages', example: '14' },
    { name: 'denominator', type: 'decimal', required: false, min: 0, meaning: 'Population the numerator is drawn from.', allowed: 'more than 0', example: '1830' },
    { name: 'value', type: 'decimal', required: false, meaning: 'Published value where no numerator and denominator exist.', allowed: 'a number', example: '21.4' },
  ],
};

export const extracts: readonly ExtractSpec[] = [families, outcomes, claims, areaIndicators];
