/**
 * Exposures recorded at the edge when a page is served with a variation, without delaying the
 * response (waitUntil). One exposure id per visitor, experiment and phase, so page views after the
 * first are duplicates that change nothing. When D1 is down, exposures wait in a bounded queue in
 * the isolate and are retried with later requests.
 */
import { sha256Hex } from '../crypto/hex.ts'
import type { Database } from '../db/database.ts'
import type { Assignment } from '../../shared/api-types.ts'
import { ingestEvents } from '../events/ingest.ts'
import type { Site } from '../sites/site-store.ts'

const MAX_QUEUED = 1000
/** Each batch keeps its site's database: sites live on several (db/site-databases.ts). */
const queued: { db: Database; site: Site; events: unknown[] }[] = []
/**
 * Exposure ids this isolate has stored: a returning visitor's page views skip the D1 write. D1's
 * primary key keeps exactly-once either way; this only saves repeating a write it would ignore.
 */
const RECENT_LIMIT = 20_000
const recorded = new Set<string>()

/**
 * The exposure events of a page view. The id is 192 bits of SHA-256 over the visitor, experiment
 * and phase (event ids are per site already): two visitors sharing an id would have the second
 * one's exposure and assignment dropped as a duplicate, and visitor ids are anyone's to choose,
 * so the id must not collide even for ids picked to make it.
 */
export async function exposureEvents(
  visitorId: string,
  assignments: Record<string, Assignment>,
): Promise<unknown[]> {
  return Promise.all(
    Object.entries(assignments).map(async ([experiment, a]) => {
      const digest = await sha256Hex(JSON.stringify([visitorId, experiment, a.phase]))
      return { id: `edge_${digest.slice(0, 48)}`, type: 'exposure', visitorId, experiment }
    }),
  )
}

/** Derives the exposure events of a page view and records them; never throws. */
export async function recordPageExposures(
  db: Database,
  site: Site,
  visitorId: string,
  assignments: Record<string, Assignment>,
): Promise<void> {
  await recordExposures(db, site, await exposureEvents(visitorId, assignments))
}

/**
 * Records exposures, then retries the queued ones; never throws. Each batch is taken off the
 * queue only as it is tried, so a task cut short leaves the rest queued, and one that fails goes
 * back to the end: a database that is down holds up only its own sites' batches.
 */
export async function recordExposures(db: Database, site: Site, events: unknown[]): Promise<void> {
  const fresh = events.filter((e) => !recorded.has(recordedKey(site, e)))
  // This page's batch first: a database that is down must not delay a healthy one's.
  if (fresh.length > 0) queued.unshift({ db, site, events: fresh })
  for (let tries = queued.length; tries > 0; tries--) {
    const batch = queued.shift()
    if (!batch) return
    try {
      await ingestEvents(batch.db, batch.site, batch.events, {
        now: Date.now(),
        timeSource: 'server',
      })
      if (recorded.size > RECENT_LIMIT) recorded.clear()
      for (const e of batch.events) recorded.add(recordedKey(batch.site, e))
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      if (queued.length < MAX_QUEUED) {
        queued.push(batch)
        console.warn(`edge exposures queued for retry (${queued.length} batches):`, reason)
      } else {
        console.error(
          `edge exposures lost: the retry queue is full (${MAX_QUEUED} batches)`,
          reason,
        )
      }
    }
  }
}

/** Event ids are per site (D1's key is site and id): one isolate serves many stores. */
function recordedKey(site: Site, event: unknown): string {
  return `${site.id} ${(event as { id: string }).id}`
}
