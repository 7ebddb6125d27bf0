// The public routes' real answers, success and refusal, against the OpenAPI document the Worker
// serves (support/openapi.ts): every documented public route at least once each way.
import { describe, expect, it } from 'vitest'
import { shopifySignature } from '../../worker/shopify/webhook-signature.ts'
import { operations } from '../../worker/openapi/document.ts'
import { admin, call, createSite, eventId, publicPost, startExperiment } from './support/api.ts'
import { checked, expectDocumented, INPUT_REFUSALS, takesInput } from './support/openapi.ts'

const SECRET = 'shpss_0123456789abcdef0123456789abcdef'

describe('public answers match the document', () => {
  it('GET /v1/health, /v1/openapi.json and /docs', async () => {
    await expectDocumented(await call('/v1/health'), 'GET', '/v1/health')
    await expectDocumented(await call('/v1/openapi.json'), 'GET', '/v1/openapi.json')
    await expectDocumented(await call('/docs'), 'GET', '/docs')
  })

  it('POST /v1/assign', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero')
    const body = await expectDocumented(
      await publicPost(site, '/v1/assign', { visitorId: 'visitor-1' }),
      'POST',
      '/v1/assign',
    )
    expect(body).toMatchObject({ visitorId: 'visitor-1', assignments: { hero: {} } })
    await expectDocumented(
      await publicPost(site, '/v1/assign', { visitorId: 'has space' }),
      'POST',
      '/v1/assign',
    )
    await expectDocumented(
      await call('/v1/assign?site=pk_unknown', { method: 'POST' }),
      'POST',
      '/v1/assign',
    )
  })

  it('POST /v1/events', async () => {
    const site = await createSite()
    const view = {
      id: eventId(),
      type: 'view',
      visitorId: 'visitor-1',
      itemId: 'SKU-1',
      product: { title: 'Mug', url: 'https://shop.example/mug', price: 12, currency: 'USD' },
    }
    const res = await publicPost(site, '/v1/events', { events: [view, { id: 'x', type: 'nope' }] })
    expect(await expectDocumented(res, 'POST', '/v1/events')).toMatchObject({ accepted: 1 })
    const tooMany = Array.from({ length: 101 }, () => view)
    await expectDocumented(
      await publicPost(site, '/v1/events', { events: tooMany }),
      'POST',
      '/v1/events',
    )
    await expectDocumented(
      await publicPost(site, '/v1/events', { nothing: true }),
      'POST',
      '/v1/events',
    )
  })

  it('GET /v1/recs', async () => {
    const site = await createSite()
    await admin(site, 'PUT', '/catalog', {
      items: [{ itemId: 'A', title: 'A', url: 'https://shop.example/a' }],
    })
    const ok = await call(`/v1/recs?site=${site.publicKey}&slot=trending`)
    expect(await expectDocumented(ok, 'GET', '/v1/recs')).toMatchObject({ slot: 'trending' })
    const personal = await call(`/v1/recs?site=${site.publicKey}&slot=personal`)
    expect(await expectDocumented(personal, 'GET', '/v1/recs')).toMatchObject({
      fallback: expect.any(String),
    })
    await expectDocumented(
      await call(`/v1/recs?site=${site.publicKey}&slot=nope`),
      'GET',
      '/v1/recs',
    )
  })

  it('GET /v1/intent', async () => {
    const site = await createSite()
    const ok = await call(`/v1/intent?site=${site.publicKey}&visitorId=visitor-1`)
    await expectDocumented(ok, 'GET', '/v1/intent')
    await expectDocumented(await call(`/v1/intent?site=${site.publicKey}`), 'GET', '/v1/intent')
  })

  it('DELETE /v1/visitors/{visitorId}', async () => {
    const site = await createSite()
    const ok = await call('/v1/visitors/customer-7', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    await expectDocumented(ok, 'DELETE', '/v1/visitors/{visitorId}')
    // A merchant's own id with only the public key: 403 admin_key_required.
    const refused = await call(`/v1/visitors/customer-7?site=${site.publicKey}`, {
      method: 'DELETE',
    })
    await expectDocumented(refused, 'DELETE', '/v1/visitors/{visitorId}')
    // 129 characters: 400 invalid_visitor_id.
    const tooLong = await call(`/v1/visitors/${'v'.repeat(129)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${site.adminKey}` },
    })
    expect(await expectDocumented(tooLong, 'DELETE', '/v1/visitors/{visitorId}')).toMatchObject({
      error: { code: 'invalid_visitor_id' },
    })
  })

  it('POST /v1/webhooks/shopify', async () => {
    const site = await createSite()
    const unconfigured = await call(`/v1/webhooks/shopify?site=${site.publicKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    await expectDocumented(unconfigured, 'POST', '/v1/webhooks/shopify')
    expect((await admin(site, 'PUT', '/site/shopify', { webhookSecret: SECRET })).status).toBe(200)
    const deliver = async (topic: string, body: unknown) => {
      const text = JSON.stringify(body)
      return call(`/v1/webhooks/shopify?site=${site.publicKey}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': topic,
          'x-shopify-webhook-id': `wh-${eventId()}`,
          'x-shopify-hmac-sha256': await shopifySignature(SECRET, text),
        },
        body: text,
      })
    }
    const order = {
      id: 5001,
      currency: 'USD',
      total_price: '20.00',
      note_attributes: [{ name: 'el_vid', value: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' }],
      line_items: [{ product_id: 7001, variant_id: 42, quantity: 1, price: '20.00' }],
    }
    const purchase = await expectDocumented(
      await deliver('orders/create', order),
      'POST',
      '/v1/webhooks/shopify',
    )
    expect(purchase).toMatchObject({ accepted: 1 })
    // A signed order whose total is not a price: 400, not stored.
    const malformed = await deliver('orders/create', { ...order, id: 5002, total_price: 'lots' })
    expect(await expectDocumented(malformed, 'POST', '/v1/webhooks/shopify')).toMatchObject({
      error: { code: 'invalid_order' },
    })
    const ignored = await deliver('orders/updated', order)
    expect(await expectDocumented(ignored, 'POST', '/v1/webhooks/shopify')).toEqual({
      ignored: 'orders/updated',
    })
  })

  it('validated a success and a refusal of every public route', () => {
    const statuses = (op: { method: string; path: string }) =>
      [...checked]
        .filter((c) => c.startsWith(`${op.method.toUpperCase()} ${op.path} `))
        .map((c) => Number(c.split(' ')[2]))
    // The reference and the health check refuse nothing of their own.
    const refuseNothing = new Set(['/v1/health', '/v1/openapi.json', '/docs'])
    const unrefused: string[] = []
    for (const op of operations.filter((o) => !o.path.startsWith('/v1/admin'))) {
      const seen = statuses(op)
      expect(
        seen.some((s) => s < 300),
        `${op.method} ${op.path} success`,
      ).toBe(true)
      if (!refuseNothing.has(op.path)) {
        expect(
          seen.some((s) => s >= 400),
          `${op.method} ${op.path} refusal`,
        ).toBe(true)
      }
      // A bad key refuses every route alike: a route that reads input shows a refusal of it too.
      if (takesInput(op) && !seen.some((s) => INPUT_REFUSALS.has(s)))
        unrefused.push(`${op.method} ${op.path}`)
    }
    expect(unrefused).toEqual([])
  })
})
