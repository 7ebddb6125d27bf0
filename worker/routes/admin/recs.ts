/**
 * Recommendations for the admin: `POST /v1/admin/recs/train` (202, in the background; `?wait=true`
 * answers when done), `GET /v1/admin/recs/status`, `GET /v1/admin/recs/performance`, and
 * `POST /v1/admin/import/visitor-ids`, the opaque visitor ids imported customers are stored under.
 * The history import is routes/admin/import-history.ts.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { VISITOR_ID } from '../../../shared/identifiers.ts'
import type { AppEnv } from '../../app-env.ts'
import { conflict } from '../../domain-error.ts'
import { readJsonBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { forgetActiveVersion } from '../../recs/serve/model-cache.ts'
import { recsPerformance } from '../../recs/serve/performance.ts'
import { recsStatus } from '../../recs/status.ts'
import {
  claimTraining,
  trainClaimedSite,
  TRAINING_IN_PROGRESS,
} from '../../recs/train/train-site.ts'
import { workerTrainingLimit } from '../../recs/serve/online-config.ts'
import { customerVisitorIds } from '../../visitors/customer-visitor-id.ts'

const MAX_CUSTOMER_IDS = 1000

export const customerIdsSchema = z.strictObject({
  customerIds: z
    .array(z.string().regex(VISITOR_ID, 'each must be 1-128 printable ASCII characters'))
    .min(1)
    .max(MAX_CUSTOMER_IDS, `at most ${MAX_CUSTOMER_IDS} a request`),
})

export const adminRecsRoute = new Hono<AppEnv>()
  .post('/recs/train', async (c) => {
    const { db, site } = c.var
    // Claimed before answering, so a background run never starts beside another.
    if (!(await claimTraining(db, site.id)))
      throw conflict('training_in_progress', TRAINING_IN_PROGRESS)
    const run = trainClaimedSite(db, site.id, {
      maxInteractions: workerTrainingLimit(c.env),
    }).finally(() => forgetActiveVersion(site.id))
    if (c.req.query('wait') === 'true') {
      const outcome = await run
      if (!outcome.trained) throw conflict(outcome.code, outcome.reason)
      return c.json({ ...outcome, status: await recsStatus(db, site.id) })
    }
    c.executionCtx.waitUntil(run.catch((err: unknown) => console.error('training failed', err)))
    return c.json(
      { training: true, message: 'Training started; watch GET /v1/admin/recs/status.' },
      202,
    )
  })
  .get('/recs/status', async (c) => c.json(await recsStatus(c.var.db, c.var.site.id)))
  .get('/recs/performance', async (c) =>
    c.json(await recsPerformance(c.var.db, c.var.site.id, Date.now(), c.var.site.currency)),
  )
  .post('/import/visitor-ids', async (c) => {
    const body = await readJsonBody(c.req.raw, 256 * 1024)
    const { customerIds } = parseOr400(customerIdsSchema, body, 'body')
    const visitorIdOf = await customerVisitorIds(c.var.db, c.var.site.id)
    const visitorIds = await Promise.all(
      customerIds.map(async (customerId) => ({
        customerId,
        visitorId: await visitorIdOf(customerId),
      })),
    )
    return c.json({ visitorIds })
  })
