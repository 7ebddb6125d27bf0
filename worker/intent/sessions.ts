/**
 * Sessions, computed on the server from stored events: a visitor's events split wherever more
 * than 30 minutes pass between two of them, on the time analysis uses (`at`: the server's receive
 * time for live events, so a wrong client clock cannot merge or split sessions). Reading is
 * bounded: a session keeps at most MAX_SESSION_EVENTS events (a visitor with 10,000 events in one
 * session is read by its latest ones, never a timeout).
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '../db/database.ts'
import { EVENT_TYPES } from '../events/event-schema.ts'
import { DAY_MS } from '../../shared/durations.ts'

/** Google Analytics' session timeout, which the public data set's sessions follow. */
export const SESSION_GAP_MS = 30 * 60 * 1000
/** The most events of one session read or kept; a real session has a few dozen. */
export const MAX_SESSION_EVENTS = 1000
/** How far back an open session is read: a longer one is its latest day. */
export const MAX_OPEN_SESSION_MS = DAY_MS
/** The most events one pass over a site's history reads (page statistics, training sessions). */
export const MAX_READ_EVENTS = 200_000
const READ_CHUNK = 20_000

/** A stored event as the intent features read it. */
export type SessionEvent = {
  id: string
  type: string
  at: number
  itemId: string | null
  recId: string | null
  orderId: string | null
  revenueMinor: number | null
  path: string | null
  pageKind: string | null
  referrer: string | null
  utm: string | null
}

export type Session = { start: number; end: number; events: SessionEvent[] }

/** The columns of SessionEvent, for queries that read events. */
export const SESSION_EVENT_COLUMNS = sql.raw(
  `id, type, at, item_id AS itemId, rec_id AS recId, order_id AS orderId,
  revenue_minor AS revenueMinor, path, page_kind AS pageKind, referrer, utm`,
)

/**
 * One visitor's events, in time order, split into sessions. A session past MAX_SESSION_EVENTS
 * keeps its first ones (training reads whole sessions in order).
 *
 * @example splitSessions(events).map((s) => s.events.length)
 */
export function splitSessions(events: readonly SessionEvent[]): Session[] {
  const sessions: Session[] = []
  let current: Session | undefined
  for (const event of events) {
    if (!current || event.at - current.end > SESSION_GAP_MS) {
      current = { start: event.at, end: event.at, events: [] }
      sessions.push(current)
    }
    current.end = event.at
    if (current.events.length < MAX_SESSION_EVENTS) current.events.push(event)
  }
  return sessions
}

/**
 * The query of the visitor's latest events at `now` that can be in their open session: at most
 * MAX_SESSION_EVENTS of the last MAX_OPEN_SESSION_MS, newest first, as `openSessionOf` takes them.
 */
export function latestEvents(siteId: string, visitorId: string, now: number): SQL {
  return sql`
    SELECT ${SESSION_EVENT_COLUMNS} FROM events WHERE ${inOpenSessionWindow(siteId, visitorId, now)}
    ORDER BY at DESC, id DESC LIMIT ${MAX_SESSION_EVENTS}`
}

/** The condition on `events` of the visitor's events that can be in their open session at `now`. */
export function inOpenSessionWindow(siteId: string, visitorId: string, now: number): SQL {
  // Every type named, so the read is ranges of the (site, visitor, type, at) index.
  return sql`site_id = ${siteId} AND visitor_id = ${visitorId}
    AND type IN (SELECT value FROM json_each(${JSON.stringify(EVENT_TYPES)}))
    AND at > ${now - MAX_OPEN_SESSION_MS} AND at <= ${now}`
}

/**
 * The visitor's open session at `now` among their latest events (newest first, as `latestEvents`
 * reads them): the run with no gap over 30 minutes from the newest, when that one is within 30
 * minutes of `now`; null otherwise. A session longer than the read is its latest part.
 */
export function openSessionOf(latest: readonly SessionEvent[], now: number): Session | null {
  const first = latest[0]
  if (!first || now - first.at > SESSION_GAP_MS) return null
  let count = 1
  while (count < latest.length) {
    const newer = latest[count - 1]
    const older = latest[count]
    if (!newer || !older || newer.at - older.at > SESSION_GAP_MS) break
    count++
  }
  const events = latest.slice(0, count).reverse()
  return { start: events[0]?.at ?? first.at, end: first.at, events }
}

export type VisitorsEventsOptions = {
  /** Only visitors with a page or product view at or after this time (and before `to`). */
  activeSince?: number
  /** The most events read (MAX_READ_EVENTS); a test sets fewer. */
  maxEvents?: number
}

/**
 * The site's events with `from <= at < to`, one visitor at a time (each visitor's in time order),
 * read in chunks and at most `maxEvents` in all, never past the Worker's limits: a site with more
 * is read in part, visitors in id order (edgelift's ids are random, so a random sample of them;
 * a store's own ids may not be). `activeSince` limits the pass to the visitors with a view since
 * then, with their history in the range: learning from the last two days reads those visitors,
 * not a sample of the site's year that may leave them out.
 */
export async function* visitorsEvents(
  db: Database,
  siteId: string,
  from: number,
  to: number,
  options: VisitorsEventsOptions = {},
): AsyncGenerator<{ visitorId: string; events: SessionEvent[] }> {
  const maxEvents = options.maxEvents ?? MAX_READ_EVENTS
  const active =
    options.activeSince === undefined
      ? sql``
      : sql`AND visitor_id IN (SELECT visitor_id FROM events WHERE site_id = ${siteId}
          AND type IN ('page_view', 'view') AND at >= ${options.activeSince} AND at < ${to})`
  let after: { visitorId: string; at: number; id: string } | undefined
  let read = 0
  let visitor: SessionEvent[] = []
  let visitorId = ''
  while (read < maxEvents) {
    const cursor = after
      ? sql`AND (visitor_id, at, id) > (${after.visitorId}, ${after.at}, ${after.id})`
      : sql``
    const limit = Math.min(READ_CHUNK, maxEvents - read)
    const rows = await db.all<SessionEvent & { visitorId: string }>(sql`
      SELECT ${SESSION_EVENT_COLUMNS}, visitor_id AS visitorId FROM events
      WHERE site_id = ${siteId} AND at >= ${from} AND at < ${to} ${active} ${cursor}
      ORDER BY visitor_id, at, id LIMIT ${limit}`)
    for (const row of rows) {
      if (row.visitorId !== visitorId && visitor.length > 0) {
        yield { visitorId, events: visitor }
        visitor = []
      }
      visitorId = row.visitorId
      visitor.push(row)
    }
    read += rows.length
    const last = rows.at(-1)
    if (!last || rows.length < limit) break
    after = { visitorId: last.visitorId, at: last.at, id: last.id }
  }
  if (visitor.length > 0) yield { visitorId, events: visitor }
}
