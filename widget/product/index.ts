/**
 * The product chunk (ESM), built to /widget/<version>/product.js: reading the schema.org Product
 * JSON-LD of a product page. Only some pages of a store describe a product, so the loader imports
 * this chunk only when the page has a JSON-LD block, which keeps the loader itself within 2.5 KB.
 * The loader calls `readProduct` and sends the `view` event itself (see loader/boot.ts), and
 * takes the page's kind for its `page_view` from `jsonLdKind`; the
 * module's shape is `ProductModule` of loader/bridge.ts, a contract that only grows.
 */
export { readProduct, type ProductView } from './product-json-ld.ts'
export { jsonLdKind } from './page-kind.ts'
