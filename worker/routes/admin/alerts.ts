/**
 * `GET/PUT /v1/admin/site/alerts`: where edgelift posts when an experiment needs attention
 * (alerts/watch.ts says when). `PUT` replaces the list; an empty list turns alerts off.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import {
  alertReceivers,
  alertSettingsSchema,
  loopbackAllowed,
  setAlertReceivers,
} from '../../alerts/alert-settings.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'

export const adminAlertsRoute = new Hono<AppEnv>()
  .get('/site/alerts', async (c) =>
    c.json({ alerts: await alertReceivers(c.var.db, c.var.site.id, loopbackAllowed(c.env)) }),
  )
  .put('/site/alerts', async (c) => {
    const { alerts } = parseOr400(
      alertSettingsSchema(loopbackAllowed(c.env)),
      await readJsonBody(c.req.raw, 16 * 1024),
      'alerts',
    )
    await setAlertReceivers(c.var.db, c.var.site.id, alerts)
    return c.json({ alerts })
  })
