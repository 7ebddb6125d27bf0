/**
 * The traits an audience is decided on, read when a visitor first meets an experiment: their
 * intent band (as `/v1/assign` answers it), device (from the request's user agent), whether
 * they were here before this session, and where the session came from (its first page view's
 * referrer and UTM, read as intent's features read them).
 */
import { sql } from 'drizzle-orm'
import type { IntentAnswer } from '../../shared/api-types.ts'
import type { VisitorTraits } from '../../shared/audience.ts'
import type { Database } from '../db/database.ts'
import { readOpenSession } from '../intent/open-session-read.ts'
import { parseUtm } from '../intent/session-record.ts'
import { trafficSource } from '../intent/traffic-source.ts'
import { visitorIntent } from '../intent/visitor-intent.ts'
import type { Site } from '../sites/site-store.ts'
import { parseUserAgent } from '../visitors/user-agent.ts'

/**
 * The traits of the visitor making `request`. `intent` is the answer the route already has;
 * without one (a caller that asked for none) it is computed here.
 */
export async function visitorTraits(
  db: Database,
  site: Site,
  visitorId: string,
  request: Request,
  intent: IntentAnswer | undefined,
  now: number,
): Promise<VisitorTraits> {
  const [read, answer] = await Promise.all([
    readOpenSession(db, site.id, visitorId, now),
    intent ?? visitorIntent(db, undefined, site, visitorId, request, undefined, now),
  ])
  // The open session's read says whether anything came before it; without one, anything at all.
  const returning = read ? read.past.returning : await seenBefore(db, site.id, visitorId, now)
  const firstPage = read?.session.events.find((e) => e.type === 'page_view')
  return {
    intentBand: answer.band,
    device: parseUserAgent(request.headers.get('user-agent')).device,
    visitor: returning ? 'returning' : 'new',
    source: firstPage ? trafficSource(firstPage.referrer, parseUtm(firstPage.utm)).source : null,
  }
}

async function seenBefore(
  db: Database,
  siteId: string,
  visitorId: string,
  now: number,
): Promise<boolean> {
  // Events past the site's retention live on in the visitor's history (events/visitor-history.ts).
  const [row] = await db.all<{ seen: number }>(sql`SELECT EXISTS (SELECT 1 FROM events
    WHERE site_id = ${siteId} AND visitor_id = ${visitorId} AND at < ${now})
    OR EXISTS (SELECT 1 FROM visitor_history
      WHERE site_id = ${siteId} AND visitor_id = ${visitorId}) AS seen`)
  return row?.seen === 1
}
