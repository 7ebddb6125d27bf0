import { describe, expect, it } from 'vitest'
import { RATE_LIMIT_PERIOD_S } from '../../worker/middleware/rate-limit.ts'
import { call, createSite, errorOf, eventId, rows, type TestSite } from './support/api.ts'

// wrangler.toml: 600 requests a period per site and client IP (public), per site (admin).
const LIMIT = 600

/** Windows are aligned to the clock: start a run only with enough of the window left. */
async function awayFromWindowEdge(): Promise<void> {
  const intoWindow = Date.now() % (RATE_LIMIT_PERIOD_S * 1000)
  if (intoWindow > (RATE_LIMIT_PERIOD_S - 15) * 1000) {
    await new Promise((r) => setTimeout(r, RATE_LIMIT_PERIOD_S * 1000 - intoWindow + 50))
  }
}

function events(site: TestSite, ip: string | null, body: unknown) {
  return call(`/v1/events?site=${site.publicKey}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ip && { 'cf-connecting-ip': ip }) },
    body: JSON.stringify(body),
  })
}

/** `n` malformed event batches: they count against the limit like any other request. */
async function spend(site: TestSite, ip: string | null, n: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () => events(site, ip, {}))
    for (const res of await Promise.all(batch)) statuses.push(res.status)
  }
  return statuses
}

// Each test may first wait up to 15 s for a fresh window.
describe('rate limits', { timeout: 30_000 }, () => {
  it('answers 429 with Retry-After past the public budget of a site and IP, and stores nothing', async () => {
    await awayFromWindowEdge()
    const site = await createSite()
    const other = await createSite()
    const statuses = await spend(site, '203.0.113.7', LIMIT)
    expect(statuses.every((s) => s === 400)).toBe(true)

    const event = { id: eventId(), type: 'view', visitorId: 'flooder', itemId: 'SKU-1' }
    const limited = await events(site, '203.0.113.7', { events: [event] })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe(String(RATE_LIMIT_PERIOD_S))
    expect(await errorOf(limited)).toMatchObject({ code: 'rate_limited' })
    expect(
      await rows('SELECT 1 FROM events WHERE site_id = ? AND id = ?', site.id, event.id),
    ).toHaveLength(0)

    // Another shopper of the same store, and the same address on another store, are not affected.
    expect((await events(site, '203.0.113.8', { events: [event] })).status).toBe(202)
    expect((await events(other, '203.0.113.7', {})).status).toBe(400)
    const recs = await call(`/v1/recs?site=${site.publicKey}&slot=trending`, {
      headers: { 'cf-connecting-ip': '203.0.113.7' },
    })
    expect(recs.status).toBe(429)
  })

  it('counts forgetting a visitor against the same public budget', async () => {
    await awayFromWindowEdge()
    const site = await createSite()
    await spend(site, '203.0.113.20', LIMIT)
    const visitorId = '0123456789abcdef0123456789abcdef'
    const res = await call(`/v1/visitors/${visitorId}?site=${site.publicKey}`, {
      method: 'DELETE',
      headers: { 'cf-connecting-ip': '203.0.113.20' },
    })
    expect(res.status).toBe(429)
    expect(await errorOf(res)).toMatchObject({ code: 'rate_limited' })
    const forgotten = await rows('SELECT 1 FROM forgotten_visitors WHERE site_id = ?', site.id)
    expect(forgotten).toHaveLength(0)
  })

  it('does not count local requests (loopback, or no client address at all)', async () => {
    await awayFromWindowEdge()
    const site = await createSite()
    for (const ip of ['127.0.0.1', '::1', null]) {
      const statuses = await spend(site, ip, LIMIT + 1)
      expect(statuses.filter((s) => s !== 400)).toEqual([])
    }
  })

  it('answers 429 past the admin budget of a site, whatever the address', async () => {
    await awayFromWindowEdge()
    const site = await createSite()
    const list = (ip: string) =>
      call('/v1/admin/experiments', {
        headers: { authorization: `Bearer ${site.adminKey}`, 'cf-connecting-ip': ip },
      })
    for (let i = 0; i < LIMIT; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => list(`198.51.100.${(i + j) % 200}`))
      for (const res of await Promise.all(batch)) expect(res.status).toBe(200)
    }
    const limited = await list('198.51.100.250')
    expect(limited.status).toBe(429)
    expect(await errorOf(limited)).toMatchObject({ code: 'rate_limited' })
    // A write past the budget changes nothing.
    const created = await call('/v1/admin/experiments', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${site.adminKey}`,
        'content-type': 'application/json',
        'cf-connecting-ip': '198.51.100.9',
      },
      body: JSON.stringify({ key: 'late', variations: [{ key: 'a', weight: 1 }] }),
    })
    expect(created.status).toBe(429)
    const stored = await rows(
      'SELECT 1 FROM experiments WHERE site_id = ? AND key = ?',
      site.id,
      'late',
    )
    expect(stored).toHaveLength(0)
  })
})
