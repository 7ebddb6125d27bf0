/**
 * The purchase-intent model for the admin: `GET /v1/admin/intent` (which model scores, what it
 * was trained on, its feature importances, the online layer's updates, the bands),
 * `PATCH /v1/admin/intent` to set the band quantiles, and the crons' work for this one site now
 * (after an import or backfill, rather than at their next run): `POST /v1/admin/intent/train`
 * (the nightly's page statistics and training) and `POST /v1/admin/intent/learn` (the 15-minute
 * online learning from ended sessions).
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { bandSettingsSchema } from '../../intent/bands.ts'
import { saveBandSettings } from '../../intent/intent-store.ts'
import { intentStatus } from '../../intent/intent-status.ts'
import { intentSgdOptions } from '../../intent/online-config.ts'
import { learnIntentForSite, trainIntentForSite } from '../../intent/scheduled-intent.ts'
import { labelledSessions } from '../../intent/session-features.ts'

export const patchIntentSchema = z.strictObject({ bands: bandSettingsSchema })

export const adminIntentRoute = new Hono<AppEnv>()
  .get('/intent', async (c) => c.json(await intentStatus(c.var.db, c.var.site.id)))
  .patch('/intent', async (c) => {
    const patch = parseOr400(patchIntentSchema, await readJsonBody(c.req.raw, 4 * 1024), 'intent')
    await saveBandSettings(c.var.db, c.var.site.id, patch.bands, Date.now())
    return c.json(await intentStatus(c.var.db, c.var.site.id))
  })
  .post('/intent/train', async (c) => {
    const { db, site } = c.var
    const training = await trainIntentForSite(db, site.id, {
      now: Date.now(),
      sessions: labelledSessions,
    })
    return c.json({ training, status: await intentStatus(db, site.id) })
  })
  .post('/intent/learn', async (c) => {
    const { db, site } = c.var
    const learning = await learnIntentForSite(db, site.id, {
      now: Date.now(),
      sgd: intentSgdOptions(c.env),
      sessions: labelledSessions,
    })
    return c.json({ learning, status: await intentStatus(db, site.id) })
  })
