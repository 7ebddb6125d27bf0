// Sample ratio mismatch (SRM): do the visitors split the way the weights say they should? A
// chi-square goodness-of-fit test of observed visitors against total x normalised weight,
// as scipy.stats.chisquare(f_obs, f_exp) computes it. A failed check means the assignment or
// the logging is broken, and no other figure of the experiment should be trusted.
import { chiSquareSf } from './distributions.ts'
import type { SrmResult } from '../../shared/results-types.ts'

/**
 * Below this many *expected* visitors in any weighted variation the check is not run. Expected,
 * not observed: a split of 50,000 against 0 is the clearest mismatch there is, and waiting for
 * the empty arm to fill would hide it.
 */
export const SRM_MIN_VISITORS = 100
/** The check fails (`ok: false`) when its p-value is below this. */
export const SRM_P_VALUE_THRESHOLD = 0.001

/**
 * Chi-square goodness of fit of `visitors` against `weights` (same order, any scale).
 * Variations with weight 0 are left out and the remaining weights renormalised; one that has
 * visitors anyway fails the check (`ok: false`, p = 0, reason
 * `visitors_in_unweighted_variation`): its expected count is 0, so the statistic is infinite.
 *
 * Answers `{ chiSquare, pValue, ok }`, or `{ chiSquare: null, pValue: null, ok: null, reason }`
 * with reason `fewer_than_two_variations` (under two weighted variations) or
 * `not_enough_data` (a weighted variation expects fewer than SRM_MIN_VISITORS visitors).
 *
 * @example sampleRatioMismatch([5000, 5200], [1, 1]) // { chiSquare: 3.92, pValue: 0.0477, ok: true }
 */
export function sampleRatioMismatch(
  visitors: readonly number[],
  weights: readonly number[],
): SrmResult {
  if (visitors.length !== weights.length) {
    throw new RangeError('sampleRatioMismatch: visitors and weights differ in length')
  }
  const observed: number[] = []
  const shares: number[] = []
  visitors.forEach((v, i) => {
    const w = weights[i] ?? 0
    if (w > 0) {
      observed.push(v)
      shares.push(w)
    }
  })
  if (visitors.some((v, i) => v > 0 && !((weights[i] ?? 0) > 0))) {
    return { chiSquare: null, pValue: 0, ok: false, reason: 'visitors_in_unweighted_variation' }
  }
  if (observed.length < 2) return nullSrm('fewer_than_two_variations')

  const total = observed.reduce((sum, v) => sum + v, 0)
  const weightTotal = shares.reduce((sum, w) => sum + w, 0)
  const expected = shares.map((w) => (w / weightTotal) * total)
  if (expected.some((e) => e < SRM_MIN_VISITORS)) return nullSrm('not_enough_data')
  let chiSquare = 0
  observed.forEach((o, i) => {
    const e = expected[i] ?? 0
    chiSquare += ((o - e) * (o - e)) / e
  })
  const pValue = chiSquareSf(chiSquare, observed.length - 1)
  return { chiSquare, pValue, ok: pValue >= SRM_P_VALUE_THRESHOLD }
}

function nullSrm(reason: 'fewer_than_two_variations' | 'not_enough_data'): SrmResult {
  return { chiSquare: null, pValue: null, ok: null, reason }
}
