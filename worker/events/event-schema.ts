/**
 * One event of `POST /v1/events` (docs/api.md). Each event is validated on its own so one bad event is
 * rejected by index while the rest of the batch is stored.
 */
import { z } from 'zod'
import { isCurrency } from '../../shared/currencies.ts'
import { EVENT_ID, KEY, VISITOR_ID } from '../../shared/identifiers.ts'
import { productMetadataSchema } from '../catalog/catalog-schema.ts'
import { plainRecord } from '../http/plain-record.ts'

export const EVENT_TYPES = [
  'exposure',
  'view',
  'click',
  'add_to_cart',
  'purchase',
  'custom',
  'page_view',
] as const

/** What a viewed page is, as the loader reads it (JSON-LD, `data-edgelift-page`) or a page says. */
export const PAGE_KINDS = [
  'product',
  'category',
  'cart',
  'checkout',
  'account',
  'content',
  'home',
] as const
export type PageKind = (typeof PAGE_KINDS)[number]

/**
 * A page path longer than this is refused (by index): it names no real page, and cutting it
 * could merge distinct ones. The loader cuts what it sends to this length, so its events pass.
 */
export const MAX_PATH = 1024
/** Titles and referrers are descriptive: longer ones are cut, and the event is kept. */
export const MAX_TITLE = 256
export const MAX_REFERRER = 1024
const MAX_UTM = 256
export const MAX_EVENTS = 100
export const MAX_BODY_BYTES = 64 * 1024
/** Larger than any real order; refuses typos and overflow attempts alike. */
const MAX_AMOUNT = 1e9
const MAX_PROPS = 20

const key = z.string().regex(KEY)
const amount = z.number().min(0).max(MAX_AMOUNT)
const currency = z.string().refine(isCurrency, 'unknown_currency')

const lineItem = z.object({
  itemId: key,
  quantity: z.number().int().min(1).max(100_000),
  price: amount,
})

/** A string cut to `max` characters: kept, never refused for its length. */
const capped = (max: number) => z.string().transform((s) => s.slice(0, max))

const utm = z.object({
  source: capped(MAX_UTM).optional(),
  medium: capped(MAX_UTM).optional(),
  campaign: capped(MAX_UTM).optional(),
  term: capped(MAX_UTM).optional(),
  content: capped(MAX_UTM).optional(),
})

const props = plainRecord(
  z.string().min(1).max(64),
  z.union([z.string().max(256), z.number(), z.boolean(), z.null()]),
).refine((p) => Object.keys(p).length <= MAX_PROPS, `at most ${MAX_PROPS} properties`)

export const eventSchema = z
  .object({
    id: z.string().regex(EVENT_ID),
    type: z.enum(EVENT_TYPES),
    visitorId: z.string().regex(VISITOR_ID),
    ts: z.number().int().min(0).max(8.64e15).optional(),
    experiment: key.optional(),
    itemId: key.optional(),
    items: z.array(lineItem).max(100).optional(),
    revenue: amount.optional(),
    currency: currency.optional(),
    orderId: z.string().min(1).max(128).optional(),
    name: z.string().min(1).max(64).optional(),
    recId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    props: props.optional(),
    /** What a product page says about the viewed item; fills the catalog with no setup. */
    product: productMetadataSchema.optional(),
    /** page_view: the path (no query string), title and kind of the page. */
    path: z.string().min(1).max(MAX_PATH).startsWith('/').optional(),
    title: capped(MAX_TITLE).optional(),
    pageKind: z.enum(PAGE_KINDS).optional(),
    /** page_view on a session's first page: where the visitor came from. */
    referrer: capped(MAX_REFERRER).optional(),
    utm: utm.optional(),
  })
  .refine((e) => e.type !== 'exposure' || e.experiment !== undefined, {
    message: 'an exposure names its experiment',
    path: ['experiment'],
  })
  .refine((e) => e.product === undefined || e.itemId !== undefined, {
    message: 'product metadata describes the event’s itemId',
    path: ['itemId'],
  })
  .refine((e) => e.type !== 'custom' || e.name !== undefined, {
    message: 'a custom event has a name',
    path: ['name'],
  })
  .refine((e) => e.type !== 'page_view' || e.path !== undefined, {
    message: 'a page_view has a path',
    path: ['path'],
  })

export type EventInput = z.output<typeof eventSchema>

/** Whether a rejection code is one of the schema's (`rejectionCode`): the sender's mistake. */
export function isSchemaRejection(code: string): boolean {
  return code.startsWith('invalid_') || code === 'unknown_currency'
}

/** The rejection code for an invalid event: which field failed, e.g. `invalid_revenue`. */
export function rejectionCode(error: z.ZodError): string {
  const issue = error.issues[0]
  if (issue?.message === 'unknown_currency') return 'unknown_currency'
  const field = issue?.path[0]
  return typeof field === 'string' ? `invalid_${field}` : 'invalid_event'
}
