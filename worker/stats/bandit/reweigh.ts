// One bandit update: the weights the next allocation period buckets new visitors with.
// Pure: the caller reads the periods' counts (visitors by first-exposure period and their
// conversions) and stores the answer as a new period; visitors already exposed keep their
// variation whatever the weights become.
import { equalWeights } from '../../../shared/bucketing.ts'
import { rankProbabilities } from './best-arm.ts'
import { periodWeightedEstimates, ratePosterior, type AllocationPeriod } from './periods.ts'
import { floorWeights, thompsonWeights, type BanditObjective } from './weights.ts'

export type BanditSettings = {
  objective: BanditObjective
  /** Hours after the start during which the weights stay equal. */
  exploreHours: number
  /** Hours between updates (the cron's cadence; an update on demand ignores it). */
  updateHours: number
  /** Floor on every variation's weight after an update. */
  minWeight: number
}

export const DEFAULT_BANDIT_SETTINGS: BanditSettings = {
  objective: 'maximize',
  exploreHours: 24,
  updateHours: 1,
  minWeight: 0.01,
}

/** No update until every variation has this many exposed visitors (GrowthBook's rule too). */
export const MIN_VISITORS_PER_VARIATION = 100

export type ReweighReason =
  /** Still inside `exploreHours`: the weights stay equal. */
  | 'exploring'
  /** Some variation has fewer than MIN_VISITORS_PER_VARIATION exposed visitors. */
  | 'not_enough_visitors'

export type ReweighOutcome = {
  updated: boolean
  reason?: ReweighReason
  /** The weights for the next period: new ones when updated, else equal (exploring) or unchanged. */
  weights: number[]
  /** Each variation's posterior probability of being best, from the period-weighted rates. */
  bestArmProbabilities: number[]
}

export type ReweighInput = {
  settings: BanditSettings
  /** Every allocation period so far, oldest first; the last one's weights are the current ones. */
  periods: readonly AllocationPeriod[]
  /** Hours since the experiment started. */
  hoursSinceStart: number
}

/**
 * Decides the next weights.
 * @example reweigh({ settings: DEFAULT_BANDIT_SETTINGS, periods, hoursSinceStart: 30 })
 * // { updated: true, weights: [0.05, 0.12, 0.83], bestArmProbabilities: [...] }
 */
export function reweigh({ settings, periods, hoursSinceStart }: ReweighInput): ReweighOutcome {
  const estimates = periodWeightedEstimates(periods)
  const ranks = rankProbabilities(estimates.map(ratePosterior))
  const bestArmProbabilities = ranks.best
  if (hoursSinceStart < settings.exploreHours) {
    return {
      updated: false,
      reason: 'exploring',
      weights: equalWeights(estimates.length),
      bestArmProbabilities,
    }
  }
  if (estimates.some((e) => e.visitors < MIN_VISITORS_PER_VARIATION)) {
    const current = periods.at(-1)?.weights ?? equalWeights(estimates.length)
    return {
      updated: false,
      reason: 'not_enough_visitors',
      weights: [...current],
      bestArmProbabilities,
    }
  }
  const weights = floorWeights(thompsonWeights(ranks, settings.objective), settings.minWeight)
  return { updated: true, weights, bestArmProbabilities }
}
