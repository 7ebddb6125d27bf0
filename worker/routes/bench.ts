/**
 * Baseline routes for `npm run bench`, mounted only when the BENCH_ROUTES variable is "on": a bare
 * Hono route, a one-row D1 read, a bare GROUP BY over assignments and the one read scoring intent
 * makes, measured in the same wrangler dev as the real routes.
 */
import { Hono } from 'hono'
import { sql } from 'drizzle-orm'
import type { AppEnv } from '../app-env.ts'
import { readOpenSession } from '../intent/open-session-read.ts'

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
  // The read `/v1/assign` makes for intent, alone: what it costs beyond a one-row read is the
  // query's own, and what intent costs beyond it is the features and the scoring.
  .get('/v1/_bench/open-session/:siteId/:visitorId', async (c) => {
    const read = await readOpenSession(
      c.var.db,
      c.req.param('siteId'),
      c.req.param('visitorId'),
      Date.now(),
    )
    return c.json({ events: read?.session.events.length ?? null })
  })
