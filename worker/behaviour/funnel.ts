/**
 * The store's funnel per UTC day, in one D1 query: the site's events are cut into sessions at
 * gaps over SESSION_GAP_MS as intent/sessions.ts cuts one visitor's (here by window functions
 * over every visitor's events at once), and each session counts once at each step it reached: a
 * product view is a `view` event or a `page_view` of a product page. A session belongs to the day
 * it started.
 */
import { sql } from 'drizzle-orm'
import { prepare, type Database } from '../db/database.ts'
import type { FunnelDay } from '../../shared/behaviour.ts'
import { SESSION_GAP_MS } from '../intent/sessions.ts'
import { DAY_MS } from '../../shared/durations.ts'

type DayRow = {
  day: number
  sessions: number
  product_views: number
  add_to_carts: number
  purchases: number
}

/** The last `days` UTC days up to `now`, oldest first, with zero days included. */
export async function dailyFunnel(
  db: Database,
  siteId: string,
  days: number,
  now: number,
): Promise<FunnelDay[]> {
  const firstDay = Math.floor(now / DAY_MS) - days + 1
  const from = firstDay * DAY_MS
  // Events from a day earlier still join the sessions that began before the window, so a session
  // running over midnight into the first day is not counted as starting there.
  const { results } = await prepare(
    db,
    sql`WITH marked AS (
        SELECT visitor_id, at, type, page_kind,
          CASE WHEN at - lag(at) OVER (PARTITION BY visitor_id ORDER BY at) <= ${SESSION_GAP_MS}
            THEN 0 ELSE 1 END AS opens
        FROM events WHERE site_id = ${siteId} AND at >= ${from - DAY_MS} AND at <= ${now}
      ), numbered AS (
        SELECT *, sum(opens) OVER (PARTITION BY visitor_id ORDER BY at
          ROWS UNBOUNDED PRECEDING) AS session
        FROM marked
      ), sessions AS (
        SELECT min(at) AS start,
          max(type = 'view' OR page_kind = 'product') AS viewed,
          max(type = 'add_to_cart') AS carted, max(type = 'purchase') AS bought
        FROM numbered GROUP BY visitor_id, session
      )
      SELECT CAST(start / ${DAY_MS} AS INTEGER) AS day, count(*) AS sessions, sum(viewed) AS product_views,
        sum(carted) AS add_to_carts, sum(bought) AS purchases
      FROM sessions WHERE start >= ${from} GROUP BY day`,
  ).all<DayRow>()
  const byDay = new Map(results.map((r) => [r.day, r]))
  return Array.from({ length: days }, (_, i) => {
    const day = firstDay + i
    const row = byDay.get(day)
    return {
      day: new Date(day * DAY_MS).toISOString().slice(0, 10),
      sessions: row?.sessions ?? 0,
      productViews: row?.product_views ?? 0,
      addToCarts: row?.add_to_carts ?? 0,
      purchases: row?.purchases ?? 0,
    }
  })
}
