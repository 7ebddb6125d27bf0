/**
 * One bandit update against D1: the phase's periods and counts go through the pure `reweigh`
 * (stats/bandit/reweigh.ts); an update stores the new weights as the variations' weights and
 * opens a new allocation period, in one guarded batch, without opening a phase. Visitors already
 * exposed keep their stored variation; only new ones are bucketed by the new weights.
 */
import type { BanditPeriodResult, ReweighAnswer } from '../../shared/api-types.ts'
import type { Database } from '../db/database.ts'
import { conflict } from '../domain-error.ts'
import { reweigh } from '../stats/bandit/reweigh.ts'
import type { AllocationPeriod } from '../stats/bandit/periods.ts'
import { openPeriod, periodsWithCounts } from './bandit-periods.ts'
import type { Experiment } from './experiment.ts'
import { saveChange } from './experiment-store.ts'
import { HOUR_MS } from '../../shared/durations.ts'

/** Stored periods in the shape the statistics take. */
export function allocationPeriods(periods: readonly BanditPeriodResult[]): AllocationPeriod[] {
  return periods.map((p) => ({
    weights: p.weights,
    arms: p.visitors.map((visitors, i) => ({ visitors, conversions: p.conversions[i] ?? 0 })),
  }))
}

/**
 * Reweighs a running bandit now. 409 for an A/B test or an experiment that is not running.
 * @example await updateBandit(db, site.id, exp, Date.now()) // { updated: false, reason: 'exploring', ... }
 */
export async function updateBandit(
  db: Database,
  siteId: string,
  exp: Experiment,
  now: number,
): Promise<ReweighAnswer> {
  if (exp.type !== 'bandit' || !exp.bandit) {
    throw conflict('not_a_bandit', 'Only a bandit experiment is reweighed.')
  }
  if (exp.status !== 'running') {
    throw conflict('not_running', `A ${exp.status} bandit is not reweighed; start it first.`)
  }
  const scope = { siteId, experimentKey: exp.key, phase: exp.phase }
  const stored = await periodsWithCounts(db, scope, exp.variations.length)
  const first = stored[0]
  if (!first) throw conflict('not_running', 'The bandit has no allocation period yet.')
  const outcome = reweigh({
    settings: exp.bandit,
    periods: allocationPeriods(stored),
    hoursSinceStart: (now - first.startedAt) / HOUR_MS,
  })
  if (!outcome.updated) return outcome
  const last = stored.at(-1) ?? first
  const next: Experiment = {
    ...exp,
    variations: exp.variations.map((v, i) => ({ ...v, weight: outcome.weights[i] ?? 0 })),
    updatedAt: now,
  }
  const visitorsBefore = stored.reduce((sum, p) => sum + p.visitors.reduce((a, b) => a + b, 0), 0)
  await saveChange(db, siteId, exp, { next }, [
    openPeriod(db, scope, {
      period: last.period + 1,
      startedAt: now,
      weights: outcome.weights,
      visitorsBefore,
      bestArmProbabilities: outcome.bestArmProbabilities,
    }),
  ])
  return outcome
}
