import { beforeEach, describe, expect, it } from 'vitest'
import { readProduct } from '../../widget/product/product-json-ld.ts'

function page(...blocks: unknown[]): Document {
  document.head.innerHTML = blocks
    .map(
      (b) =>
        `<script type="application/ld+json">${typeof b === 'string' ? b : JSON.stringify(b)}</script>`,
    )
    .join('')
  return document
}

const mug = {
  '@context': 'https://schema.org',
  '@type': 'Product',
  sku: 'MUG-1',
  name: ' Blue mug ',
  url: 'https://shop.example/p/mug',
  image: 'https://shop.example/img/mug.jpg',
  offers: {
    '@type': 'Offer',
    price: '12.50',
    priceCurrency: 'EUR',
    availability: 'https://schema.org/InStock',
  },
}

beforeEach(() => {
  document.head.innerHTML = ''
})

describe('readProduct', () => {
  it('reads a plain Product with an Offer object', () => {
    expect(readProduct(page(mug))).toEqual({
      itemId: 'MUG-1',
      product: {
        title: 'Blue mug',
        url: 'https://shop.example/p/mug',
        image: 'https://shop.example/img/mug.jpg',
        price: 12.5,
        currency: 'EUR',
        inStock: true,
      },
    })
  })

  it('finds the product in a top-level array beside other nodes', () => {
    const crumbs = { '@type': 'BreadcrumbList', itemListElement: [] }
    expect(readProduct(page([crumbs, mug]))?.itemId).toBe('MUG-1')
  })

  it('finds the product under @graph and under mainEntity', () => {
    expect(readProduct(page({ '@graph': [{ '@type': 'WebSite' }, mug] }))?.itemId).toBe('MUG-1')
    expect(readProduct(page({ '@type': 'ItemPage', mainEntity: mug }))?.itemId).toBe('MUG-1')
  })

  it('accepts @type as a list and as an IRI, but not ProductGroup', () => {
    expect(readProduct(page({ ...mug, '@type': ['Product', 'Thing'] }))?.itemId).toBe('MUG-1')
    expect(readProduct(page({ ...mug, '@type': 'http://schema.org/Product' }))?.itemId).toBe(
      'MUG-1',
    )
    expect(readProduct(page({ ...mug, '@type': 'ProductGroup' }))).toBeUndefined()
  })

  it('reads offers given as a list, with a numeric price', () => {
    const offers = [
      { '@type': 'Offer', price: 9, priceCurrency: 'USD', availability: 'OutOfStock' },
      { '@type': 'Offer', price: 11, priceCurrency: 'USD' },
    ]
    expect(readProduct(page({ ...mug, offers }))?.product).toMatchObject({
      price: 9,
      currency: 'USD',
      inStock: false,
    })
  })

  it('reads an AggregateOffer by its lowPrice', () => {
    const offers = { '@type': 'AggregateOffer', lowPrice: '7.00', priceCurrency: 'GBP' }
    expect(readProduct(page({ ...mug, offers }))?.product).toMatchObject({
      price: 7,
      currency: 'GBP',
    })
  })

  it.each([
    ['https://schema.org/InStock', true],
    ['http://schema.org/InStock', true],
    ['InStock', true],
    ['schema:InStock', true],
    ['https://schema.org/LimitedAvailability', true],
    ['https://schema.org/OnlineOnly', true],
    ['https://schema.org/OutOfStock', false],
    ['SoldOut', false],
    ['https://schema.org/PreOrder', false],
  ])('reads availability %s as inStock %s', (availability, inStock) => {
    const offers = { ...mug.offers, availability }
    expect(readProduct(page({ ...mug, offers }))?.product.inStock).toBe(inStock)
  })

  it('leaves inStock out when availability is not given', () => {
    const offers = { price: 1, priceCurrency: 'EUR' }
    expect(readProduct(page({ ...mug, offers }))?.product.inStock).toBeUndefined()
  })

  it('reads the image as a string, a list or an ImageObject, resolving relative URLs', () => {
    const image = (value: unknown) => readProduct(page({ ...mug, image: value }))?.product.image
    expect(image(['https://cdn.example/a.jpg', 'https://cdn.example/b.jpg'])).toBe(
      'https://cdn.example/a.jpg',
    )
    expect(image({ '@type': 'ImageObject', url: 'https://cdn.example/c.jpg' })).toBe(
      'https://cdn.example/c.jpg',
    )
    expect(image([{ '@type': 'ImageObject', url: 'https://cdn.example/d.jpg' }])).toBe(
      'https://cdn.example/d.jpg',
    )
    expect(image('/img/e.jpg')).toBe(new URL('/img/e.jpg', document.baseURI).href)
    expect(image('javascript:alert(1)')).toBeUndefined()
  })

  it('falls back to the page URL and leaves out what is missing or invalid', () => {
    const bare = { '@type': 'Product', sku: 'B1', name: 'Bare', offers: { priceCurrency: 'euro' } }
    expect(readProduct(page(bare))).toEqual({
      itemId: 'B1',
      product: { title: 'Bare', url: location.href },
    })
  })

  it('skips a product without a valid sku or name', () => {
    expect(readProduct(page({ ...mug, sku: 'has spaces' }))).toBeUndefined()
    expect(readProduct(page({ ...mug, sku: undefined }))).toBeUndefined()
    expect(readProduct(page({ ...mug, name: '' }))).toBeUndefined()
  })

  it('names no product on a listing page describing several', () => {
    const other = { ...mug, sku: 'CUP-2' }
    expect(
      readProduct(page({ '@type': 'ItemList', itemListElement: [mug, other] })),
    ).toBeUndefined()
  })

  it('counts the same product described twice (theme and app) as one', () => {
    expect(readProduct(page(mug, mug))?.itemId).toBe('MUG-1')
  })

  it('ignores a product’s variants and related products', () => {
    const related = { ...mug, isRelatedTo: [{ ...mug, sku: 'OTHER' }] }
    expect(readProduct(page(related))?.itemId).toBe('MUG-1')
  })

  it('survives a malformed block next to a good one', () => {
    expect(readProduct(page('{ not json', mug))?.itemId).toBe('MUG-1')
    expect(readProduct(page('null', '"text"', 42))).toBeUndefined()
  })
})
