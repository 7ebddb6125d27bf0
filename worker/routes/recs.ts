/** `GET /v1/recs`: a recommendation list for a slot on the merchant's page. */
import { Hono } from 'hono'
import { sgdOptions } from '../recs/serve/online-config.ts'
import { z } from 'zod'
import { KEY, VISITOR_ID } from '../../shared/identifiers.ts'
import type { AppEnv } from '../app-env.ts'
import { onDemoHost } from '../demo/demo-host.ts'
import { parseOr400 } from '../http/validate.ts'
import { recommend, SLOTS, type RecsRequest } from '../recs/serve/recommend.ts'

const keyList = (max: number) =>
  z
    .string()
    .max(max * 65)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(KEY, 'each item must be 1-64 characters of A-Z a-z 0-9 _ . : -'))
        .max(max),
    )

/** A list's query, shared by the public route and the dashboard's preview. */
export const recsQuery = z.object({
  site: z.string().optional(),
  slot: z.enum(SLOTS, { message: `slot must be one of ${SLOTS.join(', ')}` }),
  visitorId: z
    .string()
    .regex(VISITOR_ID, 'visitorId must be 1-128 printable ASCII characters')
    .optional(),
  item: keyList(20).optional(),
  exclude: keyList(100).optional(),
  n: z.coerce
    .number()
    .int('n must be a whole number')
    .min(1, 'n must be 1-50')
    .max(50, 'n must be 1-50')
    .default(8),
})

export const recsRoute = new Hono<AppEnv>().get('/v1/recs', async (c) => {
  const query = parseOr400(recsQuery, c.req.query(), 'query')
  if ((query.slot === 'similar' || query.slot === 'cart') && !query.item?.length) {
    // Still answered (trending), but the merchant learns the slot was set up without an item.
    c.header('X-Edgelift-Warning', `${query.slot} needs item=SKU`)
  }
  const answer = await recommend(c.var.db, c.var.site.id, recsRequest(query, c.env))
  // The demo store follows whatever host it is opened on (demo/demo-host.ts).
  return c.json(
    c.env.DEMO === 'on' ? onDemoHost(answer, c.var.site.id, new URL(c.req.url).origin) : answer,
  )
})

/** What `recommend` is asked for a validated query, with the Worker's online-learning settings. */
export function recsRequest(query: z.output<typeof recsQuery>, env: Env): RecsRequest {
  return {
    slot: query.slot,
    visitorId: query.visitorId,
    items: query.item ?? [],
    exclude: query.exclude ?? [],
    n: query.n,
    online: env.RECS_ONLINE === 'on' ? sgdOptions(env) : null,
  }
}
