// Helpers for bandit tests: a running bandit, and visitors exposed (and converting) through the
// real /v1/events route in batches of 100.
import { admin, eventId, publicPost, rows, type TestSite } from './api.ts'

export const THREE_ARMS = [
  { key: 'a', weight: 1 / 3 },
  { key: 'b', weight: 1 / 3 },
  { key: 'c', weight: 1 / 3 },
]

/** Creates and starts a bandit; `bandit` overrides the settings (exploration off by default). */
export async function startBandit(
  site: TestSite,
  key: string,
  bandit: Record<string, unknown> = {},
): Promise<void> {
  const created = await admin(site, 'POST', '/experiments', {
    key,
    type: 'bandit',
    variations: THREE_ARMS,
    bandit: { exploreHours: 0, ...bandit },
  })
  if (created.status !== 201) throw new Error(`create failed: ${await created.text()}`)
  const started = await admin(site, 'POST', `/experiments/${key}/start`)
  if (started.status !== 200) throw new Error(`start failed: ${await started.text()}`)
}

/** Sends events in batches of the route's maximum, failing on any rejection. */
export async function sendEvents(site: TestSite, events: unknown[]): Promise<void> {
  for (let start = 0; start < events.length; start += 100) {
    const res = await publicPost(site, '/v1/events', { events: events.slice(start, start + 100) })
    const body = (await res.json()) as { rejected?: unknown[] }
    if (res.status !== 202 && res.status !== 200) throw new Error(JSON.stringify(body))
    if (body.rejected?.length) throw new Error(JSON.stringify(body.rejected))
  }
}

/** Exposes the visitors to the experiment. */
export function expose(site: TestSite, key: string, visitors: readonly string[]): Promise<void> {
  return sendEvents(
    site,
    visitors.map((visitorId) => ({ id: eventId(), type: 'exposure', visitorId, experiment: key })),
  )
}

/** The variation index stored for each visitor of the experiment's phase. */
export async function storedVariations(
  site: TestSite,
  key: string,
  phase = 1,
): Promise<Map<string, number>> {
  const stored = await rows<{ visitor_id: string; variation: number }>(
    'SELECT visitor_id, variation FROM assignments WHERE site_id = ? AND experiment_key = ? AND phase = ?',
    site.id,
    key,
    phase,
  )
  return new Map(stored.map((r) => [r.visitor_id, r.variation]))
}

/** Purchases by the given visitors (the default goal). */
export function purchase(site: TestSite, visitors: readonly string[]): Promise<void> {
  return sendEvents(
    site,
    visitors.map((visitorId) => ({ id: eventId(), type: 'purchase', visitorId, revenue: 10 })),
  )
}
