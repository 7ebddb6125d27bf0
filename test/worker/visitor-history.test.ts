// A visitor's past outlives the archive: their first visit and orders are folded into
// visitor_history as their events leave D1, and scoring, training and audiences still see a
// visitor who comes back after the site's retention as returning, with their orders.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DAY_MS, HOUR_MS } from '../../shared/durations.ts'
import { database } from '../../worker/db/database.ts'
import { archivePrefix, archiveSiteEvents } from '../../worker/events/event-archive.ts'
import { readOpenSession } from '../../worker/intent/open-session-read.ts'
import { labelledSessions } from '../../worker/intent/session-features.ts'
import { forgetVisitor } from '../../worker/visitors/forget-visitor.ts'
import {
  createSite,
  eventId,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'
import { importText } from './support/recs.ts'

/** A clock far enough ahead that every event stored now is past the default 90-day retention. */
const IN_120_DAYS = Date.now() + 120 * 24 * HOUR_MS

type History = { visitor_id: string; first_at: number; purchases: number; last_purchase_at: number }

const histories = (site: TestSite) =>
  rows<History>(
    'SELECT visitor_id, first_at, purchases, last_purchase_at FROM visitor_history WHERE site_id = ? ORDER BY visitor_id',
    site.id,
  )

async function send(site: TestSite, events: Record<string, unknown>[]) {
  const res = await publicPost(site, '/v1/events', {
    events: events.map((e) => ({ id: eventId(), ...e })),
  })
  expect(res.status).toBe(202)
}

/** A buyer of two orders, sent in two batches, and a browser who bought nothing. */
async function siteWithPast(): Promise<TestSite> {
  const site = await createSite()
  await send(site, [
    { type: 'page_view', visitorId: 'buyer', path: '/' },
    { type: 'purchase', visitorId: 'buyer', orderId: 'o-1', revenue: 10 },
    { type: 'view', visitorId: 'browser', itemId: 'SKU-1' },
  ])
  await send(site, [{ type: 'purchase', visitorId: 'buyer', orderId: 'o-2', revenue: 12 }])
  return site
}

const archive = (site: TestSite) =>
  archiveSiteEvents(
    database(env.DB),
    env.ARCHIVE,
    { id: site.id, eventRetentionDays: 90 },
    IN_120_DAYS,
    {
      chunkRows: 2,
    },
  )

describe('visitor history', () => {
  it('folds each visitor’s first visit and orders in as the archive deletes their events', async () => {
    const site = await siteWithPast()
    const stored = await rows<{ visitor_id: string; type: string; at: number }>(
      'SELECT visitor_id, type, at FROM events WHERE site_id = ?',
      site.id,
    )
    const times = (visitor: string, type?: string) =>
      stored.filter((e) => e.visitor_id === visitor && (!type || e.type === type)).map((e) => e.at)

    // Chunks of two rows: the buyer's events are folded across chunks.
    expect(await archive(site)).toMatchObject({ archived: 4, done: true })
    expect(await rows('SELECT id FROM events WHERE site_id = ?', site.id)).toEqual([])
    expect(await histories(site)).toEqual([
      {
        visitor_id: 'browser',
        first_at: Math.min(...times('browser')),
        purchases: 0,
        last_purchase_at: null,
      },
      {
        visitor_id: 'buyer',
        first_at: Math.min(...times('buyer')),
        purchases: 2,
        last_purchase_at: Math.max(...times('buyer', 'purchase')),
      },
    ])
  })

  it('scores, trains and decides audiences on a returning visitor with their archived orders', async () => {
    const site = await siteWithPast()
    await startExperiment(site, 'regulars', { audience: { visitors: 'returning' } })
    await archive(site)
    const [buyer] = await histories(site).then((h) => h.filter((r) => r.visitor_id === 'buyer'))
    // Back after the archive: a new session, with nothing of the old one left in D1.
    await send(site, [
      { type: 'page_view', visitorId: 'buyer', path: '/' },
      { type: 'view', visitorId: 'buyer', itemId: 'SKU-2' },
      { type: 'page_view', visitorId: 'newcomer', path: '/' },
    ])
    const db = database(env.DB)
    const read = await readOpenSession(db, site.id, 'buyer', Date.now())
    expect(read?.past).toEqual({
      returning: true,
      pastPurchases: 2,
      lastPurchaseAt: buyer?.last_purchase_at,
    })
    expect((await readOpenSession(db, site.id, 'newcomer', Date.now()))?.past).toEqual({
      returning: false,
      pastPurchases: 0,
      lastPurchaseAt: null,
    })

    const sessions = await labelledSessions(
      db,
      site.id,
      Date.now() - HOUR_MS,
      Date.now() + 2 * HOUR_MS,
    )
    const returned = sessions.find((s) => s.visitorId === 'buyer')
    const trained = returned?.session
    expect(trained).toMatchObject({ VisitorType: 'Returning_Visitor', PastPurchases: 2 })
    // The new session opens with the first of the buyer's events still in D1 (the archive took
    // the older ones); their last order is known only from the archive's history row.
    const [opened] = await rows<{ at: number }>(
      'SELECT min(at) AS at FROM events WHERE site_id = ? AND visitor_id = ?',
      site.id,
      'buyer',
    )
    expect(returned?.start).toBe(opened?.at)
    const lastPurchaseAt = buyer?.last_purchase_at ?? Number.NaN
    expect(trained?.DaysSinceLastPurchase).toBe(((opened?.at ?? 0) - lastPurchaseAt) / DAY_MS)

    // The returning audience: the buyer in a session, the browser without one, not the newcomer.
    const assigned = async (visitorId: string) => {
      const res = await publicPost(site, '/v1/assign', { visitorId })
      return Object.keys(((await res.json()) as { assignments: object }).assignments)
    }
    expect(await assigned('buyer')).toEqual(['regulars'])
    expect(await assigned('browser')).toEqual(['regulars'])
    expect(await assigned('newcomer')).toEqual([])
  })

  it('counts an archived day imported back and archived again once', async () => {
    const site = await siteWithPast()
    await archive(site)
    const before = await histories(site)
    const listed = await env.ARCHIVE.list({ prefix: archivePrefix(site.id) })
    for (const { key } of listed.objects) {
      const object = await env.ARCHIVE.get(key)
      const text = await new Response(
        object?.body.pipeThrough(new DecompressionStream('gzip')),
      ).text()
      const imported = await importText(site, text, 'archive')
      expect(imported.status).toBe(200)
      // Imported twice: the second time, nothing is new, and nothing more leaves the history.
      await importText(site, text, 'archive')
    }
    // Back in D1, the orders are the stored events' to count, not the history's.
    expect((await histories(site)).map((h) => [h.visitor_id, h.purchases])).toEqual([
      ['browser', 0],
      ['buyer', 0],
    ])
    await archive(site)
    expect(await histories(site)).toEqual(before)
  })

  it('forgets the history with the visitor', async () => {
    const site = await siteWithPast()
    await archive(site)
    await forgetVisitor(database(env.DB), site.id, 'buyer', Date.now())
    expect((await histories(site)).map((h) => h.visitor_id)).toEqual(['browser'])
  })
})
