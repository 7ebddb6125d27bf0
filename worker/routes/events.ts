/** `POST /v1/events`: a batch of up to 100 events, stored exactly once. */
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { isBot } from '../events/bots.ts'
import { MAX_BODY_BYTES, MAX_EVENTS } from '../events/event-schema.ts'
import { ingestEvents } from '../events/ingest.ts'
import { ApiError, invalid } from '../http/api-error.ts'
import { readJsonBody } from '../http/read-body.ts'
import { applyOnlineUpdates } from '../recs/online-update.ts'
import { interactionsOf, sgdOptions } from '../recs/online-config.ts'

export const eventsRoute = new Hono<AppEnv>().post('/v1/events', async (c) => {
  // sendBeacon can only send text/plain without a preflight, so both types carry JSON.
  const body = await readJsonBody(c.req.raw, MAX_BODY_BYTES, ['application/json', 'text/plain'])
  const events = eventsOf(body)
  if (isBot(c.req.header('user-agent'))) {
    return c.json({ accepted: 0, duplicates: 0, rejected: [], ignored: events.length }, 202)
  }
  const now = Date.now()
  const { inserted, ...result } = await ingestEvents(c.var.db, c.var.site, events, {
    now,
    timeSource: 'server',
  })
  if (c.env.RECS_ONLINE === 'on') {
    // Refinement is best effort: the events are stored, so a failure here only costs freshness.
    await applyOnlineUpdates(
      c.var.db,
      c.var.site.id,
      interactionsOf(inserted),
      sgdOptions(c.env),
      now,
    ).catch((err: unknown) => console.error('online update failed', err))
  }
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
