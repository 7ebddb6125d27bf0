// A visitor with something of each kind to forget: an exposure, a view and a purchase.
import { expect } from 'vitest'
import { eventId, publicPost, rows, startExperiment, type TestSite } from './api.ts'

/** Stores an exposure (to the site's running experiment, started if none), a view and a purchase. */
export async function seedVisitor(site: TestSite, visitorId: string): Promise<void> {
  const running = () =>
    rows<{ key: string }>(
      `SELECT key FROM experiments WHERE site_id = ? AND status = 'running'`,
      site.id,
    )
  if ((await running()).length === 0)
    await startExperiment(site, `exp-${Math.random().toString(36).slice(2, 8)}`, { coverage: 1 })
  const [exp] = await running()
  const res = await publicPost(site, '/v1/events', {
    events: [
      { id: eventId(), type: 'exposure', visitorId, experiment: exp?.key },
      { id: eventId(), type: 'view', visitorId, itemId: 'SKU-1' },
      { id: eventId(), type: 'purchase', visitorId, revenue: 10 },
    ],
  })
  expect(((await res.json()) as { accepted: number }).accepted).toBe(3)
}

/** The visitor's stored events and assignments on the site. */
export async function visitorRowCounts(
  site: TestSite,
  visitorId: string,
): Promise<{ events: number | undefined; assignments: number | undefined }> {
  const count = async (table: string) =>
    (
      await rows<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE site_id = ? AND visitor_id = ?`,
        site.id,
        visitorId,
      )
    )[0]?.n
  return { events: await count('events'), assignments: await count('assignments') }
}
