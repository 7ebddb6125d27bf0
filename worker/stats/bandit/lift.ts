// The relative lift of one variation over another from their period-weighted rates.
import type { PeriodWeightedEstimate } from './periods.ts'

/**
 * rate_t / rate_c - 1, with the ratio's second-order bias removed: E[x / y] ≈ (μx / μy)(1 +
 * var(y) / μy²) for an unbiased y, so the plain ratio overstates the lift by about the control's
 * squared coefficient of variation: several percent of the lift when a bandit starves the
 * control. Multiplying by (1 - var(y) / y²) leaves a bias of fourth order. Null when the control's rate is 0 or either has no visitors.
 * @example periodWeightedLift(control, treatment) // ≈ 0.25 for 4.0% against 5.0%
 */
export function periodWeightedLift(
  control: PeriodWeightedEstimate,
  treatment: PeriodWeightedEstimate,
): number | null {
  if (!control.rate || treatment.rate === null) return null
  const correction = 1 - control.variance / (control.rate * control.rate)
  return (treatment.rate / control.rate) * correction - 1
}
