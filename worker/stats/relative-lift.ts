// Relative lift of a treatment over the control, (mean_b - mean_a) / mean_a, with the
// delta-method variance, Welch–Satterthwaite degrees of freedom, a t interval and a two-sided
// t-test p-value, exactly as GrowthBook's frequentist engine computes them
// (gbstats/frequentist/tests.py, `TwoSidedTTest` with relative=True). Results report the
// log-ratio interval instead (log-ratio-lift.ts: this symmetric one can pass -100%); the delta
// method's variance stays the Bayesian chance to beat control's (bayesian.ts), and this test the
// GrowthBook reproduction the sequential module is checked with (test/unit/stats/):
//   var  = var_b / (n_b · mean_a²) + var_a · mean_b² / (n_a · mean_a⁴)
//   dof  = (var_b/n_b + var_a/n_a)² / ((var_b/n_b)²/(n_b - 1) + (var_a/n_a)²/(n_a - 1))
//   CI   = lift ± t(1 - alpha/2, dof) · √var,   p = 2 · P(T_dof >= |lift| / √var)
import { studentTCritical, studentTTwoSided } from './distributions.ts'
import { welchDegreesOfFreedom } from './moments.ts'
import type { SampleMoments } from './moments.ts'
import type { Interval, StatsReason } from '../../shared/results-types.ts'

export type RelativeLiftTest =
  | {
      ok: true
      lift: number
      /** √ of the delta-method variance of the lift. */
      standardError: number
      dof: number
      ci: Interval
      pValue: number
    }
  | { ok: false; lift: number | null; reason: StatsReason }

/**
 * The relative lift of `treatment` over `control` and its delta-method variance, or a reason
 * it is undefined (no visitors, a control mean that is zero or negative).
 */
export function deltaMethodLift(
  control: SampleMoments,
  treatment: SampleMoments,
): { lift: number; variance: number } | { reason: StatsReason } {
  if (control.n <= 0) return { reason: 'control_no_visitors' }
  if (treatment.n <= 0) return { reason: 'no_visitors' }
  if (control.mean === 0) return { reason: 'control_mean_zero' }
  if (control.mean < 0) return { reason: 'control_mean_negative' }
  const a2 = control.mean * control.mean
  const variance =
    treatment.variance / (a2 * treatment.n) +
    (control.variance * treatment.mean * treatment.mean) / (a2 * a2 * control.n)
  return { lift: (treatment.mean - control.mean) / control.mean, variance }
}

/**
 * GrowthBook's two-sided relative t-test. Needs at least 2 visitors per side and some spread.
 *
 * @example relativeLiftTest({ n: 28, mean: 0.5, variance: 0.25 }, { n: 30, mean: 16 / 30, variance: ... })
 * // lift 0.06667, ci [-0.47767, 0.61101], pValue 0.80707
 */
export function relativeLiftTest(
  control: SampleMoments,
  treatment: SampleMoments,
  alpha = 0.05,
): RelativeLiftTest {
  const delta = deltaMethodLift(control, treatment)
  if ('reason' in delta) return { ok: false, lift: null, reason: delta.reason }
  const { lift, variance } = delta
  if (control.n < 2 || treatment.n < 2) return { ok: false, lift, reason: 'not_enough_data' }
  if (!(variance > 0)) return { ok: false, lift, reason: 'zero_variance' }
  const standardError = Math.sqrt(variance)
  const dof = welchDegreesOfFreedom(control, treatment)
  const width = studentTCritical(alpha, dof) * standardError
  return {
    ok: true,
    lift,
    standardError,
    dof,
    ci: [lift - width, lift + width],
    pValue: studentTTwoSided(lift / standardError, dof),
  }
}
