/**
 * `POST /v1/assign`: the visitor's variation in every running experiment that includes them, and
 * the winner of every rolled-out one.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { KEY, VISITOR_ID } from '../../shared/identifiers.ts'
import { visitorCookie, visitorFromCookie } from '../visitors/visitor-cookie.ts'
import { newVisitorId } from '../visitors/visitor-id.ts'
import type { AppEnv } from '../app-env.ts'
import { assignVisitor } from '../experiments/assign-visitor.ts'
import { withinAudiences } from '../experiments/audience-decisions.ts'
import { visitorTraits } from '../experiments/visitor-traits.ts'
import { storedBanditVariations } from '../experiments/bandit-exposures.ts'
import { servedExperiments } from '../experiments/running-experiments.ts'
import { readJsonBody } from '../http/read-body.ts'
import { parseOr400 } from '../http/validate.ts'
import { visitorIntent } from '../intent/visitor-intent.ts'

const MAX_BODY_BYTES = 16 * 1024

export const assignBody = z.strictObject({
  visitorId: z.string().regex(VISITOR_ID, 'must be 1-128 printable ASCII characters').optional(),
  experiments: z.array(z.string().regex(KEY)).max(100).optional(),
  url: z.string().max(2048).optional(),
  // Nothing reads visitor attributes; the first contract listed them and its clients may send
  // some, so the key is let through unread (the body cap bounds it) rather than refused.
  attributes: z.unknown().optional(),
  // false: the caller does not read `intent`, so the session's features are not computed.
  intent: z.boolean().optional(),
})

export const assignRoute = new Hono<AppEnv>().post('/v1/assign', async (c) => {
  const raw =
    c.req.header('content-length') === '0'
      ? {}
      : await readJsonBody(c.req.raw, MAX_BODY_BYTES, ['application/json', 'text/plain'])
  const body = parseOr400(assignBody, raw, 'body')
  const known = body.visitorId ?? visitorFromCookie(c.req.header('cookie'))
  const visitorId = known ?? newVisitorId()
  if (!known) c.header('set-cookie', visitorCookie(visitorId, c.req.url), { append: true })
  const servedAndExposed = async () => {
    const served = await servedExperiments(c.var.db, c.var.site.id)
    const exposed = known
      ? await storedBanditVariations(c.var.db, c.var.site.id, visitorId, served)
      : undefined
    return { served, exposed }
  }
  const [{ served, exposed }, intent] = await Promise.all([
    servedAndExposed(),
    body.intent === false
      ? undefined
      : visitorIntent(c.var.db, c.env, c.var.site, visitorId, c.req.raw),
  ])
  const bucketed = assignVisitor(served, visitorId, {
    only: body.experiments,
    url: body.url,
    exposed,
  })
  const now = Date.now()
  const { assignments, recording } = await withinAudiences(
    c.var.db,
    c.var.site.id,
    visitorId,
    served,
    bucketed,
    () => visitorTraits(c.var.db, c.var.site, visitorId, c.req.raw, intent, now),
    now,
    intent?.band ?? null,
  )
  c.executionCtx.waitUntil(recording)
  return c.json({ visitorId, assignments, ...(intent ? { intent } : {}) })
})
