// How many visitors a conversion experiment needs. The figure is for the test the results
// actually report — GrowthBook's relative (delta-method) Welch test — so it uses the
// variance of the relative lift under the alternative, p1 = baseline, p2 = p1(1 + MDE):
//   V  = p2(1 - p2)/p1² + (1 - p1)·p2²/p1³        (per-visitor variance of the lift estimate)
//   n  = (z(1 - alpha'/2) + z(power))² · V / MDE²   visitors per variation
// (the Wald-test formula, e.g. Chow, Shao & Wang, "Sample Size Calculations in Clinical
// Research", ch. 4). This is ~10% more than the classic difference-of-proportions formula,
// because the relative test also carries the control's noise scaled by (p2/p1)². It is also
// slightly conservative: the test divides by an estimated standard error, which narrows the
// statistic's spread under the alternative (to ~0.91 at 5% +10%), so the achieved power comes
// out ~2 points above plan (82% for 80%, see docs/stats-simulation.md).
// With several treatments alpha' = alpha / (variations - 1) (Bonferroni): the results apply
// Holm's correction, which rejects whenever Bonferroni does, so each comparison keeps at least
// the planned power. scripts/simulate-stats.ts checks the power by simulation.
import { normalCdf, normalCritical, normalQuantile } from './distributions.ts'
import { validateSampleSizeParams } from './sample-size-params.ts'
import type { SampleSizeParams, ValidSampleSizeParams } from './sample-size-params.ts'

function validOrThrow(params: SampleSizeParams): ValidSampleSizeParams {
  const checked = validateSampleSizeParams(params)
  if (!checked.ok) throw new RangeError(checked.issues.map((i) => i.message).join('; '))
  return checked.params
}

function liftVariance(baseline: number, mde: number): number {
  const p2 = baseline * (1 + mde)
  return (p2 * (1 - p2)) / (baseline * baseline) + ((1 - baseline) * p2 * p2) / baseline ** 3
}

/**
 * Visitors needed in EACH variation (control included) for a two-sided test at `alpha` to
 * detect a relative lift of `minimumDetectableEffect` with probability `power`.
 * Throws RangeError on parameters `validateSampleSizeParams` rejects.
 *
 * @example sampleSizePerVariation({ baselineRate: 0.05, minimumDetectableEffect: 0.1 }) // 34_364
 */
export function sampleSizePerVariation(params: SampleSizeParams): number {
  const p = validOrThrow(params)
  const alpha = p.alpha / (p.variations - 1)
  const z = normalCritical(alpha) + normalQuantile(p.power)
  const mde = p.minimumDetectableEffect
  return Math.ceil((z * z * liftVariance(p.baselineRate, mde)) / (mde * mde))
}

/**
 * Power of that test with `visitorsPerVariation` in each arm: Φ(|MDE|·√(n/V) - z(1 - alpha'/2)).
 */
export function powerAt(visitorsPerVariation: number, params: SampleSizeParams): number {
  const p = validOrThrow({ ...params, power: params.power ?? 0.8 })
  const alpha = p.alpha / (p.variations - 1)
  const mde = p.minimumDetectableEffect
  const signal = Math.abs(mde) * Math.sqrt(visitorsPerVariation / liftVariance(p.baselineRate, mde))
  return normalCdf(signal - normalCritical(alpha))
}

/**
 * Visitors still to come for a running experiment: the shortfall of each weighted variation
 * against `perVariation`, turned into total traffic through the normalised weights (the
 * variation furthest behind its share sets the pace). Weight-0 variations need nothing.
 *
 * @example visitorsStillNeeded(1000, [900, 400], [1, 1]) // { perVariation: [100, 600], total: 1200 }
 */
export function visitorsStillNeeded(
  perVariation: number,
  visitors: readonly number[],
  weights: readonly number[],
): { perVariation: number[]; total: number } {
  const weightTotal = weights.reduce((sum, w) => sum + (w > 0 ? w : 0), 0)
  const shortfalls = visitors.map((v, i) =>
    (weights[i] ?? 0) > 0 ? Math.max(0, perVariation - v) : 0,
  )
  let total = 0
  shortfalls.forEach((s, i) => {
    const w = weights[i] ?? 0
    if (w > 0 && weightTotal > 0) total = Math.max(total, Math.ceil((s * weightTotal) / w))
  })
  return { perVariation: shortfalls, total }
}
