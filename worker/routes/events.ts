/** `POST /v1/events`: a batch of up to 100 events, stored exactly once. */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { isBot } from '../events/bots.ts'
import { isSchemaRejection, MAX_BODY_BYTES, MAX_EVENTS } from '../events/event-schema.ts'
import { ingestEvents } from '../events/ingest.ts'
import { recordLater } from '../health/refusals.ts'
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
  const foreign = result.rejected.filter((r) => r.code === 'currency_mismatch')
  const last = foreign.at(-1)
  if (last) {
    recordLater(c.executionCtx, c.var.db, {
      siteId: c.var.site.id,
      code: 'currency_mismatch',
      detail: currencyOf(events[last.index]),
      count: foreign.length,
      at: Date.now(),
    })
  }
  // No browser reads which events were refused (the widget reads only the status; a beacon
  // nothing): events the schema refused are tallied where the admin sees them. Forgotten visitors and exposures of stopped experiments are expected, not errors.
  const invalid = result.rejected.filter((r) => isSchemaRejection(r.code))
  const lastInvalid = invalid.at(-1)
  if (lastInvalid) {
    recordLater(c.executionCtx, c.var.db, {
      siteId: c.var.site.id,
      code: 'invalid_event',
      detail: `${lastInvalid.code}: ${lastInvalid.message}`,
      count: invalid.length,
      at: Date.now(),
    })
  }
  return c.json(result, 202)
})

/** The currency an event was refused for, for the site's health ("purchases in GBP refused"). */
function currencyOf(event: unknown): string {
  const currency =
    typeof event === 'object' && event !== null && 'currency' in event ? event.currency : null
  return typeof currency === 'string' ? currency : ''
}

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
