// The Shopify custom pixel (integrations/shopify/pixel.js), run the way Shopify's sandbox runs it:
// a script given `analytics`, `browser` and `init`, fed the standard events' documented payloads.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import pixelSource from '../../integrations/shopify/pixel.js?raw'
import fixtures from '../fixtures/shopify/web-pixel-events.json'
import { eventSchema } from '../../worker/events/event-schema.ts'

type Handler = (event: unknown) => Promise<void> | undefined
type Sent = { url: string; body: { events: Record<string, unknown>[] } }

let handlers: Map<string, Handler>
let cookies: Map<string, string>
let sent: Sent[]

function runPixel() {
  handlers = new Map()
  sent = []
  const analytics = { subscribe: (name: string, handler: Handler) => handlers.set(name, handler) }
  const browser = {
    cookie: {
      get: async (name: string) => cookies.get(name) ?? '',
      set: async (cookie: string) => {
        const [pair = ''] = cookie.split(';')
        const [name = '', value = ''] = pair.split('=')
        cookies.set(name, value)
      },
    },
  }
  const init = { context: { document: { location: { href: 'https://shop.example/' } } } }
  const fetchStub = vi.fn(async (url: string, options: { body: string }) => {
    sent.push({ url, body: JSON.parse(options.body) as Sent['body'] })
    return new Response(null, { status: 202 })
  })
  const source = pixelSource
    .replace("'https://edgelift.example.com'", "'https://edge.example'")
    .replace("'pk_your_public_key'", "'pk_test'")
  new Function('analytics', 'browser', 'init', 'fetch', source)(analytics, browser, init, fetchStub)
}

async function publish(name: keyof typeof fixtures): Promise<Record<string, unknown>> {
  const handler = handlers.get(name)
  if (!handler) throw new Error(`${name} is not subscribed`)
  await handler(fixtures[name])
  const event = sent.at(-1)?.body.events[0]
  if (!event) throw new Error('nothing sent')
  // What the pixel sends is what POST /v1/events accepts.
  expect(eventSchema.safeParse(event).success).toBe(true)
  return event
}

beforeEach(() => {
  cookies = new Map([['el_vid', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6']])
  runPixel()
})

describe('the Shopify custom pixel', () => {
  it('subscribes to the three standard events it maps', () => {
    expect([...handlers.keys()].sort()).toEqual([
      'checkout_completed',
      'product_added_to_cart',
      'product_viewed',
    ])
  })

  it('sends product_viewed as a view of the product, with what the catalog needs', async () => {
    const event = await publish('product_viewed')
    expect(sent[0]?.url).toBe('https://edge.example/v1/events?site=pk_test')
    expect(event).toMatchObject({
      type: 'view',
      visitorId: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
      itemId: '8950526378201',
      product: {
        title: 'Enamel mug',
        url: 'https://shop.example/products/enamel-mug',
        image: 'https://shop.example/cdn/shop/products/mug-blue.jpg?v=1664345120',
        price: 24.99,
        currency: 'USD',
      },
    })
  })

  it('sends product_added_to_cart as add_to_cart with its quantity and price', async () => {
    const event = await publish('product_added_to_cart')
    expect(event).toMatchObject({
      type: 'add_to_cart',
      itemId: '8950526378201',
      items: [{ itemId: '8950526378201', quantity: 2, price: 24.99 }],
    })
  })

  it('sends checkout_completed as a purchase with the order id, revenue, currency and lines', async () => {
    const event = await publish('checkout_completed')
    expect(event).toMatchObject({
      type: 'purchase',
      visitorId: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
      orderId: '5550123456789',
      revenue: 59.98,
      currency: 'USD',
      items: [
        { itemId: '8950526378201', quantity: 2, price: 24.99 },
        { itemId: '8950526378999', quantity: 1, price: 5 },
      ],
    })
  })

  it('takes the order id from a gid as the webhook carries it: digits only', async () => {
    const payload = structuredClone(fixtures.checkout_completed)
    payload.data.checkout.order.id = 'gid://shopify/Order/5550123456789'
    await handlers.get('checkout_completed')?.(payload)
    expect(sent[0]?.body.events[0]?.orderId).toBe('5550123456789')
  })

  it('gives a visitor without el_vid one and keeps it for the next event', async () => {
    cookies.clear()
    const first = await publish('product_viewed')
    const second = await publish('checkout_completed')
    expect(first.visitorId).toMatch(/^[0-9a-f]{32}$/)
    expect(second.visitorId).toBe(first.visitorId)
    expect(cookies.get('el_vid')).toBe(first.visitorId)
  })

  it('sends nothing for a checkout without an order id or total', async () => {
    const payload = structuredClone(fixtures.checkout_completed) as { data: { checkout: object } }
    payload.data.checkout = { lineItems: [] }
    await handlers.get('checkout_completed')?.(payload)
    expect(sent).toEqual([])
  })

  it('never throws into the page when the request fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    handlers.clear()
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const analytics = { subscribe: (name: string, handler: Handler) => handlers.set(name, handler) }
    const browser = { cookie: { get: async () => 'v1', set: async () => undefined } }
    new Function('analytics', 'browser', 'init', 'fetch', pixelSource)(
      analytics,
      browser,
      {},
      failing,
    )
    await expect(handlers.get('product_viewed')?.(fixtures.product_viewed)).resolves.toBeUndefined()
    expect(failing).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledTimes(1)
  })
})
