import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadComparators } from '../reference/comparators.ts';
import { loadReference } from '../reference/load.ts';
import { NATIONAL_FILES, parseNationalIndicators, parseNationalResults } from './national-input.ts';

const reference = await loadReference('data/reference');
const comparators = (await loadComparators('data/reference'))!;
const catalogue = reference.catalogue;
const HEADER = 'indicator_code,authority_code,period,numerator,denominator,value\n';

describe('the sample national figures', () => {
  it('has 150 authorities in 9 regions and neighbour lists of 15 and 10', () => {
    expect(comparators.authorities).toHaveLength(150);
    expect(comparators.regions).toHaveLength(9);
    expect(comparators.groups.map((g) => g.members.length)).toEqual([15, 10]);
    expect(comparators.authority).toBe(reference.programme.authority.code);
  });

  it('parses without a problem, every authority and indicator present', () => {
    const parsed = parseNationalIndicators(readFileSync(`data/sample/national/${NATIONAL_FILES.indicators}`, 'utf8'), catalogue, comparators);
    expect(parsed.issues).toEqual([]);
    expect(new Set(parsed.rows.map((r) => r.authority_code)).size).toBe(150);
    expect(new Set(parsed.rows.map((r) => r.indicator_code)).size).toBe(catalogue.indicators.length);
    const results = parseNationalResults(readFileSync(`data/sample/national/${NATIONAL_FILES.results}`, 'utf8'), comparators);
    expect(results.issues).toEqual([]);
    expect(results.rows.length).toBe(150 * 8);
  });
});

describe('parseNationalIndicators', () => {
  it('names file, line and column, what is wrong and how to fix it', () => {
    const text =
      HEADER +
      'ni_116,E06009901,2019-20,10,100,10.0\n' +
      'ni_999,E06009901,2019-20,10,100,\n' +
      'ni_116,E01000000,2019-20,10,100,\n' +
      'ni_116,E06009901,2019-20 Q1,1o,100,\n' +
      'ni_116,E06009901,2019-20,10,100,12.0\n' +
      'ni_116,E06009901,2020-21,200,100,\n' +
      'ni_116,E06009901,2021-22,10,100\n';
    const { rows, issues } = parseNationalIndicators(text, catalogue, comparators);
    expect(rows).toEqual([{ indicator_code: 'ni_116', authority_code: 'E06009901', period: '2019-20', numerator: 10, denominator: 100, value: 10 }]);
    const at = issues.map((i) => [i.file, i.line, i.column, i.code]);
    expect(at).toEqual([
      ['national_indicators.csv', 3, 1, 'unknown_code'],
      ['national_indicators.csv', 4, 2, 'unknown_code'],
      ['national_indicators.csv', 5, 3, 'invalid_period'],
      ['national_indicators.csv', 5, 4, 'invalid_number'],
      ['national_indicators.csv', 6, 6, 'value_mismatch'],
      ['national_indicators.csv', 6, 2, 'duplicate_row'],
      ['national_indicators.csv', 7, 4, 'numerator_above_denominator'],
      ['national_indicators.csv', 8, 0, 'wrong_field_count'],
    ]);
    for (const i of issues) {
      expect(i.message.length).toBeGreaterThan(10);
      expect(i.fix.length).toBeGreaterThan(10);
    }
  });

  it('reports a missing column against the header line', () => {
    const { issues } = parseNationalIndicators('indicator_code,authority_code,period,numerator,value\n', catalogue, comparators);
    expect(issues.map((i) => [i.line, i.column_name, i.code])).toEqual([[1, 'denominator', 'missing_column']]);
  });
});

describe('parseNationalResults', () => {
  it('checks dates, counts and that results never exceed families attached', () => {
    const text =
      'authority_code,claim_date,families_attached,results_claimed\n' +
      'E06009901,2013-07-31,100,6\n' +
      'E06009901,2013-02-30,100,6\n' +
      'E06009901,2013-10-31,1,000,6\n' +
      'E06009901,2014-02-28,100,160\n';
    const { rows, issues } = parseNationalResults(text, comparators);
    expect(rows).toHaveLength(1);
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 2, 'invalid_date'],
      [4, 0, 'wrong_field_count'],
      [5, 4, 'claimed_above_attached'],
    ]);
  });
});
