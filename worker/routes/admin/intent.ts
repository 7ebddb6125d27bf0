/**
 * The purchase-intent model for the admin: `GET /v1/admin/intent` (which model scores, what it
 * was trained on, its feature importances, the online layer's updates, the bands) and
 * `PATCH /v1/admin/intent` to set the band quantiles.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { bandSettingsSchema } from '../../intent/bands.ts'
import { saveBandSettings } from '../../intent/intent-store.ts'
import { intentStatus } from '../../intent/intent-status.ts'

export const patchIntentSchema = z.strictObject({ bands: bandSettingsSchema })

export const adminIntentRoute = new Hono<AppEnv>()
  .get('/intent', async (c) => c.json(await intentStatus(c.var.db, c.var.site.id)))
  .patch('/intent', async (c) => {
    const patch = parseOr400(patchIntentSchema, await readJsonBody(c.req.raw, 4 * 1024), 'intent')
    await saveBandSettings(c.var.db, c.var.site.id, patch.bands, Date.now())
    return c.json(await intentStatus(c.var.db, c.var.site.id))
  })
