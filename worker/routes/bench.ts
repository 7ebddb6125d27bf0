/**
 * Baseline routes for `npm run bench`, mounted only when the BENCH_ROUTES variable is "on": a bare
 * Hono route, a one-row D1 read and a bare GROUP BY over assignments, measured in the same wrangler dev as the real routes.
 */
import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import type { AppEnv } from '../app-env.ts'

export const benchRoutes = new Hono<AppEnv>()
  .use('/v1/_bench/*', async (c, next) => {
    if (c.env.BENCH_ROUTES !== 'on') return c.notFound()
    await next()
  })
  .on(['GET', 'POST'], '/v1/_bench/bare', (c) => c.json({ ok: true }))
  .get('/v1/_bench/d1-row', async (c) => {
    const row = await c.var.db.get<{ id: string }>(sql`SELECT id FROM sites LIMIT 1`)
    return c.json({ row })
  })
  .get('/v1/_bench/group-by/:siteId/:experiment', async (c) => {
    const rows = await c.var.db.all(sql`
      SELECT variation, count(*) AS visitors FROM assignments
      WHERE site_id = ${c.req.param('siteId')} AND experiment_key = ${c.req.param('experiment')}
        AND phase = 1
      GROUP BY variation`)
    return c.json({ rows })
  })
