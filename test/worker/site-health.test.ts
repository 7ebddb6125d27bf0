import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { database } from '../../worker/db/database.ts'
import { recordLater, siteRefusals } from '../../worker/health/refusals.ts'
import type { SiteHealth } from '../../shared/admin-types.ts'
import {
  admin,
  call,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const MINUTE = 60_000

async function health(site: TestSite): Promise<SiteHealth> {
  const res = await admin(site, 'GET', '/health')
  expect(res.status).toBe(200)
  return (await res.json()) as SiteHealth
}

/** Moves the experiment's current phase start into the past, as if it had run that long. */
async function startedAgo(site: TestSite, key: string, ms: number): Promise<void> {
  await env.DB.prepare(
    'UPDATE experiment_phases SET started_at = ? WHERE site_id = ? AND experiment_key = ?',
  )
    .bind(Date.now() - ms, site.id, key)
    .run()
}

async function send(site: TestSite, events: Record<string, unknown>[], origin?: string) {
  return publicPost(
    site,
    '/v1/events',
    { events: events.map((e) => ({ id: eventId(), ...e })) },
    origin ? { origin } : {},
  )
}

/** Refusals are tallied after the answer (waitUntil): wait until one is there. */
async function healthOnceRefused(site: TestSite): Promise<SiteHealth> {
  for (let i = 0; i < 40; i++) {
    const now = await health(site)
    if (now.refusals.length > 0) return now
    await new Promise((r) => setTimeout(r, 50))
  }
  return health(site)
}

describe('GET /v1/admin/health', () => {
  it('warns when a running experiment gets no exposure, and says when the last one arrived', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero')
    expect((await health(site)).experiments[0]?.warnings).toEqual([])
    await startedAgo(site, 'hero', 31 * MINUTE)
    const silent = await health(site)
    expect(silent.experiments).toEqual([
      expect.objectContaining({
        key: 'hero',
        lastExposureAt: null,
        warnings: [
          {
            code: 'no_exposures',
            message: expect.stringContaining('data-edgelift-variation'),
          },
        ],
      }),
    ])
    const before = Date.now()
    await send(site, [{ type: 'exposure', visitorId: 'v1', experiment: 'hero' }])
    const exposed = await health(site)
    expect(exposed.lastExposureAt).toBeGreaterThanOrEqual(before)
    expect(exposed.experiments[0]?.lastExposureAt).toBeGreaterThanOrEqual(before)
    expect(exposed.experiments[0]?.warnings).toEqual([])
  })

  it('warns when exposed visitors buy nothing for a day, until a purchase arrives', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero')
    await startedAgo(site, 'hero', 25 * 60 * MINUTE)
    await send(site, [{ type: 'exposure', visitorId: 'v1', experiment: 'hero' }])
    // A purchase by a visitor outside the experiment is not this experiment's.
    await send(site, [{ type: 'purchase', visitorId: 'someone-else', revenue: 5 }])
    const quiet = await health(site)
    expect(quiet.lastPurchaseAt).not.toBeNull()
    expect(quiet.experiments[0]).toMatchObject({
      lastPurchaseAt: null,
      warnings: [{ code: 'no_purchases', message: expect.stringContaining("'purchase'") }],
    })
    await send(site, [{ type: 'purchase', visitorId: 'v1', revenue: 20 }])
    const bought = await health(site)
    expect(bought.experiments[0]?.lastPurchaseAt).toEqual(expect.any(Number))
    expect(bought.experiments[0]?.warnings).toEqual([])
  })

  it('counts requests refused for their origin and warns on the site and its running experiments', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    await startExperiment(site, 'hero')
    expect(
      (await send(site, [{ type: 'view', visitorId: 'v' }], 'https://www.shop.example')).status,
    ).toBe(403)
    const refused = await healthOnceRefused(site)
    expect(refused.refusals).toEqual([
      {
        code: 'origin_not_allowed',
        count: 1,
        lastAt: expect.any(Number),
        lastDetail: 'https://www.shop.example',
      },
    ])
    const warning = {
      code: 'origin_not_allowed',
      message: expect.stringContaining('https://www.shop.example'),
    }
    expect(refused.warnings).toEqual([warning])
    expect(refused.experiments[0]?.warnings).toEqual([warning])
    // Another site's health knows nothing of it.
    expect((await health(await createSite())).refusals).toEqual([])
  })

  it('counts events refused for their currency, with the currency', async () => {
    const site = await createSite({ currency: 'EUR' })
    await send(site, [
      { type: 'purchase', visitorId: 'v', revenue: 42.5, currency: 'GBP' },
      { type: 'purchase', visitorId: 'v', revenue: 10, currency: 'GBP' },
      { type: 'purchase', visitorId: 'v', revenue: 10, currency: 'EUR' },
    ])
    const refused = await healthOnceRefused(site)
    expect(refused.refusals).toEqual([
      { code: 'currency_mismatch', count: 2, lastAt: expect.any(Number), lastDetail: 'GBP' },
    ])
    expect(refused.warnings[0]?.message).toMatch(/GBP .* reports revenue in EUR/)
  })

  it('counts events refused as invalid, with the last one’s reason, and not the expected ones', async () => {
    const site = await createSite()
    await send(site, [
      { type: 'purchase', visitorId: 'v', revenue: 'twelve' },
      { type: 'view', visitorId: 'v', itemId: 'SKU-1' },
      { type: 'purchase', visitorId: 'v', revenue: 5, currency: 'XYZ' },
      // An exposure of an experiment that is not running: expected after a stop, not counted.
      { type: 'exposure', visitorId: 'v', experiment: 'stopped-long-ago' },
    ])
    const refused = await healthOnceRefused(site)
    expect(refused.refusals).toEqual([
      {
        code: 'invalid_event',
        count: 2,
        lastAt: expect.any(Number),
        lastDetail: expect.stringMatching(/^unknown_currency: /),
      },
    ])
    expect(refused.warnings).toEqual([
      {
        code: 'invalid_event',
        message: expect.stringMatching(/refused as invalid \(2 so far.*unknown_currency: /),
      },
    ])
  })

  it('writes a flood of refusals at most every 10 s, losing none of their count', async () => {
    const site = await createSite()
    const db = database(env.DB)
    const writes: Promise<unknown>[] = []
    const ctx = { waitUntil: (p: Promise<unknown>) => void writes.push(p) }
    const t = Date.now()
    const refuse = (at: number, detail: string) =>
      recordLater(ctx, db, { siteId: site.id, code: 'origin_not_allowed', detail, at })
    refuse(t, 'https://a.example')
    refuse(t + 1_000, 'https://b.example')
    refuse(t + 2_000, 'https://c.example')
    expect(writes).toHaveLength(1)
    refuse(t + 10_500, 'https://d.example')
    expect(writes).toHaveLength(2)
    await Promise.all(writes)
    expect(await siteRefusals(db, site.id)).toEqual([
      { code: 'origin_not_allowed', count: 4, lastAt: t + 10_500, lastDetail: 'https://d.example' },
    ])
  })

  it('answers 401 without the admin key', async () => {
    await expectRefused(await call('/v1/admin/health'), 401, 'missing_key')
  })
})
