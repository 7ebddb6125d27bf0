/**
 * Parser of generic `user,item[,rating[,timestamp]]` files: CSV, TSV, or the `::`-separated
 * MovieLens style. The separator is detected from the first non-empty line unless given; a
 * header line (user/visitor/customer…, or a non-numeric rating column) is recognised and skipped.
 */

import { contentId } from '../../worker/import/content-id.ts'
import { parseCsvLine } from '../../worker/import/csv.ts'
import { parseTimestamp } from '../../worker/import/timestamps.ts'
import type { SkippedLine } from '../../worker/import/online-retail.ts'

/** Separators the format accepts. */
export type UserItemSeparator = ',' | '\t' | '::'

/** One parsed row. `at` is epoch ms when the row had a timestamp. */
export type UserItemRow = {
  id: string
  visitorId: string
  itemId: string
  rating?: number
  at?: number
}

const VISITOR_ID = /^[\x21-\x7e]{1,128}$/
const ITEM_KEY = /^[A-Za-z0-9_.:-]{1,64}$/
const HEADER_WORD = /^(user|visitor|customer)[ _-]?(id)?$/i
/** Below this a numeric timestamp is taken as seconds (MovieLens), above it as milliseconds. */
const SECONDS_LIMIT = 1e11

/** Picks the separator of a line: `::` if present, then tab, else comma. */
export function detectSeparator(line: string): UserItemSeparator {
  if (line.includes('::')) return '::'
  return line.includes('\t') ? '\t' : ','
}

/**
 * Creates a line-at-a-time parser.
 *
 * @example
 * const parser = createUserItemParser()
 * parser.push('1::1193::5::978300760') // { row: { visitorId: '1', itemId: '1193', rating: 5, at: 978300760000, id } }
 */
export function createUserItemParser(options: { separator?: UserItemSeparator } = {}): {
  push: (line: string) => { row: UserItemRow } | { skipped: SkippedLine } | undefined
} {
  let lineNumber = 0
  let separator = options.separator
  let sawData = false
  return {
    push(text) {
      lineNumber++
      if (text.trim() === '') return undefined
      separator ??= detectSeparator(text)
      const line = lineNumber
      const fields = separator === ',' ? parseCsvLine(text) : text.split(separator)
      if (!fields || fields.length < 2 || fields.length > 4) {
        return { skipped: { line, reason: 'malformed_line' } }
      }
      const [user = '', item = '', ratingText = '', timeText = ''] = fields.map((f) => f.trim())
      if (!sawData) {
        sawData = true
        const numeric = (s: string): boolean => s === '' || Number.isFinite(Number(s))
        if (HEADER_WORD.test(user) || !numeric(ratingText)) return undefined
      }
      if (!VISITOR_ID.test(user)) return { skipped: { line, reason: 'invalid_visitor' } }
      if (!ITEM_KEY.test(item)) return { skipped: { line, reason: 'invalid_item' } }
      const row: UserItemRow = {
        id: contentId('ui', [user, item, ratingText, timeText]),
        visitorId: user,
        itemId: item,
      }
      if (ratingText !== '') {
        const rating = Number(ratingText)
        if (!Number.isFinite(rating)) return { skipped: { line, reason: 'invalid_rating' } }
        row.rating = rating
      }
      if (timeText !== '') {
        const at = readTime(timeText)
        if (at === undefined) return { skipped: { line, reason: 'invalid_timestamp' } }
        row.at = at
      }
      return { row }
    },
  }
}

/**
 * Parses a whole file's lines.
 *
 * @example
 * const { rows, skipped } = parseUserItem(splitLines(text))
 */
export function parseUserItem(
  lines: Iterable<string>,
  options: { separator?: UserItemSeparator } = {},
): { rows: UserItemRow[]; skipped: SkippedLine[] } {
  const parser = createUserItemParser(options)
  const rows: UserItemRow[] = []
  const skipped: SkippedLine[] = []
  for (const line of lines) {
    const outcome = parser.push(line)
    if (!outcome) continue
    if ('row' in outcome) rows.push(outcome.row)
    else skipped.push(outcome.skipped)
  }
  return { rows, skipped }
}

function readTime(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) {
    const value = Number(text)
    return value < SECONDS_LIMIT ? Math.round(value * 1000) : Math.round(value)
  }
  return parseTimestamp(text)
}
