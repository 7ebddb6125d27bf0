/**
 * Popularity before any model exists: items by distinct visitors over the last 30 days before the
 * clock, by trending's rules (trending.ts): a minimum of distinct visitors, and visitors of an item
 * no admin put in the catalog counting for less. Cached in the isolate for a minute (it scans
 * events, and a new store's list changes slowly).
 */
import { sql } from 'drizzle-orm'
import { IsolateCache } from '../../cache/isolate-cache.ts'
import { VERIFIED_SOURCES } from '../../catalog/catalog-store.ts'
import type { Database } from '../../db/database.ts'
import { MIN_TRENDING_VISITORS, UNVERIFIED_WEIGHT } from '../trending.ts'
import { DAY_MS } from '../../../shared/durations.ts'

const WINDOW_MS = 30 * DAY_MS
const cache = new IsolateCache<[string, number][]>({ ttlMs: 60_000, maxEntries: 1000 })

export async function recentPopularity(db: Database, siteId: string): Promise<[string, number][]> {
  const hit = cache.get(siteId)
  if (hit) return hit
  const rows = await db.all<{ item_id: string; visitors: number }>(sql`
    SELECT e.item_id, count(DISTINCT e.visitor_id)
        * CASE WHEN c.source IN (SELECT value FROM json_each(${JSON.stringify(VERIFIED_SOURCES)}))
          THEN 1.0 ELSE ${UNVERIFIED_WEIGHT} END AS visitors
    FROM events e LEFT JOIN catalog_items c ON c.site_id = e.site_id AND c.item_id = e.item_id
    WHERE e.site_id = ${siteId} AND e.item_id IS NOT NULL AND e.at > ${Date.now() - WINDOW_MS}
    GROUP BY e.item_id HAVING visitors >= ${MIN_TRENDING_VISITORS}
    ORDER BY visitors DESC, e.item_id LIMIT 200`)
  const scored = rows.map((r): [string, number] => [r.item_id, r.visitors])
  cache.set(siteId, scored)
  return scored
}
