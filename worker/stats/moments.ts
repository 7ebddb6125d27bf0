// Sample moments (n, mean, variance) from the sufficient statistics the database keeps per
// variation, with the same conventions as GrowthBook's gbstats `ProportionStatistic` and
// `SampleMeanStatistic`, so the tests built on them reproduce GrowthBook's figures.

/** The moments every comparison in this module is computed from. */
export type SampleMoments = {
  /** Number of units (visitors). */
  n: number
  /** Sample mean per unit. */
  mean: number
  /** Per-unit variance (not the variance of the mean). */
  variance: number
}

/**
 * Moments of a conversion rate: mean p = conversions / visitors and the Bernoulli variance
 * p(1 - p) (gbstats `ProportionStatistic`, no n - 1 correction). Null without visitors.
 *
 * @example proportionMoments(100, 49) // { n: 100, mean: 0.49, variance: 0.2499 }
 */
export function proportionMoments(visitors: number, conversions: number): SampleMoments | null {
  if (visitors <= 0) return null
  const mean = conversions / visitors
  return { n: visitors, mean, variance: mean * (1 - mean) }
}

/**
 * Moments of a per-visitor metric from its sum and sum of squares, with the unbiased variance
 * (Σx² - (Σx)²/n) / (n - 1) (gbstats `SampleMeanStatistic`; 0 when n = 1). The difference can
 * come out a few ulps below zero for a constant metric, hence the clamp. Null without visitors.
 */
export function meanMoments(n: number, sum: number, sumSquares: number): SampleMoments | null {
  if (n <= 0) return null
  const mean = sum / n
  const variance = n > 1 ? Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1)) : 0
  return { n, mean, variance }
}

/**
 * Welch–Satterthwaite degrees of freedom for two samples with per-unit variances; needs
 * n >= 2 in both and at least one positive variance (callers check).
 */
export function welchDegreesOfFreedom(a: SampleMoments, b: SampleMoments): number {
  const va = a.variance / a.n
  const vb = b.variance / b.n
  return ((va + vb) * (va + vb)) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1))
}

/**
 * Moments of a ratio metric Σy / Σx over n visitors (average order value: revenue over orders),
 * by the delta method (Deng et al., "Applying the Delta Method in Metric Analytics", 2018):
 *   R = ȳ / x̄,   Var(R) ≈ (s²_y - 2R·s_xy + R²·s²_x) / (n · x̄²)
 * with the unbiased per-visitor (co)variances. The variance returned is n · Var(R), the per-unit
 * convention of SampleMoments, so every test here reads it as it reads a mean's. Null without
 * visitors or without any x (no order at all).
 */
export function ratioMoments(
  n: number,
  y: { sum: number; sumSquares: number },
  x: { sum: number; sumSquares: number },
  sumProducts: number,
): SampleMoments | null {
  if (n <= 0 || !(x.sum > 0)) return null
  const ratio = y.sum / x.sum
  if (n < 2) return { n, mean: ratio, variance: 0 }
  const meanX = x.sum / n
  const covariance = (a: number, b: number, ab: number) => (ab - (a * b) / n) / (n - 1)
  const varY = covariance(y.sum, y.sum, y.sumSquares)
  const varX = covariance(x.sum, x.sum, x.sumSquares)
  const varXY = covariance(x.sum, y.sum, sumProducts)
  const perUnit = (varY - 2 * ratio * varXY + ratio * ratio * varX) / (meanX * meanX)
  return { n, mean: ratio, variance: Math.max(0, perUnit) }
}
