/**
 * Writes the four extracts of a fictional council (families, outcomes, claims, area indicators)
 * exactly as the contract in scripts/pipeline/contract/extracts.ts describes them. The output
 * depends only on the options: the same options give byte-identical files.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  areaIndicators as areaIndicatorsSpec,
  claims as claimsSpec,
  families as familiesSpec,
  outcomes as outcomesSpec,
  type ExtractSpec,
} from '../pipeline/contract/extracts.ts';
import { financialYearLabel } from '../../src/lib/period/quarter.ts';
import { generateAreaIndicators } from './area-indicators.ts';
import { generateClaims, phaseClaimRules, type Claim, type PhaseClaimRules } from './claims.ts';
import { CsvFileWriter } from './csv.ts';
import { dayOf, isoOf } from './days.ts';
import { generateFamilies, planCohorts, type FamilyEpisode } from './families.ts';
import { generateOutcomes, type OutcomeRecord } from './outcomes.ts';
import { createRandom } from './random.ts';
import { loadReference } from '../../src/lib/reference/load.ts';
import { longestFollowupMonths } from '../../src/lib/reference/outcome-rules.ts';

export interface SampleOptions {
  /** Folder to write the extracts into; created if missing. */
  out: string;
  seed?: number;
  /** Families in one round of the programme (the default sample has one round). */
  families?: number;
  /** Exact number of outcome rows: more rounds of families are added until it is reached. */
  outcomeRows?: number;
  /** Last day of the data, ISO; nothing later is generated. */
  asAt?: string;
  referenceDir?: string;
}

export interface SampleSummary {
  families: number;
  outcomes: number;
  claims: number;
  areaIndicators: number;
}

export const SAMPLE_DEFAULTS = {
  seed: 2012,
  families: 2000,
  // End of 2026-27 Q2: the latest complete quarter when the sample was made.
  asAt: '2026-09-30',
  referenceDir: 'data/reference',
} as const;

const PROGRAMME_START = '2012-04-01';

const NO_CLAIMS: PhaseClaimRules = { payments: [], resultTypes: [], replaces: new Map(), resultsUntil: null };

const day = (d: number | null): string => (d === null ? '' : isoOf(d));

// Rows are built as arrays in the contract's column order (the benchmark writes millions);
// these lists are checked against the contract so a change there cannot go unnoticed.
const FAMILY_COLUMNS = ['family_ref', 'locality_code', 'lsoa_code', 'programme_phase', 'cohort_year', 'date_identified', 'date_attached', 'date_closed', 'criteria', 'lead_agency', 'adults', 'children'];
const OUTCOME_COLUMNS = ['family_ref', 'outcome_measure', 'baseline_value', 'baseline_period_start', 'baseline_period_end', 'followup_value', 'followup_period_start', 'followup_period_end', 'date_achieved', 'date_sustained_to'];
const CLAIM_COLUMNS = ['claim_ref', 'family_ref', 'claim_window', 'claim_type', 'claim_date', 'amount_gbp'];

function familyRow(f: FamilyEpisode): string[] {
  return [
    f.ref,
    f.locality,
    f.lsoa,
    f.phase.code,
    financialYearLabel(f.cohortYear),
    isoOf(f.identified),
    day(f.attached),
    day(f.closed),
    f.criteria.join(';'),
    f.leadAgency,
    String(f.adults),
    String(f.children),
  ];
}

function outcomeRow(familyRef: string, o: OutcomeRecord): string[] {
  return [
    familyRef,
    o.measure.code,
    o.baseline,
    day(o.baselineStart),
    day(o.baselineEnd),
    o.followup,
    day(o.followupStart),
    day(o.followupEnd),
    day(o.achieved),
    day(o.sustainedTo),
  ];
}

function claimRow(c: Claim): string[] {
  return [c.ref, c.familyRef, c.window, c.type, isoOf(c.date), c.amount.toFixed(2)];
}

const columnsOf = (spec: ExtractSpec): string[] => spec.columns.map((c) => c.name);

function checkColumns(spec: ExtractSpec, columns: readonly string[]): void {
  if (columnsOf(spec).join(',') !== columns.join(',')) {
    throw new Error(`The contract's columns for ${spec.file} changed; update the generator's row order to: ${columnsOf(spec).join(',')}`);
  }
}

export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  const seed = options.seed ?? SAMPLE_DEFAULTS.seed;
  const perRound = options.families ?? SAMPLE_DEFAULTS.families;
  const asAtIso = options.asAt ?? SAMPLE_DEFAULTS.asAt;
  const asAt = dayOf(asAtIso);
  if (asAtIso < PROGRAMME_START) throw new Error(`--as-at ${asAtIso} is before the programme began (${PROGRAMME_START})`);
  if (!Number.isInteger(perRound) || perRound < 1) throw new Error('families must be a whole number of at least 1');
  const target = options.outcomeRows;
  if (target !== undefined && (!Number.isInteger(target) || target < 0)) throw new Error('outcomeRows must be a whole number');

  checkColumns(familiesSpec, FAMILY_COLUMNS);
  checkColumns(outcomesSpec, OUTCOME_COLUMNS);
  checkColumns(claimsSpec, CLAIM_COLUMNS);
  const ref = await loadReference(options.referenceDir ?? SAMPLE_DEFAULTS.referenceDir);
  await mkdir(options.out, { recursive: true });
  const open = (spec: ExtractSpec) => CsvFileWriter.create(join(options.out, spec.file), columnsOf(spec));
  const familiesOut = await open(familiesSpec);
  const outcomesOut = await open(outcomesSpec);
  const claimsOut = await open(claimsSpec);
  const areaOut = await open(areaIndicatorsSpec);
  const writers = [familiesOut, outcomesOut, claimsOut, areaOut];

  try {
    const plan = planCohorts(ref, asAt, perRound, createRandom(seed, 'cohorts'));
    const claimRules = phaseClaimRules(ref.programme, ref.outcomeRules);
    const followupMonths = ref.outcomeRules ? longestFollowupMonths(ref.outcomeRules, ref.programme) : new Map<string, number>();
    const refs = { seed, next: 0 };

    // One round is the sample; the benchmark repeats rounds with fresh draws until it has its rows.
    let done = false;
    for (let round = 0; !done; round++) {
      const random = createRandom(seed, `families:${round}`);
      const rowsBefore = outcomesOut.rows;
      for (const family of generateFamilies(ref, plan, asAt, random, refs)) {
        let outcomes = generateOutcomes(family, ref.programme.outcome_measures, asAt, random, followupMonths);
        // The family cut short to reach the row count keeps only its attachment fee: a results
        // claim on outcomes it no longer has would be refused.
        let claimable = outcomes;
        if (target !== undefined && outcomesOut.rows + outcomes.length >= target) {
          if (outcomesOut.rows + outcomes.length > target) claimable = [];
          outcomes = outcomes.slice(0, target - outcomesOut.rows);
          done = true;
        }
        if (familiesOut.writeFields(familyRow(family))) await familiesOut.flush();
        for (const o of outcomes) if (outcomesOut.writeFields(outcomeRow(family.ref, o))) await outcomesOut.flush();
        for (const c of generateClaims(family, claimable, claimRules.get(family.phase.code) ?? NO_CLAIMS, asAt, random)) {
          if (claimsOut.writeFields(claimRow(c))) await claimsOut.flush();
        }
        if (done) break;
      }
      if (target === undefined) done = true;
      else if (!done && outcomesOut.rows === rowsBefore) {
        throw new Error(`No family attached by ${asAtIso} has outcomes, so ${target} outcome rows cannot be reached`);
      }
    }

    for (const row of generateAreaIndicators(ref, asAt, seed)) if (areaOut.write({ ...row })) await areaOut.flush();
  } finally {
    await Promise.all(writers.map((w) => w.close()));
  }

  const summary = { families: familiesOut.rows, outcomes: outcomesOut.rows, claims: claimsOut.rows, areaIndicators: areaOut.rows };
  return summary;
}
