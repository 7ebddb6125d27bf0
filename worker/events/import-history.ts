/**
 * Backfilling history: NDJSON of the event shape, or the UCI Online Retail CSV, imported through
 * the same exactly-once ingestion as live events but keeping each event's own time. Rows without
 * an id get one derived from their content, so importing a file twice changes nothing. The
 * file's visitor ids are the store's customer ids, which are guessable: each is stored under the
 * site's opaque id for it (customer-visitor-id.ts), so nobody can read a customer's personal list
 * by naming them. Lines are validated in batches, and every batch's statements run in one D1
 * batch at the end: a request is imported whole or not at all.
 */
import { batch, type Database, type Statement } from '../db/database.ts'
import { upsertItemsStatements, type CatalogRow } from '../catalog/catalog-store.ts'
import { MAX_JSON_PARAMETER_BYTES } from '../db/json-chunks.ts'
import { invalid } from '../domain-error.ts'
import { contentId } from '../import/content-id.ts'
import { splitLines } from '../import/lines.ts'
import { createOnlineRetailParser } from '../import/online-retail.ts'
import type { DateOrder } from '../import/timestamps.ts'
import type { Site } from '../sites/site-store.ts'
import { VISITOR_ID } from '../../shared/identifiers.ts'
import { customerVisitorIds, type CustomerVisitorIds } from '../visitors/customer-visitor-id.ts'
import { IMPORT_FORMATS, type ImportFormat } from '../import/import-formats.ts'
import { importArchive } from './import-archive.ts'
import { importReport, type ImportResult } from './import-report.ts'
import { prepareIngest } from './ingest.ts'

export { IMPORT_FORMATS, type ImportFormat }
export type { ImportResult }

/**
 * Events per ingestion batch, and the characters of their source lines. A batch's stored rows
 * travel as one JSON parameter, which D1 caps at 2,000,000 bytes; a stored row is about twice its
 * line, so this keeps even a batch of non-ASCII lines under the cap.
 */
const BATCH = 1000
const BATCH_BYTES = MAX_JSON_PARAMETER_BYTES / 2

type Pending = { line: number; event: unknown; product?: CatalogRow }

export async function importHistory(
  db: Database,
  site: Site,
  text: string,
  format: ImportFormat,
  now: number,
  dateOrder: DateOrder = 'month-first',
): Promise<ImportResult> {
  // Archived rows are stored rows already: they skip ingestion (import-archive.ts).
  if (format === 'archive') return importArchive(db, site.id, text)
  const { result, skip } = importReport()
  const visitorIdOf = await customerVisitorIds(db, site.id)
  const statements: Statement[] = []
  /** Where each batch's insert sits among `statements`: it answers the ids it stored. */
  const inserts: number[] = []
  let storedRows = 0
  let pending: Pending[] = []
  let pendingBytes = 0
  const prepare = async () => {
    if (pending.length === 0) return
    const events = await Promise.all(pending.map((p) => underOpaqueId(p.event, visitorIdOf)))
    const prepared = await prepareIngest(db, site, events, { now, timeSource: 'event' })
    for (const r of prepared.rejected) skip(pending[r.index]?.line ?? 0, r.code)
    if (prepared.statements.length > 0) inserts.push(statements.length)
    statements.push(...prepared.statements)
    storedRows += prepared.stored
    const products = pending.flatMap((p) => (p.product ? [p.product] : []))
    statements.push(...upsertItemsStatements(site.id, site.currency, products, 'import', now))
    pending = []
    pendingBytes = 0
  }
  const parseLine = format === 'online-retail' ? retailLineParser(site, dateOrder) : ndjsonLine
  let lineNumber = 0
  for (const line of splitLines(text)) {
    lineNumber++
    const parsed = parseLine(line)
    if (!parsed) continue
    const fileOrder = 'reason' in parsed ? WRONG_DATE_ORDER.get(parsed.reason) : undefined
    if (fileOrder) {
      // The file writes dates the other way, so its other dates (1/12 as well as 13/12) would be
      // stored on the wrong day, and a corrected import would find them as duplicates: refuse it
      // before anything is written.
      throw invalid(
        'date_order_mismatch',
        `Line ${lineNumber} has a date that reads only ${fileOrder.replace('-', ' ')}, but this import reads dates ${dateOrder.replace('-', ' ')}: send dates=${fileOrder} (npm run import settles it from the file). Nothing was imported.`,
      )
    }
    if ('reason' in parsed) skip(lineNumber, parsed.reason)
    else {
      pending.push({ line: lineNumber, ...parsed })
      pendingBytes += line.length
    }
    if (pending.length >= BATCH || pendingBytes >= BATCH_BYTES) await prepare()
  }
  await prepare()
  if (statements.length > 0) {
    const results = await batch(db, statements)
    for (const at of inserts) result.imported += results[at]?.results.length ?? 0
    result.duplicates = storedRows - result.imported
  }
  result.skipped.sort((a, b) => a.line - b.line)
  return result
}

/** The event with its customer id replaced by the site's opaque id; an invalid id is left to validation. */
async function underOpaqueId(event: unknown, visitorIdOf: CustomerVisitorIds): Promise<unknown> {
  if (typeof event !== 'object' || event === null || !('visitorId' in event)) return event
  const { visitorId } = event
  if (typeof visitorId !== 'string' || !VISITOR_ID.test(visitorId)) return event
  return { ...event, visitorId: await visitorIdOf(visitorId) }
}

type Parsed = { event: unknown; product?: CatalogRow } | { reason: string } | undefined

/** Skip reasons of a date that reads only in the order the import was not told, and that order. */
const WRONG_DATE_ORDER = new Map<string, DateOrder>([
  ['day_first_date', 'day-first'],
  ['month_first_date', 'month-first'],
])

function ndjsonLine(line: string): Parsed {
  if (line.trim() === '') return undefined
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return { reason: 'malformed_json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { reason: 'not_an_event' }
  const event = value as Record<string, unknown>
  if (event.type === 'exposure') return { reason: 'exposures_cannot_be_imported' }
  return { event: 'id' in event ? event : { ...event, id: contentId('nd', [line]) } }
}

/** The Online Retail file has no currency column: amounts are taken in the site's currency. */
function retailLineParser(site: Site, dateOrder: DateOrder): (line: string) => Parsed {
  const parser = createOnlineRetailParser(dateOrder)
  return (line) => {
    const outcome = parser.push(line)
    if (!outcome) return undefined
    if ('skipped' in outcome) return { reason: outcome.skipped.reason }
    const p = outcome.event
    // Rounded to the currency's minor unit when stored (3 decimals for KWD, none for JPY).
    const revenue = p.price * p.quantity
    return {
      event: {
        id: p.id,
        type: 'purchase',
        visitorId: p.visitorId,
        itemId: p.itemId,
        ts: p.at,
        revenue,
        currency: site.currency,
        orderId: p.orderId,
        items: [{ itemId: p.itemId, quantity: p.quantity, price: p.price }],
      },
      product: { itemId: p.itemId, title: p.title, price: p.price, currency: site.currency },
    }
  }
}
