/**
 * The variation each running bandit stored at a visitor's first exposure in its current phase:
 * what keeps an exposed visitor in their variation while the bandit's weights move. One read of
 * the visitor's assignment rows (the `assignments_visitor` index), and none without a bandit.
 */
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { assignments } from '../db/schema.ts'
import type { Experiment } from './experiment.ts'

/** Variation index by experiment key, for the running bandits among `served`. */
export async function storedBanditVariations(
  db: Database,
  siteId: string,
  visitorId: string,
  served: readonly Experiment[],
): Promise<Map<string, number>> {
  const stored = new Map<string, number>()
  const phases = new Map(
    served
      .filter((e) => e.type === 'bandit' && e.status === 'running')
      .map((e) => [e.key, e.phase]),
  )
  if (phases.size === 0) return stored
  const rows = await db
    .select({
      key: assignments.experimentKey,
      phase: assignments.phase,
      variation: assignments.variation,
    })
    .from(assignments)
    .where(and(eq(assignments.siteId, siteId), eq(assignments.visitorId, visitorId)))
    .all()
  for (const row of rows) {
    if (phases.get(row.key) === row.phase) stored.set(row.key, row.variation)
  }
  return stored
}

/** The key `storedBanditExposures` answers by. */
export function exposureKey(experimentKey: string, visitorId: string): string {
  return `${experimentKey}\u0000${visitorId}`
}

/**
 * For a batch of exposure events: the variation stored for each (bandit, visitor) pair that has
 * one, by `exposureKey`, so a returning visitor's exposure is recorded in the variation they keep.
 * One read for the batch, none without a running bandit among the events.
 */
export async function storedBanditExposures(
  db: Database,
  siteId: string,
  events: readonly { experiment?: string; visitorId: string }[],
  running: readonly Experiment[],
): Promise<Map<string, number>> {
  const stored = new Map<string, number>()
  const bandits = new Map(
    running.filter((e) => e.type === 'bandit').map((e) => [e.key, e.phase] as const),
  )
  const keys = [
    ...new Set(
      events.flatMap((e) => (e.experiment && bandits.has(e.experiment) ? [e.experiment] : [])),
    ),
  ]
  if (keys.length === 0) return stored
  const visitors = [...new Set(events.map((e) => e.visitorId))]
  const rows = await db
    .select({
      key: assignments.experimentKey,
      phase: assignments.phase,
      visitorId: assignments.visitorId,
      variation: assignments.variation,
    })
    .from(assignments)
    .where(
      and(
        eq(assignments.siteId, siteId),
        // JSON arrays: a batch's 100 visitors would pass D1's limit of 100 bound parameters.
        sql`${assignments.visitorId} IN (SELECT value FROM json_each(${JSON.stringify(visitors)}))`,
        sql`${assignments.experimentKey} IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`,
      ),
    )
    .all()
  for (const row of rows) {
    if (bandits.get(row.key) === row.phase)
      stored.set(exposureKey(row.key, row.visitorId), row.variation)
  }
  return stored
}
