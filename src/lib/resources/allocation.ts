/**
 * Resources by need, Derbyshire's method: each locality's share of staff from a visible formula
 *
 *   share = w_population x (its share of 0-19 population)
 *         + w_need       x (its share of 0-19 population weighted by deprivation score)
 *         + w_demand     x (its share of recent demand)
 *
 * with the weights normalised to add up to one. The deprivation-weighted share is the need share
 * the locality pages show (src/lib/indicators/need-share.ts), reused so it is defined once. The
 * staff a share would fund is that share of all locality FTE; the gap is actual minus that.
 * Plain TypeScript with no Node imports: the browser what-if runs exactly this.
 */
import { needSharePercents } from '../indicators/need-share.ts';
import { normaliseWeights, type Weights } from './weights.ts';

/**
 * One locality's inputs. Field names differ from the reference files' columns on purpose: these
 * rows travel to the browser, where no extract column name may appear (scripts/site-check).
 */
export interface AllocationInput {
  readonly code: string;
  /** Population aged 0 to 19. */
  readonly population: number;
  readonly deprivation: number;
  /** Recent demand: families identified in the demand year. */
  readonly demand: number;
  /** Staff in post (FTE), from the staffing table. */
  readonly fte: number;
}

export interface Allocation {
  readonly localityCode: string;
  /** 0-100 each. */
  readonly populationSharePercent: number;
  readonly needSharePercent: number;
  readonly demandSharePercent: number;
  readonly resourceSharePercent: number;
  /** FTE the formula gives the locality out of all locality FTE. */
  readonly formulaFte: number;
  readonly actualFte: number;
  /** Actual minus formula FTE: negative means fewer staff than the formula gives. */
  readonly gapFte: number;
}

function sharesPercent(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (total > 0 ? (v / total) * 100 : 0));
}

/** Each locality's formula share and FTE gap; null when every weight is zero. */
export function allocateByNeed(localities: readonly AllocationInput[], weights: Weights): Allocation[] | null {
  const w = normaliseWeights(weights);
  if (!w) return null;
  const population = sharesPercent(localities.map((l) => l.population));
  const need = needSharePercents(localities);
  const demand = sharesPercent(localities.map((l) => l.demand));
  const totalFte = localities.reduce((a, l) => a + l.fte, 0);
  return localities.map((l, i) => {
    const resourceSharePercent = w.population * population[i]! + w.need * need[i]! + w.demand * demand[i]!;
    const formulaFte = (resourceSharePercent / 100) * totalFte;
    return {
      localityCode: l.code,
      populationSharePercent: population[i]!,
      needSharePercent: need[i]!,
      demandSharePercent: demand[i]!,
      resourceSharePercent,
      formulaFte,
      actualFte: l.fte,
      gapFte: l.fte - formulaFte,
    };
  });
}
