// Holm's step-down correction (Holm 1979) for comparing several treatments with one control:
// controls the family-wise error rate like Bonferroni but rejects at least as often.

/**
 * Holm-adjusted p-values, in the input order. Sorting the m defined p-values ascending,
 * the i-th (1-based) becomes max over j <= i of min(1, (m - j + 1) p_(j)): monotone in rank
 * and capped at 1 (as statsmodels' `multipletests(method='holm')`). Nulls (comparisons that
 * could not be tested) stay null and do not count in m: the family is the tests performed.
 *
 * @example holmAdjust([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const defined = pValues
    .map((p, index) => ({ p, index }))
    .filter((e): e is { p: number; index: number } => e.p !== null)
    .sort((a, b) => a.p - b.p)
  const m = defined.length
  const adjusted: (number | null)[] = pValues.map(() => null)
  let running = 0
  defined.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p))
    adjusted[index] = running
  })
  return adjusted
}
