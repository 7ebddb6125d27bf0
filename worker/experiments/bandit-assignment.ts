/**
 * Assignment in a bandit experiment, where the weights change at every update without a new
 * phase. Sticky hashing alone is not enough then: the seed stays, but the ranges move with the
 * weights, so re-hashing would move visitors near a range's edge to another variation. A visitor
 * already exposed therefore keeps the variation stored at their exposure; only a visitor not yet
 * exposed is bucketed, by the current weights.
 */
import { assignVariation, type BucketingConfig } from '../../shared/bucketing.ts'

/**
 * The variation index the visitor sees: the one stored at their exposure, else the current
 * weights' answer (-1 when outside the experiment).
 * @example banditVariationOf({ seed: 'banner', weights: [0.1, 0.2, 0.7], coverage: 1 }, 'v1', stored.get('v1'))
 */
export function banditVariationOf(
  config: BucketingConfig,
  visitorId: string,
  exposedIndex: number | undefined,
): number {
  if (exposedIndex !== undefined && exposedIndex >= 0 && exposedIndex < config.weights.length) {
    return exposedIndex
  }
  return assignVariation(config, visitorId)
}
