/**
 * `GET /v1/intent?site=pk_...&visitorId=...` (or the key in `X-Edgelift-Site`): a visitor's
 * purchase intent for the store's own servers (the browser gets it with `POST /v1/assign`). The
 * public key names the site (checked by the public chain), so a
 * visitor id of another site has no session here and gets no score. The caller is a server, so
 * its own user agent and location say nothing of the visitor: `userAgent` and `region` pass the
 * visitor's (as the browser's request and Cloudflare's `request.cf.region` had them), and without
 * them those features are unknown, as for a session read in training.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { VISITOR_ID } from '../../shared/identifiers.ts'
import type { AppEnv } from '../app-env.ts'
import { parseOr400 } from '../http/validate.ts'
import { visitorIntent } from '../intent/visitor-intent.ts'

export const intentQuery = z.strictObject({
  site: z.string().optional(),
  visitorId: z.string().regex(VISITOR_ID, 'must be 1-128 printable ASCII characters'),
  userAgent: z.string().max(1024).optional(),
  region: z.string().max(128).optional(),
})

export const intentRoute = new Hono<AppEnv>().get('/v1/intent', async (c) => {
  const { visitorId, userAgent, region } = parseOr400(intentQuery, c.req.query(), 'query')
  const visitor = { userAgent: userAgent ?? null, region: region ?? null }
  const intent = await visitorIntent(c.var.db, c.env, c.var.site, visitorId, visitor)
  return c.json({ visitorId, intent })
})
