// edgelift custom pixel for Shopify (Settings → Customer events → Add custom pixel).
// Paste this file into the pixel's code box and set the two values below. It runs in Shopify's
// pixel sandbox, where `analytics`, `browser` and `init` are given: it maps Shopify's standard
// events to edgelift's and sends them with the visitor's `el_vid`, the id edgelift's script on
// the theme keeps in a cookie, so a purchase in Shopify's checkout (where no theme script runs)
// lands on the visitor who saw the experiment.
const EDGELIFT_ENDPOINT = 'https://edgelift.example.com' // your edgelift Worker's origin
const EDGELIFT_SITE = 'pk_your_public_key' // your site's public key (never the sk_ secret key)

const VISITOR_COOKIE = 'el_vid'
const VISITOR_ID = /^[\x21-\x7e]{1,128}$/
const ITEM_ID = /^[A-Za-z0-9_.:-]{1,64}$/

function randomId() {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The theme's `el_vid`; a visitor who never loaded a theme page gets one here, kept a year. */
async function visitorId() {
  const known = await browser.cookie.get(VISITOR_COOKIE)
  if (known && VISITOR_ID.test(known)) return known
  const made = randomId()
  await browser.cookie.set(`${VISITOR_COOKIE}=${made}; path=/; max-age=31536000; samesite=lax`)
  return made
}

/** Shopify ids arrive as numbers, digit strings or `gid://shopify/Product/123`: the digits. */
function shopifyId(value) {
  const digits = /(\d+)\s*$/.exec(String(value ?? ''))
  return digits && ITEM_ID.test(digits[1]) ? digits[1] : null
}

function amountOf(money) {
  const amount = Number(money?.amount)
  return Number.isFinite(amount) && amount >= 0 ? amount : undefined
}

function absoluteUrl(path) {
  if (!path) return undefined
  try {
    const base = init?.context?.document?.location?.href
    const url = new URL(String(path).replace(/^\/\//, 'https://'), base)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined
  } catch {
    return undefined
  }
}

/** What the product page says about the product: it fills edgelift's catalog. */
function productOf(variant) {
  const url = absoluteUrl(variant?.product?.url)
  const title = variant?.product?.title
  if (!url || typeof title !== 'string' || title.trim() === '') return undefined
  const image = absoluteUrl(variant?.image?.src)
  const price = amountOf(variant?.price)
  return {
    title: title.slice(0, 300),
    url,
    ...(image && { image }),
    ...(price !== undefined && { price, currency: variant.price.currencyCode }),
  }
}

function lineItemOf(line) {
  const itemId = shopifyId(line?.variant?.product?.id)
  const price = amountOf(line?.variant?.price)
  if (!itemId || price === undefined || !(line.quantity >= 1)) return null
  return { itemId, quantity: Math.floor(line.quantity), price }
}

async function send(event) {
  try {
    const body = JSON.stringify({
      events: [{ id: randomId(), visitorId: await visitorId(), ...event }],
    })
    // text/plain needs no preflight; keepalive lets the request outlive the page.
    await fetch(`${EDGELIFT_ENDPOINT}/v1/events?site=${EDGELIFT_SITE}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
      keepalive: true,
    })
  } catch (err) {
    console.warn('edgelift: event not sent', err)
  }
}

analytics.subscribe('product_viewed', (event) => {
  const variant = event.data?.productVariant
  const itemId = shopifyId(variant?.product?.id)
  if (!itemId) return
  const product = productOf(variant)
  return send({ type: 'view', itemId, ...(product && { product }) })
})

analytics.subscribe('product_added_to_cart', (event) => {
  const line = event.data?.cartLine
  const itemId = shopifyId(line?.merchandise?.product?.id)
  if (!itemId) return
  const price = amountOf(line?.merchandise?.price)
  const quantity = Math.max(1, Math.floor(Number(line?.quantity) || 1))
  return send({
    type: 'add_to_cart',
    itemId,
    ...(price !== undefined && { items: [{ itemId, quantity, price }] }),
  })
})

analytics.subscribe('checkout_completed', (event) => {
  const checkout = event.data?.checkout
  const orderId = shopifyId(checkout?.order?.id)
  const revenue = amountOf(checkout?.totalPrice)
  if (!orderId || revenue === undefined) return
  const items = (checkout.lineItems ?? []).map(lineItemOf).filter(Boolean).slice(0, 100)
  return send({
    type: 'purchase',
    // The Shopify order id, as the orders webhook carries it: the two count as one purchase.
    orderId,
    revenue,
    currency: checkout.totalPrice.currencyCode ?? checkout.currencyCode,
    ...(items.length > 0 && { items }),
  })
})
