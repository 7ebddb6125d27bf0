/**
 * Sticky assignment: which variation of an experiment a visitor sees, as a pure function of the
 * experiment's seed, weights, coverage and the visitor id. The same inputs give the same answer on
 * every edge location and after every deploy, and raising coverage only adds visitors.
 */
import { bucketOf } from './hash.ts'

/** A half-open range `[start, end)` of the unit interval. */
export type BucketRange = readonly [number, number]

/** What bucketing needs of an experiment phase. */
export type BucketingConfig = {
  /** The phase's seed; the experiment key when the merchant set none. */
  seed: string
  /** One weight per variation; control first. */
  weights: readonly number[]
  /** Share of traffic in the experiment, 0-1. */
  coverage: number
}

/** Weights summing outside [0.99, 1.01] fall back to equal weights, the bounds GrowthBook uses. */
const MIN_WEIGHT_SUM = 0.99
const MAX_WEIGHT_SUM = 1.01

/** Equal weights for `n` variations. */
export function equalWeights(n: number): number[] {
  return n <= 0 ? [] : Array.from({ length: n }, () => 1 / n)
}

/**
 * The variation ranges `[start_i, start_i + coverage * w_i)` where `start_i` is the cumulative
 * weight. Coverage shrinks each range from its start, so raising it only grows ranges.
 */
export function bucketRanges(weights: readonly number[], coverage: number): BucketRange[] {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(coverage) ? coverage : 1))
  const sum = weights.reduce((a, w) => a + w, 0)
  const usable =
    sum < MIN_WEIGHT_SUM || sum > MAX_WEIGHT_SUM ? equalWeights(weights.length) : weights
  let start = 0
  return usable.map((w) => {
    const range: BucketRange = [start, start + clamped * w]
    start += w
    return range
  })
}

/** Index of the range holding `bucket`, or -1 when it is in none. */
export function chooseVariation(bucket: number, ranges: readonly BucketRange[]): number {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i]
    if (range && bucket >= range[0] && bucket < range[1]) return i
  }
  return -1
}

/**
 * The variation index a visitor gets, or -1 when the visitor is outside the experiment.
 * An experiment with fewer than two variations includes nobody.
 * @example assignVariation({ seed: 'checkout-copy', weights: [0.5, 0.5], coverage: 1 }, 'v1')
 */
export function assignVariation(config: BucketingConfig, visitorId: string): number {
  if (config.weights.length < 2) return -1
  const ranges = bucketRanges(config.weights, config.coverage)
  return chooseVariation(bucketOf(config.seed, visitorId), ranges)
}

/**
 * The seed of a later phase. Phase 1 keeps the experiment's own seed (GrowthBook-compatible);
 * each later phase derives a new one so everyone is re-randomized when weights change.
 */
export function phaseSeed(baseSeed: string, phase: number): string {
  return phase <= 1 ? baseSeed : `${baseSeed}:phase-${phase}`
}
