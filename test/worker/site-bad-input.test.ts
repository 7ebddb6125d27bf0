import { describe, expect, it } from 'vitest'
import { RATE_LIMIT_PERIOD_S } from '../../worker/middleware/rate-limit.ts'
import { admin, call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'

/** An admin request with a raw body and content type. */
function adminRaw(site: TestSite, method: string, path: string, body: string, type: string) {
  return call(`/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': type },
    body,
  })
}

/** The site's row as stored: what a refused request must leave as it was. */
async function siteRow(site: TestSite) {
  return rows(
    'SELECT name, allowed_origins, admin_key_hash, origin_url FROM sites WHERE id = ?',
    site.id,
  )
}

async function hostnamesOf(site: TestSite) {
  const found = await rows<{ hostname: string }>(
    'SELECT hostname FROM site_hostnames WHERE site_id = ? ORDER BY hostname',
    site.id,
  )
  return found.map((h) => h.hostname)
}

let hosts = 0
/** A hostname no other test uses. */
const freshHost = () => `bad-input-${++hosts}-${Date.now().toString(36)}.test`

// Each route below takes a JSON body of at most 16 KB.
const bodyRoutes = [
  ['PATCH', '/site', { name: 'Renamed' }],
  ['PUT', '/site/proxy', { originUrl: 'https://origin.shop.example', hostnames: [] }],
] as const

describe('PATCH /v1/admin/site and PUT /v1/admin/site/proxy', () => {
  it.each(bodyRoutes)(
    '%s %s answers 400 malformed_json and changes nothing',
    async (method, path) => {
      const site = await createSite()
      const before = await siteRow(site)
      await expectRefused(
        await adminRaw(site, method, path, '{"name":', 'application/json'),
        400,
        'malformed_json',
      )
      expect(await siteRow(site)).toEqual(before)
    },
  )

  it.each(bodyRoutes)(
    '%s %s answers 415 unsupported_media_type to text/plain and changes nothing',
    async (method, path, body) => {
      const site = await createSite()
      const before = await siteRow(site)
      const res = await adminRaw(site, method, path, JSON.stringify(body), 'text/plain')
      await expectRefused(res, 415, 'unsupported_media_type')
      expect(await siteRow(site)).toEqual(before)
    },
  )

  it.each(bodyRoutes)(
    '%s %s answers 413 body_too_large over 16 KB and changes nothing',
    async (method, path, body) => {
      const site = await createSite()
      const before = await siteRow(site)
      const padded = JSON.stringify({ ...body, pad: 'x'.repeat(17 * 1024) })
      await expectRefused(
        await adminRaw(site, method, path, padded, 'application/json'),
        413,
        'body_too_large',
      )
      expect(await siteRow(site)).toEqual(before)
    },
  )

  it.each([
    ['PATCH', '/site', { name: 'Renamed', publicKey: 'pk_mine' }, 'invalid_site'],
    [
      'PUT',
      '/site/proxy',
      { originUrl: 'https://origin.shop.example', hostnames: [], siteId: 'other' },
      'invalid_proxy',
    ],
  ] as const)(
    '%s %s answers 400 to an unknown field and changes nothing',
    async (method, path, body, code) => {
      const site = await createSite()
      const before = await siteRow(site)
      await expectRefused(await admin(site, method, path, body), 400, code)
      expect(await siteRow(site)).toEqual(before)
    },
  )
})

/** The proxy settings as stored and as GET answers them (with each hostname's proof). */
async function proxySettings(site: TestSite) {
  return {
    row: await rows('SELECT origin_url, proxy_consent_required FROM sites WHERE id = ?', site.id),
    answer: await (await admin(site, 'GET', '/site/proxy')).json(),
  }
}

describe('PUT /v1/admin/site/proxy: settings it cannot take', () => {
  it.each([
    ['an originUrl that is a number', { originUrl: 42, hostnames: [] }, /^originUrl/],
    ['hostnames as one string', { originUrl: null, hostnames: 'shop.example' }, /^hostnames/],
    ['a hostname that is a number', { originUrl: null, hostnames: [8080] }, /^hostnames\.0/],
    [
      'consentRequired as a string',
      { originUrl: null, hostnames: [], consentRequired: 'yes' },
      /^consentRequired/,
    ],
    ['no hostnames', { originUrl: null }, /^hostnames/],
    [
      '21 hostnames',
      { originUrl: null, hostnames: Array.from({ length: 21 }, (_, i) => `s${i}.shop.example`) },
      /^hostnames: .*20/,
    ],
    [
      'an originUrl over 2048 characters',
      { originUrl: `https://${'a'.repeat(2048)}.example`, hostnames: [] },
      /^originUrl: .*2048/,
    ],
  ])('answers 400 invalid_proxy to %s and changes nothing', async (_, body, where) => {
    const site = await createSite()
    const own = freshHost()
    const saved = await admin(site, 'PUT', '/site/proxy', {
      originUrl: 'https://origin.shop.example',
      hostnames: [own],
      consentRequired: true,
    })
    expect(saved.status).toBe(200)
    const before = await proxySettings(site)
    expect(before.row).toEqual([
      { origin_url: 'https://origin.shop.example', proxy_consent_required: 1 },
    ])
    const error = await expectRefused(
      await admin(site, 'PUT', '/site/proxy', body),
      400,
      'invalid_proxy',
    )
    expect(error.message).toMatch(where)
    expect(await proxySettings(site)).toEqual(before)
    expect(await hostnamesOf(site)).toEqual([own])
  })
})

describe("PUT /v1/admin/site/proxy: edgelift's own hostnames", () => {
  it.each([
    'edge.test',
    'EDGE.TEST',
    'edge.test:8443',
    'edgelift.acme.workers.dev',
    'workers.dev:443',
  ])('answers 400 reserved_hostname to %s, and writes none of the change', async (hostname) => {
    const site = await createSite()
    const own = freshHost()
    await admin(site, 'PUT', '/site/proxy', {
      originUrl: 'https://origin.shop.example',
      hostnames: [own],
    })
    const before = await siteRow(site)
    // Reserved by configuration (EDGELIFT_HOSTNAMES is edge.test in these suites), whatever
    // host the change arrives on: the dashboard's own, or a store's.
    for (const via of ['edge.test', 'shop.example']) {
      const res = await call(
        `/v1/admin/site/proxy`,
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            originUrl: 'https://attacker.example',
            hostnames: [freshHost(), hostname],
          }),
        },
        via,
      )
      await expectRefused(res, 400, 'reserved_hostname')
    }
    expect(await siteRow(site)).toEqual(before)
    expect(await hostnamesOf(site)).toEqual([own])
  })
})

describe('POST /v1/admin/site/rotate-key', () => {
  it('rotates nothing for a refused key: missing, unknown, public, or a secret key in the URL', async () => {
    const site = await createSite()
    const before = await siteRow(site)
    const rotate = (path: string, headers: Record<string, string>) =>
      call(`/v1/admin/site/rotate-key${path}`, { method: 'POST', headers })
    await expectRefused(await rotate('', {}), 401, 'missing_key')
    await expectRefused(await rotate('', { authorization: 'Bearer sk_nope' }), 401, 'unknown_key')
    await expectRefused(
      await rotate('', { authorization: `Bearer ${site.publicKey}` }),
      403,
      'wrong_key_kind',
    )
    await expectRefused(
      await rotate(`?key=${site.adminKey}`, { authorization: `Bearer ${site.adminKey}` }),
      403,
      'secret_key_in_url',
    )
    expect(await siteRow(site)).toEqual(before)
    expect((await admin(site, 'GET', '/site')).status).toBe(200)
  })
})

/** Windows are aligned to the clock: start a run only with enough of the window left. */
async function awayFromWindowEdge(): Promise<void> {
  const intoWindow = Date.now() % (RATE_LIMIT_PERIOD_S * 1000)
  if (intoWindow > (RATE_LIMIT_PERIOD_S - 15) * 1000) {
    await new Promise((r) => setTimeout(r, RATE_LIMIT_PERIOD_S * 1000 - intoWindow + 50))
  }
}

// wrangler.toml: 600 admin requests a period per site. The test may first wait up to 15 s.
describe('admin rate limit', { timeout: 30_000 }, () => {
  it('answers 429 rate_limited with Retry-After past the budget, and changes nothing', async () => {
    await awayFromWindowEdge()
    const site = await createSite()
    const get = (ip: string) =>
      call('/v1/admin/site', {
        headers: { authorization: `Bearer ${site.adminKey}`, 'cf-connecting-ip': ip },
      })
    for (let i = 0; i < 600; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) => get(`198.51.100.${(i + j) % 200}`))
      for (const res of await Promise.all(batch)) expect(res.status).toBe(200)
    }
    const before = await siteRow(site)
    const limited = await get('198.51.100.250')
    await expectRefused(limited, 429, 'rate_limited')
    expect(limited.headers.get('retry-after')).toBe(String(RATE_LIMIT_PERIOD_S))
    const rename = await call('/v1/admin/site', {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${site.adminKey}`,
        'content-type': 'application/json',
        'cf-connecting-ip': '198.51.100.251',
      },
      body: JSON.stringify({ name: 'Too late' }),
    })
    await expectRefused(rename, 429, 'rate_limited')
    expect(rename.headers.get('retry-after')).toBe(String(RATE_LIMIT_PERIOD_S))
    expect(await siteRow(site)).toEqual(before)
  })
})
