import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  errorOf,
  eventId,
  publicPost,
  rows,
  type TestSite,
} from './support/api.ts'
import {
  GARDEN,
  historyNdjson,
  importText,
  KITCHEN,
  markRunStarted,
  seedStore,
  train,
  trainedStore,
  visitorIdOf,
} from './support/recs.ts'

type Recs = {
  recId: string
  slot: string
  source: string
  modelVersion: string | null
  fallback?: string
  items: {
    itemId: string
    title: string
    url: string | null
    price: number | null
    score: number
  }[]
}

async function recs(site: TestSite, query: string): Promise<Recs> {
  const res = await call(`/v1/recs?site=${site.publicKey}&${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Recs
}

describe('POST /v1/admin/recs/train and GET /v1/admin/recs/status', () => {
  it('trains a model and reports it', async () => {
    const site = await trainedStore()
    const status = (await (await admin(site, 'GET', '/recs/status')).json()) as Record<
      string,
      unknown
    >
    expect(status).toMatchObject({
      modelVersion: expect.stringMatching(/^svd-/),
      training: false,
      items: 12,
      visitors: 40,
      lastError: null,
    })
  })

  it('answers a clear 409 for a site with nothing to train on, and keeps the reason', async () => {
    const site = await createSite()
    const res = await train(site)
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toEqual({
      code: 'not_enough_data',
      message: expect.stringMatching(/No interactions yet/),
    })
    const status = (await (await admin(site, 'GET', '/recs/status')).json()) as Record<
      string,
      unknown
    >
    expect(status).toMatchObject({
      modelVersion: null,
      training: false,
      lastError: expect.stringMatching(/No interactions/),
    })
  })

  it('answers 202 and trains in the background without ?wait', async () => {
    const site = await createSite()
    await seedStore(site)
    const res = await admin(site, 'POST', '/recs/train')
    expect(res.status).toBe(202)
  })
})

/** trainedStore's two tastes on items of the site's own (AG1-AG6, AK1-AK6), linked on a.example. */
const OWN_ITEMS = [...GARDEN, ...KITCHEN].map((id) => `A${id}`)

async function trainedStoreOfOwnItems(): Promise<TestSite> {
  const site = await createSite()
  const catalog = await admin(site, 'PUT', '/catalog', {
    items: OWN_ITEMS.map((itemId) => ({
      itemId,
      title: `Own ${itemId}`,
      url: `https://a.example/p/${itemId}`,
      price: 10,
      currency: 'USD',
    })),
  })
  expect(catalog.status, await catalog.clone().text()).toBe(200)
  const history = historyNdjson().replace(/"itemId":"([GK]\d)"/g, '"itemId":"A$1"')
  const imported = await importText(site, history, 'ndjson')
  expect(imported.status, await imported.clone().text()).toBe(200)
  expect((await train(site)).status).toBe(200)
  return site
}

async function modelVersionOf(site: TestSite): Promise<string> {
  const status = (await (await admin(site, 'GET', '/recs/status')).json()) as {
    modelVersion: string
  }
  expect(status.modelVersion).toMatch(/^svd-/)
  return status.modelVersion
}

describe('GET /v1/recs', () => {
  it("answers site A's key about site B's visitors and items with site A's own items only", async () => {
    const b = await trainedStore()
    const a = await trainedStoreOfOwnItems()
    const bBuyer = await visitorIdOf(b, 'k-buyer-3')
    // A shopper of B's whose clicks on B's items online learning folds in on B.
    const clicks = ['K1', 'K2', 'K3'].map((itemId) => ({
      id: eventId(),
      type: 'click',
      visitorId: 'b-shopper',
      itemId,
    }))
    expect((await publicPost(b, '/v1/events', { events: clicks })).status).toBe(202)
    const aVersion = await modelVersionOf(a)
    expect(await modelVersionOf(b)).not.toBe(aVersion)
    for (const visitorId of [bBuyer, 'b-shopper']) {
      for (const slot of ['personal', 'similar', 'cart', 'trending']) {
        const body = await recs(a, `slot=${slot}&visitorId=${visitorId}&item=G1,K1&n=12`)
        const what = `${slot} for ${visitorId}`
        expect(body.modelVersion, what).toBe(aVersion)
        expect(body.items.length, what).toBeGreaterThan(0)
        for (const item of body.items) expect(OWN_ITEMS, what).toContain(item.itemId)
        expect(JSON.stringify(body), what).not.toContain('shop.example')
      }
    }
    // Asked with B's key, the same visitor gets B's model's list of B's items: what A's answers
    // lack is B's.
    const own = await recs(b, `slot=personal&visitorId=${bBuyer}&n=3`)
    expect(own.source).toBe('svd')
    expect(own.items.length).toBeGreaterThan(0)
    for (const item of own.items) expect([...GARDEN, ...KITCHEN]).toContain(item.itemId)
  })

  it('recommends similar items of the same taste, with a recId and the model version', async () => {
    const site = await trainedStore()
    const body = await recs(site, 'slot=similar&item=G1&n=4')
    expect(body).toMatchObject({
      slot: 'similar',
      source: 'similar',
      modelVersion: expect.stringMatching(/^svd-/),
    })
    expect(body.recId).toMatch(/^similar-[0-9a-f]{20}$/)
    expect(body.items).toHaveLength(4)
    for (const item of body.items) expect(GARDEN).toContain(item.itemId)
    expect(body.items.map((i) => i.itemId)).not.toContain('G1')
    expect(body.items[0]).toMatchObject({
      title: expect.any(String),
      url: expect.stringMatching(/^https:/),
      price: 10,
    })
  })

  it('recommends personal items of the visitor’s taste, never what they already bought', async () => {
    const site = await trainedStore()
    const buyer = await visitorIdOf(site, 'k-buyer-3')
    const bought = await rows<{ item_id: string }>(
      `SELECT item_id FROM events WHERE site_id = ? AND visitor_id = ?`,
      site.id,
      buyer,
    )
    expect(bought.length).toBeGreaterThan(0)
    const body = await recs(site, `slot=personal&visitorId=${buyer}&n=3`)
    expect(body.source).toBe('svd')
    expect(body.items.length).toBeGreaterThan(0)
    for (const item of body.items) {
      expect(bought.map((b) => b.item_id)).not.toContain(item.itemId)
    }
    expect(KITCHEN).toContain(body.items[0]?.itemId)
  })

  it('never recommends an out-of-stock item, the current item or an excluded one', async () => {
    const site = await trainedStore({ outOfStock: ['G2'] })
    const buyer = await visitorIdOf(site, 'g-buyer-1')
    for (const slot of ['similar', 'cart', 'trending', 'personal']) {
      const body = await recs(site, `slot=${slot}&item=G1&exclude=G3,G4&visitorId=${buyer}&n=12`)
      const ids = body.items.map((i) => i.itemId)
      expect(ids, slot).not.toContain('G2')
      expect(ids, slot).not.toContain('G1')
      expect(ids, slot).not.toContain('G3')
      expect(ids, slot).not.toContain('G4')
    }
  })

  it('recommends for a cart items bought with its items', async () => {
    const site = await trainedStore()
    const body = await recs(site, 'slot=cart&item=K1,K2&n=3')
    expect(body.source).toBe('similar')
    for (const item of body.items) expect(KITCHEN).toContain(item.itemId)
  })

  it('serves trending from the model', async () => {
    const site = await trainedStore()
    const body = await recs(site, 'slot=trending&n=5')
    expect(body).toMatchObject({ source: 'trending' })
    expect(body.items).toHaveLength(5)
  })

  it('adapts a new visitor’s personal list online within a few clicks', async () => {
    const site = await trainedStore()
    const before = await recs(site, 'slot=personal&visitorId=newcomer&n=4')
    expect(before.source).toBe('trending')
    expect(before.fallback).toBe('visitor_unknown')
    const clicks = ['K1', 'K2', 'K3'].map((itemId) => ({
      id: eventId(),
      type: 'click',
      visitorId: 'newcomer',
      itemId,
    }))
    await publicPost(site, '/v1/events', { events: clicks })
    const after = await recs(site, 'slot=personal&visitorId=newcomer&n=3')
    expect(after.source).toBe('online')
    for (const item of after.items) expect(KITCHEN).toContain(item.itemId)
  })

  it('falls back to trending for an item missing from the catalog, and says so', async () => {
    const site = await trainedStore()
    const body = await recs(site, 'slot=similar&item=NOPE&n=3')
    expect(body).toMatchObject({ source: 'trending', fallback: 'item_not_in_catalog' })
    expect(body.items).toHaveLength(3)
  })

  it('serves catalog items before any model or event', async () => {
    const site = await createSite()
    await admin(site, 'PUT', '/catalog', {
      items: [{ itemId: 'ONLY', title: 'Only item', url: 'https://shop.example/p/only' }],
    })
    const body = await recs(site, 'slot=personal&visitorId=v&n=3')
    expect(body).toMatchObject({ source: 'trending', modelVersion: null, fallback: 'no_model_yet' })
    expect(body.items.map((i) => i.itemId)).toEqual(['ONLY'])
  })

  it('keeps what the visitor bought out of personal before any model', async () => {
    const site = await createSite()
    const items = ['A', 'B', 'C', 'D'].map((itemId) => ({
      itemId,
      title: `Item ${itemId}`,
      url: `https://shop.example/p/${itemId}`,
    }))
    await admin(site, 'PUT', '/catalog', { items })
    const bought = {
      id: eventId(),
      type: 'purchase',
      visitorId: 'buyer',
      items: [{ itemId: 'A', quantity: 1, price: 5 }],
      revenue: 5,
    }
    const single = { id: eventId(), type: 'purchase', visitorId: 'buyer', itemId: 'C' }
    expect((await publicPost(site, '/v1/events', { events: [bought, single] })).status).toBe(202)
    const body = await recs(site, 'slot=personal&visitorId=buyer&n=4')
    expect(body).toMatchObject({ modelVersion: null, fallback: 'no_model_yet' })
    expect(body.items.map((i) => i.itemId).sort()).toEqual(['B', 'D'])
    const someoneElse = await recs(site, 'slot=personal&visitorId=other&n=4')
    expect(someoneElse.items).toHaveLength(4)
  })

  it('answers an empty list (200) for a site with no catalog and no events', async () => {
    const site = await createSite()
    const body = await recs(site, 'slot=trending')
    expect(body.items).toEqual([])
    expect(body.recId).toMatch(/^trending-/)
  })

  it.each([
    ['n=0', 'slot=trending&n=0'],
    ['n=51', 'slot=trending&n=51'],
    ['n=abc', 'slot=trending&n=abc'],
    ['an unknown slot', 'slot=banner'],
    ['no slot', ''],
    ['a bad item id', 'slot=similar&item=has%20space'],
    ['a bad visitor id', 'slot=personal&visitorId=a%20b'],
  ])('refuses %s with 400', async (_, query) => {
    const site = await createSite()
    const res = await call(`/v1/recs?site=${site.publicKey}&${query}`)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('invalid_query')
  })

  it('needs the public key and refuses a secret one', async () => {
    const site = await createSite()
    const missing = await call('/v1/recs?slot=trending')
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).code).toBe('missing_key')
    const secret = await call(`/v1/recs?slot=trending&site=${site.adminKey}`)
    expect(secret.status).toBe(403)
    expect((await errorOf(secret)).code).toBe('secret_key_in_url')
  })
})

describe('training limits and the cron trigger', () => {
  it('refuses to train a site above the in-Worker limit, pointing to npm run train', async () => {
    const site = await createSite()
    await seedStore(site)
    const { trainSite } = await import('../../worker/recs/train/train-site.ts')
    const { database } = await import('../../worker/db/database.ts')
    const { env } = await import('cloudflare:workers')
    const outcome = await trainSite(database(env.DB), site.id, { maxInteractions: 10 })
    expect(outcome).toMatchObject({
      trained: false,
      code: 'too_large_for_worker',
      reason: expect.stringMatching(/npm run train/),
    })
  })

  it('leaves a site alone while another run trains it (cron, admin route or npm run train)', async () => {
    const site = await createSite()
    await seedStore(site)
    const { env } = await import('cloudflare:workers')
    const { trainSite } = await import('../../worker/recs/train/train-site.ts')
    const { database } = await import('../../worker/db/database.ts')
    const startedAt = await markRunStarted(site, 60_000)
    const outcome = await trainSite(database(env.DB), site.id)
    expect(outcome).toMatchObject({ trained: false, code: 'training_in_progress' })
    expect(
      await rows(
        'SELECT training_started_at, active_version FROM rec_status WHERE site_id = ?',
        site.id,
      ),
    ).toEqual([{ training_started_at: startedAt, active_version: null }])
  })

  it('retrains every site with new events when the cron fires', async () => {
    const site = await createSite()
    await seedStore(site)
    const { env } = await import('cloudflare:workers')
    const { trainChangedSites } = await import('../../worker/recs/train/scheduled-training.ts')
    const { database } = await import('../../worker/db/database.ts')
    const all = { budgetMs: Number.POSITIVE_INFINITY }
    const report = await trainChangedSites(database(env.DB), Number.POSITIVE_INFINITY, all)
    expect(report.find((r) => r.siteId === site.id)?.outcome).toMatch(/^trained svd-/)
    const again = await trainChangedSites(database(env.DB), Number.POSITIVE_INFINITY, all)
    expect(again.find((r) => r.siteId === site.id)).toBeUndefined()
  })

  it('trains the stalest models first, and defers the rest once its time budget is spent', async () => {
    // Created first but trained last, so creation order is not staleness order.
    const newer = await createSite()
    const older = await createSite()
    for (const site of [newer, older]) await seedStore(site)
    expect((await train(older)).status).toBe(200)
    expect((await train(newer)).status).toBe(200)
    // New events for both, so both have changed since their model.
    for (const site of [older, newer]) {
      const view = { id: eventId(), type: 'view', visitorId: 'g-buyer-1', itemId: 'G1' }
      expect((await publicPost(site, '/v1/events', { events: [view] })).status).toBe(202)
    }
    const { env } = await import('cloudflare:workers')
    const { trainChangedSites } = await import('../../worker/recs/train/scheduled-training.ts')
    const { database } = await import('../../worker/db/database.ts')
    const report = await trainChangedSites(database(env.DB), Number.POSITIVE_INFINITY, {
      budgetMs: 0,
      now: (() => {
        let t = 0
        return () => (t += 1)
      })(),
    })
    const at = (site: TestSite) => report.findIndex((r) => r.siteId === site.id)
    expect(at(older)).toBeGreaterThanOrEqual(0)
    expect(at(older)).toBeLessThan(at(newer))
    expect(report[0]?.outcome).not.toMatch(/deferred/)
    for (const later of report.slice(1)) expect(later.outcome).toMatch(/^deferred to the next run/)
  })
})
