/**
 * The shapes in which intent serving and training receive sessions (built by
 * session-features.ts from the stored events): the features of a visitor's open session, and the
 * site's sessions with whether each bought. Taken as parameters so the model side can be run
 * with sessions built directly.
 */
import type { Database } from '../db/database.ts'
import type { IntentSession } from './features.ts'

/** What the request tells about the visitor beyond their events. */
export type SessionContext = {
  userAgent: string | null
  region: string | null
  referrer?: string | null
}

/** The features of the visitor's session open at `now`, or null when they have none. */
export type CurrentSessionFeatures = (
  db: Database,
  siteId: string,
  visitorId: string,
  now: number,
  context: SessionContext,
) => Promise<IntentSession | null>

export type LabelledSiteSession = {
  session: IntentSession
  bought: 0 | 1
  visitorId: string
  /** First and last event's receive time, epoch ms. */
  start: number
  end: number
}

/** The site's sessions between two times, with their outcome. */
export type LabelledSessions = (
  db: Database,
  siteId: string,
  fromMs: number,
  toMs: number,
) => Promise<LabelledSiteSession[]>
