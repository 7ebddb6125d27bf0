/**
 * A page's kind from its JSON-LD types, for the `page_view` event: one `Product` is a product
 * page; several, a list, a collection or search results a category page; a `CheckoutPage` the
 * checkout; a `ProfilePage` the account. Read in the product chunk, which the loader imports
 * only where a page has JSON-LD, so the loader itself carries none of this.
 */
import { JSON_LD_SCRIPTS } from './product-json-ld.ts'

/** The page's kind by its JSON-LD; undefined when its types name none. */
export function jsonLdKind(doc: Document): string | undefined {
  let types = ''
  for (const script of doc.querySelectorAll(JSON_LD_SCRIPTS))
    for (const [type] of (script.textContent ?? '').matchAll(/"@type"\s*:\s*(\[[^\]]*]|"[^"]*")/g))
      types += type
  // `"Product"`, `"schema:Product"` or `"http://schema.org/Product"`, not `"ProductGroup"`.
  const products = types.match(/[":/]Product"/g)?.length ?? 0
  if (/CheckoutPage/.test(types)) return 'checkout'
  if (products === 1 && !/CollectionPage|SearchResultsPage/.test(types)) return 'product'
  if (products > 1 || /ItemList|CollectionPage|OfferCatalog|SearchResultsPage/.test(types))
    return 'category'
  if (/ProfilePage/.test(types)) return 'account'
}
