/**
 * A visitor's past that outlives the raw events: as the archive moves a day's events to R2
 * (event-archive.ts), it folds each visitor's part of them into `visitor_history` in the same D1
 * transaction as the deletion: when the visitor was first seen, how many orders they placed and
 * when the last was. Whatever reads the past (the open session's `VisitorType`, past purchases
 * and days since the last one, the training sessions' same features, the `returning` audience)
 * adds this row to the events still in D1, which are all newer than what it holds.
 *
 * Folding and deleting are one transaction, so a retried chunk is folded once. Importing an
 * archived day back (import-archive.ts) takes the orders it puts back in D1 out of the count, in
 * the transaction that inserts them, so archiving them again counts them once; the time of the
 * first visit and of the last order stay as they were (the stored events, newer, come first).
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'

/** What folding needs of an archived row. */
export type FoldedEvent = {
  id: string
  visitorId: string
  type: string
  orderId: string | null
  at: number
}

export type VisitorHistory = {
  firstAt: number
  purchases: number
  lastPurchaseAt: number | null
}

/** Each visitor's part of one archived chunk. */
function foldRows(rows: readonly FoldedEvent[]) {
  const byVisitor = new Map<string, { firstAt: number; orders: Set<string>; lastAt: number }>()
  for (const row of rows) {
    let v = byVisitor.get(row.visitorId)
    if (!v) byVisitor.set(row.visitorId, (v = { firstAt: row.at, orders: new Set(), lastAt: -1 }))
    v.firstAt = Math.min(v.firstAt, row.at)
    if (row.type === 'purchase') {
      // An order counts once, as the open session's past counts it.
      v.orders.add(row.orderId ?? row.id)
      v.lastAt = Math.max(v.lastAt, row.at)
    }
  }
  return [...byVisitor].map(([visitorId, v]) => ({
    visitorId,
    firstAt: v.firstAt,
    purchases: v.orders.size,
    lastAt: v.lastAt < 0 ? null : v.lastAt,
  }))
}

/**
 * The statement that folds an archived chunk into its visitors' histories; it belongs in the
 * batch that deletes the chunk's rows.
 */
export function foldIntoHistory(siteId: string, rows: readonly FoldedEvent[]) {
  return sql`
    INSERT INTO visitor_history (site_id, visitor_id, first_at, purchases, last_purchase_at)
    SELECT ${siteId}, v.value ->> 'visitorId', v.value ->> 'firstAt', v.value ->> 'purchases',
      v.value ->> 'lastAt'
    FROM json_each(${JSON.stringify(foldRows(rows))}) AS v
    WHERE true
    ON CONFLICT (site_id, visitor_id) DO UPDATE SET
      first_at = min(first_at, excluded.first_at),
      purchases = purchases + excluded.purchases,
      last_purchase_at = nullif(max(coalesce(last_purchase_at, -1),
        coalesce(excluded.last_purchase_at, -1)), -1)`
}

/**
 * The statement that takes the orders among archived `rows` about to be imported back, and not
 * already stored, out of their visitors' histories; it goes just before their insert, in its batch.
 */
export function unfoldFromHistory(siteId: string, rows: readonly FoldedEvent[]) {
  const purchases = JSON.stringify(
    rows
      .filter((row) => row.type === 'purchase')
      .map(({ id, visitorId, orderId }) => ({ id, visitorId, order: orderId ?? id })),
  )
  return sql`
    UPDATE visitor_history SET purchases = max(0, purchases - (
      SELECT count(DISTINCT p.value ->> 'order') FROM json_each(${purchases}) AS p
      WHERE p.value ->> 'visitorId' = visitor_history.visitor_id
        AND NOT EXISTS (SELECT 1 FROM events e
          WHERE e.site_id = ${siteId} AND e.id = p.value ->> 'id')))
    WHERE site_id = ${siteId}
      AND visitor_id IN (SELECT p.value ->> 'visitorId' FROM json_each(${purchases}) AS p)`
}

const PAGE_ROWS = 1000

/**
 * The site's histories in visitor id order, as `visitorsEvents` (intent/sessions.ts) yields
 * visitors: a reader that is asked for ascending ids walks the table once, page by page.
 *
 * @example
 * const historyOf = historiesInOrder(db, site.id)
 * for await (const { visitorId } of visitorsEvents(...)) const past = await historyOf(visitorId)
 */
export function historiesInOrder(
  db: Database,
  siteId: string,
): (visitorId: string) => Promise<VisitorHistory | null> {
  let page: (VisitorHistory & { visitorId: string })[] = []
  let index = 0
  let exhausted = false
  return async (visitorId) => {
    for (;;) {
      while (index < page.length && (page[index]?.visitorId ?? '') < visitorId) index++
      const row = page[index]
      if (row) return row.visitorId === visitorId ? row : null
      if (exhausted) return null
      const after = page.at(-1)?.visitorId ?? ''
      page = await db.all<VisitorHistory & { visitorId: string }>(sql`
        SELECT visitor_id AS visitorId, first_at AS firstAt, purchases,
          last_purchase_at AS lastPurchaseAt
        FROM visitor_history WHERE site_id = ${siteId} AND visitor_id >= ${visitorId}
          AND visitor_id > ${after}
        ORDER BY visitor_id LIMIT ${PAGE_ROWS}`)
      index = 0
      exhausted = page.length < PAGE_ROWS
    }
  }
}
