/**
 * The interactions a training run learns from, read from the events table: views, clicks,
 * add-to-carts and purchases of an item, with a purchase's line items expanded one per item.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import type { Interaction, InteractionType } from '../types.ts'

type Row = { visitor_id: string; item_id: string; type: InteractionType; at: number }

/** Every interaction of the site, oldest first. */
export async function loadInteractions(db: Database, siteId: string): Promise<Interaction[]> {
  const rows = await db.all<Row>(sql`
    SELECT visitor_id, item_id, type, at FROM events
    WHERE site_id = ${siteId} AND type IN ('view', 'click', 'add_to_cart', 'purchase')
      AND item_id IS NOT NULL
    UNION ALL
    SELECT e.visitor_id, j.value ->> 'itemId', 'purchase', e.at
    FROM events e, json_each(e.items) j
    WHERE e.site_id = ${siteId} AND e.type = 'purchase' AND e.item_id IS NULL
      AND e.items IS NOT NULL
    ORDER BY at`)
  return rows.map((r) => ({ visitorId: r.visitor_id, itemId: r.item_id, type: r.type, at: r.at }))
}

/**
 * The query of the items a visitor bought (rows `{ item_id }`), for batching with other reads:
 * they are never recommended back to them in the personal slot.
 */
export function purchasedItemsQuery(siteId: string, visitorId: string) {
  return sql`
    SELECT item_id FROM events
    WHERE site_id = ${siteId} AND visitor_id = ${visitorId} AND type = 'purchase' AND item_id IS NOT NULL
    UNION
    SELECT j.value ->> 'itemId' FROM events e, json_each(e.items) j
    WHERE e.site_id = ${siteId} AND e.visitor_id = ${visitorId} AND e.type = 'purchase'
      AND e.items IS NOT NULL`
}
