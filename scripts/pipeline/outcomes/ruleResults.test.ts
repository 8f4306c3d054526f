/**
 * Each outcome rule of data/reference/outcome-rules.json on small hand-made families, in real
 * DuckDB: the family that meets it, and the families that miss it by one thing.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literal, openDuckDB } from '../duckdb.ts';
import { PipelineError } from '../issues.ts';
import { loadReference, type Reference } from '../../../src/lib/reference/load.ts';
import { outcomeRuleResults } from './ruleResults.ts';
import { installOutcomeRuleTables } from './ruleTables.ts';

interface Outcome {
  baseline?: number;
  followup?: number;
  achieved?: string;
  sustainedTo?: string;
  followupStart?: string;
  followupEnd?: string;
}

interface Result {
  rule: string;
  sustained_on: string | null;
  met_on: string | null;
  not_sustained: string | null;
  evidence_short: string[];
  followup_short: string[];
}

/** A fresh database holding only the families and outcomes given, judged by `ref`'s rules. */
async function judge(
  ref: Reference,
  families: readonly { ref: string; phase: string; criteria: string; closed?: string }[],
  outcomes: readonly ({ ref: string; measure: string } & Outcome)[],
): Promise<Map<string, Result>> {
  const conn: DuckDBConnection = await openDuckDB();
  try {
    await installOutcomeRuleTables(conn, ref);
    await conn.run(`CREATE TABLE families (family_ref VARCHAR, programme_phase VARCHAR, criteria VARCHAR[], date_attached DATE, date_closed DATE)`);
    await conn.run(
      `CREATE TABLE outcomes (family_ref VARCHAR, outcome_measure VARCHAR, baseline_value DOUBLE, followup_value DOUBLE,
        followup_period_start DATE, followup_period_end DATE, date_achieved DATE, date_sustained_to DATE)`,
    );
    const v = (x: string | number | undefined) => (x === undefined ? 'NULL' : typeof x === 'number' ? String(x) : literal(x));
    for (const f of families) {
      await conn.run(`INSERT INTO families VALUES (${literal(f.ref)}, ${literal(f.phase)}, string_split(${literal(f.criteria)}, ';'), DATE '2013-01-01', ${f.closed ? `DATE ${literal(f.closed)}` : 'NULL'})`);
    }
    for (const o of outcomes) {
      await conn.run(
        `INSERT INTO outcomes VALUES (${literal(o.ref)}, ${literal(o.measure)}, ${v(o.baseline)}, ${v(o.followup)}, ${v(o.followupStart)}, ${v(o.followupEnd)}, ${v(o.achieved)}, ${v(o.sustainedTo)})`,
      );
    }
    const rows = (
      await conn.runAndReadAll(
        `SELECT family_ref, rule, strftime(sustained_on, '%Y-%m-%d') AS sustained_on, strftime(met_on, '%Y-%m-%d') AS met_on, not_sustained, evidence_short, followup_short FROM (${outcomeRuleResults.sql})`,
      )
    ).getRowObjectsJS();
    return new Map(rows.map((r) => [`${String(r.family_ref)} ${String(r.rule)}`, r as unknown as Result]));
  } finally {
    conn.closeSync();
  }
}

/**
 * Followed up for ten months (longer than phase 1's three terms), achieved on 1 March 2013 and
 * held to 1 October 2013: sustained (six months) on 1 September.
 */
const held: Outcome = { followupStart: '2012-05-01', followupEnd: '2013-03-01', achieved: '2013-03-01', sustainedTo: '2013-10-01' };

let ref: Reference;
beforeAll(async () => {
  ref = await loadReference('data/reference');
});

describe('phase 1 crime and education (p1_crime_education)', () => {
  const crimeAndEducation = (ref: string, changes: Record<string, Outcome> = {}) => [
    { ref, measure: 'school_exclusions', baseline: 5, followup: 2, ...held, ...changes.school_exclusions },
    { ref, measure: 'school_attendance', baseline: 30, followup: 14.9, ...held, ...changes.school_attendance },
    { ref, measure: 'asb_incidents', baseline: 10, followup: 4, ...held, ...changes.asb_incidents },
    { ref, measure: 'youth_offending', baseline: 3, followup: 2, ...held, ...changes.youth_offending },
  ];

  it('is met by each child under 3 exclusions and 15% absence, ASB down 60% and offending down 33%, sustained', async () => {
    const results = await judge(ref, [{ ref: 'MET1', phase: 'phase_1', criteria: 'crime_asb;education' }], crimeAndEducation('MET1'));
    expect(results.get('MET1 p1_crime_education')).toMatchObject({ sustained_on: '2013-09-01', met_on: '2013-09-01', not_sustained: null, evidence_short: [] });
  });

  it('misses on 3 exclusions, 15% absence, a 50% fall in ASB or a 30% fall in offending', async () => {
    const families = ['EXC1', 'ABS1', 'ASB1', 'YOT1'].map((r) => ({ ref: r, phase: 'phase_1', criteria: 'crime_asb;education' }));
    const results = await judge(ref, families, [
      ...crimeAndEducation('EXC1', { school_exclusions: { followup: 3 } }),
      ...crimeAndEducation('ABS1', { school_attendance: { followup: 15 } }),
      ...crimeAndEducation('ASB1', { asb_incidents: { followup: 5 } }),
      ...crimeAndEducation('YOT1', { youth_offending: { baseline: 10, followup: 7 } }),
    ]);
    expect(results.get('EXC1 p1_crime_education')).toMatchObject({ sustained_on: '2013-09-01', met_on: null, evidence_short: ['school_exclusions'] });
    expect(results.get('ABS1 p1_crime_education')).toMatchObject({ met_on: null, evidence_short: ['school_attendance'] });
    expect(results.get('ASB1 p1_crime_education')).toMatchObject({ met_on: null, evidence_short: ['asb_incidents'] });
    expect(results.get('YOT1 p1_crime_education')).toMatchObject({ met_on: null, evidence_short: ['youth_offending'] });
  });

  it('asks only for the outcomes of the criteria the family was identified on', async () => {
    const results = await judge(
      ref,
      [
        { ref: 'EDU1', phase: 'phase_1', criteria: 'education;worklessness' },
        { ref: 'WRK1', phase: 'phase_1', criteria: 'worklessness;local_discretion' },
      ],
      crimeAndEducation('EDU1').filter((o) => o.measure.startsWith('school_')),
    );
    expect(results.get('EDU1 p1_crime_education')).toMatchObject({ met_on: '2013-09-01' });
    expect(results.get('WRK1 p1_crime_education')).toMatchObject({ met_on: null, not_sustained: expect.stringMatching(/none of the outcomes/) });
  });

  it('is not met until every outcome has held for six months', async () => {
    const results = await judge(ref, [{ ref: 'SHT1', phase: 'phase_1', criteria: 'crime_asb;education' }], crimeAndEducation('SHT1', { asb_incidents: { sustainedTo: '2013-08-31' } }));
    expect(results.get('SHT1 p1_crime_education')).toMatchObject({ sustained_on: null, met_on: null, not_sustained: 'not achieved and sustained: asb_incidents' });
  });
});

describe('phase 1 progress to work and continuous employment', () => {
  it('progress to work: an adult on the Work Programme (1), not 0', async () => {
    const families = ['PTW1', 'PTW0'].map((r) => ({ ref: r, phase: 'phase_1', criteria: 'worklessness;education' }));
    const results = await judge(ref, families, [
      { ref: 'PTW1', measure: 'progress_to_work', baseline: 0, followup: 1, ...held },
      { ref: 'PTW0', measure: 'progress_to_work', baseline: 0, followup: 0, ...held },
    ]);
    expect(results.get('PTW1 p1_progress_to_work')).toMatchObject({ met_on: '2013-09-01' });
    expect(results.get('PTW0 p1_progress_to_work')).toMatchObject({ met_on: null, evidence_short: ['progress_to_work'] });
  });

  it('continuous employment: 26 weeks in work, not 20', async () => {
    const families = ['CE26', 'CE20'].map((r) => ({ ref: r, phase: 'phase_1', criteria: 'worklessness;education' }));
    const results = await judge(ref, families, [
      { ref: 'CE26', measure: 'continuous_employment', baseline: 0, followup: 26, ...held },
      { ref: 'CE20', measure: 'continuous_employment', baseline: 0, followup: 20, ...held },
    ]);
    expect(results.get('CE26 p1_continuous_employment')).toMatchObject({ met_on: '2013-09-01' });
    expect(results.get('CE20 p1_continuous_employment')).toMatchObject({ met_on: null, evidence_short: ['continuous_employment'] });
  });
});

describe('phase 2: significant and sustained progress, or continuous employment', () => {
  it('progress on every problem of the plan; continuous employment is not needed for it', async () => {
    const results = await judge(
      ref,
      [
        { ref: 'SSP1', phase: 'phase_2', criteria: 'crime_asb;health;worklessness' },
        { ref: 'SSP2', phase: 'phase_2', criteria: 'crime_asb;health' },
      ],
      [
        { ref: 'SSP1', measure: 'asb_incidents', ...held },
        { ref: 'SSP1', measure: 'youth_offending', ...held },
        { ref: 'SSP1', measure: 'health_needs_met', achieved: '2013-05-01', sustainedTo: '2014-01-01' },
        { ref: 'SSP1', measure: 'progress_to_work', ...held },
        { ref: 'SSP2', measure: 'asb_incidents', ...held },
        { ref: 'SSP2', measure: 'youth_offending', ...held },
      ],
    );
    expect(results.get('SSP1 p2_significant_sustained_progress')).toMatchObject({ met_on: '2013-11-01', evidence_short: [] });
    // No progress recorded on health: one problem of the plan is not turned round.
    expect(results.get('SSP2 p2_significant_sustained_progress')).toMatchObject({ met_on: null, not_sustained: 'not achieved and sustained: health_needs_met' });
    expect(results.get('SSP1 p2_continuous_employment')).toMatchObject({ met_on: null });
  });

  it('continuous employment alone is enough for its own claim', async () => {
    const results = await judge(ref, [{ ref: 'P2CE', phase: 'phase_2', criteria: 'worklessness;health' }], [{ ref: 'P2CE', measure: 'continuous_employment', followup: 30, ...held }]);
    expect(results.get('P2CE p2_continuous_employment')).toMatchObject({ met_on: '2013-09-01' });
    expect(results.get('P2CE p2_significant_sustained_progress')).toMatchObject({ met_on: null });
  });
});

describe('Supporting Families: the successful family outcome', () => {
  const needs = (ref: string, sustainedTo: string) => [
    { ref, measure: 'secure_housing', achieved: '2013-03-01', sustainedTo },
    { ref, measure: 'health_needs_met', achieved: '2013-04-01', sustainedTo },
    { ref, measure: 'financial_stability', achieved: '2013-02-01', sustainedTo },
  ];

  it('three needs, each outcome sustained six months and still held six months after closure', async () => {
    const results = await judge(
      ref,
      [
        { ref: 'SF01', phase: 'supporting_families', criteria: 'housing;health;financial_stability', closed: '2013-06-30' },
        { ref: 'SF02', phase: 'supporting_families', criteria: 'housing;health;financial_stability', closed: '2013-06-30' },
        { ref: 'SF03', phase: 'supporting_families', criteria: 'housing;health;financial_stability' },
      ],
      [...needs('SF01', '2014-01-31'), ...needs('SF02', '2013-11-30'), ...needs('SF03', '2014-06-30')],
    );
    // Sustained on 1 October (health, achieved in April); six months after closure is 30 December.
    expect(results.get('SF01 sf_successful_family_outcome')).toMatchObject({ met_on: '2013-12-30' });
    expect(results.get('SF02 sf_successful_family_outcome')).toMatchObject({ met_on: null, not_sustained: expect.stringMatching(/held only to 2013-11-30, not 6 months after closure/) });
    expect(results.get('SF03 sf_successful_family_outcome')).toMatchObject({ met_on: null, not_sustained: 'the case has not closed' });
  });

  it('needs at least three needs', async () => {
    const results = await judge(
      ref,
      [{ ref: 'SF2N', phase: 'supporting_families', criteria: 'housing;health', closed: '2013-06-30' }],
      needs('SF2N', '2014-01-31').slice(0, 2),
    );
    expect(results.get('SF2N sf_successful_family_outcome')).toMatchObject({ met_on: null, not_sustained: 'the family has 2 need(s) and the rule asks for at least 3' });
  });
});

describe('rules are data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tfo-rules-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function referenceWith(edit: (rules: { rules: Record<string, unknown>[] }) => void): Promise<string> {
    const folder = await mkdtemp(join(dir, 'ref-'));
    await cp('data/reference', folder, { recursive: true });
    const rules = JSON.parse(await readFile(join(folder, 'outcome-rules.json'), 'utf8')) as { rules: Record<string, unknown>[] };
    edit(rules);
    await writeFile(join(folder, 'outcome-rules.json'), JSON.stringify(rules, null, 2));
    return folder;
  }

  it('a council edits a threshold and adds a rule without code', async () => {
    const folder = await referenceWith((file) => {
      const ce = file.rules.find((r) => r.code === 'p1_continuous_employment')!;
      ce.all_of = [{ kind: 'measure', measure: 'continuous_employment', at_least: 13 }];
      // A local rule: phase 2 progress to work pays as continuous employment would not.
      file.rules = file.rules.filter((r) => r.code !== 'p2_continuous_employment');
      file.rules.push({ code: 'p2_local_work', title: 'Local: progress to work', phase: 'phase_2', claim_type: 'continuous_employment', all_of: [{ kind: 'measure', measure: 'progress_to_work', at_least: 1, sustain_months: 3 }] });
    });
    const edited = await loadReference(folder);
    const results = await judge(
      edited,
      [
        { ref: 'CE13', phase: 'phase_1', criteria: 'worklessness;education' },
        { ref: 'LOC1', phase: 'phase_2', criteria: 'worklessness;health' },
      ],
      [
        { ref: 'CE13', measure: 'continuous_employment', followup: 20, ...held },
        { ref: 'LOC1', measure: 'progress_to_work', followup: 1, achieved: '2013-03-01', sustainedTo: '2013-06-01' },
      ],
    );
    expect(results.get('CE13 p1_continuous_employment')).toMatchObject({ met_on: '2013-09-01' });
    expect(results.get('LOC1 p2_local_work')).toMatchObject({ met_on: '2013-06-01' });
  });

  it('a measurement followed up for less than the minimum period does not meet the rule', async () => {
    // As the 2012 framework words it: absence and exclusions over three terms (taken here as nine
    // months), anti-social behaviour and offending over six months (the rule's own minimum).
    const folder = await referenceWith((file) => {
      const rule = file.rules.find((r) => r.code === 'p1_crime_education')!;
      rule.followup_months = 6;
      for (const c of rule.all_of as Record<string, unknown>[]) if (String(c.measure).startsWith('school_')) c.followup_months = 9;
    });
    const edited = await loadReference(folder);
    const school = { followupStart: '2012-09-01', followupEnd: '2013-06-01' };
    const crime = { followupStart: '2012-09-01', followupEnd: '2013-03-01' };
    const outcomes = (ref: string, changes: Record<string, Outcome> = {}) =>
      [
        { ref, measure: 'school_exclusions', baseline: 5, followup: 2, ...held, ...school },
        { ref, measure: 'school_attendance', baseline: 30, followup: 10, ...held, ...school },
        { ref, measure: 'asb_incidents', baseline: 10, followup: 4, ...held, ...crime },
        { ref, measure: 'youth_offending', baseline: 3, followup: 2, ...held, ...crime },
      ].map((o) => ({ ...o, ...changes[o.measure] }));
    const families = ['FULL', 'SCH8', 'ASB5', 'NOPD'].map((r) => ({ ref: r, phase: 'phase_1', criteria: 'crime_asb;education' }));
    const results = await judge(edited, families, [
      ...outcomes('FULL'),
      ...outcomes('SCH8', { school_attendance: { followupEnd: '2013-05-31' } }),
      ...outcomes('ASB5', { asb_incidents: { followupEnd: '2013-02-28' } }),
      ...outcomes('NOPD', { youth_offending: { followupStart: undefined, followupEnd: undefined } }),
    ]);
    expect(results.get('FULL p1_crime_education')).toMatchObject({ met_on: '2013-09-01', followup_short: [] });
    // Sustained and above every threshold, but measured over too short a period: not met.
    expect(results.get('SCH8 p1_crime_education')).toMatchObject({
      sustained_on: '2013-09-01',
      met_on: null,
      evidence_short: [],
      followup_short: ['school_attendance was followed up from 2012-09-01 to 2013-05-31, less than the 9 months the rule asks for'],
    });
    expect(results.get('ASB5 p1_crime_education')).toMatchObject({ met_on: null, followup_short: ['asb_incidents was followed up from 2012-09-01 to 2013-02-28, less than the 6 months the rule asks for'] });
    expect(results.get('NOPD p1_crime_education')).toMatchObject({ met_on: null, followup_short: ['youth_offending has no follow-up period, and the rule asks for 6 months'] });
  });

  it("a rule's minimum follow-up applies to every need it reads", async () => {
    const folder = await referenceWith((file) => {
      file.rules.find((r) => r.code === 'p2_significant_sustained_progress')!.followup_months = 6;
    });
    const results = await judge(
      await loadReference(folder),
      ['SIX', 'FIVE'].map((r) => ({ ref: r, phase: 'phase_2', criteria: 'health;domestic_abuse' })),
      ['SIX', 'FIVE'].flatMap((r) =>
        ['health_needs_met', 'domestic_abuse_reduced'].map((measure) => ({
          ref: r,
          measure,
          ...held,
          followupStart: '2012-09-01',
          followupEnd: r === 'FIVE' && measure === 'health_needs_met' ? '2013-02-01' : '2013-03-01',
        })),
      ),
    );
    expect(results.get('SIX p2_significant_sustained_progress')).toMatchObject({ met_on: '2013-09-01' });
    expect(results.get('FIVE p2_significant_sustained_progress')).toMatchObject({ met_on: null, followup_short: [expect.stringMatching(/^health_needs_met was followed up/)] });
  });

  it('a rule that replaces a rule of another phase, or one that does not exist, is refused at its line', async () => {
    const folder = await referenceWith((file) => {
      file.rules.find((r) => r.code === 'p1_continuous_employment')!.replaces = ['p1_crime_education', 'p2_significant_sustained_progress', 'p1_progres_to_work'];
    });
    const error = await loadReference(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).issues.map((i) => `${i.file}:${i.line > 1} ${i.message}`)).toEqual([
      'outcome-rules.json:true rules[2].replaces "p2_significant_sustained_progress" is not another rule of phase "phase_1".',
      'outcome-rules.json:true rules[2].replaces "p1_progres_to_work" is not another rule of phase "phase_1".',
    ]);
  });

  it('a rule that names an unknown measure or a claim type the phase does not pay is refused at its line', async () => {
    const folder = await referenceWith((file) => {
      file.rules[0]!.all_of = [{ kind: 'measure', measure: 'school_atendance', below: 15 }];
      file.rules[1]!.claim_type = 'attachment_feee';
    });
    const error = await loadReference(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    const issues = (error as PipelineError).issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`);
    expect(issues).toEqual([
      expect.stringMatching(/^outcome-rules\.json:\d+:\d+ "school_atendance" is not an outcome measure of programme\.json\.$/),
      expect.stringMatching(/^outcome-rules\.json:\d+:\d+ rules\[1\]\.claim_type "attachment_feee" has no payment rule in phase "phase_1"\.$/),
    ]);
    expect((error as PipelineError).issues.every((i) => i.line > 1)).toBe(true);
  });

  it('a rule with a fall above 100% is refused by the schema', async () => {
    const folder = await referenceWith((file) => {
      file.rules[0]!.all_of = [{ kind: 'measure', measure: 'asb_incidents', fall_at_least: 60 }];
    });
    const error = await loadReference(folder).catch((e: unknown) => e);
    expect((error as PipelineError).issues).toEqual([expect.objectContaining({ file: 'outcome-rules.json', column_name: 'rules[0].all_of[0].fall_at_least' })]);
  });
});
