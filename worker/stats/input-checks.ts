// Sanity checks on the figures computeResults is given. They come from the database, not
// from a user, so a violation is a bug upstream: it throws rather than letting an impossible
// count (conversions > visitors) turn into a NaN somewhere in the results.
import type { ResultsSettings, VariationInput } from '../../shared/results-types.ts'

/** Throws a RangeError naming the first impossible figure. */
export function assertValidVariations(variations: readonly VariationInput[]): void {
  if (variations.length === 0) throw new RangeError('computeResults: no variations')
  variations.forEach((v, i) => {
    const where = `variation ${i} (${v.key})`
    const count = (name: string, x: number) => {
      if (!Number.isSafeInteger(x) || x < 0) {
        throw new RangeError(`${where}: ${name} must be a non-negative integer, got ${x}`)
      }
    }
    const finite = (name: string, x: number | undefined, min = -Infinity) => {
      if (x !== undefined && !(Number.isFinite(x) && x >= min)) {
        throw new RangeError(`${where}: ${name} must be a finite number >= ${min}, got ${x}`)
      }
    }
    count('visitors', v.visitors)
    count('conversions', v.conversions)
    if (v.conversions > v.visitors) throw new RangeError(`${where}: conversions > visitors`)
    finite('weight', v.weight, 0)
    finite('revenueSum', v.revenueSum)
    finite('revenueSumSquares', v.revenueSumSquares, 0)
    finite('winsorizedSum', v.winsorizedSum)
    finite('winsorizedSumSquares', v.winsorizedSumSquares, 0)
  })
}

/** Throws a RangeError for settings that would make intervals or tests meaningless. */
export function assertValidSettings(settings: ResultsSettings): void {
  const { alpha, power, minimumDetectableEffect, sequentialTuning } = settings
  if (!(alpha > 0 && alpha <= 0.5)) throw new RangeError(`settings.alpha out of (0, 0.5]: ${alpha}`)
  if (!(power >= 0.5 && power < 1)) throw new RangeError(`settings.power out of [0.5, 1): ${power}`)
  if (!(Number.isFinite(minimumDetectableEffect) && minimumDetectableEffect > -1)) {
    throw new RangeError(
      `settings.minimumDetectableEffect must be > -1: ${minimumDetectableEffect}`,
    )
  }
  if (!(Number.isFinite(sequentialTuning) && sequentialTuning > 0)) {
    throw new RangeError(`settings.sequentialTuning must be > 0: ${sequentialTuning}`)
  }
}
