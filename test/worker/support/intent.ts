// Sessions for the intent suites, built directly as the session features module would give them,
// and a site whose visitors' events are stored as if they arrived at a given server time.
import { env } from 'cloudflare:workers'
import { expect } from 'vitest'
import { database } from '../../../worker/db/database.ts'
import { ingestEvents } from '../../../worker/events/ingest.ts'
import { findSiteByPublicKey, type Site } from '../../../worker/sites/site-store.ts'
import { createSite, eventId } from './api.ts'
import type {
  LabelledSessions,
  LabelledSiteSession,
} from '../../../worker/intent/session-source.ts'
import { syntheticSessions } from '../../unit/intent/synthetic-sessions.ts'

const MINUTE = 60_000

/**
 * `n` ended sessions of distinct visitors (seeded), the last ending an hour before `now`, one
 * every 10 minutes before that.
 */
export function endedSessions(n: number, seed: number, now: number): LabelledSiteSession[] {
  return syntheticSessions(n, seed).map((s, i) => {
    const end = now - 60 * MINUTE - (n - 1 - i) * 10 * MINUTE
    return { ...s, visitorId: `v-${seed}-${i}`, start: end - 5 * MINUTE, end }
  })
}

/**
 * A session source over a fixed list: those that started in [from, to), as labelledSessions
 * answers. Unlike it, this one also answers sessions still open, so the callers' own checks show.
 */
export function fixedSessions(list: LabelledSiteSession[]): LabelledSessions {
  return async (_db, _siteId, fromMs, toMs) =>
    list.filter((s) => s.start >= fromMs && s.start < toMs)
}

/** A new site, as the Worker reads it. */
export async function newSite(): Promise<Site> {
  const created = await createSite()
  const site = await findSiteByPublicKey(database(env.DB), created.publicKey)
  if (!site) throw new Error('no site')
  return site
}

/** Stores events of `visitorId` as if they arrived at server time `now`; none is rejected. */
export async function arrive(site: Site, now: number, visitorId: string, events: object[]) {
  const result = await ingestEvents(
    database(env.DB),
    site,
    events.map((e) => ({ id: eventId(), visitorId, ...e })),
    { now, timeSource: 'server' },
  )
  expect(result.rejected).toEqual([])
}

/**
 * A D1 statement storing one event of `visitorId` at `at` as if it arrived then (received and
 * analysed at the same time), for building a site's history in one batch.
 */
export function storedEventRow(
  siteId: string,
  visitorId: string,
  at: number,
  type: string,
  fields: { path?: string; pageKind?: string; revenueMinor?: number; currency?: string } = {},
): D1PreparedStatement {
  return env.DB.prepare(
    `INSERT INTO events (site_id, id, type, visitor_id, received_at, at, path, page_kind, revenue_minor, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).bind(
    siteId,
    eventId(),
    type,
    visitorId,
    at,
    at,
    fields.path ?? null,
    fields.pageKind ?? null,
    fields.revenueMinor ?? null,
    fields.currency ?? null,
  )
}
