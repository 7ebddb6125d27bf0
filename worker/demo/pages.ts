/**
 * The demo store's pages: plain server-rendered HTML, as a merchant's store would have, with the
 * one edgelift script tag and recommendation slots. Strict CSP: no inline script or style; the
 * store's own behaviour lives in /demo-assets/store.js.
 */
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { DemoProduct } from './demo-catalog.ts'

type Html = HtmlEscapedString | Promise<HtmlEscapedString>

export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount)
}

export function layout(
  title: string,
  body: Html,
  options: { head?: Html; cartCount: number },
): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · Hearth & Home (edgelift demo)</title>
        <!-- No icon: an empty one keeps the browser from asking for /favicon.ico (a 404). -->
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/demo-assets/store.css" />
        <script src="/demo-assets/store.js" defer></script>
        <script async src="/widget.js" data-site="pk_demo"></script>
        ${options.head ?? ''}
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/demo">Hearth &amp; Home</a>
          <nav>
            <a href="/demo">Shop</a>
            <a href="/demo/cart" class="cart-link"
              >Basket (<span data-cart-count>${options.cartCount}</span>)</a
            >
          </nav>
        </header>
        <!-- Shown by store.css to shoppers whose purchase intent is low or medium, as the README's
          banner example does (its offer is not free delivery here: that is what the buy-button
          experiment tests, and every shopper seeing it would blur the test). The band is
          <html data-edgelift-intent>, set by widget.js. -->
        <p class="intent-offer">
          Still deciding? Take 10% off your first order with code HEARTH10.
        </p>
        <main>${body}</main>
        <footer>
          A demo store running on edgelift. Product data: UCI Online Retail (CC BY 4.0).
          <a href="/admin">Store admin →</a>
          <span data-intent-note hidden></span>
        </footer>
      </body>
    </html>`
}

export function productCard(p: DemoProduct): Html {
  return html`<li class="card">
    <a href="/demo/products/${p.sku}">
      <img
        src="/demo/images/${p.sku}.svg"
        alt="${p.title}"
        width="200"
        height="200"
        loading="lazy"
      />
      <span class="title">${p.title}</span>
    </a>
    <span class="price">${money(p.price, p.currency)}</span>
  </li>`
}

export function homePage(products: DemoProduct[]): Html {
  return html`<section class="hero" data-edgelift-page="home">
      <h1>Gifts for every home</h1>
      <p>Hand-picked homeware, lanterns, bunting and more.</p>
    </section>
    <div
      data-edgelift="recs"
      data-slot="personal"
      data-n="8"
      data-title="Recommended for you"
    ></div>
    <div data-edgelift="recs" data-slot="trending" data-n="8" data-title="Trending now"></div>
    <h2>All products</h2>
    <ul class="grid">
      ${products.map(productCard)}
    </ul>`
}

export function productPage(p: DemoProduct, origin: string): Html {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.title,
    sku: p.sku,
    url: `${origin}/demo/products/${p.sku}`,
    image: `${origin}/demo/images/${p.sku}.svg`,
    offers: {
      '@type': 'Offer',
      price: p.price.toFixed(2),
      priceCurrency: p.currency,
      availability: p.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    },
  }).replace(/</g, '\\u003c')
  return html`<article class="product">
      <img src="/demo/images/${p.sku}.svg" alt="${p.title}" width="400" height="400" />
      <div class="details">
        <h1>${p.title}</h1>
        <p class="price">${money(p.price, p.currency)}</p>
        <p class="stock">${p.inStock ? 'In stock · ships tomorrow' : 'Out of stock'}</p>
        <button
          class="buy"
          data-add-to-cart="${p.sku}"
          data-price="${p.price}"
          data-edgelift-experiment="buy-button"
          data-edgelift-variation="control"
        >
          Add to basket
        </button>
        <button
          class="buy buy-b"
          data-add-to-cart="${p.sku}"
          data-price="${p.price}"
          data-edgelift-experiment="buy-button"
          data-edgelift-variation="free-delivery"
        >
          Add to basket · free delivery
        </button>
        <p class="added" data-added hidden>Added to your basket.</p>
      </div>
    </article>
    <div
      data-edgelift="recs"
      data-slot="similar"
      data-item="${p.sku}"
      data-n="6"
      data-title="Customers also bought"
    ></div>
    <script type="application/ld+json">
      ${raw(jsonLd)}
    </script>`
}

export type CartLine = { product: DemoProduct; quantity: number }

export function cartPage(lines: CartLine[]): Html {
  const total = lines.reduce((s, l) => s + l.product.price * l.quantity, 0)
  const currency = lines[0]?.product.currency ?? 'GBP'
  return html`<h1 data-edgelift-page="cart">Your basket</h1>
    ${
      lines.length === 0
        ? html`<p>Your basket is empty. <a href="/demo">Keep shopping</a>.</p>`
        : html`<table class="cart">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Qty</th>
                  <th scope="col">Price</th>
                </tr>
              </thead>
              <tbody>
                ${lines.map(
                  (l) =>
                    html`<tr>
                      <td><a href="/demo/products/${l.product.sku}">${l.product.title}</a></td>
                      <td>${l.quantity}</td>
                      <td>${money(l.product.price * l.quantity, currency)}</td>
                    </tr>`,
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colspan="2">Total</th>
                  <td>${money(total, currency)}</td>
                </tr>
              </tfoot>
            </table>
            <a class="checkout" href="/demo/checkout">Checkout</a>`
    }
    <div
      data-edgelift="recs"
      data-slot="cart"
      data-item="${lines.map((l) => l.product.sku).join(',')}"
      data-n="4"
      data-title="Complete your order"
    ></div>`
}

export function checkoutPage(lines: CartLine[]): Html {
  const total = lines.reduce((s, l) => s + l.product.price * l.quantity, 0)
  const currency = lines[0]?.product.currency ?? 'GBP'
  const order = JSON.stringify({
    revenue: Math.round(total * 100) / 100,
    currency,
    items: lines.map((l) => ({
      itemId: l.product.sku,
      quantity: l.quantity,
      price: l.product.price,
    })),
  })
  return html`<h1 data-edgelift-page="checkout">Checkout</h1>
    ${
      lines.length === 0
        ? html`<p>Nothing to check out. <a href="/demo">Keep shopping</a>.</p>`
        : html`<p>${lines.length} item(s), total <strong>${money(total, currency)}</strong>.</p>
            <button class="buy" data-place-order="${order}">Place order</button>
            <p class="thanks" data-thanks hidden>Thank you! Your order is on its way.</p>`
    }`
}
