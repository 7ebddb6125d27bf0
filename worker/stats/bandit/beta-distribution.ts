// The Beta distribution's density, distribution function and quantile, on the project's own
// regularized incomplete beta (accurate to ~1e-13, checked against scipy), so bandit posteriors
// need no outside numerics and give the same figures in workerd and Node.
import { normalQuantile } from '../distributions.ts'
import { incompleteBeta } from '../incomplete-beta.ts'
import { lnBeta } from '../special-functions.ts'

/** A Beta(alpha, beta) distribution; both parameters >= 1 for bandit posteriors. */
export type BetaParameters = { alpha: number; beta: number }

export function betaMean({ alpha, beta }: BetaParameters): number {
  return alpha / (alpha + beta)
}

export function betaStandardDeviation({ alpha, beta }: BetaParameters): number {
  const total = alpha + beta
  return Math.sqrt((alpha * beta) / (total * total * (total + 1)))
}

/** Density at x, 0 outside [0, 1]; computed in log space so large parameters cannot overflow. */
export function betaPdf({ alpha, beta }: BetaParameters, x: number): number {
  if (x < 0 || x > 1) return 0
  if (x === 0) return alpha === 1 ? 1 / Math.exp(lnBeta(alpha, beta)) : alpha < 1 ? Infinity : 0
  if (x === 1) return beta === 1 ? 1 / Math.exp(lnBeta(alpha, beta)) : beta < 1 ? Infinity : 0
  return Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - lnBeta(alpha, beta))
}

/** P(X <= x). */
export function betaCdf({ alpha, beta }: BetaParameters, x: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  return incompleteBeta(alpha, beta, x, 1 - x)
}

/** P(X > x), computed directly (never as 1 - cdf) so the upper tail keeps its digits. */
export function betaSf({ alpha, beta }: BetaParameters, x: number): number {
  if (x <= 0) return 1
  if (x >= 1) return 0
  return incompleteBeta(beta, alpha, 1 - x, x)
}

/**
 * The x with P(X <= x) = p, for 0 < p < 1. Newton's method on the log of the smaller tail
 * (ln F(x) = ln p, or ln S(x) = ln(1 - p)), which is nearly linear far out where F itself is
 * not, from the normal approximation's answer; kept inside the bracket the evaluations
 * establish, with bisection when a step would leave it.
 * @example betaQuantile({ alpha: 51, beta: 951 }, 0.975) // scipy beta.ppf(0.975, 51, 951)
 */
export function betaQuantile(parameters: BetaParameters, p: number): number {
  if (p <= 0) return 0
  if (p >= 1) return 1
  const lower = p <= 0.5
  const target = Math.log(lower ? p : 1 - p)
  let lo = 0
  let hi = 1
  const guess = betaMean(parameters) + normalQuantile(p) * betaStandardDeviation(parameters)
  let x = guess > 0 && guess < 1 ? guess : betaMean(parameters)
  for (let i = 0; i < 200; i++) {
    const tail = lower ? betaCdf(parameters, x) : betaSf(parameters, x)
    const g = Math.log(tail) - target
    if (g === 0) return x
    // F rises with x, S falls: either way, which side of the answer x is on.
    if (lower === g < 0) lo = x
    else hi = x
    const slope = (lower ? 1 : -1) * (betaPdf(parameters, x) / tail)
    let next = slope !== 0 && Number.isFinite(g) ? x - g / slope : NaN
    if (!(next > lo && next < hi)) next = (lo + hi) / 2
    if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 1e-300) return next
    x = next
  }
  return x
}
