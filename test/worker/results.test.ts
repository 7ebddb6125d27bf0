import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { assignVariation } from '../../shared/bucketing.ts'
import { computeResults } from '../../worker/stats/index.ts'
import {
  admin,
  createSite,
  errorOf,
  eventId,
  publicPost,
  startExperiment,
  type TestSite,
} from './support/api.ts'

type Results = ReturnType<typeof computeResults> & { phases: number[] }

/** Exposes `visitors` visitors; those `converts` picks buy for `price`. Answers the true tallies. */
async function simulate(
  site: TestSite,
  key: string,
  weights: number[],
  visitors: number,
  converts: (i: number) => boolean,
  price: (i: number) => number,
) {
  const tallies = weights.map(() => ({ visitors: 0, conversions: 0, revenue: 0, revenueSq: 0 }))
  const events: unknown[] = []
  for (let i = 0; i < visitors; i++) {
    const visitorId = `${key}-visitor-${i}`
    const variation = assignVariation({ seed: key, weights, coverage: 1 }, visitorId)
    const tally = tallies[variation]
    if (!tally) throw new Error('visitor outside the experiment')
    tally.visitors++
    events.push({ id: eventId(), type: 'exposure', visitorId, experiment: key })
    if (converts(i)) {
      tally.conversions++
      tally.revenue += price(i)
      tally.revenueSq += price(i) ** 2
      events.push({ id: eventId(), type: 'purchase', visitorId, revenue: price(i) })
    }
  }
  for (let start = 0; start < events.length; start += 100) {
    const res = await publicPost(site, '/v1/events', { events: events.slice(start, start + 100) })
    expect(((await res.json()) as { rejected: unknown[] }).rejected).toEqual([])
  }
  return tallies
}

async function results(site: TestSite, key: string, query = ''): Promise<Results> {
  const res = await admin(site, 'GET', `/experiments/${key}/results${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Results
}

describe('GET /v1/admin/experiments/{key}/results', () => {
  it('answers the statistics of exactly the visitors and conversions that were logged', async () => {
    const site = await createSite()
    const weights = [0.5, 0.5]
    await startExperiment(site, 'checkout')
    const tallies = await simulate(
      site,
      'checkout',
      weights,
      400,
      (i) => i % 7 === 0,
      (i) => 10 + (i % 5),
    )
    const body = await results(site, 'checkout')
    const expected = computeResults({
      experiment: 'checkout',
      phase: 1,
      status: 'running',
      variations: ['control', 'treatment'].map((key, i) => ({
        key,
        weight: weights[i] ?? 0,
        visitors: tallies[i]?.visitors ?? 0,
        conversions: tallies[i]?.conversions ?? 0,
        revenueSum: tallies[i]?.revenue ?? 0,
        revenueSumSquares: tallies[i]?.revenueSq ?? 0,
      })),
    })
    expect(body).toEqual({
      ...JSON.parse(JSON.stringify(expected)),
      phases: [1],
      metrics: [],
      duration: expect.objectContaining({ visitorsPerDay: expect.any(Number) }),
    })
    expect(body.variations.map((v) => v.visitors).reduce((a, b) => a + b)).toBe(400)
    expect(body.test).toMatchObject({
      dof: 1,
      chiSquare: expect.any(Number),
      pValue: expect.any(Number),
    })
    expect(body.variations[1]?.vsControl).toMatchObject({
      lift: expect.any(Number),
      sequentialPValue: expect.any(Number),
    })
  })

  it('analyses each phase apart after the weights change', async () => {
    const site = await createSite()
    await startExperiment(site, 'phased')
    await simulate(
      site,
      'phased',
      [0.5, 0.5],
      120,
      (i) => i % 5 === 0,
      () => 10,
    )
    await admin(site, 'PATCH', '/experiments/phased', {
      variations: [
        { key: 'control', weight: 0.8 },
        { key: 'treatment', weight: 0.2 },
      ],
    })
    const current = await results(site, 'phased')
    expect(current.phase).toBe(2)
    expect(current.phases).toEqual([1, 2])
    expect(current.variations.map((v) => v.visitors)).toEqual([0, 0])
    const first = await results(site, 'phased', '?phase=1')
    expect(first.variations.map((v) => v.visitors).reduce((a, b) => a + b)).toBe(120)
    expect(first.variations.map((v) => v.weight)).toEqual([0.5, 0.5])
  })

  it('never answers NaN or Infinity: no visitors, zero conversions, everyone converted', async () => {
    const site = await createSite()
    await startExperiment(site, 'empty')
    const empty = await results(site, 'empty')
    expect(empty.variations.map((v) => v.rate)).toEqual([null, null])
    expect(empty.srm).toMatchObject({ ok: null, reason: expect.any(String) })
    await startExperiment(site, 'all-buy')
    await simulate(
      site,
      'all-buy',
      [0.5, 0.5],
      60,
      (i) => i % 1 === 0,
      () => 5,
    )
    const all = await results(site, 'all-buy')
    expect(all.variations.map((v) => v.rate)).toEqual([1, 1])
    await startExperiment(site, 'none-buy')
    await simulate(
      site,
      'none-buy',
      [0.5, 0.5],
      60,
      () => false,
      () => 5,
    )
    const none = await results(site, 'none-buy')
    expect(none.variations[1]?.vsControl?.lift).toBeNull()
    expect(none.variations[1]?.vsControl?.reason).toEqual(expect.any(String))
    for (const body of [empty, all, none]) {
      const text = JSON.stringify(body)
      expect(text).not.toMatch(/NaN|Infinity/)
    }
  })

  it('leaves a weight-0 variation out of the sample-ratio check', async () => {
    const site = await createSite()
    await startExperiment(site, 'zero-weight', {
      variations: [
        { key: 'control', weight: 0.5 },
        { key: 'treatment', weight: 0.5 },
        { key: 'off', weight: 0 },
      ],
    })
    await simulate(
      site,
      'zero-weight',
      [0.5, 0.5, 0],
      300,
      (i) => i % 4 === 0,
      () => 10,
    )
    const body = await results(site, 'zero-weight')
    expect(body.variations.map((v) => v.key)).toEqual(['control', 'treatment', 'off'])
    expect(body.variations[2]?.visitors).toBe(0)
    expect(body.srm).toMatchObject({ ok: true })
  })

  it('counts purchases as revenue whatever the goal, and recomputes conversions for a new goal', async () => {
    const site = await createSite()
    await startExperiment(site, 'cart-goal', { goal: { event: 'add_to_cart' } })
    const visitors = Array.from({ length: 40 }, (_, i) => `cart-goal-${i}`)
    const events = visitors.flatMap((visitorId, i) => [
      { id: eventId(), type: 'exposure', visitorId, experiment: 'cart-goal' },
      ...(i % 2 === 0 ? [{ id: eventId(), type: 'add_to_cart', visitorId, itemId: 'A' }] : []),
      ...(i % 4 === 0 ? [{ id: eventId(), type: 'purchase', visitorId, revenue: 30 }] : []),
    ])
    const sent = await publicPost(site, '/v1/events', { events })
    expect(await sent.json()).toMatchObject({ accepted: events.length, rejected: [] })
    const total = (body: Results) => body.variations.reduce((sum, v) => sum + v.revenue.total, 0)
    const converted = (body: Results) => body.variations.reduce((sum, v) => sum + v.conversions, 0)
    const byCart = await results(site, 'cart-goal')
    expect(converted(byCart)).toBe(20)
    expect(total(byCart)).toBe(10 * 30)
    const patched = await admin(site, 'PATCH', '/experiments/cart-goal', {
      goal: { event: 'purchase' },
    })
    expect(patched.status).toBe(200)
    const byPurchase = await results(site, 'cart-goal')
    expect(converted(byPurchase)).toBe(10)
    expect(total(byPurchase)).toBe(10 * 30)
  })

  it('counts no conversion after the phase ended: a stopped experiment keeps its result', async () => {
    const site = await createSite()
    await startExperiment(site, 'ended')
    const visitors = ['e-1', 'e-2', 'e-3', 'e-4']
    const buy = (visitorId: string) => ({ id: eventId(), type: 'purchase', visitorId, revenue: 5 })
    await publicPost(site, '/v1/events', {
      events: [
        ...visitors.map((visitorId) => ({
          id: eventId(),
          type: 'exposure',
          visitorId,
          experiment: 'ended',
        })),
        buy('e-1'),
      ],
    })
    expect((await admin(site, 'POST', '/experiments/ended/stop')).status).toBe(200)
    await new Promise((r) => setTimeout(r, 5))
    await publicPost(site, '/v1/events', { events: visitors.map(buy) })
    const body = await results(site, 'ended')
    expect(body.variations.reduce((n, v) => n + v.conversions, 0)).toBe(1)
    expect(body.variations.reduce((n, v) => n + v.revenue.total, 0)).toBe(5)
  })

  it('caps revenue per visitor when winsorizing, keeping the raw total', async () => {
    const site = await createSite()
    await startExperiment(site, 'whale', { winsorize: 0.9 })
    const tallies = await simulate(
      site,
      'whale',
      [0.5, 0.5],
      200,
      (i) => i % 2 === 0,
      (i) => (i === 0 ? 100_000 : 20),
    )
    const body = await results(site, 'whale')
    const rawTotal = tallies.reduce((s, t) => s + t.revenue, 0)
    expect(body.variations.reduce((s, v) => s + v.revenue.total, 0)).toBeCloseTo(rawTotal, 6)
    const whaleArm = body.variations.find((v) => v.revenue.total > 100_000)
    expect(whaleArm?.revenue.winsorized).toBe(true)
    // Capped at the 90th percentile of buyers' revenue (20), the whale counts as 20.
    expect(whaleArm?.revenue.perVisitor).toBeCloseTo(
      ((whaleArm?.conversions ?? 0) * 20) / (whaleArm?.visitors ?? 1),
      9,
    )
  })

  it('answers 400 for a phase that does not exist and 404 for another site or an unknown key', async () => {
    const site = await createSite()
    const other = await createSite()
    await startExperiment(site, 'mine')
    for (const phase of ['2', '0', '-1', 'abc', '1.5']) {
      const res = await admin(site, 'GET', `/experiments/mine/results?phase=${phase}`)
      expect(res.status, phase).toBe(400)
      expect((await errorOf(res)).code).toBe('invalid_phase')
    }
    expect((await admin(other, 'GET', '/experiments/mine/results')).status).toBe(404)
    expect((await admin(site, 'GET', '/experiments/nope/results')).status).toBe(404)
    expect((await admin(other, 'GET', '/experiments/mine/timeseries')).status).toBe(404)
  })

  it('answers a draft as an empty phase 0', async () => {
    const site = await createSite()
    await admin(site, 'POST', '/experiments', {
      key: 'draft',
      variations: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const body = await results(site, 'draft')
    expect(body).toMatchObject({ phase: 0, status: 'draft', phases: [] })
  })
})

describe('GET /v1/admin/experiments/{key}/timeseries', () => {
  it('counts visitors and conversions per day with cumulative rates', async () => {
    const site = await createSite()
    await startExperiment(site, 'daily')
    const tallies = await simulate(
      site,
      'daily',
      [0.5, 0.5],
      100,
      (i) => i % 4 === 0,
      () => 10,
    )
    // Move half of the assignments one day back, as if exposed yesterday.
    await env.DB.prepare(
      `UPDATE assignments SET exposed_at = exposed_at - 86400000, converted_at = converted_at - 86400000 WHERE site_id = ? AND visitor_id LIKE '%visitor-_'`,
    )
      .bind(site.id)
      .run()
    const res = await admin(site, 'GET', '/experiments/daily/timeseries')
    const body = (await res.json()) as {
      days: {
        date: string
        variations: {
          key: string
          cumulativeVisitors: number
          cumulativeConversions: number
          cumulativeRate: number | null
        }[]
      }[]
    }
    expect(body.days, JSON.stringify(body.days.map((d) => d.date))).toHaveLength(2)
    const last = body.days.at(-1)
    expect(last?.variations.map((v) => v.cumulativeVisitors)).toEqual(
      tallies.map((t) => t.visitors),
    )
    expect(last?.variations.map((v) => v.cumulativeConversions)).toEqual(
      tallies.map((t) => t.conversions),
    )
    expect(last?.variations[0]?.cumulativeRate).toBeCloseTo(
      (tallies[0]?.conversions ?? 0) / (tallies[0]?.visitors ?? 1),
      12,
    )
  })
})

describe('GET /v1/admin/sample-size', () => {
  it('answers visitors per variation for a baseline and relative MDE', async () => {
    const site = await createSite()
    const res = await admin(
      site,
      'GET',
      '/sample-size?baseline=0.05&mde=0.1&alpha=0.05&power=0.8&variations=2',
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as { visitorsPerVariation: number; totalVisitors: number }
    // Sized for the relative-lift test results use: n = (z_a/2 + z_b)^2 Var(lift) / mde^2 with the
    // delta-method variance p1(1-p1)/p0^2 + p1^2 p0(1-p0)/p0^4 (z values from scipy.stats.norm.ppf).
    const [p0, p1, z] = [0.05, 0.055, 1.959963984540054 + 0.8416212335729143]
    const variance = (p1 * (1 - p1)) / p0 ** 2 + (p1 ** 2 * p0 * (1 - p0)) / p0 ** 4
    expect(body.visitorsPerVariation).toBe(Math.ceil((z ** 2 * variance) / 0.1 ** 2))
    expect(body.totalVisitors).toBe(body.visitorsPerVariation * 2)
  })

  it.each([
    ['', 'invalid_baseline'],
    ['baseline=0.05', 'invalid_mde'],
    ['baseline=1.5&mde=0.1', 'invalid_baseline'],
    ['baseline=abc&mde=0.1', 'invalid_baseline'],
    ['baseline=0.05&mde=0', 'invalid_mde'],
    ['baseline=0.05&mde=0.1&alpha=0.9', 'invalid_alpha'],
    ['baseline=0.05&mde=0.1&power=1', 'invalid_power'],
    ['baseline=0.05&mde=0.1&variations=11', 'invalid_variations'],
    ['baseline=0.05&mde=0.1&variations=2.5', 'invalid_variations'],
  ])('refuses %j with 400 naming the parameter', async (query, code) => {
    const site = await createSite()
    const res = await admin(site, 'GET', `/sample-size?${query}`)
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe(code)
    expect(error.message).toContain(code.replace('invalid_', ''))
  })
})
