// Sample ratio mismatch (SRM): do the visitors split the way the weights say they should? A
// chi-square goodness-of-fit test of observed visitors against total x normalised weight,
// as scipy.stats.chisquare(f_obs, f_exp) computes it. A failed check means the assignment or
// the logging is broken, and no other figure of the experiment should be trusted.
import { chiSquareSf } from './distributions.ts'
import type { SrmResult } from './types.ts'

/** Below this many visitors in any (weighted) variation the check is not run. */
export const SRM_MIN_VISITORS = 100
/** The check fails (`ok: false`) when its p-value is below this. */
export const SRM_P_VALUE_THRESHOLD = 0.001

/**
 * Chi-square goodness of fit of `visitors` against `weights` (same order, any scale).
 * Variations with weight 0 are left out and the remaining weights renormalised.
 *
 * Answers `{ chiSquare, pValue, ok }`, or `{ chiSquare: null, pValue: null, ok: null, reason }`
 * with reason `fewer_than_two_variations` (under two weighted variations) or
 * `not_enough_data` (a weighted variation has fewer than SRM_MIN_VISITORS visitors).
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
  if (observed.length < 2) return nullSrm('fewer_than_two_variations')
  if (observed.some((v) => v < SRM_MIN_VISITORS)) return nullSrm('not_enough_data')

  const total = observed.reduce((sum, v) => sum + v, 0)
  const weightTotal = shares.reduce((sum, w) => sum + w, 0)
  let chiSquare = 0
  observed.forEach((o, i) => {
    const expected = ((shares[i] ?? 0) / weightTotal) * total
    chiSquare += ((o - expected) * (o - expected)) / expected
  })
  const pValue = chiSquareSf(chiSquare, observed.length - 1)
  return { chiSquare, pValue, ok: pValue >= SRM_P_VALUE_THRESHOLD }
}

function nullSrm(reason: 'fewer_than_two_variations' | 'not_enough_data'): SrmResult {
  return { chiSquare: null, pValue: null, ok: null, reason }
}
