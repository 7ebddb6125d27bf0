/**
 * Exposures recorded at the edge when a page is served with a variation, without delaying the
 * response (waitUntil). One exposure id per visitor, experiment and phase, so page views after the
 * first are duplicates that change nothing. Pages served at about the same time share one D1
 * write per site: each D1 call has a fixed cost far above one row's. When D1 is down, exposures
 * wait in a bounded queue in the isolate and are retried with later requests.
 */
import { sha256Hex } from '../crypto/hex.ts'
import type { Database } from '../db/database.ts'
import type { Assignment } from '../../shared/api-types.ts'
import { ingestEvents } from '../events/ingest.ts'
import type { Site } from '../sites/site-store.ts'

/** Events the retry queue holds at most, a few MB: past it, a failed batch is lost and logged. */
const MAX_QUEUED_EVENTS = 10_000
/**
 * An exposure event with the key this isolate remembers it by once stored: the site, visitor,
 * experiment and phase, known before the event's id is hashed.
 */
type Exposure = { key: string; event: unknown }
/**
 * Each batch keeps its site's database (sites live on several, db/site-databases.ts) and when its
 * first page was served: the exposures' time, however late the write.
 */
type Batch = { db: Database; site: Site; servedAt: number; exposures: Exposure[] }
const queued: Batch[] = []
let queuedEvents = 0
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
 * join its D1 writes, and how many events fill it early. The response is never held: the wait
 * runs after it is sent.
 */
const GATHER_MS = 25
const GATHER_MAX = 100

/**
 * Exposures of several pages waiting to be written, by site. `taken` once a page has set about
 * writing them: the opener when its wait ends, or the page that filled it.
 */
type Gathering = { sites: Map<string, Batch>; count: number; taken: boolean }
let gathering: Gathering | undefined

/**
 * Records the exposures of a page view that this isolate has not stored yet; never throws. The
 * page that finds no gathering open opens one and, GATHER_MS later, writes it in its waitUntil;
 * pages that find one open add their exposures and return, except the page that fills it, which
 * writes it at once in its own waitUntil (no request waits on a promise of another). Pages with
 * nothing new retry what is queued.
 */
export async function recordPageExposures(
  db: Database,
  site: Site,
  visitorId: string,
  assignments: Record<string, Assignment>,
): Promise<void> {
  const servedAt = Date.now()
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
  const batch = { db, site, servedAt, exposures }
  if (gathering) {
    const open = gathering
    join(open, batch)
    if (open.count >= GATHER_MAX) await take(open)
    return
  }
  const own: Gathering = { sites: new Map(), count: 0, taken: false }
  gathering = own
  join(own, batch)
  if (own.count < GATHER_MAX) await new Promise((resolve) => setTimeout(resolve, GATHER_MS))
  await take(own)
}

/** Adds a page's batch (the gathering's own from then on) to its site's, or as its site's. */
function join(into: Gathering, batch: Batch): void {
  const group = into.sites.get(batch.site.id)
  if (group) group.exposures.push(...batch.exposures)
  else into.sites.set(batch.site.id, batch)
  into.count += batch.exposures.length
}

/** Closes the gathering to new pages and writes it, unless another page already has. */
async function take(from: Gathering): Promise<void> {
  if (gathering === from) gathering = undefined
  if (from.taken) return
  from.taken = true
  await writeBatches([...from.sites.values()])
}

/**
 * Writes these batches side by side, one per site, then retries the queued ones; never throws.
 * Each queued batch is taken off the queue only as it is tried, so a task cut short leaves the
 * rest queued, and one that fails goes back to the end: a database that is down holds up only its
 * own sites' batches.
 */
async function writeBatches(fresh: Batch[] = []): Promise<void> {
  await Promise.all(fresh.map(write))
  for (let tries = queued.length; tries > 0; tries--) {
    const batch = queued.shift()
    if (!batch) return
    queuedEvents -= batch.exposures.length
    await write(batch)
  }
}

/** Writes one batch, or queues it for retry when D1 fails; never throws. */
async function write(batch: Batch): Promise<void> {
  try {
    const events = batch.exposures.map((x) => x.event)
    await ingestEvents(batch.db, batch.site, events, {
      now: batch.servedAt,
      timeSource: 'server',
    })
    if (recorded.size > RECENT_LIMIT) recorded.clear()
    for (const x of batch.exposures) recorded.add(x.key)
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    if (queuedEvents + batch.exposures.length <= MAX_QUEUED_EVENTS) {
      queued.push(batch)
      queuedEvents += batch.exposures.length
      console.warn(
        `edge exposures queued for retry (${queued.length} batches, ${queuedEvents} events):`,
        reason,
      )
    } else {
      console.error(
        `edge exposures lost: the retry queue is full (${MAX_QUEUED_EVENTS} events); ${batch.exposures.length} dropped`,
        reason,
      )
    }
  }
}
