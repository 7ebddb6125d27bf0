/**
 * Google Merchant Center product feeds (TSV, or RSS 2.0 with the `g:` namespace) as catalog
 * items, so a store's recommendations have names, images and links from day one. Read here:
 * `id`, `title`, `link`, `image_link`, `price` ("12.99 USD"), `availability`, `item_group_id`
 * and `product_type`. A product's variants share an `item_group_id` (a Shopify feed's product
 * id, which the Shopify pixel and webhook use as the item id): the group is one catalog item,
 * described by its first variant. Each row is validated by the catalog's own schema; a row that
 * fails is skipped and reported by its line (TSV) or item number (RSS), as imports do.
 */
import { parseCsvLine } from '../import/csv.ts'
import { describeIssue } from '../validation/describe-issue.ts'
import { catalogItemSchema, type CatalogItemInput } from './catalog-schema.ts'
import { FeedFormatError, readFeedItems, type FeedXmlItem } from './feed-xml.ts'

export { FeedFormatError } from './feed-xml.ts'

export type FeedFormat = 'tsv' | 'xml'
export type FeedSkip = { row: number; reason: string }
export type ParsedFeed = { items: CatalogItemInput[]; skipped: FeedSkip[] }

/** XML when the text starts like XML, else TSV. */
export function feedFormatOf(text: string): FeedFormat {
  return /^\s*</.test(text.replace(/^\uFEFF/, '')) ? 'xml' : 'tsv'
}

/**
 * The catalog items of a feed, at most `maxRows` rows read (more is FeedFormatError, as is XML
 * the reader refuses or a TSV without an `id` column).
 */
export function parseMerchantFeed(text: string, maxRows: number, format = feedFormatOf(text)) {
  const rows = format === 'xml' ? readFeedItems(text, maxRows) : readTsv(text, maxRows)
  return toCatalogItems(rows, format === 'xml' ? 1 : 2)
}

/** TSV rows by header name; `g:` prefixes in the header are dropped. */
function readTsv(text: string, maxRows: number): FeedXmlItem[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const header = cellsOf(lines[0] ?? '', 1).map((h) => h.replace(/^g:/, ''))
  if (!header.includes('id')) {
    throw new FeedFormatError('The first line must name the columns, `id` among them.')
  }
  const rows: FeedXmlItem[] = []
  for (const [index, line] of lines.slice(1).entries()) {
    if (rows.length === maxRows && line.trim() !== '') {
      throw new FeedFormatError(`The feed has more than ${maxRows} rows.`)
    }
    const cells = cellsOf(line, index + 2)
    rows.push(Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])))
  }
  return rows
}

/**
 * A TSV line's cells, quoted ones (which may hold a tab) unquoted, each trimmed. A broken quote
 * would shift every later cell of the row into the wrong column, so it refuses the feed.
 */
function cellsOf(line: string, number: number): string[] {
  const cells = parseCsvLine(line, '\t')
  if (cells === undefined) {
    throw new FeedFormatError(`Line ${number} has a quote that is not closed, or text after one.`)
  }
  return cells.map((cell) => cell.trim())
}

function toCatalogItems(rows: FeedXmlItem[], firstRow: number): ParsedFeed {
  const items = new Map<string, CatalogItemInput>()
  const skipped: FeedSkip[] = []
  rows.forEach((row, index) => {
    const number = index + firstRow
    if (Object.values(row).every((v) => v === '')) return
    const price = priceOf(row.price ?? '')
    if (price === null) {
      skipped.push({
        row: number,
        reason: `price: "${clip(row.price ?? '')}" is not like 12.99 USD`,
      })
      return
    }
    const parsed = catalogItemSchema.safeParse({
      itemId: row.item_group_id || row.id,
      title: row.title,
      url: row.link,
      ...(row.image_link && { image: row.image_link }),
      ...price,
      ...(row.product_type && { category: row.product_type.split('>')[0]?.trim().slice(0, 100) }),
      inStock: availability(row.availability),
    })
    if (!parsed.success) {
      skipped.push({ row: number, reason: describeIssue(parsed.error) })
      return
    }
    if (!items.has(parsed.data.itemId)) items.set(parsed.data.itemId, parsed.data)
  })
  return { items: [...items.values()], skipped }
}

/** "12.99 USD" (or "USD 12.99") as a price and currency; none given is none. */
function priceOf(text: string): { price?: number; currency?: string } | null {
  const value = text.trim()
  if (value === '') return {}
  const after = /^(\d{1,10}(?:\.\d{1,4})?)\s*([A-Z]{3})$/.exec(value)
  if (after) return { price: Number(after[1]), currency: after[2] }
  const before = /^([A-Z]{3})\s*(\d{1,10}(?:\.\d{1,4})?)$/.exec(value)
  if (before) return { price: Number(before[2]), currency: before[1] }
  return null
}

/** Merchant Center's availability values; anything but out of stock counts as available. */
function availability(value: string | undefined): boolean {
  return !/^out[ _]of[ _]stock$/i.test((value ?? '').trim())
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
