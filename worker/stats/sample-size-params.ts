// Range checks for the sample size calculator's parameters. Pure: it names the parameter
// that is out of range and why, and the HTTP layer turns that into a 400.

/** Parameters of the sample size calculator (see sample-size.ts). */
export type SampleSizeParams = {
  /** Control conversion rate, 0 < rate < 1. */
  baselineRate: number
  /** Relative lift to detect, e.g. 0.1 for +10%; > -1, not 0, baseline x (1 + MDE) < 1. */
  minimumDetectableEffect: number
  /** Two-sided significance level, 0 < alpha <= 0.5. Default 0.05. */
  alpha?: number
  /** Power, 0.5 <= power < 1. Default 0.8. */
  power?: number
  /** Number of variations including the control, an integer 2..10. Default 2. */
  variations?: number
}

export type SampleSizeParameter = keyof SampleSizeParams

export type SampleSizeIssue = {
  parameter: SampleSizeParameter
  /** `not_a_number` for NaN/Infinity/non-numbers, `out_of_range` otherwise. */
  code: 'not_a_number' | 'out_of_range'
  /** A sentence fit for the API's error message. */
  message: string
}

export type ValidSampleSizeParams = Required<SampleSizeParams>

export const SAMPLE_SIZE_DEFAULTS = { alpha: 0.05, power: 0.8, variations: 2 } as const
export const MAX_VARIATIONS = 10

/**
 * Checks every parameter and fills the defaults. Answers the complete parameters, or every
 * problem found (in the order of the type above).
 *
 * @example validateSampleSizeParams({ baselineRate: 0.6, minimumDetectableEffect: 0.8 })
 * // { ok: false, issues: [{ parameter: 'minimumDetectableEffect', code: 'out_of_range', ... }] }
 */
export function validateSampleSizeParams(
  params: SampleSizeParams,
): { ok: true; params: ValidSampleSizeParams } | { ok: false; issues: SampleSizeIssue[] } {
  const full: ValidSampleSizeParams = { ...SAMPLE_SIZE_DEFAULTS, ...stripUndefined(params) }
  const issues: SampleSizeIssue[] = []
  const check = (parameter: SampleSizeParameter, inRange: boolean, message: string) => {
    const value: unknown = full[parameter]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ parameter, code: 'not_a_number', message: `${parameter} must be a number` })
    } else if (!inRange) {
      issues.push({ parameter, code: 'out_of_range', message })
    }
  }
  const { baselineRate: p, minimumDetectableEffect: mde, alpha, power, variations } = full
  check('baselineRate', p > 0 && p < 1, 'baselineRate must be between 0 and 1 (exclusive)')
  check(
    'minimumDetectableEffect',
    // Judged against the baseline only when the baseline itself is valid.
    mde > -1 && mde !== 0 && (!(p > 0 && p < 1) || p * (1 + mde) < 1),
    'minimumDetectableEffect must be a relative lift above -1, not 0, and keep ' +
      'baselineRate x (1 + minimumDetectableEffect) below 1',
  )
  check('alpha', alpha > 0 && alpha <= 0.5, 'alpha must be above 0 and at most 0.5')
  check('power', power >= 0.5 && power < 1, 'power must be at least 0.5 and below 1')
  check(
    'variations',
    Number.isInteger(variations) && variations >= 2 && variations <= MAX_VARIATIONS,
    `variations must be an integer from 2 to ${MAX_VARIATIONS}`,
  )
  return issues.length === 0 ? { ok: true, params: full } : { ok: false, issues }
}

function stripUndefined(params: SampleSizeParams): SampleSizeParams {
  const copy: SampleSizeParams = { ...params }
  if (copy.alpha === undefined) delete copy.alpha
  if (copy.power === undefined) delete copy.power
  if (copy.variations === undefined) delete copy.variations
  return copy
}
