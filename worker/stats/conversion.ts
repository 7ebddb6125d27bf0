// A treatment's conversion rate against the control's: the relative lift with its log-ratio
// interval and test, the Bayesian chance to beat control and the always-valid sequential
// p-value and interval (on the same log scale, so neither interval can pass -100%), side by side.
// When a rate of 0 leaves the relative lift without a variance (a control at 0%: no lift at
// all; a treatment at 0%: the delta method's variance is 0), the pair is still tested, so 0 of
// 50,000 against 2,500 of 50,000 is called: the fixed-horizon p-value by the pair's chi-square
// test with Yates' correction (scipy.stats.chi2_contingency; a normal test of the difference
// would say 0.045 for 0 of 200 against 4 of 200, where the exact test says 0.12), the sequential
// one on the absolute difference. The relative interval stays null, with the reason.
import { chanceToBeatControl } from './bayesian.ts'
import { chiSquareIndependence, type ContingencyRow } from './chi-square.ts'
import type { SampleMoments } from './moments.ts'
import { logInterval, logRatioLift } from './log-ratio-lift.ts'
import { sequentialTest } from './sequential.ts'
import type {
  ConversionComparison,
  ResultsSettings,
  StatsReason,
} from '../../shared/results-types.ts'
import { welchTTest } from './welch.ts'

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
  const sequential = (estimate: number, standardError: number) =>
    sequentialTest(
      estimate,
      standardError,
      control.n + treatment.n,
      settings.alpha,
      settings.sequentialTuning,
    )
  const test = logRatioLift(control, treatment, settings.alpha)
  if (!test.ok) {
    const none = { ...NONE, lift: test.lift, reason: rateReason(test.reason) }
    if (test.reason !== 'control_mean_zero' && test.reason !== 'zero_variance') return none
    const difference = welchTTest(control, treatment, settings.alpha)
    const pair = chiSquareIndependence([control, treatment].map(table))
    if (!difference.ok || pair.pValue === null) return none
    return {
      ...none,
      pValue: pair.pValue,
      chanceToBeatControl: chanceToBeatControl(control, treatment),
      sequentialPValue: sequential(difference.difference, difference.standardError).pValue,
    }
  }
  const always = sequential(test.logRatio, test.standardError)
  return {
    lift: test.lift,
    liftCI: test.ci,
    pValue: test.pValue,
    pValueAdjusted: null,
    chanceToBeatControl: chanceToBeatControl(control, treatment),
    sequentialPValue: always.pValue,
    sequentialPValueAdjusted: null,
    sequentialCI: logInterval(test.logRatio, (always.ci[1] - always.ci[0]) / 2),
  }
}

/** The generic "control mean is zero" reads better as a rate. */
function rateReason(reason: StatsReason): StatsReason {
  return reason === 'control_mean_zero' ? 'control_rate_zero' : reason
}

/** A rate's row of the 2x2 table: its visitors converted and not (the mean is conversions / n). */
function table(moments: SampleMoments): ContingencyRow {
  const converted = Math.round(moments.mean * moments.n)
  return [converted, moments.n - converted]
}
