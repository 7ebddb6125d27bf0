/**
 * Everything scoring a visitor's open session reads from D1, in one query, because serving pays
 * it on every `POST /v1/assign` and each D1 call has a fixed cost far above the scoring's: the
 * visitor's latest events (sessions.ts `latestEvents`), each with its page's statistics and those
 * of the site's pages taken together (page-stats.ts), the site's currency and gift days, and the
 * visitor's past before the session (whether they were here before, their orders, the last one's
 * time), from the events still in D1 and the history the archive kept of older ones
 * (events/visitor-history.ts). The session's start, which the past is counted up to, is found
 * in SQL the way `openSessionOf` finds it in memory: the newest event with a gap over
 * SESSION_GAP_MS to the next older one read, or the oldest read. A visitor with no open session
 * gets no rows.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { ALL_PAGES, ratesOf, type PageCounts, type PageRates } from './page-stats.ts'
import {
  latestEvents,
  openSessionOf,
  SESSION_GAP_MS,
  type Session,
  type SessionEvent,
} from './sessions.ts'

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
  seenBefore: number
  purchases: number
  lastAt: number | null
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
  const rows = await db.all<Row>(sql`
    WITH latest AS (${latestEvents(siteId, visitorId, now)}),
    gaps AS (
      SELECT at, at - lead(at) OVER (ORDER BY at DESC, id DESC) AS gap FROM latest
    ),
    session AS (
      SELECT max(at) AS start FROM gaps WHERE gap IS NULL OR gap > ${SESSION_GAP_MS}
    ),
    stored AS (
      SELECT EXISTS (SELECT 1 FROM events WHERE site_id = ${siteId}
          AND visitor_id = ${visitorId} AND at < session.start) AS seenBefore,
        count(DISTINCT coalesce(e.order_id, e.id)) AS purchases, max(e.at) AS lastAt
      FROM session LEFT JOIN events e ON e.site_id = ${siteId} AND e.visitor_id = ${visitorId}
        AND e.type = 'purchase' AND e.at < session.start
      WHERE (SELECT max(at) FROM latest) >= ${now - SESSION_GAP_MS}
      GROUP BY session.start
    ),
    past AS (
      SELECT stored.seenBefore OR h.first_at IS NOT NULL AS seenBefore,
        stored.purchases + coalesce(h.purchases, 0) AS purchases,
        coalesce(stored.lastAt, h.last_purchase_at) AS lastAt
      FROM stored LEFT JOIN visitor_history h ON h.site_id = ${siteId}
        AND h.visitor_id = ${visitorId}
    )
    SELECT l.*, ${countsJson('p')} AS page, ${countsJson('a')} AS allPages, s.currency,
      s.special_days AS specialDays, past.seenBefore, past.purchases, past.lastAt
    FROM latest l
    CROSS JOIN past
    LEFT JOIN sites s ON s.id = ${siteId}
    LEFT JOIN page_stats p ON p.site_id = ${siteId} AND p.path = l.path
    LEFT JOIN page_stats a ON a.site_id = ${siteId} AND a.path = ${ALL_PAGES}
    ORDER BY l.at DESC, l.id DESC`)
  const session = openSessionOf(rows, now)
  const first = rows[0]
  if (!session || !first) return null
  return {
    session,
    pageRates: pageRatesOf(rows),
    past: {
      returning: first.seenBefore === 1,
      pastPurchases: first.purchases,
      lastPurchaseAt: first.lastAt,
    },
    specialDays: first.specialDays,
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
