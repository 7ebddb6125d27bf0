import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { trackedEvent } from '../../widget/loader/commands.ts'
import { bootLoader, setUpPage, settle, type Harness } from './support/loader-harness.ts'

type Queue = unknown[] & { push(...commands: unknown[]): number }
const win = window as unknown as { edgelift?: Queue }

let page: Harness
/** The events besides the page view every page sends (test/widget/page-view.test.ts). */
const sentBesidesPageView = () => page.sentEvents().filter((e) => e.type !== 'page_view')
beforeEach(() => {
  vi.useFakeTimers()
  page = setUpPage()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the edgelift command queue', () => {
  it('runs commands pushed before the loader, in order, after it loads', async () => {
    win.edgelift = []
    win.edgelift.push(['track', 'add_to_cart', { itemId: 'A', quantity: 1, price: 2 }])
    win.edgelift.push(['track', 'purchase', { orderId: 'o1', revenue: 2, currency: 'EUR' }])
    await bootLoader()
    await settle(1000)
    expect(page.sentEvents().map((e) => e.type)).toEqual(['add_to_cart', 'purchase', 'page_view'])
    expect(page.sentEvents()[1]).toMatchObject({ orderId: 'o1', revenue: 2, currency: 'EUR' })
  })

  it('runs a push after load at once', async () => {
    await bootLoader()
    win.edgelift?.push(['track', 'add_to_cart', { itemId: 'B' }])
    await settle(1000)
    expect(sentBesidesPageView()).toEqual([
      expect.objectContaining({ type: 'add_to_cart', itemId: 'B', visitorId: expect.any(String) }),
    ])
  })

  it('sends a view a single-page app pushes on a route change, as the API’s view', async () => {
    await bootLoader()
    win.edgelift?.push(['track', 'view', { itemId: 'SKU456' }])
    await settle(1000)
    expect(sentBesidesPageView()).toEqual([
      expect.objectContaining({ type: 'view', itemId: 'SKU456', visitorId: expect.any(String) }),
    ])
  })

  it('keeps a queue made by the page and makes one when there is none', async () => {
    const own: Queue = []
    win.edgelift = own
    await bootLoader()
    expect(win.edgelift).toBe(own)
    delete win.edgelift
    page = setUpPage()
    await bootLoader()
    expect(Array.isArray(win.edgelift)).toBe(true)
  })

  it('does nothing on a second copy of the loader', async () => {
    await bootLoader()
    vi.resetModules()
    await bootLoader()
    win.edgelift?.push(['track', 'add_to_cart', { itemId: 'C' }])
    await settle(1000)
    // One page view and one cart event: the second copy sends neither again.
    expect(
      page
        .sentEvents()
        .map((e) => e.type)
        .sort(),
    ).toEqual(['add_to_cart', 'page_view'])
    expect(document.adoptedStyleSheets).toHaveLength(1)
  })

  it('survives a broken command and runs the next one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await bootLoader()
    expect(() => win.edgelift?.push(null, ['nonsense'], ['track', 'add_to_cart', {}])).not.toThrow()
    await settle(1000)
    expect(sentBesidesPageView()).toHaveLength(1)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toBe('edgelift:')
  })
})

describe('trackedEvent', () => {
  it('sends add_to_cart and purchase with the API’s own fields', () => {
    const items = [{ itemId: 'A', quantity: 2, price: 5 }]
    expect(trackedEvent('purchase', { orderId: 'o', revenue: 10, currency: 'USD', items })).toEqual(
      { type: 'purchase', orderId: 'o', revenue: 10, currency: 'USD', items },
    )
    expect(trackedEvent('add_to_cart', { itemId: 'A', type: 'spoofed' })).toEqual({
      type: 'add_to_cart',
      itemId: 'A',
    })
  })

  it('makes any other name a custom event with its data as props', () => {
    expect(trackedEvent('newsletter', { list: 'weekly' })).toEqual({
      type: 'custom',
      name: 'newsletter',
      props: { list: 'weekly' },
    })
  })
})
