/**
 * Everything scoring a visitor's open session reads from D1, in one query, because serving pays
 * it on every `POST /v1/assign` and each D1 call has a fixed cost far above the scoring's: the
 * visitor's latest events (sessions.ts `latestEvents`), each with its page's statistics and those
 * of the site's pages taken together (page-stats.ts), the site's currency and gift days, and what
 * tells the visitor's past (whether they have events older than the read, their latest purchase
 * lines, what the archive kept of older events in visitor_history). The session and its start
 * are found in memory (`openSessionOf`), and the past is counted up to that start here, so the
 * query needs no window function and nothing materialised twice: scalar subqueries that each read
 * one index range.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { ALL_PAGES, ratesOf, type PageCounts, type PageRates } from './page-stats.ts'
import {
  inOpenSessionWindow,
  latestEvents,
  MAX_OPEN_SESSION_MS,
  MAX_SESSION_EVENTS,
  openSessionOf,
  type Session,
  type SessionEvent,
} from './sessions.ts'

/**
 * Purchase lines read for a visitor's past orders, newest first: a visitor with more counts the
 * orders among their latest ones.
 */
export const MAX_PAST_PURCHASE_LINES = 1000

/** What the visitor did before the session. */
export type VisitorPast = {
  /** Whether they have events before this session. */
  returning: boolean
  /** Orders before this session, and when the last was (null: none). */
  pastPurchases: number
  lastPurchaseAt: number | null
}

export type OpenSessionRead = {
  session: Session
  /** The statistics of the read pages that have some, and of ALL_PAGES when known. */
  pageRates: Map<string, PageRates>
  past: VisitorPast
  /** The site's `special_days` column, as stored. */
  specialDays: string | null
}

type Row = SessionEvent & {
  page: string | null
  allPages: string | null
  currency: string | null
  specialDays: string | null
  /** 1 when the visitor has events older than the read's window. */
  olderEvents: number
  /** The visitor's events in the read's window, counted up to MAX_SESSION_EVENTS + 1. */
  windowEvents: number
  /** JSON [[order id or event id, at], ...], the latest purchase lines up to `now`. */
  purchases: string
  historyFirstAt: number | null
  historyPurchases: number | null
  historyLastAt: number | null
}

/** The counts of page_stats row `p` as one JSON column, null when the join found none. */
const countsJson = (p: string) =>
  sql.raw(`CASE WHEN ${p}.path IS NULL THEN NULL ELSE json_object('views', ${p}.views,
    'uniqueViews', ${p}.unique_views, 'entrances', ${p}.entrances, 'bounces', ${p}.bounces,
    'exits', ${p}.exits, 'valueMinor', ${p}.value_minor) END`)

/**
 * The visitor's open session at `now` with what scoring it needs; null when they have none.
 *
 * @example
 * const read = await readOpenSession(db, site.id, visitorId, Date.now())
 * if (read) sessionRecord(read.session, { pageRates: read.pageRates, ...read.past, ... })
 */
export async function readOpenSession(
  db: Database,
  siteId: string,
  visitorId: string,
  now: number,
): Promise<OpenSessionRead | null> {
  const windowStart = now - MAX_OPEN_SESSION_MS
  const visitor = sql`site_id = ${siteId} AND visitor_id = ${visitorId}`
  const rows = await db.all<Row>(sql`
    WITH latest AS (${latestEvents(siteId, visitorId, now)})
    SELECT l.*, ${countsJson('p')} AS page, ${countsJson('a')} AS allPages, s.currency,
      s.special_days AS specialDays,
      EXISTS (SELECT 1 FROM events WHERE ${visitor} AND at <= ${windowStart}) AS olderEvents,
      (SELECT count(*) FROM (SELECT 1 FROM events
        WHERE ${inOpenSessionWindow(siteId, visitorId, now)} LIMIT ${MAX_SESSION_EVENTS + 1}))
        AS windowEvents,
      (SELECT json_group_array(json_array(coalesce(order_id, id), at)) FROM (
        SELECT order_id, id, at FROM events WHERE ${visitor} AND type = 'purchase'
          AND at <= ${now} ORDER BY at DESC LIMIT ${MAX_PAST_PURCHASE_LINES})) AS purchases,
      h.first_at AS historyFirstAt, h.purchases AS historyPurchases,
      h.last_purchase_at AS historyLastAt
    FROM latest l
    LEFT JOIN sites s ON s.id = ${siteId}
    LEFT JOIN page_stats p ON p.site_id = ${siteId} AND p.path = l.path
    LEFT JOIN page_stats a ON a.site_id = ${siteId} AND a.path = ${ALL_PAGES}
    LEFT JOIN visitor_history h ON h.site_id = ${siteId} AND h.visitor_id = ${visitorId}
    ORDER BY l.at DESC, l.id DESC`)
  const session = openSessionOf(rows, now)
  const first = rows[0]
  if (!session || !first) return null
  return {
    session,
    pageRates: pageRatesOf(rows),
    past: pastOf(rows, first, session.start),
    specialDays: first.specialDays,
  }
}

/** The visitor's past before a session starting at `start`, from the rows read with it. */
function pastOf(rows: readonly Row[], first: Row, start: number): VisitorPast {
  const oldest = rows[rows.length - 1]
  // Events before the session: read ones, ones the read's limit left out (older than every
  // read one), ones older than the read's window, or archived ones.
  const returning =
    (oldest !== undefined && oldest.at < start) ||
    first.windowEvents > rows.length ||
    first.olderEvents === 1 ||
    first.historyFirstAt !== null
  const orders = new Set<string>()
  let lastAt: number | null = null
  for (const [order, at] of JSON.parse(first.purchases) as [string, number][]) {
    if (at >= start) continue
    orders.add(order)
    lastAt = lastAt === null ? at : Math.max(lastAt, at)
  }
  return {
    returning,
    pastPurchases: orders.size + (first.historyPurchases ?? 0),
    lastPurchaseAt: lastAt ?? first.historyLastAt,
  }
}

function pageRatesOf(rows: readonly Row[]): Map<string, PageRates> {
  const rates = new Map<string, PageRates>()
  const first = rows[0]
  const currency = first?.currency
  // Without its site row a site's pages have no statistics, as page-stats.ts reads them.
  if (!currency) return rates
  const add = (path: string, json: string | null) => {
    if (json !== null && !rates.has(path))
      rates.set(path, ratesOf(JSON.parse(json) as PageCounts, currency))
  }
  add(ALL_PAGES, first.allPages)
  for (const row of rows) if (row.path !== null) add(row.path, row.page)
  return rates
}
