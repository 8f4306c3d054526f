/**
 * The fictional benchmarking set: 150 authorities in England's 9 regions (Wyvern among them),
 * Wyvern's neighbour groups (a CIPFA-style 15 nearest neighbours and a DfE-style children's
 * services 10), every authority's published indicator values and the national programme's
 * results by authority at each claim date.
 *
 * Consistent with the rest of the sample: Wyvern's own indicator rows are its rows in
 * area_indicators.csv, and its programme results are counted from families.csv and claims.csv,
 * so the benchmarking section and the rest of the site never disagree about Wyvern. Other
 * authorities are Wyvern's figures moved by a seeded "need" score, so statistical neighbours
 * (nearest by need and size) really are alike. Deterministic: the same seed gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPARATORS_FILE, type Comparators } from '../../src/lib/reference/comparators.ts';
import type { IndicatorCatalogue } from '../../src/lib/reference/schema.ts';
import { indicatorValue } from '../../src/lib/stats/indicator-value.ts';
import { NATIONAL_FILES, NATIONAL_INDICATOR_COLUMNS, NATIONAL_RESULT_COLUMNS, NATIONAL_CLAIM_DATES } from '../../src/lib/benchmarking/national-input.ts';
import { csvLine, parseCsvRecords } from './csv.ts';
import { createRandom } from './random.ts';

export const WYVERN = 'E06009901';
const SEED = 20_261_130;
/** Periods per indicator the sample publishes for every authority (the latest ones). */
const PERIODS_PER_INDICATOR = 8;

/** England's regions with their real GSS codes and roughly their real number of upper-tier authorities. */
const REGIONS = [
  { code: 'E12000001', name: 'North East', count: 12, need: 0.75, mets: true },
  { code: 'E12000002', name: 'North West', count: 24, need: 0.65, mets: true },
  { code: 'E12000003', name: 'Yorkshire and The Humber', count: 15, need: 0.6, mets: true },
  { code: 'E12000004', name: 'East Midlands', count: 10, need: 0.5, mets: false },
  { code: 'E12000005', name: 'West Midlands', count: 14, need: 0.6, mets: true },
  { code: 'E12000006', name: 'East of England', count: 11, need: 0.4, mets: false },
  { code: 'E12000007', name: 'London', count: 33, need: 0.55, mets: false },
  { code: 'E12000008', name: 'South East', count: 19, need: 0.35, mets: false },
  { code: 'E12000009', name: 'South West', count: 12, need: 0.4, mets: false },
] as const;

const PREFIXES = ['Ash', 'Brack', 'Cold', 'Dun', 'Elm', 'Fern', 'Glen', 'Hart', 'Iron', 'King', 'Lang', 'Mill', 'Nor', 'Oak', 'Pen', 'Red', 'Stan', 'Thorn', 'Wick', 'Wold'];
const SUFFIXES = ['ford', 'ham', 'ley', 'bury', 'field', 'wick', 'ton', 'mouth'];

interface Authority {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  /** 0 (least need) to 1 (most): drives every indicator. */
  readonly need: number;
  /** Multiplies Wyvern's denominators. */
  readonly size: number;
}

function authorities(): Authority[] {
  const random = createRandom(SEED, 'authorities');
  const names = PREFIXES.flatMap((p) => SUFFIXES.map((s) => p + s));
  const out: Authority[] = [];
  let n = 0;
  for (const region of REGIONS) {
    for (let i = 0; i < region.count; i++) {
      const need = Math.min(1, Math.max(0, region.need + 0.18 * random.normal()));
      const size = Math.exp(random.uniform(Math.log(0.3), Math.log(3)));
      // Wyvern is the South East's first authority: a unitary of middling need and size.
      if (region.code === 'E12000008' && i === 0) {
        out.push({ code: WYVERN, name: 'Wyvern', region: region.code, need: 0.45, size: 1 });
        continue;
      }
      const type = region.name === 'London' ? '09' : region.mets && i % 2 === 0 ? '08' : i % 3 === 0 ? '10' : '06';
      const name = names[(n * 37) % names.length] as string;
      out.push({ code: `E${type}00${9700 + n}`, name, region: region.code, need, size });
      n++;
    }
  }
  return out;
}

/** Nearest first by a weighted distance; the CIPFA-style list weighs size as well as need. */
function nearest(all: readonly Authority[], self: Authority, k: number, sizeWeight: number): string[] {
  const distance = (a: Authority) => Math.hypot(a.need - self.need, sizeWeight * (Math.log(a.size) - Math.log(self.size)));
  return all
    .filter((a) => a.code !== self.code)
    .sort((a, b) => distance(a) - distance(b) || a.code.localeCompare(b.code))
    .slice(0, k)
    .map((a) => a.code);
}

export function comparatorsFile(): Comparators {
  const all = authorities();
  const self = all.find((a) => a.code === WYVERN) as Authority;
  return {
    schema_version: 1,
    authority: WYVERN,
    england: { code: 'E92000001', name: 'England' },
    regions: REGIONS.map((r) => ({ code: r.code, name: r.name })),
    authorities: all.map((a) => ({ code: a.code, name: a.name, region: a.region })),
    groups: [
      {
        code: 'cipfa',
        title: 'CIPFA nearest neighbours',
        source: 'Fictional: the 15 authorities nearest to Wyvern by need and population, in the manner of the CIPFA Nearest Neighbours Model.',
        members: nearest(all, self, 15, 0.25),
      },
      {
        code: 'dfe_children',
        title: "DfE children's services statistical neighbours",
        source: "Fictional: the 10 authorities nearest to Wyvern by need, in the manner of the DfE children's services statistical neighbour benchmarking tool.",
        members: nearest(all, self, 10, 0.05),
      },
    ],
  };
}

/** How strongly need moves an indicator: up for harms, down for good outcomes. */
function needDirection(polarity: string): number {
  return polarity === 'high_is_good' ? -1 : 1;
}

export function nationalIndicatorLines(catalogue: IndicatorCatalogue, areaIndicatorsCsv: string): string[] {
  const all = authorities();
  const wyvernRows = parseCsvRecords(areaIndicatorsCsv).filter((r) => r.area_code === WYVERN);
  const lines = [csvLine(NATIONAL_INDICATOR_COLUMNS)];
  for (const indicator of catalogue.indicators) {
    const own = wyvernRows.filter((r) => r.indicator_code === indicator.code).slice(-PERIODS_PER_INDICATOR);
    const random = createRandom(SEED, `indicator:${indicator.code}`);
    const direction = needDirection(indicator.polarity);
    for (const authority of all) {
      for (const row of own) {
        const wyvernNumerator = Number(row.numerator);
        const wyvernDenominator = Number(row.denominator);
        let numerator: number | null;
        let denominator: number;
        if (authority.code === WYVERN) {
          numerator = row.numerator === '' ? null : wyvernNumerator;
          denominator = wyvernDenominator;
        } else {
          denominator = Math.max(20, Math.round(wyvernDenominator * authority.size));
          const ratio = wyvernDenominator > 0 ? wyvernNumerator / wyvernDenominator : 0;
          const moved = ratio * Math.max(0.2, 1 + 0.9 * direction * (authority.need - 0.45) + 0.08 * random.normal());
          numerator = Math.max(0, Math.round(Math.min(indicator.unit === 'percent' ? 1 : Infinity, moved) * denominator));
          // About one figure in forty is unpublished (suppressed or not returned).
          if (random.chance(0.025)) numerator = null;
        }
        const value = indicatorValue(indicator.unit, numerator, denominator);
        lines.push(
          csvLine([
            indicator.code,
            authority.code,
            row.period ?? '',
            numerator === null ? '' : String(numerator),
            String(denominator),
            value === null ? '' : value.toFixed(indicator.decimals),
          ]),
        );
      }
    }
  }
  return lines;
}

const RESULT_TYPES = new Set(['results_crime_education', 'progress_to_work', 'continuous_employment']);

export function nationalResultLines(familiesCsv: string, claimsCsv: string): string[] {
  const families = parseCsvRecords(familiesCsv).filter((f) => f.programme_phase === 'phase_1');
  const phase1 = new Set(families.map((f) => f.family_ref));
  const firstResult = new Map<string, string>();
  for (const c of parseCsvRecords(claimsCsv)) {
    if (!RESULT_TYPES.has(c.claim_type ?? '') || !phase1.has(c.family_ref ?? '')) continue;
    const seen = firstResult.get(c.family_ref ?? '');
    if (!seen || (c.claim_date ?? '') < seen) firstResult.set(c.family_ref ?? '', c.claim_date ?? '');
  }
  const random = createRandom(SEED, 'results');
  const lines = [csvLine(NATIONAL_RESULT_COLUMNS)];
  const all = authorities();
  // Each authority's pace: how far ahead of or behind the national curve it runs.
  const pace = new Map(all.map((a) => [a.code, Math.exp(0.45 * random.normal())]));
  NATIONAL_CLAIM_DATES.forEach((date, i) => {
    const attached = families.filter((f) => (f.date_attached ?? '') !== '' && (f.date_attached ?? '') <= date).length;
    const claimed = [...firstResult.values()].filter((d) => d <= date).length;
    // The national curve: about 4% by the first claim date, about 40% by the last, as phase 1 ran.
    const share = Math.min(0.99, 0.045 + 0.05 * i);
    for (const a of all) {
      if (a.code === WYVERN) {
        lines.push(csvLine([a.code, date, String(attached), String(claimed)]));
        continue;
      }
      const families = Math.round(attached * a.size * Math.min(1, 0.6 + 0.1 * i));
      const results = Math.min(families, Math.round(families * share * (pace.get(a.code) ?? 1)));
      lines.push(csvLine([a.code, date, String(families), String(results)]));
    }
  });
  return lines;
}

export function writeBenchmarkingSample(referenceDir = 'data/reference', sampleDir = 'data/sample'): void {
  const catalogue = JSON.parse(readFileSync(join(referenceDir, 'indicators.json'), 'utf8')) as IndicatorCatalogue;
  writeFileSync(join(referenceDir, COMPARATORS_FILE), `${JSON.stringify(comparatorsFile(), null, 2)}\n`);
  const indicators = nationalIndicatorLines(catalogue, readFileSync(join(sampleDir, 'area_indicators.csv'), 'utf8'));
  // A folder of its own: the pipeline warns about any unexpected file among the extracts.
  mkdirSync(join(sampleDir, 'national'), { recursive: true });
  writeFileSync(join(sampleDir, 'national', NATIONAL_FILES.indicators), indicators.join(''));
  const results = nationalResultLines(readFileSync(join(sampleDir, 'families.csv'), 'utf8'), readFileSync(join(sampleDir, 'claims.csv'), 'utf8'));
  writeFileSync(join(sampleDir, 'national', NATIONAL_FILES.results), results.join(''));
}

if (import.meta.url === `file://${process.argv[1]}`) writeBenchmarkingSample();
