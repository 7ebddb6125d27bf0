// PUT /v1/admin/catalog with a Google Merchant Center feed: RSS or TSV in, catalog items out,
// invalid rows skipped and reported, hostile XML refused in the envelope with nothing written.
import { describe, expect, it } from 'vitest'
import productsTsv from '../fixtures/merchant-feed/products.tsv?raw'
import productsXml from '../fixtures/merchant-feed/products.xml?raw'
import { call, createSite, expectRefused, rows, type TestSite } from './support/api.ts'

function putFeed(site: TestSite, body: string, type: string) {
  return call('/v1/admin/catalog', {
    method: 'PUT',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': type },
    body,
  })
}

async function catalog(site: TestSite) {
  return rows<{ item_id: string; title: string; price_minor: number; in_stock: number }>(
    `SELECT item_id, title, price_minor, in_stock FROM catalog_items WHERE site_id = ?
     ORDER BY item_id`,
    site.id,
  )
}

describe('PUT /v1/admin/catalog with a Merchant Center feed', () => {
  it('upserts an RSS feed’s items and reports the rows it skipped', async () => {
    const site = await createSite()
    const res = await putFeed(site, productsXml, 'application/rss+xml')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      upserted: 2,
      skippedCount: 2,
      skipped: [
        { row: 4, reason: expect.stringMatching(/url/) },
        { row: 5, reason: expect.stringMatching(/price/) },
      ],
      // Of the two upserted, the tea towel is out of stock.
      catalog: { items: 2, inStock: 1 },
    })
    expect(await catalog(site)).toEqual([
      { item_id: '8950526378201', title: 'Enamel mug & saucer', price_minor: 2499, in_stock: 1 },
      { item_id: 'TOWEL-1', title: 'Tea towel', price_minor: 500, in_stock: 0 },
    ])
  })

  it('upserts a TSV feed', async () => {
    const site = await createSite()
    const res = await putFeed(site, productsTsv, 'text/tab-separated-values')
    expect(await res.json()).toMatchObject({ upserted: 3, skippedCount: 1 })
    expect((await catalog(site)).map((r) => r.item_id)).toEqual(['BOARD', 'SKU-1', 'SKU-2'])
  })

  it.each([
    [
      'a DOCTYPE with entities',
      '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><item><g:id>&b;</g:id></item></channel></rss>',
    ],
    ['an unclosed item', '<rss><channel><item><g:id>A</g:id>'],
    ['a feed of invalid items only', '<rss><channel><item><g:id>A</g:id></item></channel></rss>'],
    ['HTML', '<html><body>not a feed</body></html>'],
  ])('refuses %s with 400 invalid_feed and writes nothing', async (_what, xml) => {
    const site = await createSite()
    await expectRefused(await putFeed(site, xml, 'application/xml'), 400, 'invalid_feed')
    expect(await catalog(site)).toEqual([])
  })

  it('refuses a feed over 8 MB with 413', async () => {
    const site = await createSite()
    const huge = `<rss><channel>${'<item><g:id>A</g:id></item>'.repeat(320_000)}</channel></rss>`
    await expectRefused(await putFeed(site, huge, 'text/xml'), 413, 'body_too_large')
    expect(await catalog(site)).toEqual([])
  })

  it('refuses a feed of more than 10,000 rows with 400', async () => {
    const site = await createSite()
    const tsv = `id\ttitle\n${'A\tB\n'.repeat(10_001)}`
    const error = await expectRefused(
      await putFeed(site, tsv, 'text/tab-separated-values'),
      400,
      'invalid_feed',
    )
    expect(error.message).toMatch(/more than 10000 rows/)
    expect(await catalog(site)).toEqual([])
  })
})
