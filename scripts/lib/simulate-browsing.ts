/**
 * The browsing side of `npm run simulate`: each visitor's session of page views, shaped by how
 * engaged they are, so that purchase intent can be learned from it. A visitor bounces (one
 * page), browses (a few product and category pages) or shops (many product pages, an add to
 * cart, the cart page); their chance to buy is the experiment arm's rate times their
 * engagement's `buyFactor`, and the factors average 1 over the shares, so each arm's true rate
 * (and the experiment's true lift) is what the simulation was given. A buyer then sees the
 * checkout and the thank-you page. Arrivals come from search, social, email or direct, as the
 * loader reports them (referrer, UTM parameters).
 *
 * It draws from its own seeded generator, so the experiment's traffic is the same with or without
 * it, as for the recommendations (simulate-recs.ts).
 */
import { mulberry32 } from '../../worker/recs/prng.ts'

type Engagement = { name: 'bounce' | 'browse' | 'shop'; share: number; buyFactor: number }

/** Shares and purchase factors; sum of share x buyFactor is 1. */
export const ENGAGEMENTS: readonly Engagement[] = [
  { name: 'bounce', share: 0.4, buyFactor: 0.1 },
  { name: 'browse', share: 0.4, buyFactor: 0.8 },
  { name: 'shop', share: 0.2, buyFactor: 3.2 },
]

const ARRIVALS: Record<string, unknown>[] = [
  {},
  { referrer: 'https://www.google.com/' },
  { referrer: 'https://l.facebook.com/' },
  { utm: { source: 'newsletter', medium: 'email', campaign: 'weekly' } },
  { referrer: 'https://www.bing.com/', utm: { source: 'bing', medium: 'cpc' } },
]
const CONTENT = ['/blog/gift-ideas', '/about', '/delivery', '/faq']

/** The chance to buy of a visitor of an arm with `rate`, at each engagement, at most 1. */
export function expectedRate(rate: number): number {
  return ENGAGEMENTS.reduce((sum, e) => sum + e.share * Math.min(1, rate * e.buyFactor), 0)
}

export type BrowsingVisit = {
  /** Page views (and a shopper's add to cart) before any purchase, in order. */
  events: Record<string, unknown>[]
  buyFactor: number
  /**
   * The pages a buyer sees around the purchase: checkout before it, thank-you after (made when
   * asked for, so its id comes after the purchase's: events of one server time sort by id).
   */
  checkout: Record<string, unknown>[]
  thanks: () => Record<string, unknown>[]
}

/**
 * A function that makes one visitor's browsing around `viewed` (the product the simulation shows
 * them) from the site's `catalog` of item ids.
 */
export function browsingVisits(options: { seed: number; eventId: () => string }) {
  const random = mulberry32(options.seed ^ 0xb40e)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  return (visitorId: string, viewed: string | undefined, catalog: string[]): BrowsingVisit => {
    const page = (path: string, pageKind: string, extra: Record<string, unknown> = {}) => ({
      id: options.eventId(),
      type: 'page_view',
      visitorId,
      path,
      pageKind,
      ...extra,
    })
    const product = (itemId = pick(catalog.length ? catalog : ['p1', 'p2', 'p3'])) =>
      page(`/products/${itemId}`, 'product')
    let draw = random()
    const engagement =
      ENGAGEMENTS.find((e) => (draw -= e.share) < 0) ?? (ENGAGEMENTS.at(-1) as Engagement)
    const arrival = pick(ARRIVALS)
    const events: Record<string, unknown>[] = []
    if (engagement.name === 'bounce') {
      const landing = pick(['home', 'content', 'product'])
      events.push(
        landing === 'home'
          ? page('/', 'home', arrival)
          : landing === 'content'
            ? page(pick(CONTENT), 'content', arrival)
            : { ...product(viewed), ...arrival },
      )
    } else {
      events.push(page('/', 'home', arrival), product(viewed))
      const more =
        engagement.name === 'shop' ? 3 + Math.floor(random() * 5) : Math.floor(random() * 3)
      for (let i = 0; i < more; i++)
        events.push(random() < 0.25 ? page('/collections/all', 'category') : product())
      if (random() < 0.3) events.push(page(pick(CONTENT), 'content'))
      if (engagement.name === 'shop') {
        events.push({
          id: options.eventId(),
          type: 'add_to_cart',
          visitorId,
          itemId: viewed ?? 'p1',
        })
        events.push(page('/cart', 'cart'))
      }
    }
    return {
      events,
      buyFactor: engagement.buyFactor,
      checkout: [page('/checkout', 'checkout')],
      thanks: () => [page('/checkout/thank-you', 'checkout')],
    }
  }
}
