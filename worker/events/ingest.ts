/**
 * Ingesting a batch of events exactly once. Each event is validated on its own (invalid ones are
 * rejected by index), exposures are tied to the variation the edge assigns, events of forgotten
 * visitors are dropped, and everything valid is written in one D1 batch: it commits whole or not
 * at all.
 */
import { batch, type Database, type Statement } from '../db/database.ts'
import { variationIndexOf } from '../experiments/assign-visitor.ts'
import type { Experiment } from '../experiments/experiment.ts'
import { runningExperiments } from '../experiments/running-experiments.ts'
import { exposureKey, storedBanditExposures } from '../experiments/bandit-exposures.ts'
import { originAllowed } from '../sites/site-origins.ts'
import type { Site } from '../sites/site-store.ts'
import { upsertItemsStatements, type CatalogRow } from '../catalog/catalog-store.ts'
import { sha256Hex } from '../crypto/hex.ts'
import { describeIssue } from '../validation/describe-issue.ts'
import { eventSchema, rejectionCode, type EventInput } from './event-schema.ts'
import { deriveAssignments, insertEvents, recomputeVisitorState } from './event-writes.ts'
import { forgottenAmong } from './forgotten.ts'
import { replacedStandIns } from './stand-in-purchases.ts'
import { toStoredEvent, type StoredEvent, type TimeSource } from './stored-event.ts'

export type Rejection = { index: number; code: string; message: string }
export type IngestResult = { accepted: number; duplicates: number; rejected: Rejection[] }

/**
 * A validated batch and the statements that store it, not yet run. The first statement inserts
 * the events and answers the ids it stored; a history import runs the statements of all its
 * batches in one D1 batch, so it too is written whole or not at all.
 */
export type PreparedIngest = {
  statements: Statement[]
  stored: number
  rejected: Rejection[]
  rows: StoredEvent[]
}

export async function ingestEvents(
  db: Database,
  site: Site,
  received: readonly unknown[],
  options: { now: number; timeSource: TimeSource },
  /** Statements written in the same batch, after the events, from the rows about to be stored. */
  alongside?: (rows: StoredEvent[]) => Statement[],
): Promise<IngestResult> {
  const { statements, stored, rejected, rows } = await prepareIngest(db, site, received, options)
  if (statements.length === 0) return { accepted: 0, duplicates: 0, rejected }
  const [inserted] = await batch(db, [...statements, ...(alongside?.(rows) ?? [])])
  const accepted = inserted?.results.length ?? 0
  return { accepted, duplicates: stored - accepted, rejected }
}

export async function prepareIngest(
  db: Database,
  site: Site,
  received: readonly unknown[],
  options: { now: number; timeSource: TimeSource },
): Promise<PreparedIngest> {
  const rejected: Rejection[] = []
  const valid = validEvents(received, rejected)
  const hashes = await visitorHashes(valid)
  const forgotten = await forgottenAmong(db, site.id, [...hashes.values()])
  const exposures = valid.filter((v) => v.event.type === 'exposure')
  const running = exposures.length ? await runningExperiments(db, site.id) : []
  const banditExposed = await storedBanditExposures(
    db,
    site.id,
    exposures.map((v) => v.event),
    running,
  )
  const rows = await storableRows(
    valid,
    { site, options, hashes, forgotten, running, banditExposed },
    rejected,
  )
  rejected.sort((a, b) => a.index - b.index)
  if (rows.length === 0) return { statements: [], stored: 0, rejected, rows }
  // A live purchase may take the place of the webhook's stand-in for its order.
  const replaced =
    options.timeSource === 'server'
      ? await replacedStandIns(db, site.id, rows)
      : { statements: [], visitors: [] }
  return {
    statements: storeStatements(site, options.now, rows, valid, replaced),
    stored: rows.length,
    rejected,
    rows,
  }
}

type ValidEvent = { index: number; event: EventInput }

/** What decides whether a valid event is stored, and how. */
type StoreContext = {
  site: Site
  options: { now: number; timeSource: TimeSource }
  /** Each visitor id's SHA-256, the form in which forgotten visitors are listed. */
  hashes: ReadonlyMap<string, string>
  forgotten: ReadonlySet<string>
  running: Experiment[]
  banditExposed: ReadonlyMap<string, number>
}

/** The events that pass the schema, each under its index in the batch; the others are rejected. */
function validEvents(received: readonly unknown[], rejected: Rejection[]): ValidEvent[] {
  const valid: ValidEvent[] = []
  received.forEach((raw, index) => {
    const parsed = eventSchema.safeParse(raw)
    if (parsed.success) valid.push({ index, event: parsed.data })
    else
      rejected.push({
        index,
        code: rejectionCode(parsed.error),
        message: describeIssue(parsed.error, 'event'),
      })
  })
  return valid
}

async function visitorHashes(valid: ValidEvent[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  for (const { event } of valid) {
    if (!hashes.has(event.visitorId)) hashes.set(event.visitorId, await sha256Hex(event.visitorId))
  }
  return hashes
}

/**
 * The rows to store for the valid events; events of forgotten visitors, amounts in another
 * currency and exposures the edge would not assign are rejected instead.
 */
async function storableRows(
  valid: ValidEvent[],
  { site, options, hashes, forgotten, running, banditExposed }: StoreContext,
  rejected: Rejection[],
): Promise<StoredEvent[]> {
  const rows: StoredEvent[] = []
  for (const { index, event } of valid) {
    const visitorHash = hashes.get(event.visitorId) ?? ''
    if (forgotten.has(visitorHash)) {
      rejected.push({
        index,
        code: 'visitor_forgotten',
        message: 'This visitor asked to be forgotten.',
      })
      continue
    }
    const foreign = foreignCurrency(event, site)
    if (foreign) {
      rejected.push({ index, ...foreign })
      continue
    }
    const exposure =
      event.type === 'exposure' ? exposureOf(event, running, banditExposed) : undefined
    if (exposure && 'code' in exposure) {
      rejected.push({ index, ...exposure })
      continue
    }
    const id = await onceKey(event, options.timeSource)
    rows.push(
      toStoredEvent(id === event.id ? event : { ...event, id }, {
        now: options.now,
        timeSource: options.timeSource,
        siteCurrency: site.currency,
        visitorHash,
        assignment: exposure,
      }),
    )
  }
  return rows
}

/** The statements that store the rows and everything derived from them, in the order they run. */
function storeStatements(
  site: Site,
  now: number,
  rows: StoredEvent[],
  valid: ValidEvent[],
  replaced: { statements: Statement[]; visitors: string[] },
): Statement[] {
  const exposureIds = rows.filter((r) => r.type === 'exposure').map((r) => r.id)
  const visitors = [...new Set([...rows.map((r) => r.visitorId), ...replaced.visitors])]
  const storedIds = new Set(rows.map((r) => r.id))
  const products = catalogRowsOf(
    site,
    valid.filter((v) => storedIds.has(v.event.id)),
  )
  return [
    insertEvents(site.id, now, rows),
    deriveAssignments(site.id, exposureIds),
    ...replaced.statements,
    ...recomputeVisitorState(site.id, site.currency, visitors),
    ...upsertItemsStatements(site.id, site.currency, products, 'view', now),
  ]
}

/**
 * The id a live event is stored under. A purchase with an `orderId` is keyed by its visitor,
 * order (and item), not by the id the page made: a shopper who reloads the thank-you page sends
 * the same order again with a new random id, and it must count once. The visitor is part of the
 * key because order numbers are guessable: anyone holding the public key could otherwise send
 * order 1001 first and have the real shopper's purchase dropped as its duplicate. Imported
 * history keeps its ids: its order lines share their invoice.
 */
async function onceKey(event: EventInput, timeSource: TimeSource): Promise<string> {
  if (event.type !== 'purchase' || event.orderId === undefined || timeSource !== 'server')
    return event.id
  const digest = await sha256Hex(`${event.visitorId}\n${event.orderId}\n${event.itemId ?? ''}`)
  return `order_${digest.slice(0, 40)}`
}

/**
 * Catalog rows from product metadata on views. When the site lists allowed origins, a page may
 * only describe products on them (or on its own proxied hostnames), so another site cannot plant
 * links in this catalog, and their images come from those origins or the site's image origins (a
 * CDN); an image from anywhere else is left out (the item keeps its link), or one view could put
 * a tracking pixel in every list.
 */
function catalogRowsOf(site: Site, valid: { event: EventInput }[]): CatalogRow[] {
  const rows = new Map<string, CatalogRow>()
  for (const { event } of valid) {
    const product = event.product
    if (!product || !event.itemId || event.type !== 'view') continue
    if (!originAllowed(site, new URL(product.url).origin)) continue
    const { image, ...described } = product
    const imageOrigin = image === undefined ? undefined : new URL(image).origin
    const imageAllowed =
      imageOrigin !== undefined &&
      (originAllowed(site, imageOrigin) || site.imageOrigins.includes(imageOrigin))
    rows.set(event.itemId, { itemId: event.itemId, ...described, ...(imageAllowed && { image }) })
  }
  return [...rows.values()]
}

/**
 * Why an amount in another currency than the site's is refused. Revenue per visitor and its tests
 * are sums of one currency, and a rate chosen here would be wrong by the next day; so the amount
 * is refused loudly (by index, and counted in the site's health) rather than stored unsummed,
 * and the store converts at its own rate before sending.
 */
function foreignCurrency(event: EventInput, site: Site): { code: string; message: string } | null {
  if (event.currency === undefined || event.currency === site.currency) return null
  return {
    code: 'currency_mismatch',
    message: `This site reports revenue in ${site.currency}: send amounts in ${site.currency}, not ${event.currency} (convert at your own rate before sending).`,
  }
}

/** The phase and variation of an exposure, or why it is refused. */
function exposureOf(
  event: EventInput,
  running: Experiment[],
  banditExposed: ReadonlyMap<string, number>,
): { phase: number; variation: number } | { code: string; message: string } {
  const exp = running.find((e) => e.key === event.experiment)
  if (!exp) {
    return {
      code: 'experiment_not_running',
      message: `No running experiment has the key ${event.experiment ?? ''}.`,
    }
  }
  const variation = variationIndexOf(
    exp,
    event.visitorId,
    banditExposed.get(exposureKey(exp.key, event.visitorId)),
  )
  if (variation < 0) {
    return {
      code: 'not_in_experiment',
      message: 'This visitor is outside the experiment’s coverage.',
    }
  }
  return { phase: exp.phase, variation }
}
