import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { refreshPageStats } from '../../worker/intent/page-stats.ts'
import { visitorTraits } from '../../worker/experiments/visitor-traits.ts'
import { currentSessionFeatures } from '../../worker/intent/session-features.ts'
import { MAX_SESSION_EVENTS } from '../../worker/intent/sessions.ts'
import { visitorIntent } from '../../worker/intent/visitor-intent.ts'
import type { Site } from '../../worker/sites/site-store.ts'
import { arrive, newSite } from './support/intent.ts'
import { countingD1 } from './support/d1-counter.ts'

const db = database(env.DB)
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Tuesday 3 March 2026, 10:00 UTC. */
const T = Date.UTC(2026, 2, 3, 10)
const REQUEST = { userAgent: 'Mozilla/5.0', region: null }

const page = (path: string, pageKind: string) => ({ type: 'page_view', path, pageKind })

/** `count` product page views of `visitorId` from `start`, 100 ms apart, in one statement. */
async function manyPageViews(site: Site, visitorId: string, start: number, count: number) {
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
     INSERT INTO events (site_id, id, type, visitor_id, received_at, at, path, page_kind)
     SELECT ?, ? || i, 'page_view', ?, ? + i * 100, ? + i * 100, '/p/' || (i % 50), 'product'
     FROM n`,
  )
    .bind(count, site.id, `${visitorId}-pv-`, visitorId, start, start)
    .run()
}

describe('reading an open session for intent', () => {
  it('scores with one D1 query once the site’s model is cached in the isolate', async () => {
    const site = await newSite()
    await arrive(site, T - 3 * DAY, 'v', [
      page('/p/1', 'product'),
      { type: 'purchase', orderId: 'o-1', revenue: 10 },
    ])
    await arrive(site, T, 'v', [page('/', 'home')])
    await arrive(site, T + MINUTE, 'v', [page('/p/1', 'product')])
    await refreshPageStats(db, site.id, T + MINUTE)
    const now = T + 2 * MINUTE
    const request = new Request('https://edge.test/v1/assign')
    // The first answer loads the site's model state into this isolate's cache.
    const first = await visitorIntent(db, env, site, 'v', request, undefined, now)
    const { d1, counts } = countingD1(env.DB)
    const answer = await visitorIntent(database(d1), env, site, 'v', request, undefined, now)
    expect(answer).toEqual(first)
    expect(answer.score).toEqual(expect.any(Number))
    expect(counts).toEqual({ statements: 1, roundTrips: 1 })
  })

  it('counts the past before a session longer than one read, in the same query', async () => {
    const site = await newSite()
    const order = { type: 'purchase', orderId: 'o-1', revenue: 20 }
    await arrive(site, T - 5 * DAY, 'v', [page('/p/1', 'product'), order])
    await arrive(site, T - 2 * DAY, 'v', [{ type: 'purchase', orderId: 'o-2', revenue: 5 }])
    await manyPageViews(site, 'v', T, MAX_SESSION_EVENTS + 10)
    const { d1, counts } = countingD1(env.DB)
    const features = await currentSessionFeatures(
      database(d1),
      site.id,
      'v',
      T + 5 * MINUTE,
      REQUEST,
    )
    expect(features).toMatchObject({
      ProductRelated: MAX_SESSION_EVENTS,
      PastPurchases: 2,
      VisitorType: 'Returning_Visitor',
    })
    // The session is its latest events read: it starts at the eleventh page view, 1 s after T.
    expect(features?.DaysSinceLastPurchase).toBeCloseTo(2 + 1000 / DAY, 9)
    expect(counts).toEqual({ statements: 1, roundTrips: 1 })
  })

  it('reads a visitor with as many events as one read holds, all in this session, as new', async () => {
    const site = await newSite()
    await manyPageViews(site, 'v', T, MAX_SESSION_EVENTS)
    const features = await currentSessionFeatures(db, site.id, 'v', T + 5 * MINUTE, REQUEST)
    expect(features).toMatchObject({ PastPurchases: 0, VisitorType: 'New_Visitor' })
    expect(features).not.toHaveProperty('DaysSinceLastPurchase')
  })

  it('reads a visitor with more events today than one read holds as returning', async () => {
    // Their earliest events today are older than every event the read holds, so they came
    // before the session as read, as for a visitor whose earlier events are days old.
    const site = await newSite()
    await manyPageViews(site, 'v', T, MAX_SESSION_EVENTS + 3)
    const features = await currentSessionFeatures(db, site.id, 'v', T + 5 * MINUTE, REQUEST)
    expect(features).toMatchObject({
      ProductRelated: MAX_SESSION_EVENTS,
      PastPurchases: 0,
      VisitorType: 'Returning_Visitor',
    })
  })

  it('counts each order once, up to the start of the session, also earlier the same day', async () => {
    const site = await newSite()
    await arrive(site, T - 2 * DAY, 'v', [
      page('/p/1', 'product'),
      { type: 'purchase', orderId: 'o-1', itemId: 'A', revenue: 5 },
      { type: 'purchase', revenue: 7 },
    ])
    // Another line of o-1 is the same order.
    await arrive(site, T - DAY, 'v', [
      { type: 'purchase', orderId: 'o-1', itemId: 'B', revenue: 5 },
    ])
    // A session three hours ago, with an order, then this one, with an order of its own.
    await arrive(site, T - 3 * 60 * MINUTE, 'v', [
      page('/cart', 'cart'),
      { type: 'purchase', orderId: 'o-2', revenue: 9 },
    ])
    await arrive(site, T - 40 * MINUTE, 'v', [page('/', 'home')])
    await arrive(site, T - 15 * MINUTE, 'v', [page('/p/2', 'product')])
    await arrive(site, T, 'v', [{ type: 'purchase', orderId: 'o-3', revenue: 4 }])
    const { d1, counts } = countingD1(env.DB)
    const features = await currentSessionFeatures(database(d1), site.id, 'v', T + MINUTE, REQUEST)
    expect(features).toMatchObject({
      Informational: 1,
      ProductRelated: 1,
      PastPurchases: 3,
      VisitorType: 'Returning_Visitor',
    })
    expect(features?.DaysSinceLastPurchase).toBeCloseTo((140 * MINUTE) / DAY, 12)
    expect(counts).toEqual({ statements: 1, roundTrips: 1 })
  })

  it('reads an audience’s traits with the same one query when the route has the intent', async () => {
    const site = await newSite()
    await arrive(site, T - DAY, 'v', [page('/', 'home')])
    await arrive(site, T, 'v', [
      { type: 'page_view', path: '/p/1', pageKind: 'product', referrer: 'https://www.google.com/' },
    ])
    await arrive(site, T, 'new', [page('/p/1', 'product')])
    const request = new Request('https://edge.test/v1/assign')
    const intent = { score: 0.5, band: 'medium' as const, model: 'starter' as const }
    const { d1, counts } = countingD1(env.DB)
    const traits = (visitor: string) =>
      visitorTraits(database(d1), site, visitor, request, intent, T + MINUTE)
    expect(await traits('v')).toMatchObject({
      intentBand: 'medium',
      visitor: 'returning',
      source: 'search',
    })
    expect(counts).toEqual({ statements: 1, roundTrips: 1 })
    expect(await traits('new')).toMatchObject({ visitor: 'new', source: 'direct' })
    // A visitor with no open session: whether they were ever here takes a second query.
    expect(await traits('nobody')).toMatchObject({ visitor: 'new', source: null })
    expect(counts).toEqual({ statements: 4, roundTrips: 4 })
  })
})
