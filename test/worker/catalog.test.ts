import { describe, expect, it } from 'vitest'
import {
  admin,
  call,
  createSite,
  errorOf,
  eventId,
  expectRefused,
  publicPost,
  rows,
} from './support/api.ts'

const item = (itemId: string, extra: Record<string, unknown> = {}) => ({
  itemId,
  title: `Item ${itemId}`,
  url: `https://shop.example/p/${itemId}`,
  image: `https://shop.example/img/${itemId}.jpg`,
  price: 12.5,
  currency: 'GBP',
  ...extra,
})

type ItemRow = {
  item_id: string
  title: string
  url: string
  price_minor: number
  in_stock: number
  source: string
}

async function catalog(siteId: string): Promise<ItemRow[]> {
  return rows<ItemRow>(
    'SELECT item_id, title, url, price_minor, in_stock, source FROM catalog_items WHERE site_id = ? ORDER BY item_id',
    siteId,
  )
}

describe('PUT /v1/admin/catalog', () => {
  it('upserts items and updates them on the next upload', async () => {
    const site = await createSite()
    const first = await admin(site, 'PUT', '/catalog', {
      items: [item('A'), item('B', { inStock: false })],
    })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ upserted: 2, catalog: { items: 2, inStock: 1 } })
    await admin(site, 'PUT', '/catalog', { items: [item('A', { title: 'Renamed', price: 3 })] })
    expect(await catalog(site.id)).toEqual([
      {
        item_id: 'A',
        title: 'Renamed',
        url: 'https://shop.example/p/A',
        price_minor: 300,
        in_stock: 1,
        source: 'catalog',
      },
      {
        item_id: 'B',
        title: 'Item B',
        url: 'https://shop.example/p/B',
        price_minor: 1250,
        in_stock: 0,
        source: 'catalog',
      },
    ])
  })

  it('takes 1,000 items in one request', async () => {
    const site = await createSite()
    const items = Array.from({ length: 1000 }, (_, i) => item(`SKU-${i}`))
    const res = await admin(site, 'PUT', '/catalog', { items })
    expect(res.status).toBe(200)
    expect((await catalog(site.id)).length).toBe(1000)
  })

  it.each([
    ['a javascript: url', { url: 'javascript:alert(1)' }],
    ['a relative url', { url: '/p/A' }],
    ['a data: image', { image: 'data:image/png;base64,AAAA' }],
    ['a negative price', { price: -1 }],
    ['an unknown currency', { currency: 'ABC' }],
    ['a bad item id', { itemId: 'has space' }],
    ['an empty title', { title: ' ' }],
  ])('refuses %s with 400 and writes nothing of the upload', async (_, extra) => {
    const site = await createSite()
    const res = await admin(site, 'PUT', '/catalog', { items: [item('OK'), item('BAD', extra)] })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_catalog')
    expect(error.message).toMatch(/^items\.1\./)
    expect(await catalog(site.id)).toEqual([])
  })

  it('refuses more than 1,000 items and a body over 2 MB', async () => {
    const site = await createSite()
    const tooMany = await admin(site, 'PUT', '/catalog', {
      items: Array.from({ length: 1001 }, (_, i) => item(`S${i}`)),
    })
    await expectRefused(tooMany, 400, 'invalid_catalog')
    const huge = await admin(site, 'PUT', '/catalog', {
      items: [item('A', { title: 'x'.repeat(3 * 1024 * 1024) })],
    })
    await expectRefused(huge, 413, 'body_too_large')
    expect(await catalog(site.id)).toEqual([])
  })

  it('needs the admin key', async () => {
    const site = await createSite()
    const res = await call(`/v1/admin/catalog?site=${site.publicKey}`, {
      method: 'PUT',
      body: '{}',
    })
    await expectRefused(res, 401, 'missing_key')
  })
})

describe('catalog learned from product-page views', () => {
  const view = (itemId: string, product: Record<string, unknown>) => ({
    id: eventId(),
    type: 'view',
    visitorId: 'v',
    itemId,
    product,
  })

  it('fills the catalog from view metadata', async () => {
    const site = await createSite()
    const res = await publicPost(site, '/v1/events', {
      events: [
        view('MUG', {
          title: 'Blue mug',
          url: 'https://shop.example/p/mug',
          price: 9.99,
          inStock: true,
        }),
      ],
    })
    expect(await res.json()).toMatchObject({ accepted: 1, rejected: [] })
    expect(await catalog(site.id)).toEqual([
      {
        item_id: 'MUG',
        title: 'Blue mug',
        url: 'https://shop.example/p/mug',
        price_minor: 999,
        in_stock: 1,
        source: 'view',
      },
    ])
  })

  it("never overwrites the admin's upload", async () => {
    const site = await createSite()
    await admin(site, 'PUT', '/catalog', { items: [item('MUG', { title: 'Official mug' })] })
    await publicPost(site, '/v1/events', {
      events: [view('MUG', { title: 'Hacked', url: 'https://evil.example/' })],
    })
    expect((await catalog(site.id))[0]).toMatchObject({ title: 'Official mug', source: 'catalog' })
  })

  it('rejects hostile metadata by index, and ignores products of foreign origins', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    const res = await publicPost(site, '/v1/events', {
      events: [
        view('A', { title: 'A', url: 'javascript:alert(1)' }),
        view('B', { title: 'B', url: 'https://elsewhere.example/p/b' }),
        { ...view('C', { title: 'C', url: 'https://shop.example/p/c' }), itemId: undefined },
      ],
    })
    const body = (await res.json()) as {
      accepted: number
      rejected: { index: number; code: string }[]
    }
    expect(body.rejected.map((r) => [r.index, r.code])).toEqual([
      [0, 'invalid_product'],
      [2, 'invalid_itemId'],
    ])
    expect(body.accepted).toBe(1)
    expect(await catalog(site.id)).toEqual([])
  })
  it('serves product images only from the allowed origins or the image origins', async () => {
    const site = await createSite({ origins: ['https://shop.example'] })
    const send = (itemId: string, image: string) =>
      publicPost(site, '/v1/events', {
        events: [view(itemId, { title: itemId, url: `https://shop.example/p/${itemId}`, image })],
      })
    const images = async () =>
      rows<{ item_id: string; image: string | null }>(
        'SELECT item_id, image FROM catalog_items WHERE site_id = ? ORDER BY item_id',
        site.id,
      )
    expect(
      await (await send('PIXEL', 'https://evil.example/pixel.png?track=1')).json(),
    ).toMatchObject({ accepted: 1, rejected: [] })
    await send('OWN', 'https://shop.example/img/own.jpg')
    await send('CDN', 'https://cdn.images.example/cdn.jpg')
    expect(await images()).toEqual([
      { item_id: 'CDN', image: null },
      { item_id: 'OWN', image: 'https://shop.example/img/own.jpg' },
      { item_id: 'PIXEL', image: null },
    ])
    const listed = await call(`/v1/recs?site=${site.publicKey}&slot=trending&n=10`, {
      headers: { origin: 'https://shop.example' },
    })
    expect(JSON.stringify(await listed.json())).not.toContain('evil.example')

    const patched = await admin(site, 'PATCH', '/site', {
      imageOrigins: ['https://cdn.images.example'],
    })
    expect(await patched.json()).toMatchObject({ imageOrigins: ['https://cdn.images.example'] })
    await send('CDN', 'https://cdn.images.example/cdn.jpg')
    await send('PIXEL', 'https://evil.example/pixel.png?track=2')
    expect(await images()).toEqual([
      { item_id: 'CDN', image: 'https://cdn.images.example/cdn.jpg' },
      { item_id: 'OWN', image: 'https://shop.example/img/own.jpg' },
      { item_id: 'PIXEL', image: null },
    ])
  })
})
