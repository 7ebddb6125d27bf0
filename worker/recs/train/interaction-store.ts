/**
 * The interactions a training run learns from, read from the events table: views, clicks,
 * add-to-carts and purchases of an item, with a purchase's line items expanded one per item.
 * They are read in pages of events by primary key into typed columns, so only one page is ever
 * held as row objects.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { InteractionColumnsBuilder, type InteractionColumns } from './interaction-columns.ts'

type Row = { id: string; visitor_id: string; item_id: string | null; type: string; at: number }

/** Events per page: ~1 MB of rows, far below D1's result limits. */
export const INTERACTION_PAGE_SIZE = 10_000

/** Every interaction of the site, in columns. */
export async function loadInteractionColumns(
  db: Database,
  siteId: string,
  pageSize = INTERACTION_PAGE_SIZE,
): Promise<InteractionColumns> {
  const columns = new InteractionColumnsBuilder()
  for (let after = ''; ;) {
    const rows = await db.all<Row>(sql`
      SELECT e.id, e.visitor_id, coalesce(e.item_id, j.value ->> 'itemId') AS item_id, e.type, e.at
      FROM (SELECT id, visitor_id, item_id, items, type, at FROM events
        WHERE site_id = ${siteId} AND id > ${after}
          AND type IN ('view', 'click', 'add_to_cart', 'purchase')
        ORDER BY id LIMIT ${pageSize}) e
      LEFT JOIN json_each(CASE WHEN e.type = 'purchase' AND e.item_id IS NULL THEN e.items END) j
      ORDER BY e.id`)
    let events = 0
    for (const row of rows) {
      if (row.id !== after) events++
      after = row.id
      if (row.item_id !== null) columns.push(row.visitor_id, row.item_id, row.type, row.at)
    }
    // A purchase's line items are rows of one event: the page is full when it had pageSize events.
    if (events < pageSize) return columns.finish()
  }
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
