/**
 * PLACEHOLDER with the signatures of INTENT-CONTRACT until the intent-sessions branch lands its
 * session features; replaced by that module at merge.
 */
import type { Database } from '../db/database.ts'
import type { IntentSession } from './features.ts'
import type { LabelledSiteSession, SessionContext } from './session-source.ts'

export async function currentSessionFeatures(
  _db: Database,
  _siteId: string,
  _visitorId: string,
  _now: number,
  _context: SessionContext,
): Promise<IntentSession | null> {
  return null
}

export async function labelledSessions(
  _db: Database,
  _siteId: string,
  _fromMs: number,
  _toMs: number,
): Promise<LabelledSiteSession[]> {
  return []
}
