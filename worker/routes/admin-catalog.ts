/** `PUT /v1/admin/catalog`: upsert up to 1,000 items, all of them or none. */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { catalogUploadSchema } from '../catalog/catalog-schema.ts'
import { catalogSize, upsertItemsStatements } from '../catalog/catalog-store.ts'
import { batch } from '../db/database.ts'
import { readJsonBody } from '../http/read-body.ts'
import { parseOr400 } from '../http/validate.ts'

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
