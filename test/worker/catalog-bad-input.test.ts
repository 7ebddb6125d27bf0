import { describe, expect, it } from 'vitest'
import { admin, call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'

const item = (itemId: string, extra: Record<string, unknown> = {}) => ({
  itemId,
  title: `Item ${itemId}`,
  url: `https://shop.example/p/${itemId}`,
  ...extra,
})

async function catalog(site: TestSite) {
  return rows<{ item_id: string; title: string }>(
    'SELECT item_id, title FROM catalog_items WHERE site_id = ? ORDER BY item_id',
    site.id,
  )
}

/** A PUT with a raw body, content type and headers. */
function putRaw(body: string, headers: Record<string, string>) {
  return call('/v1/admin/catalog', { method: 'PUT', headers, body })
}

describe('PUT /v1/admin/catalog', () => {
  it('answers 400 invalid_catalog to 1,001 items and writes no row', async () => {
    const site = await createSite()
    const res = await admin(site, 'PUT', '/catalog', {
      items: Array.from({ length: 1001 }, (_, i) => item(`S${i}`)),
    })
    const error = await expectRefused(res, 400, 'invalid_catalog')
    expect(error.message).toMatch(/^items/)
    expect(await catalog(site)).toEqual([])
  })

  it('answers 413 body_too_large to a body over 2 MB and writes no row', async () => {
    const site = await createSite()
    const res = await admin(site, 'PUT', '/catalog', {
      items: [item('A'), item('B', { category: 'x'.repeat(3 * 1024 * 1024) })],
    })
    await expectRefused(res, 413, 'body_too_large')
    expect(await catalog(site)).toEqual([])
  })

  it('answers 401 missing_key without a key, and writes no row', async () => {
    const site = await createSite()
    const body = JSON.stringify({ items: [item('A')] })
    const res = await putRaw(body, { 'content-type': 'application/json' })
    await expectRefused(res, 401, 'missing_key')
    // The public key in the query string is no admin key.
    const withPublicInQuery = await call(`/v1/admin/catalog?site=${site.publicKey}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body,
    })
    await expectRefused(withPublicInQuery, 401, 'missing_key')
    expect(await catalog(site)).toEqual([])
  })

  it('answers 401 unknown_key to a secret key of no site', async () => {
    const res = await putRaw(JSON.stringify({ items: [item('A')] }), {
      authorization: 'Bearer sk_nope',
      'content-type': 'application/json',
    })
    await expectRefused(res, 401, 'unknown_key')
  })

  it('answers 403 wrong_key_kind to the public key as a bearer, and writes no row', async () => {
    const site = await createSite()
    const res = await putRaw(JSON.stringify({ items: [item('A')] }), {
      authorization: `Bearer ${site.publicKey}`,
      'content-type': 'application/json',
    })
    await expectRefused(res, 403, 'wrong_key_kind')
    expect(await catalog(site)).toEqual([])
  })

  it('answers 400 malformed_json and writes no row', async () => {
    const site = await createSite()
    const res = await putRaw('{"items":[{"itemId":"A",', {
      authorization: `Bearer ${site.adminKey}`,
      'content-type': 'application/json',
    })
    await expectRefused(res, 400, 'malformed_json')
    expect(await catalog(site)).toEqual([])
  })

  it.each([['text/csv'], ['text/plain'], ['application/x-ndjson']])(
    'answers 415 unsupported_media_type to %s and writes no row',
    async (type) => {
      const site = await createSite()
      const res = await putRaw(JSON.stringify({ items: [item('A')] }), {
        authorization: `Bearer ${site.adminKey}`,
        'content-type': type,
      })
      await expectRefused(res, 415, 'unsupported_media_type')
      expect(await catalog(site)).toEqual([])
    },
  )

  it.each([
    ['an unknown item field', { items: [item('A'), item('B', { colour: 'red' })] }, /^items\.1/],
    ['an unknown top-level field', { items: [item('A')], replace: true }, /./],
  ])(
    'answers 400 invalid_catalog to %s and leaves the catalog as it was',
    async (_, body, where) => {
      const site = await createSite()
      expect((await admin(site, 'PUT', '/catalog', { items: [item('A')] })).status).toBe(200)
      const before = await catalog(site)
      const error = await expectRefused(
        await admin(site, 'PUT', '/catalog', body),
        400,
        'invalid_catalog',
      )
      expect(error.message).toMatch(where)
      expect(await catalog(site)).toEqual(before)
    },
  )

  it("writes only the caller's own row for an item id another site holds", async () => {
    const a = await createSite()
    const b = await createSite()
    const theirs = item('SHARED-1', { price: 20, category: 'mugs' })
    expect((await admin(b, 'PUT', '/catalog', { items: [theirs] })).status).toBe(200)
    const everyColumn = (site: TestSite) =>
      rows('SELECT * FROM catalog_items WHERE site_id = ? ORDER BY item_id', site.id)
    const before = await everyColumn(b)
    expect(before).toHaveLength(1)
    const res = await admin(a, 'PUT', '/catalog', {
      items: [item('SHARED-1', { title: 'Hijacked', price: 0, inStock: false })],
    })
    expect(await res.json()).toEqual({ upserted: 1, catalog: { items: 1, inStock: 0 } })
    expect(await everyColumn(b)).toEqual(before)
    expect(await catalog(a)).toEqual([{ item_id: 'SHARED-1', title: 'Hijacked' }])
    expect(await catalog(b)).toEqual([{ item_id: 'SHARED-1', title: 'Item SHARED-1' }])
  })
})
