/**
 * Backfilling history: NDJSON of the event shape, or the UCI Online Retail CSV, imported through
 * the same exactly-once ingestion as live events but keeping each event's own time. Rows without
 * an id get one derived from their content, so importing a file twice changes nothing. Progress is
 * committed batch by batch: an interrupted import is completed by running it again.
 */
import { batch, type Database } from '../db/database.ts'
import { upsertItemsStatement, type CatalogRow } from '../catalog/catalog-store.ts'
import { contentId } from '../import/content-id.ts'
import { splitLines } from '../import/lines.ts'
import { createOnlineRetailParser } from '../import/online-retail.ts'
import type { Site } from '../sites/site-store.ts'
import { ingestEvents } from './ingest.ts'

export const IMPORT_FORMATS = ['ndjson', 'online-retail'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
export type ImportResult = {
  imported: number
  duplicates: number
  skipped: { line: number; reason: string }[]
  /** Skipped lines in all; `skipped` lists the first MAX_LISTED. */
  skippedCount: number
  /** Every skipped line counted by reason. */
  skippedByReason: Record<string, number>
}

/** Events per ingestion batch: one D1 transaction each. */
const BATCH = 500
const MAX_LISTED = 1000

type Pending = { line: number; event: unknown; product?: CatalogRow }

export async function importHistory(
  db: Database,
  site: Site,
  text: string,
  format: ImportFormat,
  now: number,
): Promise<ImportResult> {
  const result: ImportResult = {
    imported: 0,
    duplicates: 0,
    skipped: [],
    skippedCount: 0,
    skippedByReason: {},
  }
  const skip = (line: number, reason: string) => {
    result.skippedCount++
    result.skippedByReason[reason] = (result.skippedByReason[reason] ?? 0) + 1
    if (result.skipped.length < MAX_LISTED) result.skipped.push({ line, reason })
  }
  let pending: Pending[] = []
  const flush = async () => {
    if (pending.length === 0) return
    const outcome = await ingestEvents(
      db,
      site,
      pending.map((p) => p.event),
      { now, timeSource: 'event' },
    )
    result.imported += outcome.accepted
    result.duplicates += outcome.duplicates
    for (const r of outcome.rejected) skip(pending[r.index]?.line ?? 0, r.code)
    const products = pending.flatMap((p) => (p.product ? [p.product] : []))
    if (products.length > 0) {
      await batch(db, [upsertItemsStatement(site.id, site.currency, products, 'import', now)])
    }
    pending = []
  }
  const parseLine = format === 'online-retail' ? retailLineParser(site) : ndjsonLine
  let lineNumber = 0
  for (const line of splitLines(text)) {
    lineNumber++
    const parsed = parseLine(line)
    if (!parsed) continue
    if ('reason' in parsed) skip(lineNumber, parsed.reason)
    else pending.push({ line: lineNumber, ...parsed })
    if (pending.length >= BATCH) await flush()
  }
  await flush()
  result.skipped.sort((a, b) => a.line - b.line)
  return result
}

type Parsed = { event: unknown; product?: CatalogRow } | { reason: string } | undefined

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
function retailLineParser(site: Site): (line: string) => Parsed {
  const parser = createOnlineRetailParser()
  return (line) => {
    const outcome = parser.push(line)
    if (!outcome) return undefined
    if ('skipped' in outcome) return { reason: outcome.skipped.reason }
    const p = outcome.event
    const revenue = Math.round(p.price * p.quantity * 100) / 100
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
