/**
 * Intent features from a site's stored events: the open session of a visitor, for scoring while
 * they browse, and the site's ended sessions with whether each bought, for training. Both build
 * the record the same way (session-record.ts), so a model reads in serving what it learned from.
 *
 * A bought session is labelled from its events before its first purchase: that is the session a
 * score sees while it can still change something, and the purchase's own pages (the thank-you
 * page) would otherwise give the label away. Stored events keep no user agent or location, so a
 * training session's `OperatingSystems`, `Browser` and `Region` are absent (NaN); serving passes
 * the request's. Both count a visitor's past with what the archive kept of it
 * (events/visitor-history.ts). Page statistics are the site's current ones (page-stats.ts), as
 * GA's are for the public data set.
 */
import { sql } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { parseUserAgent } from '../visitors/user-agent.ts'
import type { IntentSession } from './features.ts'
import { historiesInOrder } from '../events/visitor-history.ts'
import { readOpenSession } from './open-session-read.ts'
import { readPageStats } from './page-stats.ts'
import { calendarOf, DEFAULT_SPECIAL_DAYS } from './special-days.ts'
import { regionCode, sessionRecord } from './session-record.ts'
import {
  SESSION_GAP_MS,
  splitSessions,
  visitorsEvents,
  type VisitorsEventsOptions,
  type Session,
  type SessionEvent,
} from './sessions.ts'
import { DAY_MS } from '../../shared/durations.ts'

/** How far before a training window a visitor's history is read (past purchases, returning). */
export const HISTORY_LOOKBACK_MS = 365 * DAY_MS

export type RequestContext = {
  userAgent: string | null
  region: string | null
  referrer?: string | null
}

export type LabelledSession = {
  session: IntentSession
  bought: 0 | 1
  visitorId: string
  start: number
  end: number
}

/**
 * The features of the visitor's open session at `now` (events within the last 30 minutes, see
 * sessions.ts), with the request's device and location; null when they have none.
 *
 * @example
 * await currentSessionFeatures(db, site.id, visitorId, Date.now(), {
 *   userAgent: request.headers.get('user-agent'), region: request.cf?.region ?? null })
 */
export async function currentSessionFeatures(
  db: Database,
  siteId: string,
  visitorId: string,
  now: number,
  context: RequestContext,
): Promise<IntentSession | null> {
  const read = await readOpenSession(db, siteId, visitorId, now)
  if (!read) return null
  const device = parseUserAgent(context.userAgent)
  return sessionRecord(read.session, {
    pageRates: read.pageRates,
    ...read.past,
    operatingSystem: device.operatingSystem,
    browser: device.browser,
    region: regionCode(context.region),
    referrer: context.referrer ?? null,
    calendar: calendarOfColumn(read.specialDays),
  })
}

/** The site's gift days (`sites.special_days`), or the default calendar. */
async function siteCalendar(db: Database, siteId: string) {
  const [row] = await db.all<{ days: string | null }>(
    sql`SELECT special_days AS days FROM sites WHERE id = ${siteId}`,
  )
  return calendarOfColumn(row?.days ?? null)
}

/** The calendar a stored `sites.special_days` names, or the default one. */
function calendarOfColumn(column: string | null) {
  try {
    const days: unknown = JSON.parse(column ?? 'null')
    return Array.isArray(days) ? calendarOf(days.map(String)) : DEFAULT_SPECIAL_DAYS
  } catch {
    return DEFAULT_SPECIAL_DAYS
  }
}

/** A bought session's events before its first purchase; the whole session otherwise. */
function beforePurchase(session: Session): { events: SessionEvent[]; bought: 0 | 1 } {
  const first = session.events.findIndex((e) => e.type === 'purchase')
  return first < 0
    ? { events: session.events, bought: 0 }
    : { events: session.events.slice(0, first), bought: 1 }
}

/**
 * The longest window read by its active visitors only: past it nearly every visitor of the read
 * is active, and the filter would only cost.
 */
const ACTIVE_VISITORS_WINDOW_MS = 7 * DAY_MS

/**
 * The site's sessions that started in `[fromMs, toMs)` and had ended by `toMs` (no event in its
 * last 30 minutes), with their features and whether they bought, oldest first. Sessions with no
 * page or product view before their purchase (imported orders) teach nothing and are left out.
 * A short window (online learning's two days) reads only the visitors with a view in it, with
 * their history; a long one (training's year) reads every visitor, of a very large site a part
 * (sessions.ts, MAX_READ_EVENTS).
 */
export async function labelledSessions(
  db: Database,
  siteId: string,
  fromMs: number,
  toMs: number,
  options: Pick<VisitorsEventsOptions, 'maxEvents'> = {},
): Promise<LabelledSession[]> {
  const [pageRates, calendar] = await Promise.all([
    readPageStats(db, siteId, null),
    siteCalendar(db, siteId),
  ])
  const labelled: LabelledSession[] = []
  const historyOf = historiesInOrder(db, siteId)
  for await (const { visitorId, events } of visitorsEvents(
    db,
    siteId,
    fromMs - HISTORY_LOOKBACK_MS,
    toMs,
    toMs - fromMs <= ACTIVE_VISITORS_WINDOW_MS ? { ...options, activeSince: fromMs } : options,
  )) {
    // What the archive kept of the visitor's older events, all before any still stored.
    const archived = await historyOf(visitorId)
    const orders = new Set<string>()
    let lastPurchaseAt = archived?.lastPurchaseAt ?? null
    splitSessions(events).forEach((session, i) => {
      const { events: before, bought } = beforePurchase(session)
      const viewed = before.some((e) => e.type === 'page_view' || e.type === 'view')
      if (session.start >= fromMs && session.end + SESSION_GAP_MS <= toMs && viewed) {
        const end = before.at(-1)?.at ?? session.start
        const record = sessionRecord(
          { start: session.start, end, events: before },
          {
            pageRates,
            returning: i > 0 || archived !== null,
            pastPurchases: (archived?.purchases ?? 0) + orders.size,
            lastPurchaseAt,
            operatingSystem: Number.NaN,
            browser: Number.NaN,
            region: Number.NaN,
            calendar,
          },
        )
        labelled.push({
          session: record,
          bought,
          visitorId,
          start: session.start,
          end: session.end,
        })
      }
      for (const e of session.events)
        if (e.type === 'purchase') {
          orders.add(e.orderId ?? e.id)
          lastPurchaseAt = e.at
        }
    })
  }
  return labelled.sort((a, b) => a.start - b.start)
}
