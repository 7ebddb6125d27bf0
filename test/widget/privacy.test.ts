import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bootLoader, setUpPage, settle, type Harness } from './support/loader-harness.ts'

type Queue = { push(...commands: unknown[]): number }
const queue = () => (window as unknown as { edgelift: Queue }).edgelift
const PRODUCT_PAGE = `<script type="application/ld+json">
  {"@type":"Product","sku":"MUG-1","name":"Mug","offers":{"price":"3","priceCurrency":"EUR"}}
</script>`
const storedId = () => ({
  cookie: /el_vid=([^;]+)/.exec(document.cookie)?.[1],
  local: localStorage.getItem('el_vid'),
})

let page: Harness
beforeEach(() => {
  vi.useFakeTimers()
  page = setUpPage(PRODUCT_PAGE)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the visitor id', () => {
  it('is a random 128-bit id kept in localStorage and a first-party cookie', async () => {
    await bootLoader()
    const { cookie, local } = storedId()
    expect(local).toMatch(/^[0-9a-f]{32}$/)
    expect(cookie).toBe(local)
  })

  it('is the el_vid cookie when there is one (the edge set it)', async () => {
    document.cookie = 'el_vid=edge-made-id; path=/'
    localStorage.setItem('el_vid', 'older-local-id')
    await bootLoader()
    await settle(1000)
    expect(page.sentEvents()[0]?.visitorId).toBe('edge-made-id')
    expect(localStorage.getItem('el_vid')).toBe('edge-made-id')
  })

  it('comes back from localStorage when the cookie is gone', async () => {
    localStorage.setItem('el_vid', '0123456789abcdef0123456789abcdef')
    await bootLoader()
    expect(storedId().cookie).toBe('0123456789abcdef0123456789abcdef')
  })
})

describe('Global Privacy Control', () => {
  beforeEach(() => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true })
  })

  it('stores no identifier and sends no event, not even after a consent command', async () => {
    await bootLoader()
    queue().push(['track', 'add_to_cart', { itemId: 'A' }], ['consent', true])
    await settle(5000)
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new Event('pagehide'))
    await settle(5000)
    expect(page.fetch).not.toHaveBeenCalled()
    expect(storedId()).toEqual({ cookie: undefined, local: null })
  })
})

describe('data-consent="required"', () => {
  it('stores and sends nothing until consent, then sends what waited', async () => {
    await bootLoader({ consentRequired: true })
    queue().push(['track', 'add_to_cart', { itemId: 'A' }])
    await settle(5000)
    expect(page.fetch).not.toHaveBeenCalled()
    expect(storedId()).toEqual({ cookie: undefined, local: null })

    queue().push(['consent', true])
    await settle(1000)
    // The view waits for the product chunk, so the cart event may be queued before it.
    const types = page.sentEvents().map((e) => e.type)
    expect(types.sort()).toEqual(['add_to_cart', 'page_view', 'view'])
    expect(storedId().local).toMatch(/^[0-9a-f]{32}$/)
    expect(page.sentEvents()[0]?.visitorId).toBe(storedId().local)
  })

  it('is granted by a consent command queued before the loader', async () => {
    ;(window as unknown as { edgelift: unknown[] }).edgelift = [['consent', true]]
    await bootLoader({ consentRequired: true })
    await settle(1000)
    expect(page.sentEvents().map((e) => e.type)).toEqual(['page_view', 'view'])
  })

  it('stops sending again when consent is withdrawn', async () => {
    await bootLoader()
    queue().push(['consent', false], ['track', 'add_to_cart', { itemId: 'A' }])
    await settle(5000)
    expect(page.sentEvents()).toEqual([])
  })
})
