/**
 * The product a page is about, from its schema.org `Product` JSON-LD, for the `view` event that
 * also fills the catalog with no setup. Real pages vary: one object or an array, nodes under
 * `@graph` or `mainEntity`, `@type` as a list or an IRI, offers as an object or a list (an
 * AggregateOffer gives its `lowPrice`), prices as strings, availability as
 * `https://schema.org/InStock` or `InStock`, images as a string, a list or an ImageObject. A
 * listing page that describes several products names none of them the viewed one, so it yields
 * nothing.
 */
import { parseJson } from '../loader/log.ts'

/**
 * The blocks read. The loader imports this chunk only where the page has one, and takes this
 * constant alone from it: the bundler leaves the rest of the module out of the loader.
 */
export const JSON_LD_SCRIPTS = 'script[type="application/ld+json"]'

export type ProductView = {
  itemId: string
  product: {
    title: string
    url: string
    image?: string
    price?: number
    currency?: string
    inStock?: boolean
  }
}

/** A JSON-LD node. `Object(value)` makes one of anything; its missing fields read undefined. */
type Node = Record<string, unknown>

/** The page's product; undefined when it describes none or several (a listing page). */
export function readProduct(doc: Document): ProductView | undefined {
  const found: Record<string, ProductView> = {}
  const visit = (value: unknown): void => {
    const node: Node = Object(value)
    // `Product`, `schema:Product`, `http://schema.org/Product` or a list of types with it, but
    // not `ProductGroup`. A product's own children (variants, related items) are not visited.
    if (!/\bProduct\b/.test(String(node['@type']))) {
      if (typeof value === 'object') Object.values(node).forEach(visit)
      return
    }
    const offer: Node = Object(first(node.offers))
    const itemId = text(node.sku)
    const title = text(node.name)
    const price = Number(text(offer.price ?? offer.lowPrice))
    const currency = text(offer.priceCurrency)
    const availability = text(offer.availability)
    const image = first(node.image)
    // Only the API's item keys: another id would get the whole event refused.
    if (itemId?.match(/^[\w.:-]{1,64}$/) && title) {
      found[itemId] = {
        itemId,
        product: {
          title: title.slice(0, 300),
          url: webUrl(node.url ?? offer.url) ?? location.href,
          image: webUrl((image as Node | undefined)?.url ?? image),
          price: price >= 0 ? price : undefined,
          currency: currency?.match(/^[A-Z]{3}$/) ? currency : undefined,
          // `InStock`, `InStoreOnly`, `OnlineOnly`, `LimitedAvailability` can be bought now.
          inStock: availability
            ? /(InStock|Only|LimitedAvailability)$/.test(availability)
            : undefined,
        },
      }
    }
  }
  for (const script of doc.querySelectorAll(JSON_LD_SCRIPTS)) {
    // A malformed block (common in hand-edited themes) reads as nothing; the others still count.
    visit(parseJson(script.textContent))
  }
  const [product, another] = Object.values(found)
  return another ? undefined : product
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value
}

/** A string or number as trimmed text; objects, empty strings and nothing as undefined. */
function text(value: unknown): string | undefined {
  return typeof value === 'object' ? undefined : `${value ?? ''}`.trim() || undefined
}

/** An absolute http(s) URL, relative ones resolved against the page; the API refuses others. */
function webUrl(value: unknown): string | undefined {
  try {
    const href = new URL(value as string, document.baseURI).href
    return typeof value === 'string' && /^https?:/.test(href) ? href : undefined
  } catch {
    return undefined
  }
}
