/**
 * A small seeded pseudo-random generator (mulberry32) and the distributions the sample needs.
 * The sample must be byte-identical for the same arguments on every machine, so nothing here
 * touches Math.random or the clock; every stream is derived from the seed and a label.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Standard normal deviate (Box-Muller). */
  normal(): number;
  /** Poisson count with mean lambda. */
  poisson(lambda: number): number;
  /** Binomial count of successes in n trials with probability p. */
  binomial(n: number, p: number): number;
}

/** FNV-1a hash of a label, so streams named differently never share a sequence. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes the seed and a label into an independent 32-bit stream seed (murmur3 finaliser). */
export function deriveSeed(seed: number, label: string): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ hashLabel(label)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A stream for one purpose ("families", "indicator:ni_111"...), independent of the others. */
export function createRandom(seed: number, label = ''): Random {
  let state = deriveSeed(seed, label);

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const normal = (): number => {
    // 1 - next() keeps the logarithm's argument above zero.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(items: readonly T[], weights: readonly number[]): T {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let target = next() * total;
      for (let i = 0; i < items.length; i++) {
        target -= weights[i] ?? 0;
        if (target < 0) return items[i] as T;
      }
      return items[items.length - 1] as T;
    },
    normal,
    poisson(lambda) {
      if (lambda <= 0) return 0;
      // Knuth's method is exact but slow for large means, where the normal approximation is fine.
      if (lambda < 30) {
        const limit = Math.exp(-lambda);
        let k = 0;
        let product = next();
        while (product > limit) {
          k++;
          product *= next();
        }
        return k;
      }
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    },
    binomial(n, p) {
      if (n <= 0 || p <= 0) return 0;
      if (p >= 1) return n;
      if (n < 50) {
        let k = 0;
        for (let i = 0; i < n; i++) if (next() < p) k++;
        return k;
      }
      const mean = n * p;
      const sd = Math.sqrt(mean * (1 - p));
      return Math.min(n, Math.max(0, Math.round(mean + sd * normal())));
    },
  };
  return random;
}
