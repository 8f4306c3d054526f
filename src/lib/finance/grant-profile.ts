/**
 * The grant profile a payment framework gives, by programme year: up-front income (attachment
 * fees for the funded families), results income if every funded family succeeds, and the total.
 * This is the table York's 2012 report printed (paragraph 40); the York example reproduces it.
 */
import type { PaymentFramework } from '../reference/payment-framework.ts';

/** A programme year's grant, or the whole programme's. */
export interface GrantFigures {
  readonly fundedFamilies: number;
  readonly upFrontGbp: number;
  readonly resultsAtFullSuccessGbp: number;
  readonly totalGbp: number;
}

export interface GrantYear extends GrantFigures {
  readonly year: string;
}

export interface GrantProfile {
  readonly years: readonly GrantYear[];
  readonly total: GrantFigures;
  /** Committed families times the funded share: the families the grant pays for. */
  readonly fundedOfCommitted: number;
}

export function grantProfile(framework: PaymentFramework): GrantProfile {
  const max = framework.per_family_max_gbp;
  const years = framework.years.map((y): GrantYear => {
    const upFrontGbp = y.funded_families * max * y.attachment_share;
    const resultsAtFullSuccessGbp = y.funded_families * max * y.results_share;
    return { year: y.year, fundedFamilies: y.funded_families, upFrontGbp, resultsAtFullSuccessGbp, totalGbp: upFrontGbp + resultsAtFullSuccessGbp };
  });
  const sum = (pick: (y: GrantYear) => number) => years.reduce((a, y) => a + pick(y), 0);
  const { numerator, denominator } = framework.funded_share;
  return {
    years,
    total: {
      fundedFamilies: sum((y) => y.fundedFamilies),
      upFrontGbp: sum((y) => y.upFrontGbp),
      resultsAtFullSuccessGbp: sum((y) => y.resultsAtFullSuccessGbp),
      totalGbp: sum((y) => y.totalGbp),
    },
    fundedOfCommitted: (framework.committed_families * numerator) / denominator,
  };
}

/** Pounds in thousands, as council finance tables print them ("£000"). */
export function thousands(gbp: number): number {
  return Math.round(gbp / 1000);
}
