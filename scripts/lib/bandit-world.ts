/**
 * A simulated store for bandit experiments with known true conversion rates, driving the real
 * assignment (shared/bucketing.ts through banditVariationOf, with the exposures stored as the
 * Worker stores them), the real reweighing and the real results code in process. Used by
 * `npm run simulate:bandit` and, in a small configuration, by the unit tests. Pure: no Node APIs.
 *
 * Time runs in visitors: `visitorsPerUpdate` new visitors arrive per hour and the bandit updates
 * every hour (`updateHours: 1`); the first hour is exploration. A visitor converts, or not, at
 * their first exposure with their variation's true rate at that time. Besides the new visitors,
 * earlier visitors come back (`returningShare` of each hour's new ones): they must see the
 * variation they were first shown, whatever the weights are now.
 */
import { assignVariation } from '../../shared/bucketing.ts'
import { mulberry32 } from '../../worker/recs/prng.ts'
import { banditVariationOf } from '../../worker/experiments/bandit-assignment.ts'
import type { AllocationPeriod, ArmCounts } from '../../worker/stats/bandit/periods.ts'
import { banditResults, type BanditResults } from '../../worker/stats/bandit/results.ts'
import { reweigh, type BanditSettings } from '../../worker/stats/bandit/reweigh.ts'
import type { BanditObjective } from '../../worker/stats/bandit/weights.ts'

/** A bandit objective, or the fixed equal split it is compared with. */
export type Policy = BanditObjective | 'equal'

export type WorldConfig = {
  policy: Policy
  /** True rates per variation during the given hour (0-based). */
  rates: (hour: number) => readonly number[]
  visitors: number
  visitorsPerUpdate: number
  minWeight: number
  /** Earlier visitors coming back each hour, as a share of the hour's new visitors. */
  returningShare: number
  seed: number
}

export type WorldRun = {
  periods: AllocationPeriod[]
  /** P(best) per variation after each hour, oldest first. */
  history: number[][]
  /** Expected conversions given who saw what: Σ visitors × their variation's true rate. */
  expectedConversions: number
  /** The same for always showing the variation with the highest true rate. */
  bestExpectedConversions: number
  /** Returning visitors who saw another variation than at their first exposure (must be 0). */
  switchedVisitors: number
  /** Returning visitors whom re-hashing with the current weights would have moved. */
  wouldHaveSwitched: number
  returningVisits: number
  results: BanditResults
}

/** Runs one experiment from the first visitor to the last. */
export function runWorld(config: WorldConfig): WorldRun {
  const random = mulberry32(config.seed)
  const seed = `bandit-sim-${config.seed}`
  const hours = Math.ceil(config.visitors / config.visitorsPerUpdate)
  const arms = config.rates(0).length
  const settings: BanditSettings = {
    objective: config.policy === 'equal' ? 'maximize' : config.policy,
    exploreHours: 1,
    updateHours: 1,
    minWeight: config.minWeight,
  }
  // The stored exposures, by visitor number (the Worker keeps them as assignment rows).
  const exposed = new Int8Array(config.visitors).fill(-1)
  const visitorId = (n: number) => `s${config.seed}-v${n}`
  let arrived = 0
  const periods: AllocationPeriod[] = []
  const history: number[][] = []
  let weights = Array.from({ length: arms }, () => 1 / arms)
  let expectedConversions = 0
  let bestExpectedConversions = 0
  let switchedVisitors = 0
  let wouldHaveSwitched = 0
  let returningVisits = 0
  for (let hour = 0; hour < hours; hour++) {
    const rates = config.rates(hour)
    const best = Math.max(...rates)
    const bucketing = { seed, weights, coverage: 1 }
    const counts: ArmCounts[] = Array.from({ length: arms }, () => ({
      visitors: 0,
      conversions: 0,
    }))
    const arrivals = Math.min(
      config.visitorsPerUpdate,
      config.visitors - hour * config.visitorsPerUpdate,
    )
    for (let n = 0; n < arrivals; n++, arrived++) {
      const index = banditVariationOf(bucketing, visitorId(arrived), undefined)
      const counted = counts[index]
      if (!counted) throw new Error(`visitor ${arrived} outside the experiment`)
      exposed[arrived] = index
      const rate = rates[index] ?? 0
      counted.visitors++
      if (random() < rate) counted.conversions++
      expectedConversions += rate
      bestExpectedConversions += best
    }
    const returning = Math.round(arrivals * config.returningShare)
    for (let n = 0; n < returning; n++) {
      const number = Math.floor(random() * arrived)
      const first = exposed[number]
      returningVisits++
      if (banditVariationOf(bucketing, visitorId(number), first) !== first) switchedVisitors++
      if (assignVariation(bucketing, visitorId(number)) !== first) wouldHaveSwitched++
    }
    periods.push({ weights: [...weights], arms: counts })
    const outcome = reweigh({ settings, periods, hoursSinceStart: hour + 1 })
    history.push(outcome.bestArmProbabilities)
    if (config.policy !== 'equal') weights = outcome.weights
  }
  return {
    periods,
    history,
    expectedConversions,
    bestExpectedConversions,
    switchedVisitors,
    wouldHaveSwitched,
    returningVisits,
    results: banditResults(periods),
  }
}

/** Index of the largest value (the first on ties). */
export function argMax(values: readonly number[]): number {
  let best = 0
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i
  })
  return best
}

/** Relative lift of `treatment` over `control`, or NaN when the control's rate is 0. */
export function relativeLift(control: number | null, treatment: number | null): number {
  return control && treatment !== null ? treatment / control - 1 : NaN
}
