/** What `GET /v1/admin/recs/status` tells: the active model, and whether a run is under way. */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'

export type RecsStatus = {
  modelVersion: string | null
  trainedAt: number | null
  training: boolean
  trainingStartedAt: number | null
  items: number
  visitors: number
  metrics: Record<string, number> | null
  lastError: string | null
}

export async function recsStatus(db: Database, siteId: string): Promise<RecsStatus> {
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
  return {
    modelVersion: row?.active_version ?? null,
    trainedAt: row?.trained_at ?? null,
    training: row?.training_started_at != null,
    trainingStartedAt: row?.training_started_at ?? null,
    items: row?.items ?? 0,
    visitors: row?.visitors ?? 0,
    metrics: row?.metrics ? (JSON.parse(row.metrics) as Record<string, number>) : null,
    lastError: row?.last_error ?? null,
  }
}
