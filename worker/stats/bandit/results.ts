// A bandit's results: per variation the period-weighted rate with its credible interval, the
// probability of being best, and the conversions gained or lost against an equal split; and a
// sample-ratio check against what each period's weights expected.
import { sampleRatioMismatch } from '../sample-ratio.ts'
import type { Interval, SrmResult } from '../../../shared/results-types.ts'
import { betaQuantile } from './beta-distribution.ts'
import { rankProbabilities } from './best-arm.ts'
import { periodWeightedLift } from './lift.ts'
import {
  armCount,
  periodWeightedEstimates,
  ratePosterior,
  visitorsPerArm,
  type AllocationPeriod,
} from './periods.ts'

export type BanditArmResult = {
  visitors: number
  conversions: number
  /** Period-weighted conversion rate (see periods.ts); null without visitors. */
  rate: number | null
  /** Equal-tailed credible interval of the rate's Beta posterior; null without visitors. */
  rateCI: Interval | null
  probabilityOfBeingBest: number
  /** Relative lift over the first variation (the control) from the period-weighted rates. */
  liftOverControl: number | null
  /**
   * Conversions this variation brought beyond (or short of) its share under an equal split of
   * the same traffic: (visitors - equal share) × rate. They sum over variations to what the
   * bandit gained against a fixed equal split.
   */
  conversionsGained: number
}

export type BanditResults = {
  variations: BanditArmResult[]
  bestArmProbabilities: number[]
  /** Total conversions gained (negative: lost) against an equal split. */
  conversionsGained: number
  /** Σ over periods of the period's visitors × the variation's weight in it. */
  expectedVisitors: number[]
  /** Visitors against expectedVisitors (chi-square, k - 1 degrees of freedom, as GrowthBook). */
  srm: SrmResult
}

/**
 * @example banditResults(periods).variations[2] // { rate: 0.0497, rateCI: [0.045, 0.055], probabilityOfBeingBest: 0.97, ... }
 */
export function banditResults(periods: readonly AllocationPeriod[], alpha = 0.05): BanditResults {
  const k = armCount(periods)
  const estimates = periodWeightedEstimates(periods)
  const posteriors = estimates.map(ratePosterior)
  const { best } = rankProbabilities(posteriors)
  const visitors = visitorsPerArm(periods)
  const total = visitors.reduce((a, b) => a + b, 0)
  const expectedVisitors = new Array<number>(k).fill(0)
  for (const period of periods) {
    const periodVisitors = period.arms.reduce((sum, arm) => sum + arm.visitors, 0)
    const weightSum = period.weights.reduce((a, b) => a + b, 0)
    period.weights.forEach(
      (w, i) =>
        (expectedVisitors[i] = (expectedVisitors[i] ?? 0) + (periodVisitors * w) / weightSum),
    )
  }
  const control = estimates[0]
  const variations = estimates.map((estimate, i): BanditArmResult => {
    const posterior = posteriors[i] ?? { alpha: 1, beta: 1 }
    return {
      visitors: estimate.visitors,
      conversions: estimate.conversions,
      rate: estimate.rate,
      rateCI:
        estimate.rate === null
          ? null
          : [betaQuantile(posterior, alpha / 2), betaQuantile(posterior, 1 - alpha / 2)],
      probabilityOfBeingBest: best[i] ?? 0,
      liftOverControl: i === 0 || !control ? null : periodWeightedLift(control, estimate),
      conversionsGained: (estimate.visitors - total / k) * (estimate.rate ?? 0),
    }
  })
  return {
    variations,
    bestArmProbabilities: best,
    conversionsGained: variations.reduce((sum, v) => sum + v.conversionsGained, 0),
    expectedVisitors,
    // The expected counts as weights: sampleRatioMismatch rescales them to the total, which
    // they already are, and keeps its minimum-expected-visitors rule.
    srm: sampleRatioMismatch(visitors, expectedVisitors),
  }
}
