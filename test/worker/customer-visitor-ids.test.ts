// Imported customers are stored under opaque per-site ids: a customer id is guessable, and the
// public key reads any visitor's personal list, which is built from what they bought.
import { describe, expect, it } from 'vitest'
import { admin, call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'
import { GARDEN, importText, trainedStore, visitorIdOf } from './support/recs.ts'

type Recs = { source: string; fallback?: string; items: { itemId: string }[] }

async function personal(site: TestSite, visitorId: string): Promise<Recs> {
  const res = await call(`/v1/recs?site=${site.publicKey}&slot=personal&visitorId=${visitorId}&n=3`)
  expect(res.status).toBe(200)
  return (await res.json()) as Recs
}

const RETAIL = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,12359.0,Cyprus',
  '536366,71053,WHITE METAL LANTERN,6,12/1/2010 8:28,3.39,12359.0,Cyprus',
].join('\n')

describe('imported customers and the public key', () => {
  it('answers nothing personal for a guessed customer id, and the list for the opaque one', async () => {
    const site = await trainedStore()
    const guessed = await personal(site, 'g-buyer-1')
    expect(guessed).toMatchObject({ source: 'trending', fallback: 'visitor_unknown' })
    const opaque = await visitorIdOf(site, 'g-buyer-1')
    expect(opaque).toMatch(/^[0-9a-f]{32}$/)
    const own = await personal(site, opaque)
    expect(own.source).toBe('svd')
    expect(GARDEN).toContain(own.items[0]?.itemId)
    // No imported row keeps a customer id.
    const stored = await rows<{ n: number }>(
      `SELECT count(*) AS n FROM events WHERE site_id = ? AND visitor_id GLOB '*-buyer-*'`,
      site.id,
    )
    expect(stored).toEqual([{ n: 0 }])
  })

  it('stores an Online Retail customer under one opaque id per site, the same on every import', async () => {
    const [a, b] = [await createSite(), await createSite()]
    for (const site of [a, b]) {
      expect((await importText(site, RETAIL, 'online-retail', 'text/csv')).status).toBe(200)
    }
    const again = await importText(a, RETAIL, 'online-retail', 'text/csv')
    expect(await again.json()).toMatchObject({ imported: 0, duplicates: 2 })
    const idA = await visitorIdOf(a, 'c12359')
    const idB = await visitorIdOf(b, 'c12359')
    expect(idA).not.toBe(idB)
    expect(await visitorIdOf(a, 'c12359')).toBe(idA)
    for (const [site, id] of [
      [a, idA],
      [b, idB],
    ] as const) {
      expect(
        await rows('SELECT DISTINCT visitor_id FROM events WHERE site_id = ?', site.id),
      ).toEqual([{ visitor_id: id }])
    }
  })
})

/** The site's visitor-id key: made on the first answered request, so null while none was. */
async function visitorIdKey(site: TestSite) {
  const [row] = await rows<{ key: string | null }>(
    'SELECT visitor_id_key AS key FROM sites WHERE id = ?',
    site.id,
  )
  return row?.key
}

describe('POST /v1/admin/import/visitor-ids', () => {
  it('answers each customer id with its opaque id, in order', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/import/visitor-ids', {
      customerIds: ['c12359', 'customer@example.com', 'c12359'],
    })
    expect(res.status).toBe(200)
    const { visitorIds } = (await res.json()) as {
      visitorIds: { customerId: string; visitorId: string }[]
    }
    expect(visitorIds.map((v) => v.customerId)).toEqual([
      'c12359',
      'customer@example.com',
      'c12359',
    ])
    expect(visitorIds[0]?.visitorId).toBe(visitorIds[2]?.visitorId)
    expect(visitorIds[0]?.visitorId).not.toBe(visitorIds[1]?.visitorId)
    expect(await visitorIdKey(site)).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ['no list', {}],
    ['an empty list', { customerIds: [] }],
    ['an id with a space', { customerIds: ['c 1'] }],
    ['an id of 129 characters', { customerIds: ['x'.repeat(129)] }],
    ['1,001 ids', { customerIds: Array.from({ length: 1001 }, (_, i) => `c${i}`) }],
    ['an unknown field', { customerIds: ['c1'], siteId: 'other' }],
  ])('refuses %s with 400 and makes no visitor-id key', async (_, body) => {
    const site = await createSite()
    await expectRefused(await admin(site, 'POST', '/import/visitor-ids', body), 400, 'invalid_body')
    expect(await visitorIdKey(site)).toBeNull()
  })

  it('needs the admin key: the public key gets nothing', async () => {
    const site = await createSite()
    const body = JSON.stringify({ customerIds: ['c12359'] })
    const headers = { 'content-type': 'application/json' }
    await expectRefused(
      await call('/v1/admin/import/visitor-ids', { method: 'POST', headers, body }),
      401,
      'missing_key',
    )
    const withPublic = await call(`/v1/admin/import/visitor-ids`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${site.publicKey}` },
      body,
    })
    await expectRefused(withPublic, 403, 'wrong_key_kind')
    expect(await visitorIdKey(site)).toBeNull()
  })

  it('refuses malformed JSON with 400 and makes no visitor-id key', async () => {
    const site = await createSite()
    const res = await call('/v1/admin/import/visitor-ids', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
      body: '{"customerIds":["c1",',
    })
    await expectRefused(res, 400, 'malformed_json')
    expect(await visitorIdKey(site)).toBeNull()
  })

  it('refuses a body over 256 KB with 413 and makes no visitor-id key', async () => {
    const site = await createSite()
    const res = await admin(site, 'POST', '/import/visitor-ids', {
      customerIds: ['c1'],
      pad: 'x'.repeat(257 * 1024),
    })
    await expectRefused(res, 413, 'body_too_large')
    expect(await visitorIdKey(site)).toBeNull()
  })
})
