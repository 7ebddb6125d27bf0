/**
 * The experiments a site serves, cached in the isolate: the running ones and the stopped ones
 * whose winner was rolled out to everyone. Assignment runs on every page view
 * and must not wait on D1 each time; an admin change in this isolate forgets the entry at once,
 * other isolates see it within the TTL.
 */
import { and, eq, isNotNull, or } from 'drizzle-orm'
import { IsolateCache } from '../cache/isolate-cache.ts'
import type { Database } from '../db/database.ts'
import { experiments } from '../db/schema.ts'
import { experimentFromRow, type Experiment } from './experiment.ts'

const cache = new IsolateCache<Experiment[]>({ ttlMs: 10_000, maxEntries: 1000 })

/** Running experiments and rolled-out winners: what assignment serves. */
export async function servedExperiments(db: Database, siteId: string): Promise<Experiment[]> {
  const hit = cache.get(siteId)
  if (hit) return hit
  const rows = await db
    .select()
    .from(experiments)
    .where(
      and(
        eq(experiments.siteId, siteId),
        or(eq(experiments.status, 'running'), isNotNull(experiments.winner)),
      ),
    )
    .all()
  const served = rows.map(experimentFromRow)
  cache.set(siteId, served)
  return served
}

/** The running experiments only: those that still take exposures. */
export async function runningExperiments(db: Database, siteId: string): Promise<Experiment[]> {
  return (await servedExperiments(db, siteId)).filter((e) => e.status === 'running')
}

export function forgetRunningExperiments(siteId: string): void {
  cache.delete(siteId)
}

/**
 * For the edge proxy, which must never fail a page because of D1: the fresh list, else the last
 * one this isolate knew (however old), else null.
 */
export async function servedExperimentsOrLastKnown(
  db: Database,
  siteId: string,
): Promise<Experiment[] | null> {
  try {
    return await servedExperiments(db, siteId)
  } catch (err) {
    console.warn('D1 unavailable; assigning from the last known experiments', err)
    return cache.lastKnown(siteId) ?? null
  }
}
