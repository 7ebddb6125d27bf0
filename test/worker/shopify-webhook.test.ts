// Shopify's orders webhook: signed by the site's secret, a purchase once whichever of the pixel
// and the webhook arrives first, and a wrong, missing or replayed signature stores nothing.
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { shopifySignature } from '../../worker/shopify/webhook-signature.ts'
import {
  admin,
  call,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

const SECRET = 'shpss_0123456789abcdef0123456789abcdef'
const VISITOR = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6'

async function shopifySite(secret = SECRET): Promise<TestSite> {
  const site = await createSite()
  const res = await admin(site, 'PUT', '/site/shopify', { webhookSecret: secret })
  expect(res.status).toBe(200)
  return site
}

/** An orders/create body shaped like Shopify's (the fields edgelift reads and a few others). */
function order(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `#${id % 10000}`,
    email: 'shopper@example.com',
    currency: 'USD',
    total_price: '59.98',
    subtotal_price: '54.98',
    note_attributes: [{ name: 'el_vid', value: VISITOR }],
    line_items: [
      { id: 1, product_id: 7001, variant_id: 42, quantity: 2, price: '24.99', title: 'Mug' },
      { id: 2, product_id: null, variant_id: null, quantity: 1, price: '5.00', title: 'Gift' },
    ],
    customer: { id: 9001, email: 'shopper@example.com' },
    ...overrides,
  }
}

let deliveries = 0
function deliver(
  site: TestSite,
  body: unknown,
  headers: Record<string, string | null> = {},
): Promise<Response> {
  return deliverRaw(site, JSON.stringify(body), headers)
}

/** A delivery of these bytes as they are, signed with `secret` unless `headers` say otherwise. */
async function deliverRaw(
  site: TestSite,
  body: string | Uint8Array,
  headers: Record<string, string | null> = {},
  secret = SECRET,
): Promise<Response> {
  const all: Record<string, string | null> = {
    'content-type': 'application/json',
    'x-shopify-topic': 'orders/create',
    'x-shopify-webhook-id': `wh-${Date.now()}-${deliveries++}`,
    'x-shopify-hmac-sha256': await shopifySignature(secret, body),
    ...headers,
  }
  const sent = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== null),
  )
  return call(`/v1/webhooks/shopify?site=${site.publicKey}`, {
    method: 'POST',
    headers: sent,
    body,
  })
}

function pixelPurchase(site: TestSite, orderId: string, visitorId = VISITOR) {
  return publicPost(site, '/v1/events', {
    events: [
      { id: eventId(), type: 'purchase', visitorId, orderId, revenue: 59.98, currency: 'USD' },
    ],
  })
}

async function purchases(site: TestSite) {
  return rows<{ visitor_id: string; order_id: string; revenue_minor: number; items: string }>(
    `SELECT visitor_id, order_id, revenue_minor, items FROM events
     WHERE site_id = ? AND type = 'purchase'`,
    site.id,
  )
}

/** Everything a delivery can write for the site: its events and its taken delivery ids. */
async function written(site: TestSite) {
  return {
    events: await rows<{ type: string; order_id: string | null }>(
      'SELECT type, order_id FROM events WHERE site_id = ?',
      site.id,
    ),
    deliveries: await rows<{ webhook_id: string }>(
      'SELECT webhook_id FROM shopify_webhooks WHERE site_id = ?',
      site.id,
    ),
  }
}

const NOTHING = { events: [], deliveries: [] }

describe('PUT /v1/admin/site/shopify', () => {
  it('keeps the secret write-only and answers the webhook address', async () => {
    const site = await createSite()
    const before = await admin(site, 'GET', '/site/shopify')
    expect(await before.json()).toEqual({
      webhookUrl: `https://edge.test/v1/webhooks/shopify?site=${site.publicKey}`,
      webhookSecretSet: false,
    })
    const set = await admin(site, 'PUT', '/site/shopify', { webhookSecret: SECRET })
    const text = await set.text()
    expect(text).not.toContain(SECRET)
    expect(JSON.parse(text)).toMatchObject({ webhookSecretSet: true })
    const removed = await admin(site, 'PUT', '/site/shopify', { webhookSecret: null })
    expect(await removed.json()).toMatchObject({ webhookSecretSet: false })
  })

  it.each([
    [{ webhookSecret: 'short' }],
    [{ webhookSecret: 'has spaces in the middle of it' }],
    [{ webhookSecret: 42 }],
    [{ webhookSecret: SECRET, extra: 1 }],
    [{}],
  ])('refuses %j in the envelope', async (body) => {
    const site = await createSite()
    await expectRefused(await admin(site, 'PUT', '/site/shopify', body), 400, 'invalid_shopify')
  })
})

describe('POST /v1/webhooks/shopify', () => {
  it('stores orders/create as the visitor’s purchase with its revenue and products', async () => {
    const site = await shopifySite()
    const res = await deliver(site, order(5550001))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const [stored, ...more] = await purchases(site)
    expect(more).toEqual([])
    expect(stored).toMatchObject({ visitor_id: VISITOR, order_id: '5550001', revenue_minor: 5998 })
    // The custom line item (no product) is left out.
    expect(JSON.parse(stored?.items ?? '[]')).toEqual([
      { itemId: '7001', quantity: 2, price: 24.99 },
    ])
  })

  it('counts the pixel’s purchase and the webhook once when the pixel is first', async () => {
    const site = await shopifySite()
    expect(
      ((await (await pixelPurchase(site, '5550002')).json()) as { accepted: number }).accepted,
    ).toBe(1)
    const res = await deliver(site, order(5550002))
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] })
    expect(await purchases(site)).toHaveLength(1)
  })

  it('counts them once when the webhook is first', async () => {
    const site = await shopifySite()
    expect((await deliver(site, order(5550003))).status).toBe(200)
    const pixel = (await (await pixelPurchase(site, '5550003')).json()) as { duplicates: number }
    expect(pixel.duplicates).toBe(1)
    expect(await purchases(site)).toHaveLength(1)
  })

  it('finds the pixel’s purchase by order id when the cart carries no el_vid', async () => {
    const site = await shopifySite()
    await pixelPurchase(site, '5550004')
    const res = await deliver(site, order(5550004, { note_attributes: [] }))
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] })
    expect(await purchases(site)).toHaveLength(1)
  })

  it('credits a purchase with neither to the customer’s opaque visitor id', async () => {
    const site = await shopifySite()
    await deliver(site, order(5550005, { note_attributes: [] }))
    const [stored] = await purchases(site)
    expect(stored?.visitor_id).toMatch(/^[0-9a-f]{32}$/)
    expect(stored?.visitor_id).not.toBe('9001')
  })

  it.each([
    ['the customer', { note_attributes: [] }],
    ['the order', { note_attributes: [], customer: null }],
  ])(
    'gives an order stored under %s to the pixel’s visitor when its purchase follows: counted once, in the experiment',
    async (_, overrides) => {
      const site = await shopifySite()
      await startExperiment(site, 'checkout', { coverage: 1 })
      const exposed = await publicPost(site, '/v1/events', {
        events: [{ id: eventId(), type: 'exposure', visitorId: VISITOR, experiment: 'checkout' }],
      })
      expect(exposed.status).toBe(202)
      expect((await deliver(site, order(5550011, overrides))).status).toBe(200)
      const [standIn] = await purchases(site)
      expect(standIn?.visitor_id).not.toBe(VISITOR)

      const pixel = (await (await pixelPurchase(site, '5550011')).json()) as { accepted: number }
      expect(pixel.accepted).toBe(1)
      expect(await purchases(site)).toEqual([
        expect.objectContaining({ visitor_id: VISITOR, order_id: '5550011', revenue_minor: 5998 }),
      ])
      const converted = await rows<{ visitor_id: string; conversions: number }>(
        `SELECT visitor_id, conversions FROM assignments WHERE site_id = ? AND conversions > 0`,
        site.id,
      )
      expect(converted).toEqual([{ visitor_id: VISITOR, conversions: 1 }])
      expect(await rows(`SELECT * FROM order_stand_ins WHERE site_id = ?`, site.id)).toEqual([])
      // The pixel's purchase sent again is a duplicate; the order still counts once.
      const again = (await (await pixelPurchase(site, '5550011')).json()) as { duplicates: number }
      expect(again.duplicates).toBe(1)
      expect(await purchases(site)).toHaveLength(1)
    },
  )

  it('keeps an order stored under a stand-in when a purchase of another total names it', async () => {
    const site = await shopifySite()
    await deliver(site, order(5550012, { note_attributes: [] }))
    const guessed = await publicPost(site, '/v1/events', {
      events: [
        {
          id: eventId(),
          type: 'purchase',
          visitorId: VISITOR,
          orderId: '5550012',
          revenue: 1,
          currency: 'USD',
        },
      ],
    })
    expect(guessed.status).toBe(202)
    const stored = await purchases(site)
    expect(stored.map((p) => p.revenue_minor).sort()).toEqual([100, 5998])
    expect(stored.find((p) => p.revenue_minor === 5998)?.visitor_id).not.toBe(VISITOR)
  })

  it('acknowledges other topics without storing anything', async () => {
    const site = await shopifySite()
    const res = await deliver(site, { id: 1 }, { 'x-shopify-topic': 'products/update' })
    expect(await res.json()).toEqual({ ignored: 'products/update' })
    expect(await purchases(site)).toEqual([])
  })

  it('refuses a wrong signature with 401 and stores nothing', async () => {
    const site = await shopifySite()
    const forged = await shopifySignature('not-the-secret-at-all', JSON.stringify(order(5550006)))
    await expectRefused(
      await deliver(site, order(5550006), { 'x-shopify-hmac-sha256': forged }),
      401,
      'invalid_signature',
    )
    // Signed for another body: the amount was changed on the way.
    const signed = await shopifySignature(SECRET, JSON.stringify(order(5550006)))
    await expectRefused(
      await deliver(site, order(5550006, { total_price: '0.01' }), {
        'x-shopify-hmac-sha256': signed,
      }),
      401,
      'invalid_signature',
    )
    await expectRefused(
      await deliver(site, order(5550006), { 'x-shopify-hmac-sha256': 'not base64!' }),
      401,
      'invalid_signature',
    )
    expect(await purchases(site)).toEqual([])
    expect(await rows(`SELECT * FROM shopify_webhooks WHERE site_id = ?`, site.id)).toEqual([])
  })

  it('refuses a missing signature with 401', async () => {
    const site = await shopifySite()
    await expectRefused(
      await deliver(site, order(5550007), { 'x-shopify-hmac-sha256': null }),
      401,
      'missing_signature',
    )
    expect(await purchases(site)).toEqual([])
  })

  it('refuses a replayed delivery with 401 and stores nothing from it', async () => {
    const site = await shopifySite()
    const id = { 'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' }
    expect((await deliver(site, order(5550008), id)).status).toBe(200)
    await expectRefused(await deliver(site, order(5550008), id), 401, 'replayed_webhook')
    // The same delivery id with another (validly signed) order is a replay too.
    await expectRefused(await deliver(site, order(5550009), id), 401, 'replayed_webhook')
    expect((await purchases(site)).map((p) => p.order_id)).toEqual(['5550008'])
  })

  it('leaves no claim when the purchase cannot be stored, so Shopify’s retry is taken', async () => {
    const site = await shopifySite()
    const id = { 'x-shopify-webhook-id': `outage-${eventId()}` }
    // D1 refuses the site's purchase, and would refuse undoing a claim too, as an outage would.
    const triggers = [
      { name: 'fail_events', on: 'INSERT ON events', row: 'NEW' },
      { name: 'fail_unclaim', on: 'DELETE ON shopify_webhooks', row: 'OLD' },
    ].map((t) => ({ ...t, name: `${t.name}_${site.id}`.replace(/\W/g, '_') }))
    for (const { name, on, row } of triggers)
      await env.DB.exec(
        `CREATE TRIGGER ${name} BEFORE ${on} WHEN ${row}.site_id = '${site.id}' BEGIN SELECT RAISE(ABORT, 'unavailable'); END`,
      )
    try {
      const failed = await deliver(site, order(5550030), id)
      await expectRefused(failed, 503, 'storage_unavailable')
    } finally {
      for (const { name } of triggers) await env.DB.exec(`DROP TRIGGER ${name}`)
    }
    expect(await written(site)).toEqual(NOTHING)
    const retried = await deliver(site, order(5550030), id)
    expect(await retried.json()).toMatchObject({ accepted: 1 })
    expect((await purchases(site)).map((p) => p.order_id)).toEqual(['5550030'])
  })

  it('tallies an order in another currency for the site’s health, storing nothing', async () => {
    const site = await shopifySite()
    const res = await deliver(site, order(5550040, { currency: 'GBP' }))
    expect(await res.json()).toMatchObject({
      accepted: 0,
      rejected: [{ index: 0, code: 'currency_mismatch' }],
    })
    expect((await written(site)).events).toEqual([])
    // The tally is written after the answer.
    let refusals: unknown[] = []
    for (let i = 0; i < 40 && refusals.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50))
      refusals = ((await (await admin(site, 'GET', '/health')).json()) as { refusals: unknown[] })
        .refusals
    }
    expect(refusals).toEqual([
      { code: 'currency_mismatch', count: 1, lastAt: expect.any(Number), lastDetail: 'GBP' },
    ])
  })

  it('refuses a site without a secret, and unknown or missing keys, with 401', async () => {
    const site = await createSite()
    await expectRefused(await deliver(site, order(5550010)), 401, 'webhook_not_configured')
    const res = await call('/v1/webhooks/shopify?site=pk_unknown', { method: 'POST', body: '{}' })
    await expectRefused(res, 401, 'unknown_key')
    await expectRefused(
      await call('/v1/webhooks/shopify', { method: 'POST', body: '{}' }),
      401,
      'missing_key',
    )
    expect(await purchases(site)).toEqual([])
  })

  it('answers a signed but malformed order with 400 and takes a corrected retry', async () => {
    const site = await shopifySite()
    const id = { 'x-shopify-webhook-id': 'retry-after-400' }
    await expectRefused(
      await deliver(site, order(5550011, { total_price: 'free' }), id),
      400,
      'invalid_order',
    )
    await expectRefused(
      await deliver(site, 'not an order', { 'x-shopify-webhook-id': 'x' }),
      400,
      'invalid_order',
    )
    expect((await deliver(site, order(5550011), id)).status).toBe(200)
    expect(await purchases(site)).toHaveLength(1)
  })

  it('refuses a body over 1 MB with 413', async () => {
    const site = await shopifySite()
    const big = order(5550012, { note: 'x'.repeat(1024 * 1024) })
    await expectRefused(await deliver(site, big), 413, 'body_too_large')
  })

  it('answers 400 malformed_json to a signed body that is not JSON or not UTF-8, and takes a corrected retry', async () => {
    const site = await shopifySite()
    const id = { 'x-shopify-webhook-id': 'retry-after-malformed' }
    const cut = JSON.stringify(order(5550020)).slice(0, -10)
    await expectRefused(await deliverRaw(site, cut, id), 400, 'malformed_json')
    // {"id":5550020,"name":"caf<0xE9>"}: Latin-1, not UTF-8, validly signed.
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode('{"id":5550020,"name":"caf'),
      0xe9,
      ...new TextEncoder().encode('"}'),
    ])
    await expectRefused(await deliverRaw(site, latin1, id), 400, 'malformed_json')
    // The refusals took no delivery id, so Shopify's retry of the same delivery is stored.
    expect(await written(site)).toEqual(NOTHING)
    expect((await deliver(site, order(5550020), id)).status).toBe(200)
    expect((await purchases(site)).map((p) => p.order_id)).toEqual(['5550020'])
  })

  it('answers 400 invalid_webhook_id to a signed delivery without a usable id, storing nothing', async () => {
    const site = await shopifySite()
    for (const id of [null, '', 'has space', 'x'.repeat(101), '../../etc', "id';--"]) {
      const res = await deliver(site, order(5550021), { 'x-shopify-webhook-id': id })
      await expectRefused(res, 400, 'invalid_webhook_id')
    }
    expect(await written(site)).toEqual(NOTHING)
    // An id of 100 characters is Shopify's shape at the cap, and is taken.
    const atCap = await deliver(site, order(5550021), { 'x-shopify-webhook-id': 'x'.repeat(100) })
    expect(atCap.status).toBe(200)
    expect((await written(site)).deliveries).toEqual([{ webhook_id: 'x'.repeat(100) }])
  })

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['application/xml']])(
    'answers 415 unsupported_media_type to a signed %s delivery, storing nothing',
    async (type) => {
      const site = await shopifySite()
      const res = await deliver(site, order(5550022), { 'content-type': type })
      await expectRefused(res, 415, 'unsupported_media_type')
      expect(await written(site)).toEqual(NOTHING)
    },
  )

  it('refuses a delivery signed with another site’s secret with 401, storing nothing for either', async () => {
    const mine = await shopifySite('shpss_mine_0123456789abcdef0123456789')
    const theirs = await shopifySite('shpss_theirs_0123456789abcdef01234567')
    const body = JSON.stringify(order(5550023))
    const id = { 'x-shopify-webhook-id': 'cross-site-delivery' }
    const forged = await deliverRaw(mine, body, id, 'shpss_theirs_0123456789abcdef01234567')
    await expectRefused(forged, 401, 'invalid_signature')
    expect(await written(mine)).toEqual(NOTHING)
    expect(await written(theirs)).toEqual(NOTHING)
    // The same delivery signed with this site's own secret is stored, on this site only.
    const signed = await deliverRaw(mine, body, id, 'shpss_mine_0123456789abcdef0123456789')
    expect(signed.status).toBe(200)
    expect((await purchases(mine)).map((p) => p.order_id)).toEqual(['5550023'])
    expect(await written(theirs)).toEqual(NOTHING)
  })

  it('takes the same delivery id once per site: replays are told apart within a site, not across', async () => {
    // Delivery ids are claimed per site (shopify_webhooks' key is site and id), so one store's
    // deliveries can never block another's.
    const first = await shopifySite()
    const second = await shopifySite()
    const id = { 'x-shopify-webhook-id': 'same-delivery-both-sites' }
    for (const site of [first, second]) {
      const res = await deliver(site, order(5550024), id)
      expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    }
    for (const site of [first, second]) {
      expect((await purchases(site)).map((p) => p.order_id)).toEqual(['5550024'])
      expect((await written(site)).deliveries).toEqual([{ webhook_id: 'same-delivery-both-sites' }])
      await expectRefused(await deliver(site, order(5550024), id), 401, 'replayed_webhook')
      expect(await purchases(site)).toHaveLength(1)
    }
  })
})
