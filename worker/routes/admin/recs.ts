/**
 * Recommendations for the admin: `POST /v1/admin/recs/train` (202, in the background; `?wait=true`
 * answers when done), `GET /v1/admin/recs/status`, `GET /v1/admin/recs/performance`,
 * `POST /v1/admin/import/events` to backfill history, and `POST /v1/admin/import/visitor-ids`,
 * the opaque visitor ids imported customers are stored under.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { VISITOR_ID } from '../../../shared/identifiers.ts'
import type { AppEnv } from '../../app-env.ts'
import { importHistory, IMPORT_FORMATS, type ImportFormat } from '../../events/import-history.ts'
import { conflict, invalid } from '../../domain-error.ts'
import { mediaType, readJsonBody, readTextBody } from '../../http/read-body.ts'
import { parseOr400 } from '../../http/validate.ts'
import { DATE_ORDERS, type DateOrder } from '../../import/timestamps.ts'
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

const MAX_IMPORT_BYTES = 10 * 1024 * 1024
const MAX_CUSTOMER_IDS = 1000

const customerIdsSchema = z.strictObject({
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
  .post('/import/events', async (c) => {
    const format =
      c.req.query('format') ?? (mediaType(c.req.raw) === 'text/csv' ? 'online-retail' : 'ndjson')
    if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
      throw invalid(
        'invalid_format',
        `format must be one of ${IMPORT_FORMATS.join(', ')}, not ${format}.`,
      )
    }
    const dates = c.req.query('dates') ?? 'month-first'
    if (!(DATE_ORDERS as readonly string[]).includes(dates)) {
      throw invalid(
        'invalid_dates',
        `dates must be one of ${DATE_ORDERS.join(', ')}, not ${dates}.`,
      )
    }
    const accepted =
      format === 'online-retail'
        ? ['text/csv', 'text/plain']
        : ['application/x-ndjson', 'application/json', 'text/plain']
    const text = await readTextBody(c.req.raw, MAX_IMPORT_BYTES, accepted)
    const result = await importHistory(
      c.var.db,
      c.var.site,
      text,
      format as ImportFormat,
      Date.now(),
      dates as DateOrder,
    )
    return c.json(result)
  })
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
