// Bayesian view of the relative lift, as GrowthBook's Bayesian engine reports it with its
// default flat prior (gbstats/bayesian/tests.py, `EffectBayesianABTest`): the posterior of
// the lift is Gaussian with the delta-method mean and variance, so
//   chance to win = P(lift > 0) = 1 - Φ(0; mean, sd) = Φ(mean / sd)
//   credible interval = mean ± z(1 - alpha/2) · sd.
import { normalCdf, normalCritical } from './distributions.ts'
import type { SampleMoments } from './moments.ts'
import { deltaMethodLift } from './relative-lift.ts'
import type { Interval } from '../../shared/results-types.ts'

export type BayesianLift = {
  /** Posterior mean of the relative lift. */
  mean: number
  /** Posterior standard deviation. */
  standardDeviation: number
  /** P(treatment beats control). */
  chanceToWin: number
  credibleInterval: Interval
}

/**
 * The Gaussian posterior of the relative lift, or null when it is undefined (no visitors, a
 * control mean of zero) or degenerate (zero variance).
 *
 * @example bayesianLift({ n: 100, mean: 0.49, variance: 0.2499 }, { n: 100, mean: 0.51, variance: 0.2499 })
 * // { mean: 0.04082, chanceToWin: 0.60918, credibleInterval: [-0.24779, 0.32943] }
 */
export function bayesianLift(
  control: SampleMoments,
  treatment: SampleMoments,
  alpha = 0.05,
): BayesianLift | null {
  const delta = deltaMethodLift(control, treatment)
  if ('reason' in delta || !(delta.variance > 0)) return null
  const standardDeviation = Math.sqrt(delta.variance)
  const width = normalCritical(alpha) * standardDeviation
  return {
    mean: delta.lift,
    standardDeviation,
    chanceToWin: normalCdf(delta.lift / standardDeviation),
    credibleInterval: [delta.lift - width, delta.lift + width],
  }
}

/** P(treatment's mean > control's mean) under the flat-prior Gaussian posterior, or null. */
export function chanceToBeatControl(
  control: SampleMoments,
  treatment: SampleMoments,
): number | null {
  return bayesianLift(control, treatment)?.chanceToWin ?? null
}
