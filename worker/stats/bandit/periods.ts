// Allocation periods and the period-weighted estimate of each variation's conversion rate.
//
// A bandit changes its weights between periods while the conversion rate itself may drift
// (weekends, a sale). Pooling a variation's visitors over periods then mixes the periods in
// proportions set by the bandit, differently for each variation, and a variation that got its
// traffic in a good week looks better than it is (Simpson's paradox). As GrowthBook does
// (back-end bandit-statistics CTE), each variation's rate is instead the average of its
// per-period rates weighted by each period's share of *all* visitors, the same period weights
// for every variation:
//   rate_v = Σ_p w_p · c_vp / n_vp,    w_p = N_p / N
//   var_v  = Σ_p w_p² · r_vp (1 - r_vp) / n_vp
// A period in which a variation had no visitors carries no information about it; its weight is
// shared among the variation's other periods (GrowthBook leaves it out of the sum, which pulls
// the estimate towards 0).
import type { BetaParameters } from './beta-distribution.ts'

/** Visitors first exposed to a variation during one period, and how many of them converted. */
export type ArmCounts = { visitors: number; conversions: number }

/**
 * One allocation period: the weights new visitors were bucketed with, and the counts of the
 * visitors whose first exposure fell in it (their later conversions included), per variation.
 */
export type AllocationPeriod = {
  weights: readonly number[]
  arms: readonly ArmCounts[]
}

export type PeriodWeightedEstimate = {
  visitors: number
  conversions: number
  /** Period-weighted conversion rate; null without visitors. */
  rate: number | null
  /** Sampling variance of `rate` (0 without visitors). */
  variance: number
  /**
   * Visitors a single unweighted sample would need for the same precision: all of them with one
   * period, fewer when the weights moved, more when the rate drifted under unchanged weights
   * (the period weighting then removes the drift from the variance).
   */
  effectiveVisitors: number
}

/** Number of variations the periods describe; throws when they disagree. */
export function armCount(periods: readonly AllocationPeriod[]): number {
  const count = periods[0]?.arms.length ?? 0
  for (const period of periods) {
    if (period.arms.length !== count || period.weights.length !== count) {
      throw new RangeError('bandit periods: every period needs one weight and count per variation')
    }
  }
  return count
}

/** Visitors per variation summed over the periods. */
export function visitorsPerArm(periods: readonly AllocationPeriod[]): number[] {
  const totals = new Array<number>(armCount(periods)).fill(0)
  for (const period of periods)
    period.arms.forEach((arm, i) => (totals[i] = (totals[i] ?? 0) + arm.visitors))
  return totals
}

/**
 * Each variation's period-weighted rate, its variance and effective sample size.
 * @example periodWeightedEstimates([{ weights: [0.5, 0.5], arms: [{ visitors: 1000, conversions: 40 }, { visitors: 1000, conversions: 50 }] }])
 * // rates 0.04 and 0.05, effectiveVisitors 1000 each
 */
export function periodWeightedEstimates(
  periods: readonly AllocationPeriod[],
): PeriodWeightedEstimate[] {
  const arms = armCount(periods)
  const periodTotals = periods.map((p) => p.arms.reduce((sum, a) => sum + a.visitors, 0))
  return Array.from({ length: arms }, (_, v) => {
    let visitors = 0
    let conversions = 0
    let weightWithVisitors = 0
    periods.forEach((period, p) => {
      const arm = period.arms[v]
      if (!arm) return
      visitors += arm.visitors
      conversions += arm.conversions
      if (arm.visitors > 0) weightWithVisitors += periodTotals[p] ?? 0
    })
    if (visitors === 0)
      return { visitors, conversions, rate: null, variance: 0, effectiveVisitors: 0 }
    let rate = 0
    let variance = 0
    let kishDenominator = 0
    periods.forEach((period, p) => {
      const arm = period.arms[v]
      if (!arm || arm.visitors === 0) return
      const w = (periodTotals[p] ?? 0) / weightWithVisitors
      const r = arm.conversions / arm.visitors
      rate += w * r
      variance += (w * w * r * (1 - r)) / arm.visitors
      kishDenominator += (w * w) / arm.visitors
    })
    // Variance-matched: the Beta posterior below then has the estimator's own variance. When
    // every period's rate is 0 (or 1) the variance says nothing, and Kish's effective size
    // 1 / Σ w_p² / n_vp stands in (all the visitors when the weights never moved).
    const effectiveVisitors = variance > 0 ? (rate * (1 - rate)) / variance : 1 / kishDenominator
    return { visitors, conversions, rate, variance, effectiveVisitors }
  })
}

/**
 * The Beta posterior of a variation's period-weighted rate under a uniform prior, with the
 * effective sample size standing in for the visitors: Beta(1 + rate·n_eff, 1 + (1 - rate)·n_eff).
 * With one period (or unchanged weights) it is the textbook Beta(1 + conversions,
 * 1 + visitors - conversions); without visitors it is the prior, Beta(1, 1).
 */
export function ratePosterior(estimate: PeriodWeightedEstimate): BetaParameters {
  const rate = estimate.rate ?? 0
  const n = estimate.effectiveVisitors
  return { alpha: 1 + rate * n, beta: 1 + (1 - rate) * n }
}
