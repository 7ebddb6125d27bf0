/**
 * The bandit part of the experiment form, apart from any DOM: the type, and a bandit's settings
 * typed as text (hours, percents), checked against the Worker's limits and turned into the API's
 * `bandit` object. A bandit explores with equal weights, so its weights are not typed.
 */
import type { BanditConfig, BanditObjectiveName, Experiment, ExperimentType } from '../api/types.ts'

export type BanditDraft = {
  type: ExperimentType
  objective: BanditObjectiveName
  exploreHours: string
  updateHours: string
  minWeightPercent: string
  stopPercent: string
}

export function newBanditDraft(): BanditDraft {
  return {
    type: 'ab',
    objective: 'maximize',
    exploreHours: '24',
    updateHours: '1',
    minWeightPercent: '1',
    stopPercent: '95',
  }
}

export function banditDraftOf(exp: Experiment): BanditDraft {
  const b = exp.bandit
  if (!b) return newBanditDraft()
  return {
    type: exp.type,
    objective: b.objective,
    exploreHours: String(b.exploreHours),
    updateHours: String(b.updateHours),
    minWeightPercent: String(Number((b.minWeight * 100).toFixed(4))),
    stopPercent: String(Number((b.stopThreshold * 100).toFixed(4))),
  }
}

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/** Why the bandit settings cannot be saved; empty for an A/B test or valid settings. */
export function banditProblems(draft: BanditDraft, variations: number): string[] {
  if (draft.type !== 'bandit') return []
  const problems: string[] = []
  const explore = numberOf(draft.exploreHours)
  if (!(explore >= 0 && explore <= 2160)) problems.push('Exploration is 0 to 2160 hours.')
  const update = numberOf(draft.updateHours)
  if (!(update >= 0.25 && update <= 168)) {
    problems.push('Updates come every 0.25 to 168 hours.')
  }
  const floor = numberOf(draft.minWeightPercent)
  if (!(floor >= 0 && floor <= 50)) problems.push('The minimum weight is 0% to 50%.')
  else if (floor * variations > 100 + 1e-9) {
    problems.push(
      `${variations} variations cannot each keep ${floor}% of the traffic: lower the minimum weight.`,
    )
  }
  const stop = numberOf(draft.stopPercent)
  if (!(stop >= 50 && stop <= 99.99)) problems.push('Recommend stopping at 50% to 99.99%.')
  return problems
}

/** The API's `bandit` settings of a valid bandit draft. */
export function banditInputOf(draft: BanditDraft): BanditConfig {
  return {
    objective: draft.objective,
    exploreHours: numberOf(draft.exploreHours),
    updateHours: numberOf(draft.updateHours),
    minWeight: Number((numberOf(draft.minWeightPercent) / 100).toFixed(6)),
    stopThreshold: Number((numberOf(draft.stopPercent) / 100).toFixed(6)),
  }
}
