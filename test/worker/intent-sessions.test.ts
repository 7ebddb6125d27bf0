import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { DEFAULT_ONLINE } from '../../worker/intent/online-layer.ts'
import { refreshPageStats } from '../../worker/intent/page-stats.ts'
import { runIntentCron } from '../../worker/intent/scheduled-intent.ts'
import { currentSessionFeatures, labelledSessions } from '../../worker/intent/session-features.ts'
import { MAX_SESSION_EVENTS } from '../../worker/intent/sessions.ts'
import { findSiteByPublicKey } from '../../worker/sites/site-store.ts'
import { BROWSER_CODES, OPERATING_SYSTEM_CODES } from '../../worker/visitors/user-agent.ts'
import { admin, createSite } from './support/api.ts'
import { arrive, newSite } from './support/intent.ts'

const db = database(env.DB)
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
/** Tuesday 3 March 2026, 10:00 UTC. */
const T = Date.UTC(2026, 2, 3, 10)
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const REQUEST = { userAgent: CHROME_WINDOWS, region: 'England' }

const page = (path: string, pageKind: string, extra: object = {}) => ({
  type: 'page_view',
  path,
  pageKind,
  ...extra,
})

describe('currentSessionFeatures', () => {
  it('splits sessions at gaps over 30 minutes of server time, whatever the client clock says', async () => {
    const site = await newSite()
    // The client's clock is years off: sessions follow the server's.
    const ts = Date.UTC(2001, 0, 1)
    await arrive(site, T, 'v', [page('/', 'home', { ts })])
    await arrive(site, T + 20 * MINUTE, 'v', [page('/p/1', 'product', { ts })])
    await arrive(site, T + 70 * MINUTE, 'v', [page('/p/2', 'product', { ts })])
    await arrive(site, T + 95 * MINUTE, 'v', [page('/p/3', 'product', { ts })])
    const now = T + 100 * MINUTE
    const open = await currentSessionFeatures(db, site.id, 'v', now, REQUEST)
    // The session that started at T+70: two product pages, 25 minutes on the first.
    expect(open).toMatchObject({
      ProductRelated: 2,
      ProductRelated_Duration: 25 * 60,
      Informational: 0,
      VisitorType: 'Returning_Visitor',
    })
    expect(await currentSessionFeatures(db, site.id, 'v', T + 126 * MINUTE, REQUEST)).toBeNull()
    expect(await currentSessionFeatures(db, site.id, 'nobody', now, REQUEST)).toBeNull()
  })

  it('computes the data set features and edgelift’s own from one session', async () => {
    const site = await newSite()
    await arrive(site, T, 'v', [
      page('/', 'home', {
        referrer: 'https://www.google.com/',
        title: 'Shop',
      }),
    ])
    await arrive(site, T + 30_000, 'v', [page('/p/a', 'product'), { type: 'view', itemId: 'A' }])
    await arrive(site, T + 90_000, 'v', [
      page('/p/b', 'product'),
      { type: 'view', itemId: 'B' },
      { type: 'click', itemId: 'A', recId: 'rec1' },
      { type: 'view', itemId: 'A' },
    ])
    await arrive(site, T + 150_000, 'v', [{ type: 'add_to_cart', itemId: 'B' }])
    await arrive(site, T + 160_000, 'v', [page('/cart', 'cart')])
    await arrive(site, T + 210_000, 'v', [page('/faq', 'content')])
    const features = await currentSessionFeatures(db, site.id, 'v', T + 300_000, REQUEST)
    expect(features).toEqual({
      Administrative: 1,
      Administrative_Duration: 50,
      Informational: 2,
      Informational_Duration: 30,
      ProductRelated: 2,
      ProductRelated_Duration: 130,
      // No page statistics yet.
      BounceRates: 0,
      ExitRates: 0,
      PageValues: 0,
      SpecialDay: 0,
      Month: 3,
      OperatingSystems: OPERATING_SYSTEM_CODES.windows,
      Browser: BROWSER_CODES.chrome,
      Region: expect.any(Number),
      TrafficType: 2,
      VisitorType: 'New_Visitor',
      Weekend: false,
      AddToCarts: 1,
      DistinctItems: 2,
      RecClicks: 1,
      PastPurchases: 0,
    })
    expect(features?.Region).toBeGreaterThanOrEqual(1)
    expect(features?.Region).toBeLessThanOrEqual(9)
  })

  it('reads a bogus user agent and no location as the "other" codes and no region', async () => {
    const site = await newSite()
    await arrive(site, T, 'v', [page('/', 'home')])
    const features = await currentSessionFeatures(db, site.id, 'v', T + MINUTE, {
      userAgent: '}{ not an agent \u0000',
      region: null,
    })
    expect(features).toMatchObject({
      OperatingSystems: OPERATING_SYSTEM_CODES.other,
      Browser: BROWSER_CODES.other,
      Region: Number.NaN,
    })
  })

  it('counts past orders and days since the last, from earlier sessions only', async () => {
    const site = await newSite()
    const order = { type: 'purchase', orderId: 'o-1', revenue: 20 }
    await arrive(site, T - 5 * DAY, 'v', [page('/p/1', 'product'), order])
    // The same order sent again (a reloaded thank-you page) is one order.
    await arrive(site, T - 5 * DAY + MINUTE, 'v', [order])
    await arrive(site, T - 2 * DAY, 'v', [{ type: 'purchase', orderId: 'o-2', revenue: 5 }])
    await arrive(site, T, 'v', [page('/', 'home'), { type: 'purchase', orderId: 'o-3' }])
    const features = await currentSessionFeatures(db, site.id, 'v', T + MINUTE, REQUEST)
    expect(features).toMatchObject({
      PastPurchases: 2,
      DaysSinceLastPurchase: 2,
      VisitorType: 'Returning_Visitor',
    })
  })

  it('reads Saturday sessions as weekend and a week before Valentine’s Day as special', async () => {
    const site = await newSite()
    const saturday = Date.UTC(2026, 1, 7, 12)
    await arrive(site, saturday, 'v', [page('/', 'home')])
    expect(
      await currentSessionFeatures(db, site.id, 'v', saturday + MINUTE, REQUEST),
    ).toMatchObject({ Weekend: true, Month: 2, SpecialDay: 0.8 })
  })

  it('reads SpecialDay from the site’s own gift days when it names them', async () => {
    const created = await createSite()
    const site = await findSiteByPublicKey(db, created.publicKey)
    if (!site) throw new Error('no site')
    const res = await admin(created, 'PATCH', '/site', { specialDays: ['07-10'] })
    expect(res.status).toBe(200)
    const july = Date.UTC(2026, 6, 4, 12)
    await arrive(site, july, 'v', [page('/', 'home')])
    const valentines = Date.UTC(2026, 1, 8, 12)
    await arrive(site, valentines, 'w', [page('/', 'home')])
    expect(await currentSessionFeatures(db, site.id, 'v', july + MINUTE, REQUEST)).toMatchObject({
      SpecialDay: 1,
    })
    // The site's calendar replaces the default one.
    expect(
      await currentSessionFeatures(db, site.id, 'w', valentines + MINUTE, REQUEST),
    ).toMatchObject({ SpecialDay: 0 })
  })

  it('keeps another site’s events with the same visitor id out', async () => {
    const site = await newSite()
    const other = await newSite()
    await arrive(other, T, 'v', [page('/p/1', 'product'), { type: 'purchase', orderId: 'x' }])
    await arrive(site, T + MINUTE, 'v', [page('/', 'home')])
    expect(await currentSessionFeatures(db, site.id, 'v', T + 2 * MINUTE, REQUEST)).toMatchObject({
      ProductRelated: 0,
      Informational: 1,
      VisitorType: 'New_Visitor',
    })
  })

  it('reads a session of 10,000 events by its latest ones', async () => {
    const site = await newSite()
    // Written in one statement: ingesting 10,000 events through the API would take 100 requests.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
       INSERT INTO events (site_id, id, type, visitor_id, received_at, at, path, page_kind)
       SELECT ?, 'e' || i, 'page_view', 'busy', ? + i * 100, ? + i * 100, '/p/' || (i % 50), 'product'
       FROM n`,
    )
      .bind(site.id, T, T)
      .run()
    const features = await currentSessionFeatures(db, site.id, 'busy', T + 1_000_000, REQUEST)
    expect(features?.ProductRelated).toBe(MAX_SESSION_EVENTS)
    expect(features?.ProductRelated_Duration).toBeCloseTo((MAX_SESSION_EVENTS - 1) * 0.1, 6)
  })
})

describe('page statistics', () => {
  it('gives each page its bounce rate, exit rate and page value from the site’s sessions', async () => {
    const site = await newSite()
    // a: enters on /p/1 and leaves (a bounce: the widget's impression is no interaction).
    // b: /p/1 then /cart, buys for 50.
    await arrive(site, T, 'a', [
      page('/p/1', 'product'),
      { type: 'custom', name: 'rec_impression', recId: 'r1' },
    ])
    await arrive(site, T, 'b', [page('/p/1', 'product')])
    await arrive(site, T + MINUTE, 'b', [page('/cart', 'cart')])
    await arrive(site, T + 2 * MINUTE, 'b', [{ type: 'purchase', orderId: 'o', revenue: 50 }])
    // c: a bounce somewhere else, a day later.
    await arrive(site, T + DAY, 'c', [page('/blog', 'content')])
    expect(await refreshPageStats(db, site.id, T + 2 * DAY)).toEqual({ pages: 4 })

    // /p/1: 2 entrances, 1 bounce, 1 exit of 2 views, 50 over 2 unique views.
    // /cart: no entrance, 1 exit of 1 view, 50 over 1. /blog: bounce 1, exit 1, value 0.
    await arrive(site, T + 2 * DAY, 'd', [page('/p/1', 'product')])
    await arrive(site, T + 2 * DAY + MINUTE, 'd', [page('/cart', 'cart')])
    expect(
      await currentSessionFeatures(db, site.id, 'd', T + 2 * DAY + 2 * MINUTE, REQUEST),
    ).toMatchObject({ BounceRates: 0.25, ExitRates: 0.75, PageValues: 37.5 })

    // A page with no history reads the site's pages together: 3 entrances, 2 bounces;
    // 3 exits of 4 views; 100 over 4 unique views.
    await arrive(site, T + 2 * DAY, 'e', [page('/new', 'content')])
    const fresh = await currentSessionFeatures(db, site.id, 'e', T + 2 * DAY + MINUTE, REQUEST)
    expect(fresh?.BounceRates).toBeCloseTo(2 / 3, 12)
    expect(fresh?.ExitRates).toBeCloseTo(3 / 4, 12)
    expect(fresh?.PageValues).toBeCloseTo(25, 12)
  })

  it('replaces the previous statistics and leaves other sites’ alone', async () => {
    const site = await newSite()
    const other = await newSite()
    await arrive(site, T, 'a', [page('/p/1', 'product')])
    await arrive(other, T, 'a', [page('/p/1', 'product')])
    await refreshPageStats(db, other.id, T + DAY)
    await refreshPageStats(db, site.id, T + DAY)
    await arrive(site, T + 2 * DAY, 'a', [page('/p/1', 'product')])
    await arrive(site, T + 2 * DAY + MINUTE, 'a', [page('/p/2', 'product')])
    expect(await refreshPageStats(db, site.id, T + 3 * DAY)).toEqual({ pages: 3 })
    const counts = await env.DB.prepare(
      'SELECT site_id, count(*) AS n FROM page_stats WHERE site_id IN (?, ?) GROUP BY site_id',
    )
      .bind(site.id, other.id)
      .all<{ site_id: string; n: number }>()
    expect(Object.fromEntries(counts.results.map((r) => [r.site_id, r.n]))).toEqual({
      [site.id]: 3,
      [other.id]: 2,
    })
  })
})

describe('labelledSessions', () => {
  it('labels ended sessions by purchase, from their events before it', async () => {
    const site = await newSite()
    // A buyer: three product pages, a purchase, then the thank-you page.
    await arrive(site, T, 'buyer', [page('/p/1', 'product')])
    await arrive(site, T + MINUTE, 'buyer', [page('/p/2', 'product')])
    await arrive(site, T + 2 * MINUTE, 'buyer', [page('/checkout', 'checkout')])
    await arrive(site, T + 3 * MINUTE, 'buyer', [{ type: 'purchase', orderId: 'o1', revenue: 30 }])
    await arrive(site, T + 4 * MINUTE, 'buyer', [page('/thanks', 'checkout')])
    // The buyer again the next day, browsing only.
    await arrive(site, T + DAY, 'buyer', [page('/', 'home')])
    // A browser who leaves after one page.
    await arrive(site, T + 10 * MINUTE, 'browser', [page('/blog', 'content')])
    // An imported order alone: nothing to learn from.
    await arrive(site, T + 20 * MINUTE, 'imported', [{ type: 'purchase', orderId: 'o2' }])
    // Still open at the window's end.
    await arrive(site, T + 2 * DAY - 10 * MINUTE, 'late', [page('/', 'home')])

    const labelled = await labelledSessions(db, site.id, T - DAY, T + 2 * DAY)
    expect(labelled.map((l) => [l.visitorId, l.bought, l.start])).toEqual([
      ['buyer', 1, T],
      ['browser', 0, T + 10 * MINUTE],
      ['buyer', 0, T + DAY],
    ])
    const [bought, , later] = labelled
    expect(bought?.end).toBe(T + 4 * MINUTE)
    expect(bought?.session).toMatchObject({
      ProductRelated: 2,
      Administrative: 1,
      // Stored sessions keep no device: absent, not guessed.
      OperatingSystems: Number.NaN,
      PastPurchases: 0,
      VisitorType: 'New_Visitor',
    })
    expect(later?.session).toMatchObject({
      PastPurchases: 1,
      VisitorType: 'Returning_Visitor',
    })
    expect(later?.session.DaysSinceLastPurchase).toBeCloseTo(1 - 3 / (24 * 60), 9)
  })

  it('leaves out sessions that started before the window', async () => {
    const site = await newSite()
    await arrive(site, T, 'v', [page('/', 'home')])
    await arrive(site, T + DAY, 'v', [page('/', 'home')])
    const labelled = await labelledSessions(db, site.id, T + DAY - MINUTE, T + 2 * DAY)
    expect(labelled.map((l) => l.start)).toEqual([T + DAY])
    expect(labelled[0]?.session.VisitorType).toBe('Returning_Visitor')
  })
})

describe('the intent cron’s online learning', () => {
  it('shows a failed run to the admin, and clears it once a run succeeds', async () => {
    const created = await createSite()
    const site = await findSiteByPublicKey(db, created.publicKey)
    if (!site) throw new Error('no site')
    await arrive(site, T, 'v', [page('/', 'home')])
    const run = (sessions: typeof labelledSessions) =>
      runIntentCron(db, { now: () => T + DAY, sgd: DEFAULT_ONLINE, sessions, train: false })
    const errorsShown = async () => ({
      status: ((await (await admin(created, 'GET', '/intent')).json()) as { lastError: unknown })
        .lastError,
      behaviour: (
        (await (await admin(created, 'GET', '/behaviour')).json()) as {
          intent: { lastError: unknown }
        }
      ).intent.lastError,
    })

    const failed = await run(() => Promise.reject(new Error('D1_ERROR: sessions unreadable')))
    expect(failed).toContainEqual({
      siteId: site.id,
      task: 'learn',
      outcome: 'failed: D1_ERROR: sessions unreadable',
    })
    const shown = 'Online learning failed: D1_ERROR: sessions unreadable'
    expect(await errorsShown()).toEqual({ status: shown, behaviour: shown })

    await run(labelledSessions)
    expect(await errorsShown()).toEqual({ status: null, behaviour: null })

    // A training error outlives learning, failed or not: only training clears it.
    await env.DB.prepare(
      `UPDATE intent_status SET last_error = 'too few sessions' WHERE site_id = ?`,
    )
      .bind(site.id)
      .run()
    await run(() => Promise.reject(new Error('D1_ERROR: sessions unreadable')))
    await run(labelledSessions)
    expect(await errorsShown()).toEqual({
      status: 'too few sessions',
      behaviour: 'too few sessions',
    })
  })
})

describe('the nightly intent run', () => {
  it('refreshes the pages’ statistics before it trains, so serving and training read them', async () => {
    const site = await newSite()
    await arrive(site, T, 'bounced', [page('/landing', 'content')])
    await arrive(site, T, 'browsed', [page('/landing', 'content'), page('/p/1', 'product')])
    const stats = () =>
      env.DB.prepare('SELECT path, views, entrances, bounces FROM page_stats WHERE site_id = ?')
        .bind(site.id)
        .all()
        .then((r) => r.results)
    expect(await stats()).toEqual([])
    const report = await runIntentCron(db, {
      now: () => T + DAY,
      sgd: DEFAULT_ONLINE,
      sessions: labelledSessions,
      train: true,
    })
    expect(report).toContainEqual(
      expect.objectContaining({
        siteId: site.id,
        task: 'train',
        outcome: expect.stringMatching(/page statistics of 3 page/),
      }),
    )
    expect(await stats()).toEqual(
      expect.arrayContaining([{ path: '/landing', views: 2, entrances: 2, bounces: 1 }]),
    )
  })
})
