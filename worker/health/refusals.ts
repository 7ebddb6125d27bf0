/**
 * Counting what a site refused from browsers, so its health can say "events from
 * https://www.shop.example are being refused" instead of the data vanishing. One row per site and
 * reason, upserted (a flood of made-up origins cannot grow the table: only the latest is kept),
 * and written at most every few seconds per isolate.
 */
import { sql } from 'drizzle-orm'
import type { Refusal, RefusalCode } from '../../shared/admin-types.ts'
import type { Database } from '../db/database.ts'
import { isSchemaRejection } from '../events/event-schema.ts'
import type { Rejection } from '../events/ingest.ts'

/** The longest detail kept: an origin header or a currency code, cut if a client sends more. */
const MAX_DETAIL = 200

/** Adds `count` refusals of one reason to the site's tally. */
export async function recordRefusal(
  db: Database,
  refusal: { siteId: string; code: RefusalCode; detail: string; count?: number; at: number },
): Promise<void> {
  const detail = refusal.detail.slice(0, MAX_DETAIL)
  await db.run(sql`
    INSERT INTO site_refusals (site_id, code, count, last_at, last_detail)
    VALUES (${refusal.siteId}, ${refusal.code}, ${refusal.count ?? 1}, ${refusal.at}, ${detail})
    ON CONFLICT (site_id, code) DO UPDATE SET count = count + excluded.count,
      last_at = max(last_at, excluded.last_at), last_detail = excluded.last_detail`)
}

/** The site's refusals, each reason once. */
export async function siteRefusals(db: Database, siteId: string): Promise<Refusal[]> {
  const rows = await db.all<{
    code: RefusalCode
    count: number
    last_at: number
    last_detail: string | null
  }>(sql`SELECT code, count, last_at, last_detail FROM site_refusals WHERE site_id = ${siteId}
    ORDER BY code`)
  return rows.map((r) => ({
    code: r.code,
    count: r.count,
    lastAt: r.last_at,
    lastDetail: r.last_detail,
  }))
}

/** Per isolate, at most one write per site and reason in this span; the rest add to its count. */
const WRITE_EVERY_MS = 10_000
const MAX_TRACKED = 1000
const lastWrites = new Map<string, { at: number; pending: number }>()

/**
 * Records a refusal after the answer is sent, never failing the request: the tally is a hint,
 * and a D1 hiccup must not turn a 403 into a 503. Refused requests pass before the rate limit,
 * so a flood of them is coalesced here: refusals within WRITE_EVERY_MS of the last write of the
 * same site and reason are counted into the next write (lost if the isolate ends first).
 */
export function recordLater(
  ctx: { waitUntil(promise: Promise<unknown>): void },
  db: Database,
  refusal: Parameters<typeof recordRefusal>[1],
): void {
  const key = `${refusal.siteId}\n${refusal.code}`
  const count = refusal.count ?? 1
  const last = lastWrites.get(key)
  if (last && refusal.at - last.at < WRITE_EVERY_MS) {
    last.pending += count
    return
  }
  if (lastWrites.size >= MAX_TRACKED) lastWrites.clear()
  lastWrites.set(key, { at: refusal.at, pending: 0 })
  ctx.waitUntil(
    recordRefusal(db, { ...refusal, count: count + (last?.pending ?? 0) }).catch((err: unknown) =>
      console.error('refusal not recorded', err),
    ),
  )
}

/**
 * Tallies the events of a batch that were rejected by index, which no sender reads (a browser
 * reads only the status; Shopify reads the answer, the merchant does not): those in another
 * currency, with the last one's currency, and those the schema refused, with the last one's code
 * and message. Forgotten visitors and exposures of stopped experiments are expected, not counted.
 */
export function tallyRejected(
  ctx: { waitUntil(promise: Promise<unknown>): void },
  db: Database,
  siteId: string,
  received: readonly unknown[],
  rejected: readonly Rejection[],
): void {
  const foreign = rejected.filter((r) => r.code === 'currency_mismatch')
  const invalid = rejected.filter((r) => isSchemaRejection(r.code))
  const lastForeign = foreign.at(-1)
  const lastInvalid = invalid.at(-1)
  const at = Date.now()
  if (lastForeign) {
    const detail = currencyOf(received[lastForeign.index])
    recordLater(ctx, db, { siteId, code: 'currency_mismatch', detail, count: foreign.length, at })
  }
  if (lastInvalid) {
    const detail = `${lastInvalid.code}: ${lastInvalid.message}`
    recordLater(ctx, db, { siteId, code: 'invalid_event', detail, count: invalid.length, at })
  }
}

/** The currency an event was refused for, for the site's health ("purchases in GBP refused"). */
function currencyOf(event: unknown): string {
  const currency =
    typeof event === 'object' && event !== null && 'currency' in event ? event.currency : null
  return typeof currency === 'string' ? currency : ''
}
