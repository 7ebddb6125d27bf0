/**
 * A Shopify `orders/create` webhook body as an edgelift purchase. Only the fields read are
 * validated; Shopify adds fields over time and those pass untouched.
 *
 * The purchase is keyed like the pixel's (events/ingest.ts keys a purchase by visitor and order):
 * the visitor comes from the cart attribute `el_vid` that the theme snippet sets
 * (integrations/shopify/), so whichever of the pixel and the webhook arrives second is a
 * duplicate of the first.
 */
import { z } from 'zod'
import { VISITOR_ID } from '../../shared/identifiers.ts'

/** Shopify's money fields are decimal strings ("12.99"); some API versions send numbers. */
const money = z
  .union([z.string().regex(/^\d{1,10}(\.\d{1,4})?$/), z.number().min(0).max(1e9)])
  .transform(Number)

const shopifyId = z.union([
  z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  z.string().regex(/^\d{1,20}$/),
])

export const shopifyOrderSchema = z.object({
  id: shopifyId.transform(String),
  currency: z.string().regex(/^[A-Z]{3}$/),
  total_price: money,
  note_attributes: z
    .array(z.object({ name: z.string().max(256), value: z.unknown() }))
    .max(100)
    .default([]),
  line_items: z
    .array(
      z.object({
        product_id: shopifyId.transform(String).nullable().optional(),
        quantity: z.number().int().min(1).max(100_000),
        price: money,
      }),
    )
    .max(1000)
    .default([]),
  customer: z
    .object({ id: shopifyId.transform(String) })
    .nullable()
    .optional(),
})

export type ShopifyOrder = z.output<typeof shopifyOrderSchema>

/** The most line items one event carries (events/event-schema.ts). */
const MAX_ITEMS = 100

/** The `el_vid` cart attribute the theme snippet set, when it is a visitor id. */
export function orderVisitorId(order: ShopifyOrder): string | null {
  const value = order.note_attributes.find((a) => a.name === 'el_vid')?.value
  return typeof value === 'string' && VISITOR_ID.test(value) ? value : null
}

/** The purchase event of an order, for `visitorId`; custom line items (no product) are left out. */
export function orderPurchaseEvent(order: ShopifyOrder, visitorId: string) {
  const items = order.line_items
    .filter((line) => typeof line.product_id === 'string')
    .slice(0, MAX_ITEMS)
    .map((line) => ({
      itemId: String(line.product_id),
      quantity: line.quantity,
      price: line.price,
    }))
  return {
    id: `shopify_order_${order.id}`,
    type: 'purchase' as const,
    visitorId,
    orderId: order.id,
    revenue: order.total_price,
    currency: order.currency,
    ...(items.length > 0 && { items }),
  }
}
