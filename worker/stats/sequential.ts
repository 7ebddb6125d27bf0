// Always-valid inference for the relative lift: the asymptotic confidence sequences of
// Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas, "Time-uniform central limit theory and
// asymptotic confidence sequences" (Annals of Statistics 2023; arXiv:2103.06476v7), as
// GrowthBook implements "sequential testing" (gbstats `SequentialTwoSidedTTest`).
//
// With an estimate θ̂ (the lift), its standard error se and n = n_control + n_treatment
// visitors, the per-visitor variance is σ² = se² · n, and for a mixing parameter ρ
//   CS:  θ̂ ± σ · √( 2(nρ² + 1) / (n²ρ²) · ln( √(nρ² + 1) / alpha ) )          (eq. 9)
//   p:   min(1, √(nρ² + 1) · exp( -ρ² · n θ̂² / se² / (2 (nρ² + 1)) ))         (eq. 155)
// ρ is tuned so the sequence is tightest at n = N* total visitors (GrowthBook default 5000):
//   ρ = √( (-2 ln alpha + ln(-2 ln alpha + 1)) / N* )                            (eq. 161)
// The p-value is the smallest alpha at which the CS (with that ρ) excludes 0, so
// `p < alpha` exactly when 0 is outside the CS. Unlike the fixed-horizon p-value, the
// probability that it EVER drops below alpha under the null, however often one looks, is at
// most alpha (asymptotically). The price: wider intervals than the t interval.
import type { Interval } from '../../shared/results-types.ts'

/** GrowthBook's default sequential tuning parameter N* (total visitors). */
export const DEFAULT_SEQUENTIAL_TUNING = 5000

export type SequentialResult = {
  /** Always-valid two-sided p-value for "the lift is 0". */
  pValue: number
  /** (1 - alpha) confidence sequence at the current sample size. */
  ci: Interval
}

/**
 * The mixing parameter ρ that makes the confidence sequence tightest at N* visitors
 * (Waudby-Smith et al. 2023, eq. 161).
 */
export function sequentialRho(alpha: number, tuning: number): number {
  const logAlpha = Math.log(alpha)
  return Math.sqrt((-2 * logAlpha + Math.log(-2 * logAlpha + 1)) / tuning)
}

/**
 * Sequential p-value and confidence sequence for an estimate with standard error
 * `standardError` after `n` total visitors. Needs standardError > 0 and n > 0.
 *
 * @example sequentialTest(0.05, 0.02, 40_000) // { pValue: ..., ci: [..., ...] }
 */
export function sequentialTest(
  estimate: number,
  standardError: number,
  n: number,
  alpha = 0.05,
  tuning = DEFAULT_SEQUENTIAL_TUNING,
): SequentialResult {
  const rho = sequentialRho(alpha, tuning)
  const rho2 = rho * rho
  const nRho2 = n * rho2 + 1
  const sigma = standardError * Math.sqrt(n)
  const halfWidth =
    sigma * Math.sqrt(((2 * nRho2) / (n * n * rho2)) * Math.log(Math.sqrt(nRho2) / alpha))
  const st2 = (estimate * estimate * n) / (standardError * standardError)
  // Written as exp(-x)·√(nρ²+1) rather than 1/e-value so a huge e-value underflows to 0
  // instead of becoming Infinity.
  const pValue = Math.min(1, Math.sqrt(nRho2) * Math.exp((-rho2 * st2) / (2 * nRho2)))
  return { pValue, ci: [estimate - halfWidth, estimate + halfWidth] }
}
