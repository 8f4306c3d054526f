import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extracts, type ReferenceList } from '../pipeline/contract/extracts.ts';
import { loadReference, type Reference } from '../../src/lib/reference/load.ts';

const DIR = 'data/reference';

/** WCAG relative luminance contrast between a hex colour and white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

const ref: Reference = await loadReference(DIR);

describe('data/reference', () => {
  it('parses every file with the shared schemas and has no cross-file problems', () => {
    // loadReference throws on any schema or cross-file problem, so reaching here is the check.
    expect(ref.localities.length).toBeGreaterThanOrEqual(6);
  });

  it('describes a fictional authority with plausible localities', () => {
    expect(ref.programme.authority.code).toBe('E06009901');
    expect(ref.council.name).toBe(ref.programme.authority.name);
    const fte = ref.localities.reduce((sum, l) => sum + l.staff_fte, 0);
    expect(fte).toBeGreaterThan(170);
    expect(fte).toBeLessThan(210);
    expect(Math.min(...ref.localities.map((l) => l.population_0_19))).toBeLessThan(12_000);
    for (const l of ref.localities) {
      expect(l.deprivation_score).toBeGreaterThanOrEqual(8);
      expect(l.deprivation_score).toBeLessThanOrEqual(45);
    }
  });

  it('lists every national indicator in the domain brief', () => {
    const references = ref.catalogue.indicators.map((i) => i.reference);
    for (const ni of [116, 118, 153, 111, 45, 115, 32, 40, 112, 123]) {
      expect(references).toContain(`NI ${ni}`);
      expect(ref.catalogue.indicators.find((i) => i.reference === `NI ${ni}`)?.code).toBe(`ni_${ni}`);
    }
  });

  it('gives every indicator target a year in the data and a plausible value for its unit', () => {
    for (const indicator of ref.catalogue.indicators) {
      for (const [year, target] of Object.entries(indicator.targets)) {
        expect(year >= '2012-13' && year <= '2026-27', `${indicator.code} ${year}`).toBe(true);
        if (indicator.unit === 'percent') expect(target).toBeLessThanOrEqual(100);
        expect(target).toBeGreaterThan(0);
      }
    }
  });

  it('only uses criteria and phases that exist', () => {
    const phases = new Set(ref.programme.phases.map((p) => p.code));
    const criteria = new Set(ref.programme.phases.flatMap((p) => p.criteria.map((c) => c.code)));
    for (const m of ref.programme.outcome_measures) expect(criteria).toContain(m.criterion);
    for (const r of ref.programme.payment_rules) expect(phases).toContain(r.phase);
    // Every criterion a family can meet, other than local discretion, has an outcome to evidence it.
    const evidenced = new Set(ref.programme.outcome_measures.map((m) => m.criterion));
    expect([...criteria].filter((c) => !evidenced.has(c))).toEqual(['local_discretion']);
  });

  it('gives phase 1 attachment fees of 80%, 60% and 40% of £4,000', () => {
    const fees = ref.programme.payment_rules.filter((r) => r.phase === 'phase_1' && r.claim_type === 'attachment_fee');
    expect(fees.map((r) => [r.years, r.max_amount_gbp])).toEqual([
      [['2012-13'], 3200],
      [['2013-14'], 2400],
      [['2014-15'], 1600],
    ]);
  });

  it('sums the cohort targets to the programme target', () => {
    const sum = Object.values(ref.programme.cohort_targets).reduce((s, n) => s + n, 0);
    expect(sum).toBe(ref.programme.programme_target);
  });

  it('has an accent colour with at least 4.5:1 contrast on white', () => {
    expect(contrastWithWhite(ref.council.accent_colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('has one boundary polygon per locality, closed and anticlockwise', async () => {
    const geo = JSON.parse(await readFile(`${DIR}/boundaries.geojson`, 'utf8')) as {
      type: string;
      features: { properties: { locality_code: string }; geometry: { type: string; coordinates: number[][][] } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f) => f.properties.locality_code).sort()).toEqual(ref.localities.map((l) => l.locality_code).sort());
    for (const f of geo.features) {
      const ring = f.geometry.coordinates[0] ?? [];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      let area = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x0 = 0, y0 = 0] = ring[i] ?? [];
        const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
        area += x0 * y1 - x1 * y0;
      }
      expect(area, f.properties.locality_code).toBeGreaterThan(0);
    }
  });

  // Schema and cross-file errors are tested with the shared loader (src/lib/reference/load.test.ts).
  it('contains the codes the extract contract uses as examples', () => {
    const lists: Partial<Record<ReferenceList, string[]>> = {
      localities: ref.localities.map((l) => l.locality_code),
      areas: [...ref.localities.map((l) => l.locality_code), ref.programme.authority.code, ...ref.programme.comparators.map((c) => c.code)],
      indicators: ref.catalogue.indicators.map((i) => i.code),
      phases: ref.programme.phases.map((p) => p.code),
      criteria: ref.programme.phases.flatMap((p) => p.criteria.map((c) => c.code)),
      lead_agencies: ref.programme.lead_agencies.map((a) => a.code),
      outcome_measures: ref.programme.outcome_measures.map((m) => m.code),
      claim_types: ref.programme.payment_rules.map((r) => r.claim_type),
    };
    for (const column of extracts.flatMap((spec) => spec.columns)) {
      const allowed = column.reference ? lists[column.reference] : undefined;
      if (!allowed) continue;
      for (const code of column.example.split(';')) expect(allowed, column.name).toContain(code);
    }
  });
});
