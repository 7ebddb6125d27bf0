/** `GET /v1/admin/health`: whether exposures, purchases and events arrive (health/site-health.ts). */
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { siteHealth } from '../../health/site-health.ts'

export const adminHealthRoute = new Hono<AppEnv>().get('/health', async (c) =>
  c.json(await siteHealth(c.var.db, c.var.site, Date.now())),
)
