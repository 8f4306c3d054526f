/**
 * The audit against brute force on random linked series: a total and its parts, a figure at two
 * granularities, a running total, stock and flow, money linked to counts by a tariff and the
 * bound an overlapping breakdown implies. The enumerator (__checkers__/enumerate.ts) is the
 * definition of what a reader can prove; the audit must never claim a hidden cell is safer than
 * that, and the intervals it reports must be ones a reader cannot narrow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumerateIntervals } from './__checkers__/enumerate.ts';
import { integerBounds } from './__checkers__/integer-bounds.ts';
import { buildSeries, seriesSpec, type LinkedSeries } from './__checkers__/linked-series.ts';
import { auditRelease, type AuditCell, type CellView } from './audit.ts';

type Hide = 'primary' | 'withheld' | 'rounded';

/** Publishes a series with up to four counts hidden, withheld or rounded (money follows its count). */
function publish(series: LinkedSeries, picks: ReadonlyArray<{ at: number; hide: Hide; width: number }>): AuditCell[] {
  const counts = series.cells.flatMap((c, i) => (c.integer ? [i] : []));
  const chosen = new Map<number, { hide: Hide; width: number }>();
  for (const p of picks) chosen.set(counts[p.at % counts.length] as number, p);
  const cells: AuditCell[] = series.cells.map((c, i) => {
    const pick = chosen.get(i);
    if (!c.integer || !pick) return { value: c.value, integer: c.integer, view: { kind: 'exact' }, minWidth: 0 };
    // The documented rule hides no zero, so a [c] is known to be at least 1; a withheld figure may be 0.
    const hide: Hide = pick.hide === 'primary' && c.value === 0 ? 'withheld' : pick.hide;
    if (hide === 'rounded') {
      const r = Math.floor(c.value / 5 + 0.5) * 5;
      return { value: c.value, integer: true, view: { kind: 'range', lower: Math.max(0, r - 2), upper: r + 2 }, minWidth: 0 };
    }
    const view: CellView = { kind: 'hidden', lower: hide === 'primary' ? 1 : 0 };
    return { value: c.value, integer: true, view, minWidth: pick.width };
  });
  return cells.map((cell, i) => {
    const countOf = (series.cells[i] as { countOf: number | null }).countOf;
    if (cell.integer || countOf === null || (cells[countOf] as AuditCell).view.kind === 'exact') return cell;
    return { ...cell, view: { kind: 'hidden', lower: 0 } };
  });
}

const pick = fc.record({ at: fc.nat(), hide: fc.constantFrom<Hide>('primary', 'primary', 'withheld', 'rounded'), width: fc.constantFrom(1, 3, 5) });
const release = fc.record({ spec: seriesSpec, picks: fc.array(pick, { minLength: 1, maxLength: 4 }) });
const CAP = 25;

describe('auditRelease on random linked series', () => {
  for (const exact of [true, false]) {
    it(`never passes a hidden count that enumeration narrows below its width (${exact ? 'whole-component verdicts' : 'neighbourhood verdicts, as the design loop uses'})`, async () => {
      const seen = { passed: 0, failed: 0, runs: 0, truncated: 0 };
      await fc.assert(
        fc.asyncProperty(release, async ({ spec, picks }) => {
          const series = buildSeries(spec);
          const cells = publish(series, picks);
          const result = await auditRelease(cells, series.relations, { exact });
          const truth = enumerateIntervals(cells, series.relations, CAP);
          // The true figures are a solution, so enumeration always finds one.
          expect(truth.solutions).toBeGreaterThan(0);
          seen.runs++;
          if (truth.truncated) seen.truncated++;
          const failed = new Map(result.failures.map((f) => [f.cell, f.interval]));
          cells.forEach((cell, i) => {
            if (cell.minWidth === 0) return;
            const interval = result.intervals.get(i);
            const proved = truth.intervals.get(i);
            const label = (series.cells[i] as { name: string }).name;
            expect(interval, label).toBeDefined();
            expect(proved, label).toBeDefined();
            if (!interval || !proved) return;
            // Every interval the audit reports is attained: whole-number points a reader cannot rule out.
            if (!truth.truncated) {
              expect(interval.lower, label).toBeGreaterThanOrEqual(proved.lower);
              expect(interval.upper, label).toBeLessThanOrEqual(proved.upper);
            }
            if (failed.has(i)) {
              expect(interval.upper - interval.lower, label).toBeLessThan(cell.minWidth);
              // With whole-component verdicts a failure's interval is exactly what a reader proves.
              if (exact) expect(interval, label).toEqual(proved);
            } else {
              expect(interval.upper - interval.lower, label).toBeGreaterThanOrEqual(cell.minWidth);
              expect(proved.upper - proved.lower, `${label}: passed, but enumeration proves ${proved.lower}–${proved.upper}`).toBeGreaterThanOrEqual(cell.minWidth);
            }
            seen[failed.has(i) ? 'failed' : 'passed']++;
          });
        }),
        { numRuns: 200, seed: 20261130 },
      );
      // The cases must test something: hidden counts that pass and that fail, mostly enumerated in full.
      expect(seen.passed).toBeGreaterThan(40);
      expect(seen.failed).toBeGreaterThan(40);
      expect(seen.truncated).toBeLessThan(seen.runs / 2);
    });
  }

  it('is judged by checkers that agree with each other: enumeration and a fresh integer programme', async () => {
    // The release tests judge the design with integer-bounds.ts; here it must match enumeration.
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(release, async ({ spec, picks }) => {
        const series = buildSeries(spec);
        const cells = publish(series, picks);
        const truth = enumerateIntervals(cells, series.relations, CAP);
        if (truth.truncated) return;
        for (const [i, interval] of await integerBounds(cells, series.relations)) {
          expect(interval, (series.cells[i] as { name: string }).name).toEqual(truth.intervals.get(i));
          compared++;
        }
      }),
      { numRuns: 60, seed: 20261202 },
    );
    expect(compared).toBeGreaterThan(40);
  });
});
