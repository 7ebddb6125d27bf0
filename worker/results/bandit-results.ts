/**
 * `results.bandit` for a bandit's phase: its allocation periods with their counts, read from D1,
 * through the pure bandit statistics (stats/bandit/results.ts): period-weighted rates, credible
 * intervals, P(best), conversions gained against an equal split, the sample-ratio check against
 * each period's weights, and the stopping recommendation from the P(best) of the updates.
 */
import type { BanditResultsSection } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { periodsWithCounts } from '../experiments/bandit-periods.ts'
import { allocationPeriods } from '../experiments/bandit-update.ts'
import type { Experiment, Phase } from '../experiments/experiment.ts'
import { banditResults } from '../stats/bandit/results.ts'
import { DEFAULT_STOPPING_RULE, stoppingWinner } from '../stats/bandit/stopping.ts'
import type { SrmResult } from '../../shared/results-types.ts'
import { DEFAULT_BANDIT_SETTINGS } from '../stats/bandit/reweigh.ts'

export async function banditSection(
  db: Database,
  siteId: string,
  exp: Experiment,
  phase: Phase,
): Promise<{ bandit: BanditResultsSection; srm: SrmResult }> {
  const count = phase.variationKeys.length
  const stored = await periodsWithCounts(
    db,
    { siteId, experimentKey: exp.key, phase: phase.phase },
    count,
  )
  // A draft (or a phase without periods) is one equal period with no visitors yet.
  const periods = stored.length
    ? stored
    : [
        {
          period: 0,
          startedAt: phase.startedAt,
          weights: phase.weights,
          visitorsBefore: 0,
          visitors: new Array<number>(count).fill(0),
          conversions: new Array<number>(count).fill(0),
          bestArmProbabilities: null,
        },
      ]
  const results = banditResults(allocationPeriods(periods))
  const settings = exp.bandit ?? {
    ...DEFAULT_BANDIT_SETTINGS,
    stopThreshold: DEFAULT_STOPPING_RULE.threshold,
  }
  const history = periods.flatMap((p) => (p.bestArmProbabilities ? [p.bestArmProbabilities] : []))
  const winner = stoppingWinner(history, {
    ...DEFAULT_STOPPING_RULE,
    threshold: settings.stopThreshold,
  })
  return {
    bandit: {
      objective: settings.objective,
      weights: periods.at(-1)?.weights ?? phase.weights,
      bestArmProbabilities: results.bestArmProbabilities,
      periods,
      variations: results.variations.map((v, i) => ({
        key: phase.variationKeys[i] ?? String(i),
        visitors: v.visitors,
        conversions: v.conversions,
        rate: v.rate,
        rateCI: v.rateCI,
        probabilityOfBeingBest: v.probabilityOfBeingBest,
        conversionsGained: v.conversionsGained,
      })),
      conversionsGained: results.conversionsGained,
      expectedVisitors: results.expectedVisitors,
      stopThreshold: settings.stopThreshold,
      recommendedWinner: winner === null ? null : (phase.variationKeys[winner] ?? null),
    },
    srm: results.srm,
  }
}
