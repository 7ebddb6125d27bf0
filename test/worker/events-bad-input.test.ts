import { describe, expect, it } from 'vitest'
import {
  call,
  createSite,
  eventId,
  expectRefused,
  publicPost,
  rows,
  startExperiment,
  type TestSite,
} from './support/api.ts'

async function countEvents(site: TestSite): Promise<number> {
  const [row] = await rows<{ n: number }>(
    'SELECT count(*) AS n FROM events WHERE site_id = ?',
    site.id,
  )
  return row?.n ?? -1
}

const batch = () =>
  JSON.stringify({ events: [{ id: eventId(), type: 'view', visitorId: 'v1', itemId: 'SKU-1' }] })

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}

describe('POST /v1/events', () => {
  it('answers 401 missing_key without a site key', async () => {
    await expectRefused(await post('/v1/events', batch()), 401, 'missing_key')
  })

  it('answers 401 unknown_key for a public key of no site, in the query or the header', async () => {
    const unknown = await post('/v1/events?site=pk_nope', batch(), {
      origin: 'https://shop.example',
    })
    await expectRefused(unknown, 401, 'unknown_key')
    // A page can read the refusal: the widget drops the batch instead of resending it.
    expect(unknown.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    const inHeader = await post('/v1/events', batch(), { 'x-edgelift-site': 'pk_nope' })
    await expectRefused(inHeader, 401, 'unknown_key')
  })

  it('answers 403 for a secret key, as ?site=, in X-Edgelift-Site or as a bearer, and stores nothing', async () => {
    const site = await createSite()
    const inQuery = await post(`/v1/events?site=${site.adminKey}`, batch())
    await expectRefused(inQuery, 403, 'secret_key_in_url')
    const inHeader = await post('/v1/events', batch(), { 'x-edgelift-site': site.adminKey })
    await expectRefused(inHeader, 403, 'wrong_key_kind')
    const asBearer = await post(`/v1/events?site=${site.publicKey}`, batch(), {
      authorization: `Bearer ${site.adminKey}`,
    })
    await expectRefused(asBearer, 403, 'wrong_key_kind')
    expect(await countEvents(site)).toBe(0)
  })

  it.each([['application/json'], ['text/plain']])(
    'answers 403 origin_not_allowed to a %s POST from an origin the site does not list, and stores nothing',
    async (type) => {
      const site = await createSite({ origins: ['https://shop.example'] })
      const url = `/v1/events?site=${site.publicKey}`
      const foreign = await post(url, batch(), {
        'content-type': type,
        origin: 'https://evil.example',
      })
      await expectRefused(foreign, 403, 'origin_not_allowed')
      // The page may read the refusal (only the envelope), so the widget does not resend it.
      expect(foreign.headers.get('access-control-allow-origin')).toBe('https://evil.example')
      expect(await countEvents(site)).toBe(0)
      const allowed = await post(url, batch(), {
        'content-type': type,
        origin: 'https://shop.example',
      })
      expect(allowed.status).toBe(202)
      expect(await countEvents(site)).toBe(1)
    },
  )

  it.each([['application/json'], ['text/plain']])(
    'answers 400 invalid_encoding for a %s body that is not UTF-8, and stores nothing',
    async (type) => {
      const site = await createSite()
      // A valid batch but for one Latin-1 byte (0xE9, "é") in a property value.
      const [head, tail] = JSON.stringify({
        events: [{ id: eventId(), type: 'view', visitorId: 'v1', props: { note: 'caf#' } }],
      }).split('#')
      const encoder = new TextEncoder()
      const bytes = new Uint8Array([...encoder.encode(head), 0xe9, ...encoder.encode(tail)])
      const res = await post(`/v1/events?site=${site.publicKey}`, bytes, { 'content-type': type })
      await expectRefused(res, 400, 'invalid_encoding')
      expect(await countEvents(site)).toBe(0)
    },
  )

  it("stores nothing against another site's running experiment named in an exposure", async () => {
    const a = await createSite()
    const b = await createSite()
    const key = `b-only-${eventId()}`
    await startExperiment(b, key)
    const res = await publicPost(a, '/v1/events', {
      events: [{ id: eventId(), type: 'exposure', visitorId: 'intruder', experiment: key }],
    })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({
      accepted: 0,
      duplicates: 0,
      rejected: [{ index: 0, code: 'experiment_not_running', message: expect.any(String) }],
    })
    expect(await rows('SELECT site_id FROM assignments WHERE experiment_key = ?', key)).toEqual([])
    expect(await rows('SELECT site_id FROM events WHERE experiment = ?', key)).toEqual([])
    expect(await countEvents(a)).toBe(0)
    expect(await countEvents(b)).toBe(0)
  })

  it('keeps an event with a field it does not know, and stores nothing of that field', async () => {
    const site = await createSite()
    const id = eventId()
    const res = await publicPost(site, '/v1/events', {
      events: [
        { id, type: 'view', visitorId: 'v1', itemId: 'SKU-1', loaderFeature: 'x'.repeat(500) },
      ],
    })
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: [] })
    const [stored] = await rows<Record<string, unknown>>('SELECT * FROM events WHERE id = ?', id)
    expect(stored).toMatchObject({ site_id: site.id, type: 'view', item_id: 'SKU-1' })
    expect(JSON.stringify(stored)).not.toContain('loaderFeature')
    expect(JSON.stringify(stored)).not.toContain('x'.repeat(500))
  })
})

describe('POST /v1/events props', () => {
  it.each([['__proto__'], ['constructor'], ['prototype']])(
    'rejects a %s key in props by index and stores the rest of the batch',
    async (key) => {
      const site = await createSite()
      // Written as text: an object literal's __proto__ would set the prototype, not a key.
      const hostile = `{"id":"${eventId()}","type":"custom","name":"signup","visitorId":"v1","props":{"plan":"pro","${key}":{"polluted":true}}}`
      const fine = JSON.stringify({ id: eventId(), type: 'view', visitorId: 'v1', itemId: 'A' })
      const res = await call(`/v1/events?site=${site.publicKey}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"events":[${fine},${hostile}]}`,
      })
      expect(res.status).toBe(202)
      expect(await res.json()).toEqual({
        accepted: 1,
        duplicates: 0,
        rejected: [{ index: 1, code: 'invalid_props', message: expect.stringContaining(key) }],
      })
      expect(await rows('SELECT type FROM events WHERE site_id = ?', site.id)).toEqual([
        { type: 'view' },
      ])
    },
  )
})
