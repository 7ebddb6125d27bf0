/**
 * Every visitor of an experiment's phase as CSV, streamed: a ReadableStream that reads the next
 * page of assignment rows from D1 only when the client has taken the previous one, so an export
 * of a million visitors holds one page in memory, never the file. Pages follow the primary key
 * (site, experiment, phase, visitor) from the last visitor sent, so each is an index range scan.
 */
import { sql } from 'drizzle-orm'
import { toMajorUnits } from '../../shared/currencies.ts'
import { batch, type Database } from '../db/database.ts'
import { csvLine } from './csv-cells.ts'

/** Rows a page reads: about 100 KB of CSV. */
export const VISITORS_PAGE_ROWS = 1000

const HEADER = ['visitor', 'variation', 'first_exposure', 'converted', 'conversions', 'revenue']

type Row = {
  visitor_id: string
  variation: number
  exposed_at: number
  converted_at: number | null
  conversions: number
  revenue_minor: number
}

/**
 * The CSV stream of one phase's visitors; `variationKeys` name the variation indexes.
 *
 * @example
 * return new Response(visitorsCsv(db, where, phase.variationKeys, 'USD'), { headers })
 */
export function visitorsCsv(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  variationKeys: readonly string[],
  currency: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let after: string | null = null
  let headerSent = false
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true
          controller.enqueue(encoder.encode(csvLine(HEADER)))
          return
        }
        const rows = await page(db, where, after)
        const last = rows.at(-1)
        if (last) {
          after = last.visitor_id
          const text = rows
            .map((r) =>
              csvLine([
                r.visitor_id,
                variationKeys[r.variation] ?? String(r.variation),
                new Date(r.exposed_at).toISOString(),
                r.converted_at === null ? 'false' : 'true',
                r.conversions,
                toMajorUnits(r.revenue_minor, currency),
              ]),
            )
            .join('')
          controller.enqueue(encoder.encode(text))
        }
        if (rows.length < VISITORS_PAGE_ROWS) controller.close()
      },
    },
    // Nothing is read ahead of the client: one page at a time.
    { highWaterMark: 0 },
  )
}

async function page(
  db: Database,
  where: { siteId: string; experimentKey: string; phase: number },
  after: string | null,
): Promise<Row[]> {
  const [result] = await batch(db, [
    sql`SELECT visitor_id, variation, exposed_at, converted_at, conversions, revenue_minor
      FROM assignments
      WHERE site_id = ${where.siteId} AND experiment_key = ${where.experimentKey}
        AND phase = ${where.phase} AND visitor_id > ${after ?? ''}
      ORDER BY visitor_id LIMIT ${VISITORS_PAGE_ROWS}`,
  ])
  return (result?.results ?? []) as Row[]
}
