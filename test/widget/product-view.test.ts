import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  bootLoader,
  CONFIG,
  recordMounts,
  setUpPage,
  settle,
  type Harness,
} from './support/loader-harness.ts'

const PRODUCT_PAGE = `<script type="application/ld+json">
  {"@type":"Product","sku":"MUG-1","name":"Blue mug","url":"https://shop.example/p/mug",
   "offers":{"price":"12.50","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}
</script>`
const SLOT = '<div data-edgelift="recs" data-slot="similar"></div>'

const views = (page: Harness) => page.sentEvents().filter((e) => e.type === 'view')
const chunkNames = (page: Harness) => page.importChunk.mock.calls.map(([, name]) => name)

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the product view', () => {
  it('sends a view with the product of the page’s JSON-LD, read by the product chunk', async () => {
    const page = setUpPage(PRODUCT_PAGE)
    await bootLoader()
    await settle(1000)
    expect(page.importChunk).toHaveBeenCalledWith(CONFIG.src, 'product')
    expect(views(page)).toEqual([
      expect.objectContaining({
        itemId: 'MUG-1',
        product: {
          title: 'Blue mug',
          url: 'https://shop.example/p/mug',
          price: 12.5,
          currency: 'EUR',
          inStock: true,
        },
      }),
    ])
  })

  it('imports no product chunk on a page without JSON-LD', async () => {
    const page = setUpPage('<p>No product here</p>')
    await bootLoader()
    await settle(1000)
    expect(chunkNames(page)).toEqual([])
    expect(views(page)).toEqual([])
  })

  it('sends no view when the JSON-LD describes no single product', async () => {
    const page = setUpPage('<script type="application/ld+json">{"@type":"WebSite"}</script>')
    await bootLoader()
    await settle(1000)
    expect(chunkNames(page)).toEqual(['product'])
    expect(views(page)).toEqual([])
  })

  it('costs only the view when the product chunk cannot load: one warning, nothing thrown', async () => {
    const page = setUpPage(PRODUCT_PAGE)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    page.importChunk.mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'))
    await bootLoader()
    page.queue().push(['track', 'add_to_cart', { itemId: 'MUG-1' }])
    await settle(1000)
    // The page view still goes, of a kind read without the chunk.
    expect(
      page
        .sentEvents()
        .map((e) => e.type)
        .sort(),
    ).toEqual(['add_to_cart', 'page_view'])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]?.[0]).toBe('edgelift:')
  })
})

describe('the recommendations UI on a product page', () => {
  it('downloads both chunks at once, and mounts once the product is known, with its id', async () => {
    const page = setUpPage(PRODUCT_PAGE + SLOT)
    const mounts = recordMounts(page)
    // The product chunk takes 300 ms to arrive.
    const answer = page.importChunk.getMockImplementation()
    page.importChunk.mockImplementation(async (src, name) => {
      if (name === 'product') await new Promise((resolve) => setTimeout(resolve, 300))
      return answer?.(src, name)
    })
    await bootLoader()
    await settle()
    expect(chunkNames(page)).toEqual(['product', 'ui'])
    expect(mounts).toEqual([])
    await settle(300)
    expect(mounts.map((bridge) => bridge.productId)).toEqual(['MUG-1'])
    expect(mounts[0]).toMatchObject({ api: CONFIG.api, site: CONFIG.site })
  })

  it('still mounts when the product chunk cannot load, with one warning', async () => {
    const page = setUpPage(PRODUCT_PAGE + SLOT)
    const mounts = recordMounts(page)
    const answer = page.importChunk.getMockImplementation()
    page.importChunk.mockImplementation(async (src, name) => {
      if (name === 'product') throw new TypeError('Failed to fetch dynamically imported module')
      return answer?.(src, name)
    })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await bootLoader()
    await settle(1000)
    expect(mounts).toHaveLength(1)
    expect(mounts[0]?.productId).toBeUndefined()
    expect(views(page)).toEqual([])
    expect(warn).toHaveBeenCalledTimes(1)
  })

  // An unhandled rejection would reach the merchant's error monitoring; vitest fails the run on one.
  it('warns once, and leaves no rejection unhandled, when neither chunk can load', async () => {
    const page = setUpPage(PRODUCT_PAGE + SLOT)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    page.importChunk.mockRejectedValue(new TypeError('Failed to fetch dynamically imported module'))
    await bootLoader()
    await settle(1000)
    expect(chunkNames(page)).toEqual(['product', 'ui'])
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('mounts without a product id on a page that names no product', async () => {
    const page = setUpPage(SLOT)
    const mounts = recordMounts(page)
    await bootLoader()
    await settle()
    expect(chunkNames(page)).toEqual(['ui'])
    expect(mounts).toHaveLength(1)
    expect(mounts[0]?.productId).toBeUndefined()
  })
})
