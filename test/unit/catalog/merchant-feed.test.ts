import { describe, expect, it } from 'vitest'
import { FeedFormatError, parseMerchantFeed } from '../../../worker/catalog/merchant-feed.ts'
import productsTsv from '../../fixtures/merchant-feed/products.tsv?raw'
import productsXml from '../../fixtures/merchant-feed/products.xml?raw'

describe('parseMerchantFeed, RSS', () => {
  it('reads items as catalog items, variants grouped, bad rows skipped by item number', () => {
    const feed = parseMerchantFeed(productsXml, 100)
    expect(feed.items).toEqual([
      {
        itemId: '8950526378201',
        title: 'Enamel mug & saucer',
        url: 'https://shop.example/products/enamel-mug?variant=45737128657113',
        image: 'https://cdn.shop.example/mug-blue.jpg',
        price: 24.99,
        currency: 'USD',
        category: 'Kitchen',
        inStock: true,
      },
      {
        itemId: 'TOWEL-1',
        title: 'Tea towel',
        url: 'https://shop.example/products/tea-towel',
        image: 'https://cdn.shop.example/towel.jpg',
        price: 5,
        currency: 'USD',
        inStock: false,
      },
    ])
    expect(feed.skipped).toEqual([
      { row: 4, reason: expect.stringMatching(/url/) },
      { row: 5, reason: 'price: "five dollars" is not like 12.99 USD' },
    ])
  })

  it('decodes the predefined entities and character references, and nothing else', () => {
    const xml = `<rss><channel><item><g:id>A</g:id><g:title>A &amp; B &lt;3 &#233;&#x263A; &nbsp; &#0;</g:title>
      <g:link>https://s.example/a</g:link></item></channel></rss>`
    expect(parseMerchantFeed(xml, 10).items[0]?.title).toBe('A & B <3 é☺ &nbsp; &#0;')
  })

  it.each([
    [
      'entity expansion',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><item><g:id>&lol2;</g:id></item></channel></rss>',
      /DOCTYPE/,
    ],
    [
      'an external entity',
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><g:title>&xxe;</g:title></item></channel></rss>',
      /DOCTYPE/,
    ],
    ['an unclosed item', '<rss><channel><item><g:id>A</g:id>', /never closed/],
    ['an unclosed field', '<rss><channel><item><g:id>A</item></channel></rss>', /never closed/],
    ['not RSS', '<html><body>hi</body></html>', /not an RSS feed/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => parseMerchantFeed(xml, 10)).toThrow(FeedFormatError)
    expect(() => parseMerchantFeed(xml, 10)).toThrow(message)
  })

  it('stops at the row limit instead of reading on', () => {
    const item = '<item><g:id>A</g:id></item>'
    expect(() => parseMerchantFeed(`<rss>${item.repeat(11)}</rss>`, 10)).toThrow(/more than 10/)
  })

  it('reads many unclosed <item> starts in linear time, then refuses them', () => {
    // A quadratic scan would look for </item> after each of the 200,000 starts.
    const hostile = `<rss>${'<item>'.repeat(200_000)}`
    expect(() => parseMerchantFeed(hostile, 1_000_000)).toThrow(/never closed/)
  })
})

describe('parseMerchantFeed, TSV', () => {
  it('reads rows by header, quoted cells unquoted, bad rows skipped by line', () => {
    const feed = parseMerchantFeed(productsTsv, 100)
    expect(feed.items.map((i) => [i.itemId, i.title, i.price, i.currency, i.inStock])).toEqual([
      ['SKU-1', 'Linen apron', 32, 'USD', true],
      ['SKU-2', 'Oven mitt, quilted', 12.5, 'EUR', false],
      ['BOARD', 'Cutting board, small', 20, 'USD', true],
    ])
    expect(feed.skipped).toEqual([{ row: 4, reason: expect.stringMatching(/^title/) }])
  })

  it('keeps a tab inside a quoted cell in its column, and refuses a quote left open', () => {
    const tsv = 'id\ttitle\tlink\tprice\nA1\t"Mug\twith lid"\thttps://s.example/a\t9.50 USD\n'
    expect(parseMerchantFeed(tsv, 10).items[0]).toMatchObject({
      itemId: 'A1',
      title: 'Mug\twith lid',
      price: 9.5,
    })
    expect(() => parseMerchantFeed('id\ttitle\nA1\t"Mug', 10)).toThrow(/Line 2/)
  })

  it('refuses a file without an id column', () => {
    expect(() => parseMerchantFeed('sku\ttitle\nA\tB\n', 10)).toThrow(/`id`/)
  })

  it('accepts the g: prefix in the header and "USD 12.99" prices', () => {
    const tsv = 'g:id\tg:title\tg:link\tg:price\nA\tApron\thttps://s.example/a\tUSD 12.99\n'
    expect(parseMerchantFeed(tsv, 10).items[0]).toMatchObject({ price: 12.99, currency: 'USD' })
  })
})
