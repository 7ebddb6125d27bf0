// Assembles the results object of `GET /v1/admin/experiments/{key}/results` (docs/api.md) from
// per-variation sufficient statistics:
// SRM check, chi-square test of independence, and per variation the conversion rate (Wilson
// interval), revenue per visitor and the comparison with the control (index 0), with Holm's
// correction across treatments and a sample size plan. Pure: no HTTP, no database.
import { chiSquareIndependence } from './chi-square.ts'
import { compareConversion } from './conversion.ts'
import { holmAdjust } from './holm.ts'
import { assertValidSettings, assertValidVariations } from './input-checks.ts'
import { proportionMoments } from './moments.ts'
import { powerPlan } from './power-plan.ts'
import { revenueMoments, revenueResult } from './revenue.ts'
import { sampleRatioMismatch } from './sample-ratio.ts'
import { DEFAULT_SEQUENTIAL_TUNING } from './sequential.ts'
import type {
  ExperimentResults,
  IndependenceResult,
  ResultsInput,
  ResultsSettings,
  VariationInput,
  VariationResult,
} from '../../shared/results-types.ts'
import { wilsonInterval } from './wilson.ts'

/** Settings used when the caller leaves them out. */
export const DEFAULT_SETTINGS: ResultsSettings = {
  alpha: 0.05,
  power: 0.8,
  minimumDetectableEffect: 0.1,
  sequentialTuning: DEFAULT_SEQUENTIAL_TUNING,
}

/**
 * Computes every figure of an experiment's results. Throws RangeError on impossible input
 * (conversions > visitors, negative or fractional counts, bad settings); otherwise never
 * produces NaN or Infinity: an undefined figure is null and its object carries a `reason`.
 *
 * @example
 * computeResults({ experiment: 'cta', phase: 1, status: 'running', variations: [
 *   { key: 'control', weight: 1, visitors: 5000, conversions: 250, revenueSum: 9000, revenueSumSquares: 2e6 },
 *   { key: 'green', weight: 1, visitors: 5000, conversions: 290, revenueSum: 9900, revenueSumSquares: 2.1e6 },
 * ] })
 */
export function computeResults(input: ResultsInput): ExperimentResults {
  const { variations } = input
  assertValidVariations(variations)
  const settings: ResultsSettings = { ...DEFAULT_SETTINGS }
  for (const [name, value] of Object.entries(input.settings ?? {})) {
    if (value !== undefined && name in settings) settings[name as keyof ResultsSettings] = value
  }
  assertValidSettings(settings)
  const { alpha } = settings

  const [first] = variations
  const controlRate = first ? proportionMoments(first.visitors, first.conversions) : null
  const controlRevenue = first ? revenueMoments(first).moments : null

  const results = variations.map((v, i): VariationResult => {
    const rate = proportionMoments(v.visitors, v.conversions)
    const result: VariationResult = {
      key: v.key,
      weight: v.weight,
      visitors: v.visitors,
      conversions: v.conversions,
      rate: rate ? rate.mean : null,
      rateCI: wilsonInterval(v.conversions, v.visitors, alpha),
      revenue: revenueResult(v, controlRevenue, i === 0, alpha),
    }
    if (i > 0) result.vsControl = compareConversion(controlRate, rate, settings)
    if (!rate) result.reason = 'no_visitors'
    return result
  })
  applyHolm(results)

  return {
    experiment: input.experiment,
    phase: input.phase,
    status: input.status,
    srm: sampleRatioMismatch(
      variations.map((v) => v.visitors),
      variations.map((v) => v.weight),
    ),
    test: independenceOf(variations),
    variations: results,
    power: powerPlan(variations, controlRate, settings),
    settings,
  }
}

/**
 * The chi-square test on the variations that have visitors: a variation without any (a
 * weight-0 arm, a new phase) would make scipy raise and blank the test for everyone, so it is
 * left out and listed in `excluded`.
 */
function independenceOf(variations: readonly VariationInput[]): IndependenceResult {
  const tested = variations.filter((v) => v.visitors > 0)
  const excluded = variations.filter((v) => v.visitors === 0).map((v) => v.key)
  const extra = excluded.length > 0 ? { excluded } : {}
  if (tested.length === 0) {
    return { chiSquare: null, dof: null, pValue: null, reason: 'no_visitors', ...extra }
  }
  if (tested.length < 2) {
    const reason = 'fewer_than_two_variations'
    return { chiSquare: null, dof: null, pValue: null, reason, ...extra }
  }
  const table = tested.map((v) => [v.conversions, v.visitors - v.conversions] as const)
  return { ...chiSquareIndependence(table), ...extra }
}

/**
 * Fills the adjusted p-values (conversion, its sequential one, and revenue) with Holm's
 * correction across treatments. Holm's step-down rests only on each p-value being valid, so
 * applied to always-valid p-values at any look it keeps the family-wise error at alpha.
 */
function applyHolm(results: VariationResult[]): void {
  const treatments = results.slice(1)
  const conversion = holmAdjust(treatments.map((r) => r.vsControl?.pValue ?? null))
  const sequential = holmAdjust(treatments.map((r) => r.vsControl?.sequentialPValue ?? null))
  const revenue = holmAdjust(treatments.map((r) => r.revenue.vsControl?.pValue ?? null))
  treatments.forEach((r, i) => {
    if (r.vsControl) {
      r.vsControl.pValueAdjusted = conversion[i] ?? null
      r.vsControl.sequentialPValueAdjusted = sequential[i] ?? null
    }
    if (r.revenue.vsControl) r.revenue.vsControl.pValueAdjusted = revenue[i] ?? null
  })
}
