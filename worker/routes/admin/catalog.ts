/**
 * `PUT /v1/admin/catalog`: upsert up to 1,000 items, all of them or none; `GET` counts them, and
 * `GET /v1/admin/catalog/items?q=` finds items by id or title (the dashboard's product picker).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { catalogUploadSchema } from '../../catalog/catalog-schema.ts'
import { catalogSize, searchItems, upsertItemsStatements } from '../../catalog/catalog-store.ts'
import { batch } from '../../db/database.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { z } from 'zod'

const searchQuery = z.strictObject({
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

export const adminCatalogRoute = new Hono<AppEnv>()
  .put('/catalog', async (c) => {
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
