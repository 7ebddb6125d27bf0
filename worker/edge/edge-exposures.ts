/**
 * Exposures recorded at the edge when a page is served with a variation, without delaying the
 * response (waitUntil). One exposure id per visitor, experiment and phase, so page views after the
 * first are duplicates that change nothing. Pages served at about the same time share one D1
 * write: each D1 call has a fixed cost far above one row's. When D1 is down, exposures wait in a
 * bounded queue in the isolate and are retried with later requests.
 */
import { sha256Hex } from '../crypto/hex.ts'
import type { Database } from '../db/database.ts'
import type { Assignment } from '../../shared/api-types.ts'
import { ingestEvents } from '../events/ingest.ts'
import type { Site } from '../sites/site-store.ts'

const MAX_QUEUED = 1000
/**
 * An exposure event with the key this isolate remembers it by once stored: the site, visitor,
 * experiment and phase, known before the event's id is hashed.
 */
type Exposure = { key: string; event: unknown }
/** Each batch keeps its site's database: sites live on several (db/site-databases.ts). */
type Batch = { db: Database; site: Site; exposures: Exposure[] }
const queued: Batch[] = []
/**
 * Exposures this isolate has stored: a returning visitor's page views skip the hashing and the D1
 * write. D1's primary key keeps exactly-once either way; this only saves repeating a write it
 * would ignore.
 */
const RECENT_LIMIT = 20_000
const recorded = new Set<string>()

/**
 * The exposure events of a page view. The id is 192 bits of SHA-256 over the visitor, experiment
 * and phase (event ids are per site already): two visitors sharing an id would have the second
 * one's exposure and assignment dropped as a duplicate, and visitor ids are anyone's to choose,
 * so the id must not collide even for ids picked to make it.
 */
export async function exposureEvent(visitorId: string, experiment: string, phase: number) {
  const digest = await sha256Hex(JSON.stringify([visitorId, experiment, phase]))
  return { id: `edge_${digest.slice(0, 48)}`, type: 'exposure', visitorId, experiment }
}

/**
 * How long the first page of a gathering waits, in its waitUntil, for other pages' exposures to
 * join its D1 write, and how many events fill it early. The response is never held: the wait
 * runs after it is sent.
 */
const GATHER_MS = 25
const GATHER_MAX = 100

/** Exposures waiting for the page that opened the gathering to write them, by site. */
type Gathering = { sites: Map<string, Batch>; count: number; full(): void }
let gathering: Gathering | undefined

/**
 * Records the exposures of a page view that this isolate has not stored yet; never throws. The
 * page that finds no gathering open opens one and writes it when it is full or GATHER_MS have
 * passed; pages that find one open add their exposures and return, and are written by the
 * opener's waitUntil, which lasts until the write is done. A failed write is queued for retry
 * like any other, and every page retries what is queued.
 */
export async function recordPageExposures(
  db: Database,
  site: Site,
  visitorId: string,
  assignments: Record<string, Assignment>,
): Promise<void> {
  const unseen = Object.entries(assignments)
    .map(([experiment, a]) => ({
      key: JSON.stringify([site.id, visitorId, experiment, a.phase]),
      experiment,
      phase: a.phase,
    }))
    .filter((x) => !recorded.has(x.key))
  if (unseen.length === 0) return writeBatches()
  const exposures = await Promise.all(
    unseen.map(async (x) => ({
      key: x.key,
      event: await exposureEvent(visitorId, x.experiment, x.phase),
    })),
  )
  if (gathering) {
    join(gathering, { db, site, exposures })
    return
  }
  const own: Gathering = { sites: new Map(), count: 0, full: () => {} }
  gathering = own
  join(own, { db, site, exposures })
  if (gathering === own) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, GATHER_MS)
      own.full = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    if (gathering === own) gathering = undefined
  }
  await writeBatches([...own.sites.values()])
}

function join(into: Gathering, batch: Batch): void {
  const group = into.sites.get(batch.site.id)
  if (group) group.exposures.push(...batch.exposures)
  else into.sites.set(batch.site.id, { ...batch, exposures: [...batch.exposures] })
  into.count += batch.exposures.length
  if (into.count >= GATHER_MAX) {
    // Full: the next page opens a new gathering while this one is written.
    if (gathering === into) gathering = undefined
    into.full()
  }
}

/**
 * Writes these batches, then retries the queued ones; never throws. Each batch is taken off the
 * queue only as it is tried, so a task cut short leaves the rest queued, and one that fails goes
 * back to the end: a database that is down holds up only its own sites' batches.
 */
async function writeBatches(fresh: Batch[] = []): Promise<void> {
  // This page's batches first: a database that is down must not delay a healthy one's.
  queued.unshift(...fresh)
  for (let tries = queued.length; tries > 0; tries--) {
    const batch = queued.shift()
    if (!batch) return
    try {
      const events = batch.exposures.map((x) => x.event)
      await ingestEvents(batch.db, batch.site, events, { now: Date.now(), timeSource: 'server' })
      if (recorded.size > RECENT_LIMIT) recorded.clear()
      for (const x of batch.exposures) recorded.add(x.key)
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
