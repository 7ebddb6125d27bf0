// Intent from stored events through the Worker's own routes and scheduled handler.
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it, vi } from 'vitest'
import worker from '../../worker/index.ts'
import { call, createSite, eventId, publicPost, rows, type TestSite } from './support/api.ts'
import { storedEventRow } from './support/intent.ts'

const MINUTE = 60_000
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

async function browse(site: TestSite, visitorId: string, pages: [string, string][]) {
  const events = pages.map(([path, pageKind]) => ({
    id: eventId(),
    type: 'page_view',
    visitorId,
    path,
    pageKind,
  }))
  const res = await publicPost(site, '/v1/events', { events })
  expect(res.status).toBe(202)
}

type IntentBody = {
  visitorId: string
  intent: { score: number | null; band: string | null; model?: string; reason?: string }
}

/** GET /v1/intent as a store's server asks it: its own user agent, the visitor's passed on. */
async function intentOf(
  site: TestSite,
  visitorId: string,
  visitorAgent: string | null = CHROME,
  serverAgent = 'store-backend/1.0',
): Promise<IntentBody['intent']> {
  const passed = visitorAgent === null ? '' : `&userAgent=${encodeURIComponent(visitorAgent)}`
  const res = await call(
    `/v1/intent?site=${site.publicKey}&visitorId=${encodeURIComponent(visitorId)}${passed}`,
    { headers: { 'user-agent': serverAgent } },
  )
  expect(res.status).toBe(200)
  return ((await res.json()) as IntentBody).intent
}

describe('intent from a visitor’s stored events', () => {
  it('scores the open session on GET /v1/intent and POST /v1/assign, and nothing for another site', async () => {
    const site = await createSite()
    const other = await createSite()
    await browse(site, 'shopper', [
      ['/', 'home'],
      ['/p/1', 'product'],
      ['/p/2', 'product'],
      ['/cart', 'cart'],
    ])
    const intent = await intentOf(site, 'shopper')
    expect(intent).toEqual({
      score: expect.any(Number),
      band: expect.stringMatching(/^(low|medium|high)$/),
      model: 'starter',
    })
    expect(intent.score).toBeGreaterThanOrEqual(0)
    expect(intent.score).toBeLessThanOrEqual(1)
    const assigned = await publicPost(
      site,
      '/v1/assign',
      { visitorId: 'shopper' },
      { 'user-agent': CHROME },
    )
    expect(((await assigned.json()) as IntentBody).intent).toEqual(intent)

    expect(await intentOf(other, 'shopper')).toEqual({
      score: null,
      band: null,
      reason: 'no_session',
    })
  })

  it('scores with the user agent the server passes on, never its own', async () => {
    const site = await createSite()
    await browse(site, 'shopper', [
      ['/', 'home'],
      ['/p/1', 'product'],
      ['/p/2', 'product'],
      ['/cart', 'cart'],
    ])
    const unknown = await intentOf(site, 'shopper', null)
    // The server's own agent is not the visitor's: whatever it is, the answer is the same.
    expect(await intentOf(site, 'shopper', null, CHROME)).toEqual(unknown)
    const passed = await intentOf(site, 'shopper', CHROME)
    const browser = await publicPost(
      site,
      '/v1/assign',
      { visitorId: 'shopper' },
      { 'user-agent': CHROME },
    )
    expect(((await browser.json()) as IntentBody).intent).toEqual(passed)
    expect(passed.score).not.toBe(unknown.score)
    const tooLong = await call(
      `/v1/intent?site=${site.publicKey}&visitorId=shopper&userAgent=${'x'.repeat(1025)}`,
    )
    expect(tooLong.status).toBe(400)
    expect(await tooLong.json()).toMatchObject({ error: { code: expect.any(String) } })
  })

  it('answers a visitor with 10,000 events in one session, capped, without a 5xx', async () => {
    const site = await createSite()
    const now = Date.now()
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
       INSERT INTO events (site_id, id, type, visitor_id, received_at, at, path, page_kind)
       SELECT ?, 'e' || i, 'page_view', 'busy', ? + i * 100, ? + i * 100, '/p/' || (i % 50), 'product'
       FROM n`,
    )
      .bind(site.id, now - 1_000_000, now - 1_000_000)
      .run()
    const intent = await intentOf(site, 'busy')
    expect(intent).toMatchObject({ score: expect.any(Number), model: 'starter' })
  })
})

describe('the scheduled handler', () => {
  it('learns from sessions that ended on the frequent cron, once', async () => {
    const site = await createSite()
    const now = Date.now()
    // Two visitors whose sessions ended two hours ago, one still browsing.
    const at = (minutesAgo: number) => now - minutesAgo * MINUTE
    await env.DB.batch([
      storedEventRow(site.id, 'a', at(130), 'page_view', { path: '/p/1', pageKind: 'product' }),
      storedEventRow(site.id, 'a', at(125), 'page_view', { path: '/cart', pageKind: 'cart' }),
      storedEventRow(site.id, 'a', at(120), 'purchase', { revenueMinor: 5000, currency: 'USD' }),
      storedEventRow(site.id, 'b', at(130), 'page_view', { path: '/', pageKind: 'home' }),
      storedEventRow(site.id, 'c', at(5), 'page_view', { path: '/', pageKind: 'home' }),
    ])
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const run = async () => {
      const ctx = createExecutionContext()
      await worker.scheduled(
        createScheduledController({ cron: '*/15 * * * *', scheduledTime: now }),
        env,
        ctx,
      )
      await waitOnExecutionContext(ctx)
    }
    await run()
    await run()
    log.mockRestore()
    const outcomes = await rows<{
      visitor_id: string
      bought: number
      model: string
      score: number
    }>(
      'SELECT visitor_id, bought, model, score FROM intent_outcomes WHERE site_id = ? ORDER BY visitor_id',
      site.id,
    )
    expect(outcomes).toEqual([
      { visitor_id: 'a', bought: 1, model: 'starter', score: expect.any(Number) },
      { visitor_id: 'b', bought: 0, model: 'starter', score: expect.any(Number) },
    ])
    const [status] = await rows<{ online_updates: number }>(
      'SELECT online_updates FROM intent_status WHERE site_id = ?',
      site.id,
    )
    expect(status?.online_updates).toBe(2)
  })
})
