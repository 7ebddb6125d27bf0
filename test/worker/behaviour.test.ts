import { describe, expect, it } from 'vitest'
import { env } from 'cloudflare:workers'
import type { BehaviourAnswer } from '../../shared/behaviour.ts'
import { admin, createSite, eventId, expectRefused, type TestSite } from './support/api.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE = 60 * 1000
/** Noon UTC yesterday: two sessions of the same visitor stay on one day. */
const yesterday = (Math.floor(Date.now() / DAY_MS) - 1) * DAY_MS + 12 * 60 * MINUTE

async function storeEvent(
  site: TestSite,
  visitorId: string,
  type: string,
  at: number,
  pageKind: string | null = null,
) {
  await env.DB.prepare(
    `INSERT INTO events (site_id, id, type, visitor_id, received_at, at, page_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(site.id, eventId(), type, visitorId, at, at, pageKind)
    .run()
}

async function storeOutcome(
  site: TestSite,
  visitorId: string,
  score: number,
  band: string,
  bought: 0 | 1,
) {
  await env.DB.prepare(
    `INSERT INTO intent_outcomes (site_id, visitor_id, session_start, session_end, score, band,
       model, bought) VALUES (?, ?, ?, ?, ?, ?, 'starter', ?)`,
  )
    .bind(site.id, visitorId, yesterday, yesterday + 10 * MINUTE, score, band, bought)
    .run()
}

async function behaviour(site: TestSite, query = ''): Promise<BehaviourAnswer> {
  const res = await admin(site, 'GET', `/behaviour${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as BehaviourAnswer
}

describe('GET /v1/admin/behaviour', () => {
  it('counts each session once at every funnel step it reached, per day', async () => {
    const site = await createSite()
    await storeEvent(site, 'buyer', 'view', yesterday)
    await storeEvent(site, 'buyer', 'add_to_cart', yesterday + 5 * MINUTE)
    await storeEvent(site, 'buyer', 'view', yesterday + 20 * MINUTE)
    await storeEvent(site, 'buyer', 'purchase', yesterday + 45 * MINUTE)
    // Over 30 minutes later: a second session of the same visitor, which only looks.
    await storeEvent(site, 'buyer', 'page_view', yesterday + 80 * MINUTE, 'product')
    await storeEvent(site, 'browser', 'page_view', yesterday + MINUTE, 'category')
    const { days, funnel } = await behaviour(site, '?days=7')
    expect(days).toBe(7)
    expect(funnel).toHaveLength(7)
    const day = funnel.find((d) => d.day === new Date(yesterday).toISOString().slice(0, 10))
    expect(day).toEqual({
      day: new Date(yesterday).toISOString().slice(0, 10),
      sessions: 3,
      productViews: 2,
      addToCarts: 1,
      purchases: 1,
    })
    expect(funnel.filter((d) => d !== day).every((d) => d.sessions === 0)).toBe(true)
  })

  it('measures the intent model on its progressive-validation log', async () => {
    const site = await createSite()
    await storeOutcome(site, 'a', 0.9, 'high', 1)
    await storeOutcome(site, 'b', 0.65, 'medium', 1)
    await storeOutcome(site, 'c', 0.7, 'medium', 0)
    await storeOutcome(site, 'd', 0.05, 'low', 0)
    const { intent } = await behaviour(site)
    expect(intent.model).toBe('starter')
    expect(intent.sessions).toBe(4)
    expect(intent.purchases).toBe(2)
    // Buyers outscore non-buyers in 3 of the 4 pairs (0.65 < 0.7).
    expect(intent.auc).toBe(0.75)
    expect(intent.calibration).toEqual([
      { from: 0, to: 0.1, sessions: 1, meanScore: 0.05, buyRate: 0 },
      { from: 0.6, to: 0.7, sessions: 1, meanScore: 0.65, buyRate: 1 },
      { from: 0.7, to: 0.8, sessions: 1, meanScore: 0.7, buyRate: 0 },
      { from: 0.9, to: 1, sessions: 1, meanScore: 0.9, buyRate: 1 },
    ])
    expect(intent.bands).toEqual([
      { band: 'low', sessions: 1, share: 0.25, purchases: 0, conversionRate: 0 },
      { band: 'medium', sessions: 2, share: 0.5, purchases: 1, conversionRate: 0.5 },
      { band: 'high', sessions: 1, share: 0.25, purchases: 1, conversionRate: 1 },
    ])
    expect(intent.features.length).toBeGreaterThan(0)
    const importances = intent.features.map((f) => f.importance)
    expect(importances).toEqual([...importances].sort((x, y) => y - x))
  })

  it('answers an empty report for a site with no traffic yet', async () => {
    const site = await createSite()
    const { funnel, intent } = await behaviour(site)
    expect(funnel).toHaveLength(30)
    expect(funnel.every((d) => d.sessions === 0)).toBe(true)
    expect(intent).toMatchObject({ sessions: 0, auc: null, calibration: [] })
  })

  it("never shows another site's sessions or outcomes", async () => {
    const site = await createSite()
    const other = await createSite()
    await storeEvent(other, 'v', 'purchase', yesterday)
    await storeOutcome(other, 'v', 0.9, 'high', 1)
    const { funnel, intent } = await behaviour(site)
    expect(funnel.every((d) => d.sessions === 0)).toBe(true)
    expect(intent.sessions).toBe(0)
  })

  it.each(['0', '91', 'abc', '7.5', '-1', '', '1e1'])(
    'answers 400 invalid_days for days=%s',
    async (days) => {
      const site = await createSite()
      await expectRefused(await admin(site, 'GET', `/behaviour?days=${days}`), 400, 'invalid_days')
    },
  )
})
