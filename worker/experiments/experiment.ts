/** The experiment as the domain and the API see it, and the rows it is stored in. */
import { phaseSeed } from '../../shared/bucketing.ts'
import type { experimentPhases, experiments } from '../db/schema.ts'
import type { GOAL_EVENTS } from './experiment-schema.ts'

export type ExperimentStatus = 'draft' | 'running' | 'paused' | 'stopped'
export type GoalEvent = (typeof GOAL_EVENTS)[number]

export type Variation = { key: string; name?: string; weight: number; url?: string }

export type Experiment = {
  key: string
  name: string
  status: ExperimentStatus
  /** The current phase; 0 until the experiment first starts. */
  phase: number
  variations: Variation[]
  coverage: number
  seed: string | null
  goal: { event: GoalEvent; name?: string }
  url: string | null
  redirect: boolean
  /** Percentile (e.g. 0.99) at which revenue per visitor is capped in results; null = off. */
  winsorize: number | null
  createdAt: number
  updatedAt: number
}

export type Phase = {
  phase: number
  seed: string
  weights: number[]
  variationKeys: string[]
  startedAt: number
  endedAt: number | null
}

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
