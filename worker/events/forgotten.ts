/**
 * Forgotten visitors. Only a hash of the id is kept, enough to drop events that arrive after the
 * visitor was deleted (a beacon queued offline, a retry) without keeping the id itself.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'

/** Which of these visitor hashes belong to forgotten visitors. */
export async function forgottenAmong(
  db: Database,
  siteId: string,
  visitorHashes: string[],
): Promise<Set<string>> {
  if (visitorHashes.length === 0) return new Set()
  const rows = await db.all<{ visitor_hash: string }>(sql`
    SELECT visitor_hash FROM forgotten_visitors
    WHERE site_id = ${siteId}
      AND visitor_hash IN (SELECT value FROM json_each(${JSON.stringify(visitorHashes)}))`)
  return new Set(rows.map((r) => r.visitor_hash))
}
