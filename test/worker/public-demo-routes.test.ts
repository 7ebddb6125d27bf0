// The demo store (worker/demo/demo-routes.ts) is mounted only when DEMO is "on"; the workerd
// suites run with wrangler.toml's "off", as production does, where each of its pages answers the
// same 404 envelope as a path of no route. Turned on for a request, it answers a bad SKU with a
// 404 and reads no more of a hostile basket cookie than it must, never failing with a 5xx.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { DEMO_SITE_ID } from '../../worker/demo/demo-catalog.ts'
import worker, { app } from '../../worker/index.ts'
import { call, expectRefused } from './support/api.ts'

/** A value for each path parameter of the demo routes. */
const SAMPLE: Record<string, string> = { sku: 'SKU-1', file: 'SKU-1.svg' }

/** Every demo route the app mounts, as a concrete path (all are GET): new ones are covered too. */
function demoPaths(): string[] {
  return app.routes
    .filter((r) => r.method === 'GET' && (r.path === '/demo' || r.path.startsWith('/demo/')))
    .map((r) =>
      r.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => {
        const value = SAMPLE[name]
        if (value === undefined) throw new Error(`no sample value for :${name} in ${r.path}`)
        return value
      }),
    )
}

async function withDemoOn(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`https://edge.test${path}`, { headers, redirect: 'manual' }),
    { ...env, DEMO: 'on' },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

/**
 * A product on the demo site's catalog, which the demo reads its shelves from. Its SKU is new to
 * each test, so tests sharing the database never see each other's.
 */
async function demoProduct(): Promise<string> {
  const sku = `DEMO-${crypto.randomUUID().slice(0, 8)}`
  await env.DB.prepare(
    `INSERT INTO catalog_items (site_id, item_id, title, price_minor, currency, in_stock, source, updated_at)
     VALUES (?, ?, ?, 1000, 'GBP', 1, 'catalog', ?)`,
  )
    .bind(DEMO_SITE_ID, sku, `Demo mug ${sku}`, Date.now())
    .run()
  return sku
}

/** The basket count the page's header shows. */
async function basketCount(res: Response): Promise<number> {
  expect(res.status).toBe(200)
  const match = /data-cart-count>(\d+)</.exec(await res.text())
  if (!match?.[1]) throw new Error('no basket count on the page')
  return Number(match[1])
}

describe('/demo with DEMO off', () => {
  it('lists the demo pages the app mounts', () => {
    expect(demoPaths()).toEqual(
      expect.arrayContaining([
        '/demo',
        '/demo/',
        '/demo/products/SKU-1',
        '/demo/cart',
        '/demo/checkout',
        '/demo/images/SKU-1.svg',
      ]),
    )
  })

  it.each(demoPaths())('answers GET %s with 404 not_found in the envelope', async (path) => {
    const error = await expectRefused(await call(path), 404, 'not_found')
    expect(error.message).toBe(`No route for GET ${path}.`)
  })

  it.each(demoPaths())('answers GET %s when DEMO is on: the 404 is the switch', async (path) => {
    const sku = await demoProduct()
    const res = await withDemoOn(path.replace('SKU-1', sku))
    expect(res.status, await res.clone().text()).toBeLessThan(400)
  })
})

describe('/demo with DEMO on', () => {
  it.each([
    ['a SKU of no product', 'NOPE-404'],
    ['a SKU with a space', 'has%20space'],
    ['a SKU with markup', '%3Cscript%3E'],
    ['a SKU of 65 characters', 'x'.repeat(65)],
  ])('answers %s with 404 not_found in the envelope', async (_, sku) => {
    await expectRefused(await withDemoOn(`/demo/products/${sku}`), 404, 'not_found')
  })

  it('renders a stocked product’s page', async () => {
    const sku = await demoProduct()
    const res = await withDemoOn(`/demo/products/${sku}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(`Demo mug ${sku}`)
  })

  it('reads a basket cookie’s first 50 lines and 4,000 characters only, skipping bad lines', async () => {
    const sku = await demoProduct()
    const cart = (cookie: string) => withDemoOn('/demo/cart', { cookie: `demo_cart=${cookie}` })
    expect(await basketCount(await cart(`${sku}:2`))).toBe(2)
    // 60 lines of one each: the 50 read count.
    expect(await basketCount(await cart(Array(60).fill(`${sku}:1`).join('|')))).toBe(50)
    // A line past the first 4,000 characters is not read.
    expect(await basketCount(await cart(`${'x'.repeat(4000)}|${sku}:3`))).toBe(0)
    // Quantities out of 1-99, bad SKUs and broken escapes are skipped; the good line stays.
    const hostile = [`${sku}:0`, `${sku}:100`, `${sku}:-1`, `${sku}:1.5`, 'a b:1', '%E0%A4%A:1']
    expect(await basketCount(await cart([...hostile, `${sku}:4`].join('|')))).toBe(4)
  })

  it('answers a 100 KB basket cookie with the basket page, not a 5xx', async () => {
    const sku = await demoProduct()
    const cookie = `demo_cart=${sku}:1|${'junk:1|'.repeat(15_000)}`
    for (const path of ['/demo/', '/demo/cart', '/demo/checkout', `/demo/products/${sku}`]) {
      expect(await basketCount(await withDemoOn(path, { cookie })), path).toBe(1)
    }
  })
})
