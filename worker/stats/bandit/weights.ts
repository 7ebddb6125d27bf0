// From rank probabilities to the weights new visitors are bucketed with.
import type { RankProbabilities } from './best-arm.ts'

/**
 * `maximize`: Thompson sampling, each variation's weight is its probability of being best.
 * `identify`: top-two Thompson sampling as GrowthBook computes it (gbstats bandits.py
 * `top_two_weights`): the share of posterior draws in which the variation is best or second
 * best, (P(best) + P(second)) / 2, which keeps more traffic on the runner-up so the comparison
 * that decides the winner gets data, at the cost of conversions.
 */
export type BanditObjective = 'maximize' | 'identify'

/** Unfloored weights for the objective, summing to 1. */
export function thompsonWeights(ranks: RankProbabilities, objective: BanditObjective): number[] {
  if (objective === 'maximize') return [...ranks.best]
  return ranks.best.map((p, i) => (p + (ranks.second[i] ?? 0)) / 2)
}

/**
 * Floors every weight at `minWeight` and normalises, as GrowthBook does: w_i' = f + (1 - k·f)·w_i
 * for weights w summing to 1. Every weight ends at or above the floor, they sum to 1, and the
 * order and relative spacing of the weights above the floor are kept (clipping then rescaling
 * would shrink the leaders to pay for the floored arms). Throws when k floors exceed 1.
 * @example floorWeights([0.98, 0.02, 0], 0.01) // [0.9704, 0.0298, 0.01]
 */
export function floorWeights(weights: readonly number[], minWeight: number): number[] {
  const k = weights.length
  if (!(minWeight >= 0) || minWeight * k > 1 + 1e-12) {
    throw new RangeError(`floorWeights: ${k} variations cannot each keep ${minWeight}`)
  }
  const sum = weights.reduce((a, b) => a + b, 0)
  const spare = 1 - minWeight * k
  return weights.map((w) => minWeight + spare * (sum > 0 ? w / sum : 1 / k))
}
