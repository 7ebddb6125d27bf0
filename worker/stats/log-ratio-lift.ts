// Relative lift of a treatment over the control with an interval that respects its bounds. A
// lift is a ratio minus one, so it cannot fall below -100%; a symmetric delta-method interval
// (lift ± z·se) ignores that and, with few visitors, reaches "-406.9%". The interval is built
// on the log of the ratio instead, where the estimate is close to normal, and mapped back:
//   log r = ln(mean_b / mean_a)
//   se²   = var_b / (n_b · mean_b²) + var_a / (n_a · mean_a²)        (delta method on ln)
//   CI    = exp(log r ± z(1 - alpha/2) · se) - 1,   p = 2 · (1 - Φ(|log r| / se))
// For two proportions this is Katz's log relative-risk interval, se² = 1/c_b - 1/n_b + 1/c_a -
// 1/n_a, which scipy.stats.contingency.relative_risk computes; the fixture script checks it
// there. The test and interval agree: p < alpha exactly when the interval excludes 0. The
// normal quantile (not Student's t) is what scipy uses; the dashboard shows no interval below
// 100 visitors a variation, where the two would differ.
import { normalCritical, normalSf } from './distributions.ts'
import type { SampleMoments } from './moments.ts'
import type { Interval, StatsReason } from '../../shared/results-types.ts'

export type LogRatioLift =
  | {
      ok: true
      /** mean_b / mean_a - 1. */
      lift: number
      /** ln(mean_b / mean_a): the scale the test and the sequential interval work on. */
      logRatio: number
      /** Standard error of logRatio. */
      standardError: number
      /** Always within (-1, ∞). */
      ci: Interval
      pValue: number
    }
  | { ok: false; lift: number | null; reason: StatsReason }

/**
 * The relative lift of `treatment` over `control`, its log-scale interval and test, or a reason
 * they are undefined: no visitors, a control mean of zero or below, under two visitors a side,
 * or no spread (a treatment mean of 0 has lift -100% but no log, so no interval).
 *
 * @example logRatioLift(proportionMoments(1000, 50), proportionMoments(1000, 65))
 * // { ok: true, lift: 0.3, ci: [-0.0966, 0.8682], pValue: 0.1554, ... }
 */
export function logRatioLift(
  control: SampleMoments,
  treatment: SampleMoments,
  alpha = 0.05,
): LogRatioLift {
  if (control.n <= 0) return { ok: false, lift: null, reason: 'control_no_visitors' }
  if (treatment.n <= 0) return { ok: false, lift: null, reason: 'no_visitors' }
  if (control.mean === 0) return { ok: false, lift: null, reason: 'control_mean_zero' }
  if (control.mean < 0) return { ok: false, lift: null, reason: 'control_mean_negative' }
  const lift = (treatment.mean - control.mean) / control.mean
  if (control.n < 2 || treatment.n < 2) return { ok: false, lift, reason: 'not_enough_data' }
  if (!(treatment.mean > 0)) return { ok: false, lift, reason: 'zero_variance' }
  const variance =
    treatment.variance / (treatment.n * treatment.mean * treatment.mean) +
    control.variance / (control.n * control.mean * control.mean)
  if (!(variance > 0)) return { ok: false, lift, reason: 'zero_variance' }
  const logRatio = Math.log(treatment.mean / control.mean)
  const standardError = Math.sqrt(variance)
  return {
    ok: true,
    lift,
    logRatio,
    standardError,
    ci: logInterval(logRatio, standardError * normalCritical(alpha)),
    pValue: Math.min(1, 2 * normalSf(Math.abs(logRatio) / standardError)),
  }
}

/** [exp(center - halfWidth) - 1, exp(center + halfWidth) - 1]: a log-scale interval as a lift. */
export function logInterval(center: number, halfWidth: number): Interval {
  return [Math.expm1(center - halfWidth), Math.expm1(center + halfWidth)]
}
