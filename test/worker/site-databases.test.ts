import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  boundDatabases,
  databaseSizes,
  emptiestDatabase,
  placeSite,
  primaryDatabase,
} from '../../worker/db/site-databases.ts'
import { moveSite } from '../../worker/sites/move-site.ts'
import { shopifySignature } from '../../worker/shopify/webhook-signature.ts'
import {
  admin,
  call,
  createSite,
  createSiteOnSecond,
  eventId,
  expectRefused,
  publicPost,
  startExperiment,
  type TestSite,
} from './support/api.ts'

async function count(db: D1Database, query: string, ...params: unknown[]): Promise<number> {
  const row = await db
    .prepare(query)
    .bind(...params)
    .first<{ n: number }>()
  return row?.n ?? 0
}

async function sendEvents(site: TestSite, visitors: number, key: string) {
  const events = []
  for (let i = 0; i < visitors; i++) {
    const visitorId = `${key}-v${i}`
    events.push({ id: eventId(), type: 'exposure', visitorId, experiment: key })
    events.push({ id: eventId(), type: 'purchase', visitorId, revenue: 5 + i })
  }
  const res = await publicPost(site, '/v1/events', { events })
  expect(res.status).toBe(202)
}

describe('sites on several databases', () => {
  it('serves each site from its own database and nothing crosses', async () => {
    const first = await createSite()
    const second = await createSiteOnSecond()
    await startExperiment(first, 'on-first')
    await startExperiment(second, 'on-second')
    await sendEvents(first, 2, 'on-first')
    await sendEvents(second, 3, 'on-second')

    const events = 'SELECT count(*) AS n FROM events WHERE site_id = ?'
    expect(await count(env.DB, events, first.id)).toBe(4)
    expect(await count(env.DB_2, events, first.id)).toBe(0)
    expect(await count(env.DB_2, events, second.id)).toBe(6)
    expect(await count(env.DB, events, second.id)).toBe(0)

    const results = await admin(second, 'GET', '/experiments/on-second/results')
    expect(await results.json()).toMatchObject({
      variations: expect.arrayContaining([
        expect.objectContaining({ visitors: expect.any(Number) }),
      ]),
    })
    // Each admin key reaches its own site only, whichever database the other one is on.
    await expectRefused(
      await admin(second, 'GET', '/experiments/on-first/results'),
      404,
      'not_found',
    )
    await expectRefused(
      await admin(first, 'GET', '/experiments/on-second/results'),
      404,
      'not_found',
    )
  })

  it('answers 503 for a site whose database is not bound, and serves the others', async () => {
    const first = await createSite()
    const stranded = await createSiteOnSecond()
    await placeSite(primaryDatabase(env), stranded.id, 'DB_GONE', Date.now())

    const refused = await publicPost(stranded, '/v1/events', {
      events: [{ id: eventId(), type: 'view', visitorId: 'v1', itemId: 'i1' }],
    })
    const error = await expectRefused(refused, 503, 'site_database_unavailable')
    expect(error.message).toMatch(/DB_GONE/)
    await expectRefused(await admin(stranded, 'GET', '/site'), 503, 'site_database_unavailable')
    expect(
      await count(env.DB_2, 'SELECT count(*) AS n FROM events WHERE site_id = ?', stranded.id),
    ).toBe(0)

    expect((await admin(first, 'GET', '/site')).status).toBe(200)
    const served = await publicPost(first, '/v1/events', {
      events: [{ id: eventId(), type: 'view', visitorId: 'v1', itemId: 'i1' }],
    })
    expect(served.status).toBe(202)
  })

  it('takes a Shopify order webhook for a site on the second database, on that database', async () => {
    const site = await createSiteOnSecond()
    const secret = 'shpss_second_database_secret_0123456789'
    expect((await admin(site, 'PUT', '/site/shopify', { webhookSecret: secret })).status).toBe(200)
    const body = JSON.stringify({
      id: 7770001,
      currency: 'USD',
      total_price: '12.00',
      note_attributes: [{ name: 'el_vid', value: 'second-db-buyer' }],
      line_items: [{ id: 1, product_id: 7001, variant_id: 42, quantity: 1, price: '12.00' }],
    })
    const res = await call(`/v1/webhooks/shopify?site=${site.publicKey}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-webhook-id': `wh-second-${Date.now()}`,
        'x-shopify-hmac-sha256': await shopifySignature(secret, body),
      },
      body,
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const purchases = `SELECT count(*) AS n FROM events WHERE site_id = ? AND type = 'purchase'`
    expect(await count(env.DB_2, purchases, site.id)).toBe(1)
    expect(await count(env.DB, purchases, site.id)).toBe(0)
  })

  it('moves a site with all its rows, and it answers the same from the new database', async () => {
    const site = await createSite()
    await startExperiment(site, 'moving', {
      metrics: [{ key: 'spend', kind: 'revenue_per_visitor' }],
    })
    await sendEvents(site, 4, 'moving')
    const before = await (await admin(site, 'GET', '/experiments/moving/results')).json()
    const tables = ['sites', 'experiments', 'events', 'assignments', 'audit_log']
    const rowsOn = (db: D1Database) =>
      Promise.all(
        tables.map((t) =>
          count(
            db,
            `SELECT count(*) AS n FROM ${t} WHERE ${t === 'sites' ? 'id' : 'site_id'} = ?`,
            site.id,
          ),
        ),
      )
    const onFirst = await rowsOn(env.DB)

    const report = await moveSite(env, site.id, 'DB_2', Date.now())
    expect(report).toMatchObject({ from: 'DB', to: 'DB_2', rows: { events: 8 } })
    expect(await rowsOn(env.DB_2)).toEqual(onFirst)
    expect(await rowsOn(env.DB)).toEqual(tables.map(() => 0))

    expect(await (await admin(site, 'GET', '/experiments/moving/results')).json()).toEqual(before)
    await sendEvents(site, 1, 'moving')
    expect(
      await count(env.DB_2, 'SELECT count(*) AS n FROM events WHERE site_id = ?', site.id),
    ).toBe(10)
  })

  it('refuses a move to a database it does not have, or to where the site is', async () => {
    const site = await createSite()
    await expect(moveSite(env, site.id, 'DB_9', Date.now())).rejects.toMatchObject({
      code: 'unknown_database',
    })
    await expect(moveSite(env, site.id, 'DB', Date.now())).rejects.toMatchObject({
      code: 'same_database',
    })
    await expect(moveSite(env, 'site_nobody', 'DB_2', Date.now())).rejects.toMatchObject({
      code: 'not_found',
    })
  })

  it('places a new site on the emptiest database', async () => {
    const sizes = await databaseSizes(boundDatabases(env))
    expect(sizes.map((s) => s.binding)).toEqual(['DB', 'DB_2'])
    expect(sizes.every((s) => s.bytes > 0)).toBe(true)
    const smaller = sizes.reduce((a, b) => (b.bytes < a.bytes ? b : a))
    expect(emptiestDatabase(sizes)).toBe(smaller.binding)
    expect(
      emptiestDatabase([
        { binding: 'DB', bytes: 900 },
        { binding: 'DB_2', bytes: 100 },
      ]),
    ).toBe('DB_2')
  })
})
