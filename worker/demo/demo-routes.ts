/**
 * `/demo`: a small but realistic store on the demo site's catalog — home, product pages with
 * JSON-LD and the buy-button experiment, basket and checkout — so `npm start` shows edgelift
 * working on a merchant's pages. Mounted only when the DEMO variable is "on" (npm start sets it).
 */
import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { KEY } from '../../shared/identifiers.ts'
import type { AppEnv } from '../app-env.ts'
import { notFound } from '../domain-error.ts'
import { demoProduct, demoProducts, type DemoProduct } from './demo-catalog.ts'
import { cartPage, checkoutPage, homePage, layout, productPage, type CartLine } from './pages.ts'
import { placeholderSvg } from './placeholder-image.ts'
import type { Database } from '../db/database.ts'

// The demo practises what the README preaches: a strict policy, and the widget still works.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'"
const MAX_CART_LINES = 50

/** The basket lives in a cookie (`SKU:qty|SKU:qty`), so the server can render it. */
async function cartOf(db: Database, cookie: string | undefined): Promise<CartLine[]> {
  const lines: CartLine[] = []
  for (const part of (cookie ?? '').slice(0, 4000).split('|').slice(0, MAX_CART_LINES)) {
    const [sku = '', qty = ''] = part.split(':')
    const quantity = Number(qty)
    if (!KEY.test(sku) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) continue
    const product = await demoProduct(db, sku)
    if (product) lines.push({ product, quantity })
  }
  return lines
}

export const demoRoutes = new Hono<AppEnv>()
  .use('/demo/*', async (c, next) => {
    if (c.env.DEMO !== 'on') return c.notFound()
    await next()
    if (c.res.headers.get('content-type')?.startsWith('text/html')) {
      c.res.headers.set('Content-Security-Policy', CSP)
    }
  })
  .get('/demo', (c) => c.redirect('/demo/'))
  .get('/demo/', async (c) => {
    const cart = await cartOf(c.var.db, getCookie(c, 'demo_cart'))
    return c.html(
      layout('Shop', homePage(await demoProducts(c.var.db, 48)), { cartCount: count(cart) }),
    )
  })
  .get('/demo/products/:sku', async (c) => {
    const sku = c.req.param('sku')
    const product = KEY.test(sku) ? await demoProduct(c.var.db, sku) : null
    if (!product) throw notFound('This product')
    const cart = await cartOf(c.var.db, getCookie(c, 'demo_cart'))
    const origin = new URL(c.req.url).origin
    return c.html(layout(product.title, productPage(product, origin), { cartCount: count(cart) }))
  })
  .get('/demo/cart', async (c) => {
    const cart = await cartOf(c.var.db, getCookie(c, 'demo_cart'))
    return c.html(layout('Basket', cartPage(cart), { cartCount: count(cart) }))
  })
  .get('/demo/checkout', async (c) => {
    const cart = await cartOf(c.var.db, getCookie(c, 'demo_cart'))
    return c.html(layout('Checkout', checkoutPage(cart), { cartCount: count(cart) }))
  })
  .get('/demo/images/:file{[A-Za-z0-9_.:-]+\\.svg}', async (c) => {
    const sku = c.req.param('file').replace(/\.svg$/, '')
    const product: DemoProduct | null = KEY.test(sku) ? await demoProduct(c.var.db, sku) : null
    return c.body(placeholderSvg(sku, product?.title ?? sku), 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=86400',
    })
  })

function count(cart: CartLine[]): number {
  return cart.reduce((s, l) => s + l.quantity, 0)
}
