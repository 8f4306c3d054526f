/**
 * The release design on random small councils: whatever the figures, the release designRelease
 * makes must pass an attack it did not write. The attack here builds the reader's relations from
 * the published figures' own labels (areas add up, breakdowns add up, quarters add up to every
 * longer period, running totals and open caseloads follow their flows, money follows its count at
 * the tariff, no criterion counts more families than were attached) and solves the reader's
 * integer programme for every hidden count from scratch (__checkers__/integer-bounds.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addQuarters } from '../../../src/lib/period/quarter.ts';
import { loadReference } from '../../../src/lib/reference/load.ts';
import type { DisclosurePolicy } from '../../../src/lib/reference/schema.ts';
import { integerBounds } from './__checkers__/integer-bounds.ts';
import { readerRelations, readerView } from './__checkers__/reader.ts';
import { council, FIRST, tablesOf } from './__checkers__/random-council.ts';
import type { AuditCell } from './audit.ts';
import { designRelease } from './release.ts';

const THRESHOLD = 5;
/** Every measure at both area levels and every breakdown: the most relations a policy can give a reader. */
function everywhere(policy: DisclosurePolicy): DisclosurePolicy {
  return { ...policy, measures: policy.measures.map(({ breakdowns: _, ...m }) => ({ ...m, areas: ['authority', 'locality'] })) };
}

let policies: Array<[string, DisclosurePolicy]>;
beforeAll(async () => {
  const real = (await loadReference('data/reference')).disclosure;
  policies = [
    ['the reference policy', real],
    ['every measure at every level and breakdown', everywhere(real)],
  ];
});

describe('designRelease on random councils', () => {
  // Fewer runs under the second policy: its releases are several times larger.
  for (const [which, numRuns] of [
    [0, 8],
    [1, 3],
  ] as const) {
    it(`makes releases that a fresh integer programme cannot narrow (policy ${which + 1})`, async () => {
      const [name, policy] = policies[which] as [string, DisclosurePolicy];
      const seen = { hidden: 0, withheld: 0, rounded: 0 };
      await fc.assert(
        fc.asyncProperty(council, async (c) => {
          const tables = tablesOf(c);
          const design = await designRelease(tables, policy, THRESHOLD, FIRST, addQuarters(FIRST, c.quarters - 1));
          expect(design.audit.passed).toBe(true);
          const { cells } = design.universe;
          const view = readerView(cells, design.shown, THRESHOLD);
          const proved = await integerBounds(view, readerRelations(cells));
          for (const [i, interval] of proved) {
            const cell = view[i] as AuditCell;
            const label = `${name}: ${cells[i]?.table} ${cells[i]?.measure} ${cells[i]?.breakdown} ${cells[i]?.area_code} ${cells[i]?.period.type} ${cells[i]?.period.label} (${cells[i]?.value})`;
            expect(interval.upper - interval.lower, `${label} narrowed to ${interval.lower}–${interval.upper}`).toBeGreaterThanOrEqual(cell.minWidth);
          }
          design.shown.forEach((s) => {
            if (s.kind !== 'exact') seen[s.kind]++;
          });
          // A zero count is never hidden: the reader's "a [c] is at least 1" rests on it.
          cells.forEach((cell, i) => {
            if (cell.value === 0 && cell.measure !== 'claim_amount_gbp') expect(design.shown[i]?.kind).not.toBe('hidden');
          });
        }),
        { numRuns, seed: 20261201 },
      );
      expect(seen.hidden).toBeGreaterThan(20);
    }, 600_000);
  }
});
