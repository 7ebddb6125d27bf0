// The sample size plan shown next to a running experiment: visitors per variation a
// fixed-horizon test needs to detect the configured lift from the control's observed rate,
// and how many more visitors that takes given the weights.
import type { SampleMoments } from './moments.ts'
import { sampleSizePerVariation, visitorsStillNeeded } from './sample-size.ts'
import { validateSampleSizeParams } from './sample-size-params.ts'
import type { PowerResult, ResultsSettings, VariationInput } from '../../shared/results-types.ts'

/**
 * Plan for `variations` with the control's observed rate as baseline. Null figures with a
 * reason when there is no baseline yet or the parameters are out of range (e.g. a baseline
 * of 95% cannot rise by 10%).
 */
export function powerPlan(
  variations: readonly VariationInput[],
  control: SampleMoments | null,
  settings: ResultsSettings,
): PowerResult {
  const { alpha, power, minimumDetectableEffect } = settings
  const base = { minimumDetectableEffect, alpha, power }
  const none = { visitorsPerVariation: null, visitorsStillNeeded: null }
  if (!control) return { baselineRate: null, ...base, ...none, reason: 'control_no_visitors' }
  const baselineRate = control.mean
  if (baselineRate === 0) return { baselineRate, ...base, ...none, reason: 'control_rate_zero' }
  const weighted = variations.filter((v) => v.weight > 0).length
  if (weighted < 2) return { baselineRate, ...base, ...none, reason: 'fewer_than_two_variations' }
  const params = { baselineRate, minimumDetectableEffect, alpha, power, variations: weighted }
  if (!validateSampleSizeParams(params).ok) {
    return { baselineRate, ...base, ...none, reason: 'invalid_parameters' }
  }
  const perVariation = sampleSizePerVariation(params)
  const still = visitorsStillNeeded(
    perVariation,
    variations.map((v) => v.visitors),
    variations.map((v) => v.weight),
  )
  return {
    baselineRate,
    ...base,
    visitorsPerVariation: perVariation,
    visitorsStillNeeded: still.total,
  }
}
