/**
 * Baseline routes for `npm run bench`, mounted only when the BENCH_ROUTES variable is "on": a bare
 * Hono route and a one-row D1 read, measured in the same wrangler dev as the real routes.
 */
import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import type { AppEnv } from '../app-env.ts'

export const benchRoutes = new Hono<AppEnv>()
  .use('/v1/_bench/*', async (c, next) => {
    if (c.env.BENCH_ROUTES !== 'on') return c.notFound()
    await next()
  })
  .post('/v1/_bench/bare', (c) => c.json({ ok: true }))
  .get('/v1/_bench/d1-row', async (c) => {
    const row = await c.var.db.get<{ id: string }>(sql`SELECT id FROM sites LIMIT 1`)
    return c.json({ row })
  })
