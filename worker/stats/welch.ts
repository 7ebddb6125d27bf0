// Welch's unequal-variance t-test of the absolute difference of two means, as
// scipy.stats.ttest_ind(control, treatment, equal_var=False) computes it, from moments:
//   se = √(var_a/n_a + var_b/n_b), t = (mean_b - mean_a) / se, Welch–Satterthwaite dof,
//   p = 2 · P(T_dof >= |t|), CI = difference ± t(1 - alpha/2, dof) · se.
import { studentTCritical, studentTTwoSided } from './distributions.ts'
import { welchDegreesOfFreedom } from './moments.ts'
import type { SampleMoments } from './moments.ts'
import type { Interval, StatsReason } from '../../shared/results-types.ts'

export type WelchTest =
  | {
      ok: true
      /** mean_b - mean_a. */
      difference: number
      standardError: number
      /** Statistic of treatment minus control (scipy's sign with its arguments swapped). */
      t: number
      dof: number
      ci: Interval
      pValue: number
    }
  | { ok: false; difference: number | null; reason: StatsReason }

/**
 * Welch's t-test of treatment minus control. Needs at least 2 visitors per side and a
 * positive variance on at least one side (scipy answers NaN otherwise).
 */
export function welchTTest(
  control: SampleMoments,
  treatment: SampleMoments,
  alpha = 0.05,
): WelchTest {
  if (control.n <= 0) return { ok: false, difference: null, reason: 'control_no_visitors' }
  if (treatment.n <= 0) return { ok: false, difference: null, reason: 'no_visitors' }
  const difference = treatment.mean - control.mean
  if (control.n < 2 || treatment.n < 2) return { ok: false, difference, reason: 'not_enough_data' }
  const variance = control.variance / control.n + treatment.variance / treatment.n
  if (!(variance > 0)) return { ok: false, difference, reason: 'zero_variance' }
  const standardError = Math.sqrt(variance)
  const dof = welchDegreesOfFreedom(control, treatment)
  const t = difference / standardError
  const width = studentTCritical(alpha, dof) * standardError
  return {
    ok: true,
    difference,
    standardError,
    t,
    dof,
    ci: [difference - width, difference + width],
    pValue: studentTTwoSided(t, dof),
  }
}

/**
 * Two-sided (1 - alpha) t interval of one mean, mean ± t(1 - alpha/2, n - 1) · √(var/n).
 * Null below 2 visitors.
 */
export function meanInterval(moments: SampleMoments, alpha = 0.05): Interval | null {
  if (moments.n < 2) return null
  const width = studentTCritical(alpha, moments.n - 1) * Math.sqrt(moments.variance / moments.n)
  return [moments.mean - width, moments.mean + width]
}
