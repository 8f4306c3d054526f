/**
 * The benchmarking section's sentences. For indicators with no better or worse direction the
 * ranking is only an order (highest first), so the words say "highest quarter", never "top".
 */
import type { Polarity } from '../reference/schema.ts';
import type { IndicatorBenchmark } from './indicator-benchmark.ts';
import { QUARTILE_WORDS, type Quartile, type Rank } from './rank.ts';

const ORDER_WORDS: Readonly<Record<Quartile, string>> = {
  1: 'highest quarter',
  2: 'second-highest quarter',
  3: 'second-lowest quarter',
  4: 'lowest quarter',
};

export interface RankWords {
  readonly summary: string;
  /** How rank 1 is chosen: "rank 1 is the lowest value, the best". */
  readonly direction: string;
  readonly quartile: (q: Quartile) => string;
}

export function rankWords(model: IndicatorBenchmark, polarity: Polarity, authorityName: string): RankWords {
  const judged = polarity !== 'no_judgement';
  const quartile = (q: Quartile) => (judged ? QUARTILE_WORDS[q] : ORDER_WORDS[q]);
  const direction = polarity === 'low_is_good' ? 'rank 1 is the lowest value, the best' : polarity === 'high_is_good' ? 'rank 1 is the highest value, the best' : 'rank 1 is the highest value; higher is neither better nor worse';
  const ranked = (r: Rank | null, among: string) => (r ? `${r.rank} of ${r.of} ${among} (${quartile(r.quartile)})` : `not ranked ${among}`);
  const parts = [`In ${model.period}, ${authorityName} ranked ${ranked(model.national, 'authorities in England')}`];
  for (const g of model.groups) parts.push(`${ranked(g.rank, `among itself and its ${g.title}`)}`);
  return { summary: `${parts.join(', and ')}; ${direction}.`, direction, quartile };
}
