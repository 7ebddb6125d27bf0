/**
 * Experiments in D1. Every query names the site; a key of another site simply finds nothing.
 * State changes and their phase rows are written in one batch, so they commit together.
 */
import { and, asc, eq, sql } from 'drizzle-orm'
import { batch, type Database, type Statement } from '../db/database.ts'
import { experimentPhases, experiments } from '../db/schema.ts'
import { KEY } from '../../shared/identifiers.ts'
import { conflict, invalid, notFound } from '../domain-error.ts'
import {
  experimentFromRow,
  experimentToRow,
  phaseFromRow,
  type Experiment,
  type ExperimentStatus,
  type Phase,
} from './experiment.ts'
import { openPeriod } from './bandit-periods.ts'
import type { Change } from './lifecycle.ts'
import { forgetRunningExperiments } from './running-experiments.ts'

const CONCURRENT_CHANGE = 'concurrent_change'

export async function listExperiments(
  db: Database,
  siteId: string,
  status?: ExperimentStatus,
): Promise<Experiment[]> {
  const rows = await db
    .select()
    .from(experiments)
    .where(
      status
        ? and(eq(experiments.siteId, siteId), eq(experiments.status, status))
        : eq(experiments.siteId, siteId),
    )
    .orderBy(asc(experiments.createdAt), asc(experiments.key))
    .all()
  return rows.map(experimentFromRow)
}

export async function findExperiment(
  db: Database,
  siteId: string,
  key: string,
): Promise<Experiment | null> {
  const row = await db
    .select()
    .from(experiments)
    .where(and(eq(experiments.siteId, siteId), eq(experiments.key, key)))
    .get()
  return row ? experimentFromRow(row) : null
}

/**
 * The site's experiment with this key; not_found also for another site's key, invalid for a key
 * no experiment can have.
 */
export async function requireExperiment(
  db: Database,
  siteId: string,
  key: string,
): Promise<Experiment> {
  if (!KEY.test(key)) {
    throw invalid(
      'invalid_experiment_key',
      'An experiment key is 1-64 characters of A-Z a-z 0-9 _ . : -.',
    )
  }
  const exp = await findExperiment(db, siteId, key)
  if (!exp) throw notFound(`The experiment ${key}`)
  return exp
}

export async function listPhases(db: Database, siteId: string, key: string): Promise<Phase[]> {
  return (await phasesByExperiment(db, siteId, key)).get(key) ?? []
}

/** Phases per experiment key: one key's, or (one read for a whole list) all of the site's. */
export async function phasesByExperiment(
  db: Database,
  siteId: string,
  key?: string,
): Promise<Map<string, Phase[]>> {
  const rows = await db
    .select()
    .from(experimentPhases)
    .where(
      key === undefined
        ? eq(experimentPhases.siteId, siteId)
        : and(eq(experimentPhases.siteId, siteId), eq(experimentPhases.experimentKey, key)),
    )
    .orderBy(asc(experimentPhases.experimentKey), asc(experimentPhases.phase))
    .all()
  const phases = new Map<string, Phase[]>()
  for (const row of rows) {
    const list = phases.get(row.experimentKey) ?? []
    list.push(phaseFromRow(row))
    phases.set(row.experimentKey, list)
  }
  return phases
}

/** Stores a new experiment; 409 when the site already has one with that key. */
export async function insertExperiment(
  db: Database,
  siteId: string,
  exp: Experiment,
): Promise<void> {
  const inserted = await db
    .insert(experiments)
    .values(experimentToRow(siteId, exp))
    .onConflictDoNothing()
    .returning({ key: experiments.key })
  if (inserted.length === 0) {
    throw conflict('experiment_exists', `An experiment with the key ${exp.key} already exists.`)
  }
  forgetRunningExperiments(siteId)
}

/**
 * Persists a lifecycle change atomically, and only if nobody changed the experiment since it was
 * read: the batch opens with a guard that fails (rolling the batch back) when `updated_at` moved.
 * `also` runs in the same batch (conversions recomputed for a new goal).
 */
export async function saveChange(
  db: Database,
  siteId: string,
  previous: Experiment,
  change: Change,
  also: Statement[] = [],
): Promise<void> {
  const { next, openPhase, closePhase } = change
  // D1 has no RAISE outside triggers; json() of a non-JSON string is the portable way to abort.
  const guard = sql`SELECT CASE WHEN (SELECT updated_at FROM experiments
    WHERE site_id = ${siteId} AND key = ${previous.key}) = ${previous.updatedAt}
    THEN 1 ELSE json(${CONCURRENT_CHANGE}) END`
  const update = db
    .update(experiments)
    .set(experimentToRow(siteId, next))
    .where(and(eq(experiments.siteId, siteId), eq(experiments.key, previous.key)))
  const phaseKey = (phase: number) =>
    and(
      eq(experimentPhases.siteId, siteId),
      eq(experimentPhases.experimentKey, next.key),
      eq(experimentPhases.phase, phase),
    )
  const close = db
    .update(experimentPhases)
    .set({ endedAt: next.updatedAt })
    .where(phaseKey(closePhase ?? -1))
  try {
    if (openPhase) {
      const open = db.insert(experimentPhases).values({
        siteId,
        experimentKey: next.key,
        phase: openPhase.phase,
        seed: openPhase.seed,
        weights: JSON.stringify(openPhase.weights),
        variationKeys: JSON.stringify(openPhase.variationKeys),
        startedAt: openPhase.startedAt,
      })
      // A bandit's phase opens with its first allocation period, the equal split it explores with.
      const firstPeriod =
        next.type === 'bandit'
          ? [
              openPeriod(
                db,
                { siteId, experimentKey: next.key, phase: openPhase.phase },
                {
                  period: 0,
                  startedAt: openPhase.startedAt,
                  weights: openPhase.weights,
                  visitorsBefore: 0,
                  bestArmProbabilities: null,
                },
              ),
            ]
          : []
      await batch(db, [guard, update, close, open, ...firstPeriod, ...also])
    } else {
      await batch(db, [guard, update, close, ...also])
    }
  } catch (err) {
    if (err instanceof Error && /malformed JSON|UNIQUE constraint/i.test(err.message)) {
      throw conflict(
        'concurrent_change',
        'The experiment changed meanwhile; reload it and try again.',
      )
    }
    throw err
  } finally {
    forgetRunningExperiments(siteId)
  }
}
