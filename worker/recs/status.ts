/** What `GET /v1/admin/recs/status` tells: the active model, and whether a run is under way. */
import { sql } from 'drizzle-orm'
import type { RecsStatus } from '../../shared/admin-types.ts'
import type { Database } from '../db/database.ts'

/**
 * A run that has not finished in this long is presumed dead: an isolate evicted, or the Worker's
 * CPU or time limit reached, leave no chance to clear the mark.
 */
export const STALE_TRAINING_MS = 15 * 60_000

export async function recsStatus(
  db: Database,
  siteId: string,
  now = Date.now(),
): Promise<RecsStatus> {
  const [row] = await db.all<{
    active_version: string | null
    training_started_at: number | null
    last_error: string | null
    trained_at: number | null
    items: number | null
    visitors: number | null
    metrics: string | null
  }>(sql`
    SELECT s.active_version, s.training_started_at, s.last_error, m.trained_at, m.items, m.visitors, m.metrics
    FROM rec_status s LEFT JOIN rec_models m ON m.site_id = s.site_id AND m.version = s.active_version
    WHERE s.site_id = ${siteId}`)
  const started = row?.training_started_at ?? null
  const stale = started !== null && now - started >= STALE_TRAINING_MS
  return {
    modelVersion: row?.active_version ?? null,
    trainedAt: row?.trained_at ?? null,
    training: started !== null && !stale,
    trainingStartedAt: stale ? null : started,
    items: row?.items ?? 0,
    visitors: row?.visitors ?? 0,
    metrics: row?.metrics ? (JSON.parse(row.metrics) as Record<string, number>) : null,
    lastError: stale
      ? 'The last training run stopped without finishing, probably at the Worker’s CPU or time limit; train large sites with npm run train.'
      : (row?.last_error ?? null),
  }
}
