// Revenue per visitor of one variation and its comparison with the control. Per-visitor
// figures use the winsorized sums when the caller provides both (capping outliers such as one
// huge order keeps the test's variance honest); the reported total is always the raw sum.
import type { SampleMoments } from './moments.ts'
import { meanMoments } from './moments.ts'
import { logRatioLift } from './log-ratio-lift.ts'
import type {
  RevenueComparison,
  RevenueResult,
  StatsReason,
  VariationInput,
} from '../../shared/results-types.ts'
import { meanInterval, welchTTest } from './welch.ts'

/** Per-visitor revenue moments, winsorized when both winsorized sums are present. */
export function revenueMoments(variation: VariationInput): {
  moments: SampleMoments | null
  winsorized: boolean
} {
  const { winsorizedSum, winsorizedSumSquares } = variation
  if (winsorizedSum !== undefined && winsorizedSumSquares !== undefined) {
    return {
      moments: meanMoments(variation.visitors, winsorizedSum, winsorizedSumSquares),
      winsorized: true,
    }
  }
  const { visitors, revenueSum, revenueSumSquares } = variation
  return { moments: meanMoments(visitors, revenueSum, revenueSumSquares), winsorized: false }
}

/**
 * Revenue block of one variation: raw total, mean per visitor with its t interval and, for a
 * treatment, the comparison with `control` (pValueAdjusted is filled in by the caller).
 */
export function revenueResult(
  variation: VariationInput,
  control: SampleMoments | null,
  isControl: boolean,
  alpha: number,
): RevenueResult {
  const { moments, winsorized } = revenueMoments(variation)
  const result: RevenueResult = {
    total: variation.revenueSum,
    perVisitor: moments ? moments.mean : null,
    perVisitorCI: moments ? meanInterval(moments, alpha) : null,
    winsorized,
  }
  if (!moments) result.reason = 'no_visitors'
  else if (result.perVisitorCI === null) result.reason = 'not_enough_data'
  if (!isControl) result.vsControl = compareRevenue(control, moments, alpha)
  return result
}

/**
 * Treatment vs control revenue per visitor: Welch's test of the difference (scipy) and the
 * relative lift with its log-ratio interval (log-ratio-lift.ts). When the two disagree on the reason
 * a figure is missing, the Welch reason (about the data) wins over the lift's (about the base).
 */
export function compareRevenue(
  control: SampleMoments | null,
  treatment: SampleMoments | null,
  alpha: number,
): RevenueComparison {
  const empty = {
    lift: null,
    liftCI: null,
    difference: null,
    differenceCI: null,
    pValue: null,
    pValueAdjusted: null,
  }
  if (!control) return { ...empty, reason: 'control_no_visitors' }
  if (!treatment) return { ...empty, reason: 'no_visitors' }
  const welch = welchTTest(control, treatment, alpha)
  const relative = logRatioLift(control, treatment, alpha)
  const comparison: RevenueComparison = {
    lift: relative.lift,
    liftCI: relative.ok ? relative.ci : null,
    difference: welch.difference,
    differenceCI: welch.ok ? welch.ci : null,
    pValue: welch.ok ? welch.pValue : null,
    pValueAdjusted: null,
  }
  const reason: StatsReason | undefined = !welch.ok
    ? welch.reason
    : !relative.ok
      ? relative.reason
      : undefined
  if (reason) comparison.reason = reason
  return comparison
}
