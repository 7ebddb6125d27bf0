/** `POST /v1/events`: a batch of up to 100 events, stored exactly once. */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { isBot } from '../events/bots.ts'
import { MAX_BODY_BYTES, MAX_EVENTS } from '../events/event-schema.ts'
import { ingestEvents } from '../events/ingest.ts'
import { tallyRejected } from '../health/refusals.ts'
import { ApiError } from '../http/api-error.ts'
import { invalid } from '../domain-error.ts'
import { readJsonBody } from '../http/read-body.ts'

export const eventsRoute = new Hono<AppEnv>().post('/v1/events', async (c) => {
  // sendBeacon can only send text/plain without a preflight, so both types carry JSON.
  const body = await readJsonBody(c.req.raw, MAX_BODY_BYTES, ['application/json', 'text/plain'])
  const events = eventsOf(body)
  if (isBot(c.req.header('user-agent'))) {
    return c.json({ accepted: 0, duplicates: 0, rejected: [], ignored: events.length }, 202)
  }
  // Recommendations learn from these events when they are next read (recs/serve/online-vector.ts).
  const result = await ingestEvents(c.var.db, c.var.site, events, {
    now: Date.now(),
    timeSource: 'server',
  })
  tallyRejected(c.executionCtx, c.var.db, c.var.site.id, events, result.rejected)
  return c.json(result, 202)
})

function eventsOf(body: unknown): unknown[] {
  const events = typeof body === 'object' && body !== null && 'events' in body ? body.events : null
  if (!Array.isArray(events)) {
    throw invalid('invalid_body', 'Send `{ "events": [ ... ] }`.')
  }
  if (events.length === 0) throw invalid('invalid_body', 'events: send at least one event.')
  if (events.length > MAX_EVENTS) {
    throw new ApiError(
      413,
      'too_many_events',
      `Send at most ${MAX_EVENTS} events a request, not ${events.length}.`,
    )
  }
  return events
}
