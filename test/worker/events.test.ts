import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { assignVariation } from '../../shared/bucketing.ts'
import {
  admin,
  call,
  createSite,
  errorOf,
  eventId,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

type IngestBody = {
  accepted: number
  duplicates: number
  rejected: { index: number; code: string }[]
}

async function send(site: TestSite, events: unknown[], headers: Record<string, string> = {}) {
  const res = await publicPost(site, '/v1/events', { events }, headers)
  return { status: res.status, body: (await res.json()) as IngestBody }
}

async function countEvents(site: TestSite): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT count(*) AS n FROM events WHERE site_id = ?',
    site.id,
  )
  return row?.n ?? -1
}

function view(visitorId = 'v1') {
  return { id: eventId(), type: 'view', visitorId, itemId: 'SKU-1' }
}

describe('POST /v1/events', () => {
  it('stores a batch and answers 202 with counts', async () => {
    const site = await createSite()
    const { status, body } = await send(site, [view(), view(), view('v2')])
    expect(status).toBe(202)
    expect(body).toEqual({ accepted: 3, duplicates: 0, rejected: [] })
    expect(await countEvents(site)).toBe(3)
  })

  it('stores a replayed event once, across batches and within one', async () => {
    const site = await createSite()
    const event = view()
    expect((await send(site, [event])).body).toMatchObject({ accepted: 1, duplicates: 0 })
    expect((await send(site, [event, view()])).body).toMatchObject({ accepted: 1, duplicates: 1 })
    const twice = view()
    expect((await send(site, [twice, twice])).body).toMatchObject({ accepted: 1, duplicates: 1 })
    expect(await countEvents(site)).toBe(3)
  })

  it('stores an event once when its replay arrives concurrently', async () => {
    const site = await createSite()
    const batch = Array.from({ length: 50 }, () => view())
    const results = await Promise.all(Array.from({ length: 8 }, () => send(site, batch)))
    const accepted = results.reduce((sum, r) => sum + r.body.accepted, 0)
    const duplicates = results.reduce((sum, r) => sum + r.body.duplicates, 0)
    expect(accepted).toBe(50)
    expect(duplicates).toBe(50 * 7)
    expect(await countEvents(site)).toBe(50)
  })

  it('counts an order once when a reloaded thank-you page sends it again with a new id', async () => {
    const site = await createSite()
    const order = (orderId: string, itemId?: string) => ({
      id: eventId(),
      type: 'purchase',
      visitorId: 'buyer',
      orderId,
      revenue: 42.5,
      ...(itemId && { itemId }),
    })
    expect((await send(site, [order('A-1001')])).body).toMatchObject({ accepted: 1 })
    expect((await send(site, [order('A-1001'), order('A-1001')])).body).toMatchObject({
      accepted: 0,
      duplicates: 2,
    })
    // Another order, and one order sent as an event per item, are all kept.
    const perItem = [order('A-1002', 'SKU-1'), order('A-1002', 'SKU-2')]
    expect((await send(site, [order('A-1003'), ...perItem])).body).toMatchObject({ accepted: 3 })
    const stored = await rows<{ order_id: string; revenue_minor: number }>(
      `SELECT order_id, revenue_minor FROM events WHERE site_id = ? ORDER BY order_id`,
      site.id,
    )
    expect(stored.map((r) => r.order_id)).toEqual(['A-1001', 'A-1002', 'A-1002', 'A-1003'])
  })

  it("does not let another visitor's copy of an order number drop the real purchase", async () => {
    const site = await createSite()
    const purchase = (visitorId: string, revenue: number) => ({
      id: eventId(),
      type: 'purchase',
      visitorId,
      orderId: '1001',
      revenue,
    })
    // Order numbers are guessable: someone with the public key sends 1001 first.
    expect((await send(site, [purchase('squatter', 0.01)])).body).toMatchObject({ accepted: 1 })
    expect((await send(site, [purchase('real-customer', 250)])).body).toMatchObject({
      accepted: 1,
      duplicates: 0,
    })
    const stored = await rows<{ visitor_id: string; revenue_minor: number }>(
      `SELECT visitor_id, revenue_minor FROM events WHERE site_id = ? ORDER BY visitor_id`,
      site.id,
    )
    expect(stored).toEqual([
      { visitor_id: 'real-customer', revenue_minor: 25000 },
      { visitor_id: 'squatter', revenue_minor: 1 },
    ])
  })

  it('keeps event ids per site: the same id on two sites is two events', async () => {
    const a = await createSite()
    const b = await createSite()
    const event = view()
    expect((await send(a, [event])).body.accepted).toBe(1)
    expect((await send(b, [event])).body.accepted).toBe(1)
  })

  it('rejects invalid events by index and stores the valid ones', async () => {
    const site = await createSite()
    const batch = [
      view(),
      { ...view(), id: 'short' },
      { ...view(), id: 'has space in it' },
      { id: eventId(), type: 'purchase', visitorId: 'v1', revenue: -5 },
      { id: eventId(), type: 'purchase', visitorId: 'v1', revenue: 1e12 },
      { id: eventId(), type: 'purchase', visitorId: 'v1', revenue: 'NaN' },
      { id: eventId(), type: 'purchase', visitorId: 'v1', revenue: 10, currency: 'XYZ' },
      { id: eventId(), type: 'teleport', visitorId: 'v1' },
      { id: eventId(), type: 'exposure', visitorId: 'v1' },
      { id: eventId(), type: 'custom', visitorId: 'v1' },
      'not an object',
      { id: eventId(), type: 'purchase', visitorId: 'v1', revenue: 12.5, currency: 'USD' },
    ]
    const { status, body } = await send(site, batch)
    expect(status).toBe(202)
    expect(body.accepted).toBe(2)
    expect(body.rejected).toEqual([
      { index: 1, code: 'invalid_id', message: expect.any(String) },
      { index: 2, code: 'invalid_id', message: expect.any(String) },
      { index: 3, code: 'invalid_revenue', message: expect.any(String) },
      { index: 4, code: 'invalid_revenue', message: expect.any(String) },
      { index: 5, code: 'invalid_revenue', message: expect.any(String) },
      { index: 6, code: 'unknown_currency', message: expect.any(String) },
      { index: 7, code: 'invalid_type', message: expect.any(String) },
      { index: 8, code: 'invalid_experiment', message: expect.any(String) },
      { index: 9, code: 'invalid_name', message: expect.any(String) },
      { index: 10, code: 'invalid_event', message: expect.any(String) },
    ])
    expect(await countEvents(site)).toBe(2)
  })

  it('stores money in minor units of the site’s currency', async () => {
    const cases = [
      { revenue: 12.34, currency: 'EUR', minor: 1234 },
      { revenue: 1500, currency: 'JPY', minor: 1500 },
      { revenue: 1.234, currency: 'KWD', minor: 1234 },
    ]
    for (const { revenue, currency, minor } of cases) {
      const site = await createSite({ currency })
      await send(site, [{ id: eventId(), type: 'purchase', visitorId: 'v', revenue, currency }])
      expect(
        await rows('SELECT revenue_minor, currency FROM events WHERE site_id = ?', site.id),
      ).toEqual([{ revenue_minor: minor, currency }])
    }
  })

  it('refuses by index an amount in another currency than the site’s, never storing it unsummed', async () => {
    const site = await createSite({ currency: 'EUR' })
    const { status, body } = await send(site, [
      { id: eventId(), type: 'purchase', visitorId: 'v', revenue: 42.5, currency: 'GBP' },
      { id: eventId(), type: 'purchase', visitorId: 'v', revenue: 42.5, currency: 'EUR' },
      { id: eventId(), type: 'purchase', visitorId: 'v', revenue: 10 },
    ])
    expect(status).toBe(202)
    expect(body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [{ index: 0, code: 'currency_mismatch', message: expect.stringContaining('EUR') }],
    })
    expect(
      await rows('SELECT currency FROM events WHERE site_id = ? ORDER BY currency', site.id),
    ).toEqual([{ currency: 'EUR' }, { currency: 'EUR' }])
  })

  it('stores the server receive time beside the client clock and flags a far-off clock', async () => {
    const site = await createSite()
    const before = Date.now()
    const skewed = { ...view(), ts: before - 30 * 24 * 3600 * 1000 }
    const fine = { ...view(), ts: before - 1000 }
    await send(site, [skewed, fine])
    const stored = await rows<{
      id: string
      client_ts: number
      received_at: number
      at: number
      clock_skewed: number
    }>('SELECT id, client_ts, received_at, at, clock_skewed FROM events WHERE site_id = ?', site.id)
    const byId = new Map(stored.map((r) => [r.id, r]))
    expect(byId.get(skewed.id)).toMatchObject({ client_ts: skewed.ts, clock_skewed: 1 })
    expect(byId.get(fine.id)).toMatchObject({ client_ts: fine.ts, clock_skewed: 0 })
    for (const row of stored) {
      expect(row.received_at).toBeGreaterThanOrEqual(before)
      expect(row.at).toBe(row.received_at)
    }
  })

  it('counts nothing from an obvious bot', async () => {
    const site = await createSite()
    const res = await publicPost(
      site,
      '/v1/events',
      { events: [view()] },
      {
        'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      },
    )
    expect(res.status).toBe(202)
    expect(await res.json()).toMatchObject({ accepted: 0, ignored: 1 })
    expect(await countEvents(site)).toBe(0)
  })
})

describe('POST /v1/events exposures and conversions', () => {
  it('records the assignment once, with the variation the edge assigns', async () => {
    const site = await createSite()
    await startExperiment(site, 'exp-a')
    const exposure = () => ({
      id: eventId(),
      type: 'exposure',
      visitorId: 'visitor-42',
      experiment: 'exp-a',
    })
    await send(site, [exposure(), exposure()])
    await send(site, [exposure()])
    const stored = await rows<{ variation: number; phase: number }>(
      'SELECT variation, phase FROM assignments WHERE site_id = ? AND experiment_key = ?',
      site.id,
      'exp-a',
    )
    const expected = assignVariation(
      { seed: 'exp-a', weights: [0.5, 0.5], coverage: 1 },
      'visitor-42',
    )
    expect(stored).toEqual([{ variation: expected, phase: 1 }])
  })

  it('rejects exposures for an unknown, a stopped or a draft experiment by index', async () => {
    const site = await createSite()
    await startExperiment(site, 'stopped-exp')
    await admin(site, 'POST', '/experiments/stopped-exp/stop')
    await admin(site, 'POST', '/experiments', {
      key: 'draft-exp',
      variations: [
        { key: 'a', weight: 0.5 },
        { key: 'b', weight: 0.5 },
      ],
    })
    const { body } = await send(site, [
      { id: eventId(), type: 'exposure', visitorId: 'v', experiment: 'nope' },
      { id: eventId(), type: 'exposure', visitorId: 'v', experiment: 'stopped-exp' },
      { id: eventId(), type: 'exposure', visitorId: 'v', experiment: 'draft-exp' },
      view(),
    ])
    expect(body.accepted).toBe(1)
    expect(body.rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'experiment_not_running'],
      [1, 'experiment_not_running'],
      [2, 'experiment_not_running'],
    ])
    expect(await rows('SELECT * FROM assignments WHERE site_id = ?', site.id)).toEqual([])
  })

  it('marks the assignment converted by a goal event after exposure, with revenue, exactly once', async () => {
    const site = await createSite()
    await startExperiment(site, 'conv')
    const before = { id: eventId(), type: 'purchase', visitorId: 'buyer', revenue: 99 }
    await send(site, [before])
    await send(site, [{ id: eventId(), type: 'exposure', visitorId: 'buyer', experiment: 'conv' }])
    let [row] = await rows<{
      converted_at: number | null
      conversions: number
      revenue_minor: number
    }>(
      'SELECT converted_at, conversions, revenue_minor FROM assignments WHERE site_id = ?',
      site.id,
    )
    expect(row).toEqual({ converted_at: null, conversions: 0, revenue_minor: 0 })
    const purchase = { id: eventId(), type: 'purchase', visitorId: 'buyer', revenue: 20.5 }
    await send(site, [purchase])
    await send(site, [
      purchase,
      { id: eventId(), type: 'purchase', visitorId: 'buyer', revenue: 4.5, currency: 'USD' },
    ])
    ;[row] = await rows(
      'SELECT converted_at, conversions, revenue_minor FROM assignments WHERE site_id = ?',
      site.id,
    )
    expect(row?.converted_at).toEqual(expect.any(Number))
    expect(row?.conversions).toBe(2)
    expect(row?.revenue_minor).toBe(2500)
  })

  it('counts only the configured goal, and a custom goal by name', async () => {
    const site = await createSite()
    await startExperiment(site, 'signup', { goal: { event: 'custom', name: 'newsletter' } })
    await send(site, [{ id: eventId(), type: 'exposure', visitorId: 'v', experiment: 'signup' }])
    await send(site, [
      { id: eventId(), type: 'purchase', visitorId: 'v', revenue: 5 },
      { id: eventId(), type: 'custom', visitorId: 'v', name: 'other' },
    ])
    let [row] = await rows<{ conversions: number }>(
      'SELECT conversions FROM assignments WHERE site_id = ?',
      site.id,
    )
    expect(row?.conversions).toBe(0)
    await send(site, [{ id: eventId(), type: 'custom', visitorId: 'v', name: 'newsletter' }])
    ;[row] = await rows('SELECT conversions FROM assignments WHERE site_id = ?', site.id)
    expect(row?.conversions).toBe(1)
  })

  it('writes nothing of a batch whose write fails, and answers 503', async () => {
    const site = await createSite()
    await startExperiment(site, 'atomic')
    // A trigger makes the assignment insert fail for one visitor, mid-batch.
    await env.DB.exec(
      `CREATE TRIGGER fail_assignment BEFORE INSERT ON assignments WHEN NEW.visitor_id = 'doomed' BEGIN SELECT RAISE(ABORT, 'D1_ERROR: injected failure'); END`,
    )
    try {
      const res = await publicPost(site, '/v1/events', {
        events: [
          view('ok-visitor'),
          { id: eventId(), type: 'exposure', visitorId: 'doomed', experiment: 'atomic' },
          view(),
        ],
      })
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).not.toBeNull()
      expect((await errorOf(res)).code).toBe('storage_unavailable')
      expect(await countEvents(site)).toBe(0)
    } finally {
      await env.DB.exec('DROP TRIGGER fail_assignment')
    }
  })
})

describe('POST /v1/events bad requests', () => {
  it('refuses malformed JSON with 400 and stores none of it', async () => {
    const site = await createSite()
    // Cut off mid-array, the second after a whole valid event: neither stores anything.
    for (const body of ['{"events": [', `{"events": [${JSON.stringify(view())},`]) {
      const res = await call(`/v1/events?site=${site.publicKey}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body,
      })
      expect(res.status).toBe(400)
      expect((await errorOf(res)).code).toBe('malformed_json')
    }
    expect(await countEvents(site)).toBe(0)
  })

  it('refuses an unsupported content type with 415', async () => {
    const site = await createSite()
    const res = await call(`/v1/events?site=${site.publicKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<events/>',
    })
    expect(res.status).toBe(415)
    expect((await errorOf(res)).code).toBe('unsupported_media_type')
  })

  it('refuses more than 100 events with 413 and stores none', async () => {
    const site = await createSite()
    const res = await publicPost(site, '/v1/events', {
      events: Array.from({ length: 101 }, () => view()),
    })
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('too_many_events')
    expect(await countEvents(site)).toBe(0)
  })

  it('refuses a body over 64 KB with 413, by Content-Length', async () => {
    const site = await createSite()
    const padded = {
      events: [{ ...view(), props: { pad: 'x'.repeat(200) } }],
      filler: 'y'.repeat(70_000),
    }
    const res = await publicPost(site, '/v1/events', padded)
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('body_too_large')
  })

  it('refuses a streamed body over 64 KB with 413 without reading it all', async () => {
    const site = await createSite()
    let pulled = 0
    // A valid batch padded with whitespace: read to the end, it would parse and store its event.
    const batch = new TextEncoder().encode(JSON.stringify({ events: [view()] }))
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024))
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 10 MB on offer; the Worker must stop asking long before that.
        if (pulled >= 640) return controller.close()
        controller.enqueue(pulled === 0 ? batch : chunk)
        pulled++
      },
    })
    const res = await call(`/v1/events?site=${site.publicKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('body_too_large')
    expect(pulled).toBeLessThan(20)
    expect(await countEvents(site)).toBe(0)
  })

  it('refuses a body without an events array', async () => {
    const site = await createSite()
    for (const body of [{}, { events: 'x' }, { events: [] }, []]) {
      const res = await publicPost(site, '/v1/events', body)
      expect(res.status).toBe(400)
      expect((await errorOf(res)).code).toBe('invalid_body')
    }
  })

  it('answers 401 without a key and 403 for a secret key', async () => {
    const site = await createSite()
    const missing = await call('/v1/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"events":[]}',
    })
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).code).toBe('missing_key')
    const secret = await call(`/v1/events?site=${site.adminKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"events":[]}',
    })
    expect(secret.status).toBe(403)
    expect((await errorOf(secret)).code).toBe('secret_key_in_url')
  })
})
