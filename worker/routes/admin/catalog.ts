/**
 * `PUT /v1/admin/catalog`: upsert up to 1,000 items, all of them or none, or a Google Merchant
 * Center feed (TSV or RSS, catalog/merchant-feed.ts) whose invalid rows are skipped and reported;
 * `GET` counts them, and
 * `GET /v1/admin/catalog/items?q=` finds items by id or title (the dashboard's product picker).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { catalogUploadSchema } from '../../catalog/catalog-schema.ts'
import { catalogSize, searchItems, upsertItemsStatements } from '../../catalog/catalog-store.ts'
import { batch } from '../../db/database.ts'
import { mediaType, readJsonBody, readTextBody } from '../../http/read-body.ts'
import { invalid } from '../../domain-error.ts'
import { FeedFormatError, parseMerchantFeed, type FeedFormat } from '../../catalog/merchant-feed.ts'
import type { Context } from 'hono'
import { parseOr400 } from '../../http/validate.ts'
import { z } from 'zod'

export const searchQuery = z.strictObject({
  q: z.string().max(100, 'q must be at most 100 characters').default(''),
  limit: z.coerce
    .number()
    .int('limit must be a whole number')
    .min(1, 'limit must be 1-50')
    .max(50, 'limit must be 1-50')
    .default(20),
})

// 1,000 items with long titles and URLs stay well under this.
const MAX_BODY_BYTES = 2 * 1024 * 1024
/** A feed's rows (variants) per request; larger feeds go through `npm run import`, in parts. */
export const MAX_FEED_ROWS = 10_000
const MAX_FEED_BYTES = 8 * 1024 * 1024
const FEED_TYPES: Record<string, FeedFormat> = {
  'text/tab-separated-values': 'tsv',
  'application/rss+xml': 'xml',
  'application/xml': 'xml',
  'text/xml': 'xml',
}
/** Skipped rows listed in an answer; `skippedCount` counts them all. */
const SKIPS_LISTED = 20

export const adminCatalogRoute = new Hono<AppEnv>()
  .put('/catalog', async (c) => {
    const feedFormat = FEED_TYPES[mediaType(c.req.raw)]
    if (feedFormat) return putFeed(c, feedFormat)
    const body = parseOr400(
      catalogUploadSchema,
      await readJsonBody(c.req.raw, MAX_BODY_BYTES),
      'catalog',
    )
    const { site } = c.var
    const statements = upsertItemsStatements(
      site.id,
      site.currency,
      body.items,
      'catalog',
      Date.now(),
    )
    if (statements.length > 0) await batch(c.var.db, statements)
    return c.json({ upserted: body.items.length, catalog: await catalogSize(c.var.db, site.id) })
  })
  .get('/catalog', async (c) => c.json({ catalog: await catalogSize(c.var.db, c.var.site.id) }))
  .get('/catalog/items', async (c) => {
    const { q, limit } = parseOr400(searchQuery, c.req.query(), 'query')
    return c.json({ items: await searchItems(c.var.db, c.var.site.id, q.trim(), limit) })
  })

async function putFeed(c: Context<AppEnv>, format: FeedFormat) {
  const text = await readTextBody(c.req.raw, MAX_FEED_BYTES, Object.keys(FEED_TYPES))
  let feed
  try {
    feed = parseMerchantFeed(text, MAX_FEED_ROWS, format)
  } catch (err) {
    if (err instanceof FeedFormatError) throw invalid('invalid_feed', err.message)
    throw err
  }
  const [first] = feed.skipped
  if (feed.items.length === 0) {
    throw invalid(
      'invalid_feed',
      first ? `No valid item; row ${first.row}: ${first.reason}` : 'The feed has no items.',
    )
  }
  const { site } = c.var
  await batch(
    c.var.db,
    upsertItemsStatements(site.id, site.currency, feed.items, 'catalog', Date.now()),
  )
  return c.json({
    upserted: feed.items.length,
    skippedCount: feed.skipped.length,
    skipped: feed.skipped.slice(0, SKIPS_LISTED),
    catalog: await catalogSize(c.var.db, site.id),
  })
}
