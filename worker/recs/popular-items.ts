/**
 * Popularity before any model exists: items by distinct visitors over the last 30 days of events,
 * cached in the isolate for a minute (it scans events, and a new store's list changes slowly).
 */
import { sql } from 'drizzle-orm'
import { IsolateCache } from '../cache/isolate-cache.ts'
import type { Database } from '../db/database.ts'

const WINDOW_MS = 30 * 86_400_000
const cache = new IsolateCache<[string, number][]>({ ttlMs: 60_000, maxEntries: 1000 })

export async function popularItems(db: Database, siteId: string): Promise<[string, number][]> {
  const hit = cache.get(siteId)
  if (hit) return hit
  const rows = await db.all<{ item_id: string; visitors: number }>(sql`
    SELECT item_id, count(DISTINCT visitor_id) AS visitors FROM events
    WHERE site_id = ${siteId} AND item_id IS NOT NULL AND at > ${Date.now() - WINDOW_MS}
    GROUP BY item_id ORDER BY visitors DESC, item_id LIMIT 200`)
  const scored = rows.map((r): [string, number] => [r.item_id, r.visitors])
  cache.set(siteId, scored)
  return scored
}
