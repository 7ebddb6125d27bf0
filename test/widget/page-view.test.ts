import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_PATH, MAX_TITLE } from '../../worker/events/event-schema.ts'
import { MAX_BATCH_BYTES } from '../../widget/loader/event-batches.ts'
import { bootLoader, setUpPage, settle, type Harness } from './support/loader-harness.ts'

const pageViews = (page: Harness) => page.sentEvents().filter((e) => e.type === 'page_view')
const jsonLd = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`

function setReferrer(referrer: string) {
  Object.defineProperty(document, 'referrer', { value: referrer, configurable: true })
}

beforeEach(() => {
  vi.useFakeTimers()
  history.replaceState(null, '', '/')
  document.title = ''
  setReferrer('')
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the page view', () => {
  it('sends one page_view with the path and title, batched with the other events', async () => {
    history.replaceState(null, '', '/about/us?ref=x#team')
    document.title = 'About us'
    const page = setUpPage('<p>Hello</p>')
    await bootLoader()
    page.queue().push(['track', 'signup'])
    await settle(1000)
    // pagehide sends what waits; the page view already left and is not sent again.
    dispatchEvent(new Event('pagehide'))
    await settle(1000)
    expect(pageViews(page)).toEqual([
      {
        type: 'page_view',
        path: '/about/us',
        title: 'About us',
        pageKind: 'content',
        id: expect.any(String),
        visitorId: expect.any(String),
      },
    ])
    expect(page.eventPosts()).toHaveLength(1)
    expect(page.sentEvents().map((e) => e.type)).toEqual(['custom', 'page_view'])
  })

  it.each([
    ['the home page', '/', '<p>Welcome</p>', 'home'],
    ['a marked element', '/basket', '<div data-edgelift-page="cart"></div>', 'cart'],
    [
      'a marked element of an unknown kind',
      '/x',
      '<div data-edgelift-page="landing"></div>',
      'content',
    ],
    ['a Product', '/p/mug', jsonLd({ '@type': 'Product', sku: 'MUG', name: 'Mug' }), 'product'],
    [
      'a Product among other types',
      '/p/mug',
      jsonLd({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['schema:Product', 'Thing'] }] }),
      'product',
    ],
    ['a ProductGroup alone', '/p/group', jsonLd({ '@type': 'ProductGroup' }), 'content'],
    [
      'several Products',
      '/mugs',
      jsonLd([
        { '@type': 'Product', sku: 'A' },
        { '@type': 'Product', sku: 'B' },
      ]),
      'category',
    ],
    ['an ItemList', '/mugs', jsonLd({ '@type': 'ItemList', itemListElement: [] }), 'category'],
    ['a CollectionPage', '/mugs', jsonLd({ '@type': 'CollectionPage' }), 'category'],
    ['a CheckoutPage', '/checkout', jsonLd({ '@type': 'CheckoutPage' }), 'checkout'],
    ['a ProfilePage', '/me', jsonLd({ '@type': 'ProfilePage' }), 'account'],
    [
      'a marked element over JSON-LD',
      '/p/mug',
      jsonLd({ '@type': 'Product', sku: 'MUG' }) + '<i data-edgelift-page="checkout"></i>',
      'checkout',
    ],
    ['broken JSON-LD', '/x', '<script type="application/ld+json">{"@type": </script>', 'content'],
  ])('reads the kind of %s', async (_, path, html, kind) => {
    history.replaceState(null, '', path)
    const page = setUpPage(html)
    await bootLoader()
    await settle(1000)
    expect(pageViews(page)).toEqual([expect.objectContaining({ path, pageKind: kind })])
  })

  it('sends the view of a page left before its product chunk arrives, once, of the kind known without it', async () => {
    history.replaceState(null, '', '/p/mug')
    const page = setUpPage(jsonLd({ '@type': 'Product', sku: 'MUG', name: 'Mug' }))
    let arrive: (chunk: unknown) => void = () => {}
    page.importChunk.mockImplementation(() => new Promise((resolve) => (arrive = resolve)))
    await bootLoader()
    await settle(1000)
    expect(pageViews(page)).toEqual([])
    dispatchEvent(new Event('pagehide'))
    expect(pageViews(page)).toEqual([
      expect.objectContaining({ path: '/p/mug', pageKind: 'content' }),
    ])
    // Back from the back-forward cache, the chunk arrives: the product view goes, the page view
    // does not go twice.
    arrive(await import('../../widget/product/index.ts'))
    await settle(1000)
    expect(pageViews(page)).toHaveLength(1)
    expect(page.sentEvents().map((e) => e.type)).toEqual(['page_view', 'view'])
  })

  it('sends the referrer from another site and the UTM parameters of the arrival page', async () => {
    history.replaceState(null, '', '/?utm_source=news&utm_medium=email&utm_campaign=spring&x=1')
    setReferrer('https://mail.example/inbox')
    const page = setUpPage()
    await bootLoader()
    await settle(1000)
    expect(pageViews(page)[0]).toMatchObject({
      referrer: 'https://mail.example/inbox',
      utm: { source: 'news', medium: 'email', campaign: 'spring' },
    })
  })

  it('leaves out a referrer of the same site and absent UTM parameters', async () => {
    setReferrer(new URL('/previous', location.href).href)
    const page = setUpPage()
    await bootLoader()
    await settle(1000)
    expect(pageViews(page)[0]).not.toHaveProperty('referrer')
    expect(pageViews(page)[0]).not.toHaveProperty('utm')
  })

  it('sends a page view for each route a single-page app pushes, without the arrival fields', async () => {
    history.replaceState(null, '', '/?utm_source=ads')
    setReferrer('https://www.google.com/')
    const page = setUpPage()
    await bootLoader()
    await settle(0)
    history.pushState(null, '', '/p/teapot')
    document.body.innerHTML = jsonLd({ '@type': 'Product', sku: 'TEA' })
    page.queue().push(['page'])
    page.queue().push(['page', { path: '/cart', title: 'Your cart', kind: 'cart' }])
    page.queue().push(['page', { path: 'https://elsewhere.example/a/b?q=1', kind: 'bogus' }])
    await settle(1000)
    const [arrival, ...routes] = pageViews(page)
    expect(arrival).toMatchObject({ path: '/', pageKind: 'home', utm: { source: 'ads' } })
    expect(routes).toEqual([
      expect.objectContaining({ path: '/p/teapot', pageKind: 'product' }),
      expect.objectContaining({ path: '/cart', title: 'Your cart', pageKind: 'cart' }),
      expect.objectContaining({ path: '/a/b', pageKind: 'product' }),
    ])
    for (const route of routes) {
      expect(route).not.toHaveProperty('referrer')
      expect(route).not.toHaveProperty('utm')
    }
  })

  it('cuts a 100 KB path, title and referrer so the batch still travels with the rest', async () => {
    history.replaceState(null, '', '/' + 'p'.repeat(100_000))
    document.title = 't'.repeat(100_000)
    setReferrer('https://blog.example/' + 'r'.repeat(100_000))
    const page = setUpPage()
    await bootLoader()
    page.queue().push(['track', 'add_to_cart', { itemId: 'MUG' }])
    await settle(1000)
    const [view] = pageViews(page)
    expect(String(view?.path)).toHaveLength(MAX_PATH)
    expect(String(view?.title)).toHaveLength(MAX_TITLE)
    expect(String(view?.referrer)).toHaveLength(1024)
    expect(page.sentEvents().map((e) => e.type)).toEqual(['add_to_cart', 'page_view'])
    const body = page.eventPosts()[0]?.[1]
    expect(new Blob([body ?? '']).size).toBeLessThan(MAX_BATCH_BYTES)
  })
})
