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
import { storedBanditVariations } from '../experiments/bandit-exposures.ts'
import { servedExperiments } from '../experiments/running-experiments.ts'
import { plainRecord } from '../http/plain-record.ts'
import { readJsonBody } from '../http/read-body.ts'
import { parseOr400 } from '../http/validate.ts'

const MAX_BODY_BYTES = 16 * 1024

const assignBody = z.strictObject({
  visitorId: z.string().regex(VISITOR_ID, 'must be 1-128 printable ASCII characters').optional(),
  experiments: z.array(z.string().regex(KEY)).max(100).optional(),
  url: z.string().max(2048).optional(),
  // Any JSON object, as API.md promises; assignment does not read it yet, and the body cap bounds it.
  attributes: plainRecord(z.string().max(64), z.unknown()).optional(),
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
  const served = await servedExperiments(c.var.db, c.var.site.id)
  const exposed = known
    ? await storedBanditVariations(c.var.db, c.var.site.id, visitorId, served)
    : undefined
  const assignments = assignVisitor(served, visitorId, {
    only: body.experiments,
    url: body.url,
    exposed,
  })
  return c.json({ visitorId, assignments })
})
