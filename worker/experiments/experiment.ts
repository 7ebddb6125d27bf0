/** The experiment as the domain and the API see it (shared wire types), and its rows. */
import type {
  BanditConfig,
  Experiment,
  ExperimentStatus,
  GoalEvent,
  MetricDefinition,
  Phase,
  Variation,
  ExperimentType,
} from '../../shared/api-types.ts'
import type { Audience } from '../../shared/audience.ts'
import { phaseSeed } from '../../shared/bucketing.ts'
import type { experimentPhases, experiments } from '../db/schema.ts'

export type { Experiment, ExperimentStatus, GoalEvent, Phase, Variation }

/** The seed the experiment's current phase buckets with. */
export function currentSeed(exp: Experiment): string {
  return phaseSeed(exp.seed ?? exp.key, exp.phase)
}

export function experimentFromRow(row: typeof experiments.$inferSelect): Experiment {
  return {
    key: row.key,
    name: row.name,
    status: row.status as ExperimentStatus,
    phase: row.phase,
    variations: JSON.parse(row.variations) as Variation[],
    coverage: row.coverage,
    seed: row.seed,
    goal: row.goalName
      ? { event: row.goalEvent as GoalEvent, name: row.goalName }
      : { event: row.goalEvent as GoalEvent },
    url: row.urlPattern,
    redirect: row.redirect,
    winsorize: row.winsorizeAt,
    metrics: JSON.parse(row.metrics) as MetricDefinition[],
    audience: row.audience === null ? null : (JSON.parse(row.audience) as Audience),
    type: row.type as ExperimentType,
    bandit: row.bandit === null ? null : (JSON.parse(row.bandit) as BanditConfig),
    winner: row.winner,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

export function experimentToRow(siteId: string, exp: Experiment): typeof experiments.$inferInsert {
  return {
    siteId,
    key: exp.key,
    name: exp.name,
    status: exp.status,
    phase: exp.phase,
    variations: JSON.stringify(exp.variations),
    coverage: exp.coverage,
    seed: exp.seed,
    goalEvent: exp.goal.event,
    goalName: exp.goal.name ?? null,
    urlPattern: exp.url,
    redirect: exp.redirect,
    winsorizeAt: exp.winsorize,
    metrics: JSON.stringify(exp.metrics),
    audience: exp.audience === null ? null : JSON.stringify(exp.audience),
    type: exp.type,
    bandit: exp.bandit === null ? null : JSON.stringify(exp.bandit),
    winner: exp.winner,
    createdAt: exp.createdAt,
    updatedAt: exp.updatedAt,
  }
}

export function phaseFromRow(row: typeof experimentPhases.$inferSelect): Phase {
  return {
    phase: row.phase,
    seed: row.seed,
    weights: JSON.parse(row.weights) as number[],
    variationKeys: JSON.parse(row.variationKeys) as string[],
    startedAt: row.startedAt,
    endedAt: row.endedAt,
  }
}
