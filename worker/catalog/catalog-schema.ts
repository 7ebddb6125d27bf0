/**
 * A catalog item as an admin uploads it or a product page describes it. Links and images must be
 * absolute http(s) URLs: they end up as `href` and `src` on the merchant's pages, so `javascript:`
 * or `data:` must never get in.
 */
import { z } from 'zod'
import { isCurrency } from '../../shared/currencies.ts'
import { KEY } from '../../shared/identifiers.ts'

export const MAX_CATALOG_ITEMS = 1000

/** An absolute http(s) URL, at most 2048 characters. */
export const webUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && value.startsWith(url.protocol)
      )
    } catch {
      return false
    }
  }, 'must be an absolute http(s) URL')

export const catalogItemSchema = z.strictObject({
  itemId: z.string().regex(KEY, 'must be 1-64 characters of A-Z a-z 0-9 _ . : -'),
  title: z.string().trim().min(1).max(300),
  url: webUrl,
  image: webUrl.optional(),
  price: z.number().min(0).max(1e9).optional(),
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 code').optional(),
  category: z.string().trim().min(1).max(100).optional(),
  inStock: z.boolean().default(true),
})

export const catalogUploadSchema = z.strictObject({
  items: z
    .array(catalogItemSchema)
    .min(1)
    .max(MAX_CATALOG_ITEMS, `at most ${MAX_CATALOG_ITEMS} items a request`),
})

/** What a product page may tell about itself in a view event (schema.org Product, read by the widget). */
export const productMetadataSchema = z.object({
  title: z.string().trim().min(1).max(300),
  url: webUrl,
  image: webUrl.optional(),
  price: z.number().min(0).max(1e9).optional(),
  currency: z.string().refine(isCurrency, 'must be an ISO 4217 code').optional(),
  inStock: z.boolean().optional(),
})

export type CatalogItemInput = z.output<typeof catalogItemSchema>
export type ProductMetadata = z.output<typeof productMetadataSchema>
