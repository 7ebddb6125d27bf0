// A treatment's conversion rate against the control's: GrowthBook's relative t-test, the
// Bayesian chance to beat control and the always-valid sequential p-value, side by side.
import { chanceToBeatControl } from './bayesian.ts'
import type { SampleMoments } from './moments.ts'
import { relativeLiftTest } from './relative-lift.ts'
import { sequentialTest } from './sequential.ts'
import type { ConversionComparison, ResultsSettings, StatsReason } from './types.ts'

const NONE = {
  lift: null,
  liftCI: null,
  pValue: null,
  pValueAdjusted: null,
  chanceToBeatControl: null,
  sequentialPValue: null,
  sequentialPValueAdjusted: null,
  sequentialCI: null,
} as const

/**
 * Compares a treatment's conversion moments with the control's. `pValueAdjusted` and
 * `sequentialPValueAdjusted` are left null here and filled by the caller once every treatment's
 * p-values are known (Holm).
 */
export function compareConversion(
  control: SampleMoments | null,
  treatment: SampleMoments | null,
  settings: Pick<ResultsSettings, 'alpha' | 'sequentialTuning'>,
): ConversionComparison {
  if (!control) return { ...NONE, reason: 'control_no_visitors' }
  if (!treatment) return { ...NONE, reason: 'no_visitors' }
  const test = relativeLiftTest(control, treatment, settings.alpha)
  if (!test.ok) return { ...NONE, lift: test.lift, reason: rateReason(test.reason) }
  const sequential = sequentialTest(
    test.lift,
    test.standardError,
    control.n + treatment.n,
    settings.alpha,
    settings.sequentialTuning,
  )
  return {
    lift: test.lift,
    liftCI: test.ci,
    pValue: test.pValue,
    pValueAdjusted: null,
    chanceToBeatControl: chanceToBeatControl(control, treatment),
    sequentialPValue: sequential.pValue,
    sequentialPValueAdjusted: null,
    sequentialCI: sequential.ci,
  }
}

/** The generic "control mean is zero" reads better as a rate. */
function rateReason(reason: StatsReason): StatsReason {
  return reason === 'control_mean_zero' ? 'control_rate_zero' : reason
}
