/**
 * Ordinary least-squares slope test for values published without a numerator or denominator:
 * t = b / se(b) with n - 2 degrees of freedom. Student's t has closed forms for 1 to 3 degrees of
 * freedom, which covers the five-point recent trend (df 3) without an incomplete beta function.
 * It knows nothing of each value's sampling error, so it is weaker evidence than the count-based
 * tests; `recentTrend` uses it only when no counts exist.
 */
import type { TrendTestResult } from './trend-test-proportions.ts';

/** The t statistic is reported in `z` so all trend tests share a result shape. */
export function trendTestValues(values: readonly number[], scores: readonly number[]): TrendTestResult {
  const n = values.length;
  if (n !== scores.length || n < 3 || n > 5) {
    throw new RangeError('least-squares trend test needs 3 to 5 values with matching scores');
  }
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const mt = mean(scores);
  const mv = mean(values);
  let stt = 0;
  let stv = 0;
  for (let i = 0; i < n; i++) {
    const dt = (scores[i] as number) - mt;
    stt += dt * dt;
    stv += dt * ((values[i] as number) - mv);
  }
  if (!(stt > 0)) return { z: 0, pValue: 1 };
  const slope = stv / stt;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const fitted = mv + slope * ((scores[i] as number) - mt);
    sse += ((values[i] as number) - fitted) ** 2;
  }
  const scale = Math.max(...values.map(Math.abs), 1);
  // A flat series, or one exactly on a line, up to rounding of the inputs.
  if (Math.abs(slope) <= 1e-12 * scale) return { z: 0, pValue: 1 };
  if (sse <= 1e-24 * scale * scale * n) return { z: Math.sign(slope) * Infinity, pValue: 0 };
  const se = Math.sqrt(sse / (n - 2) / stt);
  const t = slope / se;
  return { z: t, pValue: studentTTwoSidedP(t, n - 2) };
}

/** Two-sided p-value of Student's t with 1, 2 or 3 degrees of freedom (closed forms). */
export function studentTTwoSidedP(t: number, df: number): number {
  const a = Math.abs(t);
  if (!Number.isFinite(a)) return 0;
  switch (df) {
    case 1:
      return 1 - (2 / Math.PI) * Math.atan(a);
    case 2:
      return 1 - a / Math.sqrt(2 + a * a);
    case 3: {
      const x = a / Math.sqrt(3);
      return 1 - (2 / Math.PI) * (x / (1 + x * x) + Math.atan(x));
    }
    default:
      throw new RangeError(`closed-form t distribution covers 1 to 3 degrees of freedom, got ${df}`);
  }
}
