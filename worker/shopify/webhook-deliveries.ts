/**
 * Which Shopify webhook deliveries were taken, by `X-Shopify-Webhook-Id`. A delivery is claimed
 * before its order is stored and released if storing fails, so a replayed request writes nothing
 * and a failed one can still be retried by Shopify.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database } from '../db/database.ts'

/** Claims a delivery id; false when it was already taken (a replay). */
export async function claimWebhook(
  db: Database,
  siteId: string,
  webhookId: string,
  topic: string,
  now: number,
): Promise<boolean> {
  const [result] = await batch(db, [
    sql`INSERT INTO shopify_webhooks (site_id, webhook_id, topic, received_at)
      VALUES (${siteId}, ${webhookId}, ${topic}, ${now})
      ON CONFLICT DO NOTHING RETURNING webhook_id`,
  ])
  return (result?.results.length ?? 0) === 1
}

/** Releases a claim whose delivery could not be stored. */
export async function releaseWebhook(db: Database, siteId: string, webhookId: string) {
  await batch(db, [
    sql`DELETE FROM shopify_webhooks WHERE site_id = ${siteId} AND webhook_id = ${webhookId}`,
  ])
}

/** The visitor of a purchase already stored for this order (the pixel's), if any. */
export async function orderPurchaser(
  db: Database,
  siteId: string,
  orderId: string,
): Promise<string | null> {
  const [result] = await batch(db, [
    sql`SELECT visitor_id FROM events
      WHERE site_id = ${siteId} AND order_id = ${orderId} AND type = 'purchase' LIMIT 1`,
  ])
  const row = result?.results[0] as { visitor_id?: unknown } | undefined
  return typeof row?.visitor_id === 'string' ? row.visitor_id : null
}
