// Secondary and guardrail metrics end to end: events through POST /v1/events, metric rows derived
// beside the assignments, and the figures GET .../results answers for them.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { assignVariation } from '../../shared/bucketing.ts'
import type { MetricResult } from '../../shared/api-types.ts'
import {
  admin,
  call,
  createSite,
  eventId,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'
import { ONE_OF_EACH_KIND } from '../fixtures/metric-definitions.ts'

const METRICS = ONE_OF_EACH_KIND

type Tally = {
  visitors: number
  carted: number
  buyers: number
  orders: number
  revenue: number
  engaged: number
  refunded: number
}

/**
 * 400 visitors over two variations. Every visitor is exposed; some view pages, add to cart, buy
 * (some twice) and, in the treatment only, ask for refunds often. Answers the true tallies.
 */
async function simulate(site: TestSite, key: string): Promise<Tally[]> {
  const tallies: Tally[] = [0, 1].map(() => ({
    visitors: 0,
    carted: 0,
    buyers: 0,
    orders: 0,
    revenue: 0,
    engaged: 0,
    refunded: 0,
  }))
  const events: unknown[] = []
  for (let i = 0; i < 400; i++) {
    const visitorId = `${key}-v${i}`
    const variation = assignVariation({ seed: key, weights: [0.5, 0.5], coverage: 1 }, visitorId)
    const t = tallies[variation]
    if (!t) throw new Error('outside the experiment')
    const add = (type: string, extra: Record<string, unknown> = {}) =>
      events.push({ id: eventId(), type, visitorId, ...extra })
    add('exposure', { experiment: key })
    t.visitors++
    // One page, which the loader reports as a product view and a page view: still a bounce.
    add('view', { itemId: 'SKU-1' })
    add('page_view', { path: '/p/sku-1', pageKind: 'product' })
    const engaged = i % 3 !== 0
    if (engaged && i % 5 === 0) add('page_view', { path: '/about', pageKind: 'content' })
    else if (engaged) add('view', { itemId: 'SKU-2' })
    if (engaged && i % 2 === 0) {
      add('add_to_cart', { itemId: 'SKU-2' })
      t.carted++
    }
    if (engaged && i % 4 === 0) {
      const orders = i % 8 === 0 ? 2 : 1
      for (let o = 0; o < orders; o++) add('purchase', { revenue: 10 + (i % 7) + o * 5 })
      t.buyers++
      t.orders += orders
      t.revenue += orders === 2 ? 2 * (10 + (i % 7)) + 5 : 10 + (i % 7)
    }
    const refunds = variation === 1 ? i % 3 === 1 : i % 25 === 1
    if (refunds) {
      add('custom', { name: 'refund' })
      t.refunded++
    }
    // Anything beyond one page view is not a bounce, a refund request included.
    if (engaged || refunds) t.engaged++
  }
  for (let start = 0; start < events.length; start += 100) {
    const res = await publicPost(site, '/v1/events', { events: events.slice(start, start + 100) })
    expect(((await res.json()) as { rejected: unknown[] }).rejected).toEqual([])
  }
  return tallies
}

async function metricsOf(site: TestSite, key: string): Promise<Record<string, MetricResult>> {
  const res = await admin(site, 'GET', `/experiments/${key}/results`)
  expect(res.status).toBe(200)
  const body = (await res.json()) as { metrics: MetricResult[] }
  return Object.fromEntries(body.metrics.map((m) => [m.key, m]))
}

describe('GET /v1/admin/experiments/{key}/results: metrics', () => {
  it('answers each metric from exactly the events logged after exposure', async () => {
    const site = await createSite()
    await startExperiment(site, 'checkout', { metrics: METRICS })
    // Before the exposure: counts for nothing.
    await publicPost(site, '/v1/events', {
      events: [{ id: eventId(), type: 'add_to_cart', visitorId: 'checkout-v1', itemId: 'X' }],
    })
    const tallies = await simulate(site, 'checkout')
    const m = await metricsOf(site, 'checkout')
    tallies.forEach((t, i) => {
      expect(m.atc?.variations[i]).toMatchObject({ visitors: t.visitors, count: t.carted })
      expect(m.atc?.variations[i]?.value).toBeCloseTo(t.carted / t.visitors, 12)
      expect(m.rpv?.variations[i]?.value).toBeCloseTo(t.revenue / t.visitors, 10)
      expect(m.rpv?.variations[i]?.count).toBe(t.buyers)
      expect(m.aov?.variations[i]?.value).toBeCloseTo(t.revenue / t.orders, 10)
      expect(m.bounce?.variations[i]?.value).toBeCloseTo(1 - t.engaged / t.visitors, 12)
      expect(m.refunds?.variations[i]?.count).toBe(t.refunded)
    })
    // The treatment's lift with its log-ratio interval, inside (-100%, ∞).
    const atc = m.atc?.variations[1]?.vsControl
    expect(atc?.liftCI?.[0]).toBeGreaterThan(-1)
    expect(atc?.pValueAdjusted).toBe(atc?.pValue) // one treatment: Holm leaves it
    // Refunds are the guardrail the treatment hurts; the others are not worse.
    expect(m.refunds).toMatchObject({ role: 'guardrail', better: 'lower', worse: ['treatment'] })
    expect(m.refunds?.variations[1]?.vsControl?.pValueAdjusted).toBeLessThan(0.05)
    expect(m.bounce?.worse).toEqual([])
  })

  it('counts a replayed batch once', async () => {
    const site = await createSite()
    await startExperiment(site, 'replay', { metrics: METRICS.slice(0, 1) })
    const batch = {
      events: [
        { id: eventId(), type: 'exposure', visitorId: 'r1', experiment: 'replay' },
        { id: eventId(), type: 'add_to_cart', visitorId: 'r1', itemId: 'A' },
        { id: eventId(), type: 'add_to_cart', visitorId: 'r1', itemId: 'B' },
      ],
    }
    await publicPost(site, '/v1/events', batch)
    await publicPost(site, '/v1/events', batch)
    const stored = await rows<{ value: number }>(
      'SELECT value FROM assignment_metrics WHERE site_id = ? AND visitor_id = ?',
      site.id,
      'r1',
    )
    expect(stored).toEqual([{ value: 2 }])
    // The per-variation sums the triggers keep count the replay once too.
    const sums = await rows<{ rows: number; value: number }>(
      'SELECT sum(rows) AS rows, sum(value) AS value FROM metric_totals WHERE site_id = ?',
      site.id,
    )
    expect(sums).toEqual([{ rows: 1, value: 2 }])
  })

  it('derives a metric added later from the events already stored, and drops a removed one', async () => {
    const site = await createSite()
    await startExperiment(site, 'later')
    const tallies = await simulate(site, 'later')
    const patched = await admin(site, 'PATCH', '/experiments/later', { metrics: METRICS })
    expect(patched.status).toBe(200)
    const m = await metricsOf(site, 'later')
    expect(m.atc?.variations.map((v) => v.count)).toEqual(tallies.map((t) => t.carted))
    await admin(site, 'PATCH', '/experiments/later', { metrics: [] })
    const left = await rows('SELECT 1 FROM assignment_metrics WHERE site_id = ?', site.id)
    expect(left).toEqual([])
    expect(await metricsOf(site, 'later')).toEqual({})
  })

  it('forgets a visitor’s metric rows and intent outcomes with the rest of them', async () => {
    const site = await createSite()
    await env.DB.prepare(
      `INSERT INTO intent_outcomes (site_id, visitor_id, session_start, session_end, score, band,
         model, bought) VALUES (?, 'gone', 1, 2, 0.4, 'medium', 'starter', 0)`,
    )
      .bind(site.id)
      .run()
    await startExperiment(site, 'forget', { metrics: METRICS.slice(0, 1) })
    await publicPost(site, '/v1/events', {
      events: [
        { id: eventId(), type: 'exposure', visitorId: 'gone', experiment: 'forget' },
        { id: eventId(), type: 'add_to_cart', visitorId: 'gone', itemId: 'A' },
      ],
    })
    const count = async () =>
      (await rows('SELECT 1 FROM assignment_metrics WHERE site_id = ?', site.id)).length
    expect(await count()).toBe(1)
    const res = await call('/v1/visitors/gone', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(res.status).toBeLessThan(300)
    expect(await count()).toBe(0)
    expect(await rows('SELECT 1 FROM intent_outcomes WHERE site_id = ?', site.id)).toEqual([])
    const sums = await rows<{ rows: number; value: number }>(
      'SELECT sum(rows) AS rows, sum(value) AS value FROM metric_totals WHERE site_id = ?',
      site.id,
    )
    expect(sums).toEqual([{ rows: 0, value: 0 }])
  })

  it('keeps another site’s metric rows out of the results', async () => {
    const site = await createSite()
    const other = await createSite()
    await startExperiment(site, 'shared-key', { metrics: METRICS.slice(0, 1) })
    await startExperiment(other, 'shared-key', { metrics: METRICS.slice(0, 1) })
    await simulate(other, 'shared-key')
    const m = await metricsOf(site, 'shared-key')
    expect(m.atc?.variations.map((v) => v.visitors)).toEqual([0, 0])
    expect(m.atc?.variations.map((v) => v.count)).toEqual([0, 0])
  })
})
