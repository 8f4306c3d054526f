/**
 * Staff in post from the staffing table (posts by grade and salary band): FTE, headcount and
 * an annual cost at the midpoint of each post's band, by locality and in all.
 */
import type { StaffPost } from '../reference/resources.ts';

export interface StaffTotals {
  readonly fte: number;
  readonly staff: number;
  /** FTE x the midpoint of the salary band, in pounds a year (salary only, no on-costs). */
  readonly costGbp: number;
}

/** FTE to two decimals: summing hundredths exactly so 192.43 stays 192.43. */
function add(a: StaffTotals, post: StaffPost): StaffTotals {
  return {
    fte: Math.round((a.fte + post.fte) * 100) / 100,
    staff: a.staff + post.staff,
    costGbp: a.costGbp + post.fte * ((post.min_salary_gbp + post.max_salary_gbp) / 2),
  };
}

const NONE: StaffTotals = { fte: 0, staff: 0, costGbp: 0 };

export function staffTotals(posts: readonly StaffPost[]): StaffTotals {
  return posts.reduce(add, NONE);
}

/** Totals by locality code, in the order of `codes`; a locality with no posts has zeros. */
export function staffByLocality(posts: readonly StaffPost[], codes: readonly string[]): Map<string, StaffTotals> {
  return new Map(codes.map((code) => [code, staffTotals(posts.filter((p) => p.locality_code === code))]));
}

/** Totals by grade, highest grade first (as the establishment list is ordered). */
export function staffByGrade(posts: readonly StaffPost[]): { grade: string; totals: StaffTotals }[] {
  const grades = [...new Set(posts.map((p) => p.grade))].sort((a, b) => b.localeCompare(a, 'en-GB', { numeric: true }));
  return grades.map((grade) => ({ grade, totals: staffTotals(posts.filter((p) => p.grade === grade)) }));
}
