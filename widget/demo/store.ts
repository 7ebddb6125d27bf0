/**
 * The demo store's own script — what a merchant's store already has: a basket kept in a cookie,
 * and the edgelift calls a store adds (add_to_cart and purchase, and a handler for the visit's
 * purchase-intent band) through the queue, which works whether or not widget.js has loaded yet.
 */
type EdgeliftQueue = unknown[]
type WithQueue = Window & { edgelift?: EdgeliftQueue }

const CART_COOKIE = 'demo_cart'

function queue(): EdgeliftQueue {
  const w = window as WithQueue
  w.edgelift = w.edgelift || []
  return w.edgelift
}

function readCart(): Map<string, number> {
  const raw = document.cookie.split('; ').find((c) => c.startsWith(`${CART_COOKIE}=`))
  const cart = new Map<string, number>()
  for (const part of decodeURIComponent(raw?.slice(CART_COOKIE.length + 1) ?? '').split('|')) {
    const [sku, qty] = part.split(':')
    if (sku && Number(qty) > 0) cart.set(sku, Number(qty))
  }
  return cart
}

function writeCart(cart: Map<string, number>): void {
  const value = [...cart].map(([sku, qty]) => `${sku}:${qty}`).join('|')
  document.cookie = `${CART_COOKIE}=${encodeURIComponent(value)}; Path=/; Max-Age=${value ? 604800 : 0}; SameSite=Lax`
  const count = [...cart.values()].reduce((a, b) => a + b, 0)
  for (const el of document.querySelectorAll('[data-cart-count]')) el.textContent = String(count)
}

function randomId(prefix: string): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

// What edgelift reads of this visit, in the footer: the same handler a store would use to fetch
// an offer for hesitant shoppers only.
queue().push([
  'on',
  'intent',
  ({ band, score, model }: { band: string; score?: number; model?: string }) => {
    const note = document.querySelector<HTMLElement>('[data-intent-note]')
    if (!note) return
    const detail = score === undefined ? '' : ` (score ${score.toFixed(2)}, ${model} model)`
    note.textContent = `· This visit's purchase intent: ${band}${detail}.`
    note.hidden = false
  },
])

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null
  const add = target?.closest<HTMLElement>('[data-add-to-cart]')
  if (add) {
    const sku = add.dataset.addToCart ?? ''
    const cart = readCart()
    cart.set(sku, Math.min(99, (cart.get(sku) ?? 0) + 1))
    writeCart(cart)
    queue().push([
      'track',
      'add_to_cart',
      { itemId: sku, revenue: Number(add.dataset.price) || undefined, currency: 'GBP' },
    ])
    document.querySelector('[data-added]')?.removeAttribute('hidden')
    return
  }
  const place = target?.closest<HTMLElement>('[data-place-order]')
  if (place) {
    const order = JSON.parse(place.dataset.placeOrder ?? '{}') as Record<string, unknown>
    queue().push(['track', 'purchase', { orderId: randomId('order'), ...order }])
    writeCart(new Map())
    place.setAttribute('hidden', '')
    document.querySelector('[data-thanks]')?.removeAttribute('hidden')
  }
})
