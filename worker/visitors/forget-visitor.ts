/**
 * Forgetting a visitor: every row about them goes, in one batch, and a hash of the id stays behind
 * so events still in flight for them are dropped on arrival.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'
import { sha256Hex } from '../crypto/hex.ts'

export type Forgotten = { events: number; assignments: number }

export async function forgetVisitor(
  db: Database,
  siteId: string,
  visitorId: string,
  now: number,
): Promise<Forgotten> {
  const visitorHash = await sha256Hex(visitorId)
  const [, events, assignments] = await batch(db, [
    sql`INSERT INTO forgotten_visitors (site_id, visitor_hash, forgotten_at)
      VALUES (${siteId}, ${visitorHash}, ${now}) ON CONFLICT DO NOTHING`,
    sql`DELETE FROM events WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    sql`DELETE FROM assignments WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    sql`DELETE FROM assignment_metrics WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    sql`DELETE FROM audience_decisions WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    sql`DELETE FROM order_stand_ins WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    // What the archive kept of their past: first visit, orders.
    sql`DELETE FROM visitor_history WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    // Their sessions' intent scores and outcomes, which the Behaviour page reads.
    sql`DELETE FROM intent_outcomes WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    // What recommendations learned about them goes too: their vector and precomputed list.
    sql`DELETE FROM visitor_vectors WHERE site_id = ${siteId} AND visitor_id = ${visitorId}`,
    sql`DELETE FROM rec_lists WHERE site_id = ${siteId} AND kind = 'personal'
      AND subject = ${visitorId}`,
  ])
  return { events: events?.meta.changes ?? 0, assignments: assignments?.meta.changes ?? 0 }
}
