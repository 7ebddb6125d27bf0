/**
 * Purchases stored under a stand-in visitor. A Shopify order whose cart has no `el_vid` (the theme
 * snippet did not run) and whose pixel purchase has not arrived yet is stored by the webhook under
 * the customer's opaque id, or the order's own (routes/webhooks.ts), and marked here. When the
 * pixel's purchase of that order arrives, from the visitor who browsed and was in the
 * experiments, it takes the stand-in's place in the same D1 batch that stores it: the stand-in's
 * purchase is deleted and that visitor's state recomputed, so the order counts once, for the
 * shopper who made it.
 *
 * Only a purchase of the same total and currency takes the place: anyone holding the public key
 * can send a purchase with an order number, and order numbers are guessable, so a number alone
 * must not erase a real order.
 */
import { sql } from 'drizzle-orm'
import type { Database, Statement } from '../db/database.ts'
import type { StoredEvent } from './stored-event.ts'

type Purchase = Pick<StoredEvent, 'type' | 'orderId' | 'visitorId' | 'revenueMinor' | 'currency'>

/** Marks `purchase`, just stored by the webhook under a stand-in visitor, as one. */
export function markStandIn(siteId: string, purchase: Purchase, now: number): Statement {
  return sql`INSERT INTO order_stand_ins
      (site_id, order_id, visitor_id, revenue_minor, currency, created_at)
    VALUES (${siteId}, ${purchase.orderId}, ${purchase.visitorId}, ${purchase.revenueMinor ?? 0},
      ${purchase.currency ?? ''}, ${now})
    ON CONFLICT DO NOTHING`
}

/**
 * For the live purchases among `rows` with an order id: the statements that remove the stand-in
 * purchase each one replaces, and the stand-in visitors whose state must then be recomputed.
 */
export async function replacedStandIns(
  db: Database,
  siteId: string,
  rows: readonly Purchase[],
): Promise<{ statements: Statement[]; visitors: string[] }> {
  const purchases = rows.filter((r) => r.type === 'purchase' && r.orderId !== null)
  if (purchases.length === 0) return { statements: [], visitors: [] }
  const orderIds = [...new Set(purchases.map((p) => p.orderId))]
  const standIns = await db.all<{
    order_id: string
    visitor_id: string
    revenue_minor: number
    currency: string
  }>(sql`SELECT order_id, visitor_id, revenue_minor, currency FROM order_stand_ins
    WHERE site_id = ${siteId} AND order_id IN (${sql.join(
      orderIds.map((id) => sql`${id}`),
      sql`, `,
    )})`)
  const statements: Statement[] = []
  const visitors: string[] = []
  for (const standIn of standIns) {
    const replacing = purchases.find(
      (p) =>
        p.orderId === standIn.order_id &&
        p.visitorId !== standIn.visitor_id &&
        p.revenueMinor === standIn.revenue_minor &&
        p.currency === standIn.currency,
    )
    if (!replacing) continue
    statements.push(
      sql`DELETE FROM events WHERE site_id = ${siteId} AND type = 'purchase'
        AND order_id = ${standIn.order_id} AND visitor_id = ${standIn.visitor_id}`,
      sql`DELETE FROM order_stand_ins WHERE site_id = ${siteId} AND order_id = ${standIn.order_id}`,
    )
    visitors.push(standIn.visitor_id)
  }
  return { statements, visitors }
}
