/**
 * Which Shopify webhook deliveries were taken, by `X-Shopify-Webhook-Id`. An order's claim is
 * written in the same batch as its purchase, so a replay writes nothing and a delivery whose
 * purchase could not be stored leaves no claim behind: Shopify's retry is stored.
 */
import { sql } from 'drizzle-orm'
import { batch, type Database, type Statement } from '../db/database.ts'

/** Whether a delivery id was already taken (a replay). */
export async function webhookTaken(
  db: Database,
  siteId: string,
  webhookId: string,
): Promise<boolean> {
  const [result] = await batch(db, [
    sql`SELECT 1 FROM shopify_webhooks WHERE site_id = ${siteId} AND webhook_id = ${webhookId}`,
  ])
  return (result?.results.length ?? 0) > 0
}

/**
 * The statement that takes a delivery id; a concurrent delivery of the same id takes it once
 * (and its purchase is stored once, by its event id).
 */
export function claimWebhook(
  siteId: string,
  webhookId: string,
  topic: string,
  now: number,
): Statement {
  return sql`INSERT INTO shopify_webhooks (site_id, webhook_id, topic, received_at)
    VALUES (${siteId}, ${webhookId}, ${topic}, ${now}) ON CONFLICT DO NOTHING`
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
