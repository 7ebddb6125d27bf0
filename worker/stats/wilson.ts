// Confidence interval of a conversion rate: Wilson's score interval (Wilson 1927; Agresti &
// Coull 1998, eq. 2), which unlike the Wald interval stays inside [0, 1] and keeps its
// coverage near rates of 0 and 1 and with few visitors.
import { normalCritical } from './distributions.ts'
import type { Interval } from '../../shared/results-types.ts'

/**
 * Two-sided (1 - alpha) Wilson score interval for `conversions` out of `visitors`:
 * (p + z²/2n ± z·√(p(1-p)/n + z²/4n²)) / (1 + z²/n). Null without visitors.
 *
 * @example wilsonInterval(0, 20) // [0, 0.1611]
 */
export function wilsonInterval(
  conversions: number,
  visitors: number,
  alpha = 0.05,
): Interval | null {
  if (visitors <= 0) return null
  const z = normalCritical(alpha)
  const p = conversions / visitors
  const z2n = (z * z) / visitors
  const center = (p + z2n / 2) / (1 + z2n)
  const half = (z * Math.sqrt((p * (1 - p)) / visitors + z2n / (4 * visitors))) / (1 + z2n)
  // At p = 0 (p = 1) the lower (upper) bound is exactly 0 (1); rounding would leave 1e-19.
  const low = conversions === 0 ? 0 : Math.max(0, center - half)
  const high = conversions === visitors ? 1 : Math.min(1, center + half)
  return [low, high]
}
