/**
 * The weights of the resource-by-need formula, as the URL carries them: `?population=30&need=50&demand=20`
 * (whole percentage points, 0-100 each). Shared by the page (default weights at build time) and
 * the browser what-if, so the query string is read and written in one place.
 */

/** The three parts of the formula, in the order the page lists them. */
export const WEIGHT_KEYS = ['population', 'need', 'demand'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Readonly<Record<WeightKey, number>>;

export const WEIGHT_LABELS: Readonly<Record<WeightKey, string>> = {
  population: 'Population aged 0 to 19',
  need: 'Population aged 0 to 19 weighted by deprivation score',
  demand: 'Recent demand (families identified)',
};

export const MAX_WEIGHT = 100;

function parseWeight(text: string | null): number | null {
  if (text === null || !/^\d{1,3}$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value <= MAX_WEIGHT ? value : null;
}

/**
 * Weights from a query string: each key given as a whole number 0-100 replaces the default; a
 * missing or malformed value keeps the default, so a hand-edited URL never breaks the page.
 */
export function parseWeights(search: string | URLSearchParams, defaults: Weights): Weights {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const out: Record<WeightKey, number> = { ...defaults };
  for (const key of WEIGHT_KEYS) {
    const value = parseWeight(params.get(key));
    if (value !== null) out[key] = value;
  }
  return out;
}

/** The query string for weights, keys in a fixed order so equal weights give equal URLs. */
export function weightsQuery(weights: Weights): string {
  return WEIGHT_KEYS.map((key) => `${key}=${weights[key]}`).join('&');
}

export function weightsEqual(a: Weights, b: Weights): boolean {
  return WEIGHT_KEYS.every((key) => a[key] === b[key]);
}

/** Weights as fractions adding up to 1; null when they are all zero (no formula to apply). */
export function normaliseWeights(weights: Weights): Weights | null {
  const total = WEIGHT_KEYS.reduce((a, key) => a + weights[key], 0);
  if (total <= 0) return null;
  return { population: weights.population / total, need: weights.need / total, demand: weights.demand / total };
}
