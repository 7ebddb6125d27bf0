/**
 * The variation each running bandit stored at a visitor's first exposure in its current phase:
 * what keeps an exposed visitor in their variation while the bandit's weights move. One read of
 * the visitor's assignment rows (the `assignments_visitor` index), and none without a bandit.
 */
import { and, eq } from 'drizzle-orm'
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
