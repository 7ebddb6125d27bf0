/**
 * `npm run import -- --format google-merchant --file feed.xml|feed.tsv[.gz]`: a Google Merchant
 * Center feed read here with the Worker's own reader (worker/catalog/merchant-feed.ts) and sent to
 * `PUT /v1/admin/catalog` as JSON, 1,000 items a request (the route's limit), so a feed of any
 * size goes in parts that are each written whole.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { MAX_CATALOG_ITEMS } from '../../worker/catalog/catalog-schema.ts'
import { parseMerchantFeed, type FeedSkip } from '../../worker/catalog/merchant-feed.ts'
import { unreachable } from './cli.ts'

/** Rows read from one file; far above any store's catalog, and a bound on the CLI's memory. */
const MAX_FILE_ROWS = 2_000_000

export type FeedTotals = { upserted: number; skippedCount: number; skipped: FeedSkip[] }

/** Reads, validates and sends the feed; throws with the server's refusal if one comes. */
export async function importFeed(options: {
  file: string
  api: string
  adminKey: string
  onItems?: (sent: number, total: number) => void
}): Promise<FeedTotals> {
  const raw = readFileSync(options.file)
  const text = (options.file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')
  const feed = parseMerchantFeed(text, MAX_FILE_ROWS)
  for (let at = 0; at < feed.items.length; at += MAX_CATALOG_ITEMS) {
    const items = feed.items.slice(at, at + MAX_CATALOG_ITEMS)
    let res: Response
    try {
      res = await fetch(`${options.api}/v1/admin/catalog`, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${options.adminKey}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ items }),
      })
    } catch {
      throw new Error(unreachable(options.api))
    }
    if (!res.ok) {
      throw new Error(
        `The server refused items ${at + 1}-${at + items.length}: ${await res.text()}`,
      )
    }
    options.onItems?.(at + items.length, feed.items.length)
  }
  return {
    upserted: feed.items.length,
    skippedCount: feed.skipped.length,
    skipped: feed.skipped,
  }
}
