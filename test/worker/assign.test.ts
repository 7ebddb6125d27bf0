import { describe, expect, it } from 'vitest'
import { assignVariation } from '../../shared/bucketing.ts'
import { admin, call, createSite, errorOf, publicPost, startExperiment } from './support/api.ts'

type AssignBody = {
  visitorId: string
  assignments: Record<string, { variation: string; index: number; phase: number }>
}

async function assign(
  site: { publicKey: string },
  body: unknown,
  headers: Record<string, string> = {},
) {
  return publicPost(site as never, '/v1/assign', body, headers)
}

describe('POST /v1/assign', () => {
  it('gives the variation sticky hashing gives, the same on every call', async () => {
    const site = await createSite()
    await startExperiment(site, 'hero-copy')
    for (const visitorId of ['v-1', 'v-2', 'v-3', 'user@example', 'c13313']) {
      const expected = assignVariation(
        { seed: 'hero-copy', weights: [0.5, 0.5], coverage: 1 },
        visitorId,
      )
      const first = (await (await assign(site, { visitorId })).json()) as AssignBody
      const again = (await (await assign(site, { visitorId })).json()) as AssignBody
      expect(first.assignments['hero-copy']).toEqual({
        variation: expected === 0 ? 'control' : 'treatment',
        index: expected,
        phase: 1,
      })
      expect(again).toEqual(first)
    }
  })

  it('makes a random 128-bit id and sets the el_vid cookie when the caller has none', async () => {
    const site = await createSite()
    const res = await assign(site, {})
    const body = (await res.json()) as AssignBody
    expect(body.visitorId).toMatch(/^[0-9a-f]{32}$/)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toContain(`el_vid=${body.visitorId}`)
    expect(cookie).toMatch(/Max-Age=31536000/)
    expect(cookie).toMatch(/Secure/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const other = (await (await assign(site, {})).json()) as AssignBody
    expect(other.visitorId).not.toBe(body.visitorId)
  })

  it('uses the el_vid cookie when the body names no visitor, and sets no new cookie', async () => {
    const site = await createSite()
    await startExperiment(site, 'cookie-exp')
    const res = await assign(site, {}, { cookie: 'el_vid=abc123' })
    expect(((await res.json()) as AssignBody).visitorId).toBe('abc123')
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('leaves out visitors outside coverage, and raising coverage keeps everyone where they were', async () => {
    const site = await createSite()
    await startExperiment(site, 'narrow', { coverage: 0.3 })
    const ids = Array.from({ length: 60 }, (_, i) => `visitor-${i}`)
    const before = new Map<string, string | undefined>()
    for (const visitorId of ids) {
      const body = (await (await assign(site, { visitorId })).json()) as AssignBody
      before.set(visitorId, body.assignments.narrow?.variation)
    }
    const included = [...before.values()].filter(Boolean).length
    expect(included).toBeGreaterThan(5)
    expect(included).toBeLessThan(40)
    await admin(site, 'PATCH', '/experiments/narrow', { coverage: 0.9 })
    for (const visitorId of ids) {
      const body = (await (await assign(site, { visitorId })).json()) as AssignBody
      const was = before.get(visitorId)
      if (was) expect(body.assignments.narrow?.variation).toBe(was)
    }
  })

  it('assigns only on pages the URL pattern targets, and only the listed experiments', async () => {
    const site = await createSite()
    await startExperiment(site, 'pdp', { url: '/products/*' })
    await startExperiment(site, 'everywhere')
    const onProduct = (await (
      await assign(site, { visitorId: 'v', url: 'https://shop.example/products/mug?x=1' })
    ).json()) as AssignBody
    expect(Object.keys(onProduct.assignments).sort()).toEqual(['everywhere', 'pdp'])
    const onHome = (await (
      await assign(site, { visitorId: 'v', url: 'https://shop.example/' })
    ).json()) as AssignBody
    expect(Object.keys(onHome.assignments)).toEqual(['everywhere'])
    const listed = (await (
      await assign(site, { visitorId: 'v', experiments: ['everywhere'] })
    ).json()) as AssignBody
    expect(Object.keys(listed.assignments)).toEqual(['everywhere'])
  })

  it('gives nothing for a paused or stopped experiment', async () => {
    const site = await createSite()
    await startExperiment(site, 'paused-one')
    await admin(site, 'POST', '/experiments/paused-one/pause')
    const body = (await (await assign(site, { visitorId: 'v' })).json()) as AssignBody
    expect(body.assignments).toEqual({})
  })

  it('accepts text/plain JSON as sendBeacon-style callers send it', async () => {
    const site = await createSite()
    const res = await call(`/v1/assign?site=${site.publicKey}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ visitorId: 'v' }),
    })
    expect(res.status).toBe(200)
  })

  it.each([
    ['a visitor id with a space', { visitorId: 'has space' }, 'invalid_body'],
    ['a visitor id of 129 characters', { visitorId: 'x'.repeat(129) }, 'invalid_body'],
    ['a non-ASCII visitor id', { visitorId: 'visiteur-é' }, 'invalid_body'],
    ['a bad experiment key', { experiments: ['no spaces'] }, 'invalid_body'],
    ['an unknown field', { visitor: 'v' }, 'invalid_body'],
    ['an array body', [1, 2], 'invalid_body'],
  ])('refuses %s with 400', async (_, body, code) => {
    const site = await createSite()
    const res = await assign(site, body)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe(code)
  })

  it('refuses malformed JSON (400), a form body (415) and an oversized body (413)', async () => {
    const site = await createSite()
    const url = `/v1/assign?site=${site.publicKey}`
    const malformed = await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    })
    expect(malformed.status).toBe(400)
    expect((await errorOf(malformed)).code).toBe('malformed_json')
    const form = await call(url, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'x',
    })
    expect(form.status).toBe(415)
    expect((await errorOf(form)).code).toBe('unsupported_media_type')
    const big = await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'x'.repeat(20_000) }),
    })
    expect(big.status).toBe(413)
    expect((await errorOf(big)).code).toBe('body_too_large')
  })
})

describe('public key authentication', () => {
  it('answers 401 without a key and for an unknown key', async () => {
    const missing = await call('/v1/assign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(missing.status).toBe(401)
    expect((await errorOf(missing)).code).toBe('missing_key')
    const unknown = await call('/v1/assign?site=pk_unknown', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(unknown.status).toBe(401)
    expect((await errorOf(unknown)).code).toBe('unknown_key')
  })

  it('takes the key from the X-Edgelift-Site header', async () => {
    const site = await createSite()
    const res = await call('/v1/assign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-edgelift-site': site.publicKey },
      body: '{}',
    })
    expect(res.status).toBe(200)
  })

  it.each([
    ['inside another value', (key: string) => `next=${encodeURIComponent(`/a?k=${key}`)}`],
    ['after an encoded space', (key: string) => `x=%20${key}`],
    ['as a bare name', (key: string) => key],
    ['as a name with a value', (key: string) => `${key}=1`],
  ])('refuses a secret key anywhere in the query string: %s', async (_, query) => {
    const site = await createSite()
    const res = await call(`/v1/assign?site=${site.publicKey}&${query(site.adminKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toEqual({
      code: 'secret_key_in_url',
      message: expect.stringMatching(/rotate it/),
    })
  })

  it('takes query values that only contain "sk_" inside a word', async () => {
    const site = await createSite()
    const res = await call(`/v1/assign?site=${site.publicKey}&task_id=risk_level`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(200)
  })

  it('ignores attributes a client still sends: the same answer as without them', async () => {
    const site = await createSite()
    await startExperiment(site, 'attrs')
    const send = (body: Record<string, unknown>) =>
      call(`/v1/assign?site=${site.publicKey}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    const without = await send({ visitorId: 'v' })
    expect(without.status).toBe(200)
    const expected = await without.json()
    for (const attributes of [{ country: 'GB', cart: { items: 2 } }, ['GB'], 'GB', 3, null]) {
      const res = await send({ visitorId: 'v', attributes })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual(expected)
    }
    const proto = await call(`/v1/assign?site=${site.publicKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"visitorId":"v","attributes":{"__proto__":{"vip":true}}}',
    })
    expect(proto.status).toBe(200)
    expect(await proto.json()).toEqual(expected)
  })

  it('refuses a secret key on a public route, in the header, the query or as a bearer', async () => {
    const site = await createSite()
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }
    const inQuery = await call(`/v1/assign?site=${site.adminKey}`, init)
    expect(inQuery.status).toBe(403)
    expect((await errorOf(inQuery)).code).toBe('secret_key_in_url')
    const inHeader = await call('/v1/assign', {
      ...init,
      headers: { ...init.headers, 'x-edgelift-site': site.adminKey },
    })
    expect(inHeader.status).toBe(403)
    expect((await errorOf(inHeader)).code).toBe('wrong_key_kind')
    const asBearer = await call(`/v1/assign?site=${site.publicKey}`, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${site.adminKey}` },
    })
    expect(asBearer.status).toBe(403)
    expect((await errorOf(asBearer)).code).toBe('wrong_key_kind')
  })
})

describe('CORS on public routes', () => {
  it('answers allowed origins and refuses others', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    const allowed = await assign(site, {}, { origin: 'https://shop.example' })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    const foreign = await assign(site, {}, { origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect((await errorOf(foreign)).code).toBe('origin_not_allowed')
  })

  it('answers preflights for allowed origins only', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    const ok = await call(`/v1/events?site=${site.publicKey}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    const no = await call(`/v1/events?site=${site.publicKey}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(no.status).toBe(403)
    expect(no.headers.get('access-control-allow-origin')).toBeNull()
    expect((await errorOf(no)).code).toBe('origin_not_allowed')
  })

  it('lets any origin call a site that lists none', async () => {
    const site = await createSite()
    const res = await assign(site, {}, { origin: 'https://anywhere.example' })
    expect(res.headers.get('access-control-allow-origin')).toBe('https://anywhere.example')
  })
})
