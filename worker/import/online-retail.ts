/**
 * Parser of the UCI "Online Retail" CSV (InvoiceNo, StockCode, Description, Quantity,
 * InvoiceDate, UnitPrice, CustomerID, Country) into purchase events, one line at a time.
 *
 * A line with a CustomerID is a purchase by customer `c<CustomerID as an integer>` of item
 * `<StockCode>` (an import stores the customer under the site's opaque id for that name). Lines that are not purchases of a product by a known customer are skipped with
 * their 1-based line number and a reason: cancellations (InvoiceNo `C…`), guests (no
 * CustomerID), service codes (postage, fees, manual adjustments), and malformed values.
 */

import { contentId } from './content-id.ts'
import { parseCsvLine } from './csv.ts'
import {
  dateOrderDetector,
  parseTimestamp,
  type DateEvidence,
  type DateOrder,
} from './timestamps.ts'

/** One purchased line of an invoice. `price` is the unit price in the shop's currency. */
export type RetailPurchase = {
  id: string
  type: 'purchase'
  visitorId: string
  itemId: string
  at: number
  quantity: number
  price: number
  title: string
  orderId: string
}

/** A line that produced no event, and why. */
export type SkippedLine = { line: number; reason: string }

/** Result of one `push`: an event, a skipped line, or nothing (header, blank line). */
export type LineOutcome = { event: RetailPurchase } | { skipped: SkippedLine } | undefined

/**
 * Stock codes that are charges or bookkeeping, not products: postage (POST, DOT, C2), manual
 * lines (M, S, D = discount, B = bad debt), marketplace and bank fees, donations, pads.
 */
const SERVICE_CODES = new Set([
  'POST',
  'DOT',
  'C2',
  'M',
  'S',
  'D',
  'B',
  'CRUK',
  'PADS',
  'AMAZONFEE',
])
const ITEM_KEY = /^[A-Za-z0-9_.:-]{1,64}$/
const COLUMNS = [
  'invoice',
  'stockcode',
  'description',
  'quantity',
  'invoicedate',
  'price',
  'customer',
]
/** Header spellings of the original file and of "Online Retail II" (Invoice, Price, Customer ID). */
const ALIASES: Record<string, string> = {
  invoiceno: 'invoice',
  unitprice: 'price',
  customerid: 'customer',
}

/** One data line split into its fields, found by column name; `fields` is null when unparsable. */
type RetailLine = {
  line: number
  fields: string[] | null
  field: (name: number) => string
}

/**
 * Splits lines into fields. Line 1 may be a header (columns are then found by name, in any
 * order); without one, the standard column order is assumed. Answers undefined for the header
 * and blank lines.
 */
function retailLines(): (text: string) => RetailLine | undefined {
  let lineNumber = 0
  let columns = COLUMNS.map((_, i) => i)
  return (text) => {
    lineNumber++
    if (text.trim() === '') return undefined
    const fields = parseCsvLine(text)
    if (lineNumber === 1 && fields && isHeader(fields)) {
      const names = fields.map(normalizeName)
      columns = COLUMNS.map((name) => names.indexOf(name))
      return undefined
    }
    const complete = fields && fields.length >= Math.max(...columns) + 1 ? fields : null
    const field = (name: number): string => (complete?.[columns[name] ?? -1] ?? '').trim()
    return { line: lineNumber, fields: complete, field }
  }
}

/**
 * Creates a line-at-a-time parser; slashed dates are read in `dateOrder` (month first, as the
 * UCI file writes them, unless told otherwise).
 *
 * @example
 * const parser = createOnlineRetailParser()
 * for await (const line of readLines(body)) {
 *   const outcome = parser.push(line)
 *   if (outcome && 'event' in outcome) events.push(outcome.event)
 * }
 */
export function createOnlineRetailParser(dateOrder: DateOrder = 'month-first'): {
  push: (line: string) => LineOutcome
} {
  const split = retailLines()
  const otherOrder: DateOrder = dateOrder === 'month-first' ? 'day-first' : 'month-first'
  return {
    push(text) {
      const row = split(text)
      if (!row) return undefined
      const { line, field } = row
      if (!row.fields) return { skipped: { line, reason: 'malformed_line' } }
      const reason = (why: string): LineOutcome => ({ skipped: { line, reason: why } })
      const invoice = field(0)
      if (invoice.startsWith('C') || invoice.startsWith('c')) return reason('cancellation')
      const customer = field(6)
      if (customer === '') return reason('guest')
      const itemId = field(1)
      if (SERVICE_CODES.has(itemId.toUpperCase())) return reason('not_a_product')
      if (!ITEM_KEY.test(itemId)) return reason('invalid_item')
      if (!/^[0-9A-Za-z]{1,32}$/.test(invoice)) return reason('invalid_invoice')
      const customerMatch = /^(\d{1,18})(?:\.0*)?$/.exec(customer)
      if (!customerMatch) return reason('invalid_customer')
      const quantity = Number(field(3))
      if (!Number.isInteger(quantity) || quantity <= 0) return reason('invalid_quantity')
      const date = field(4)
      const at = parseTimestamp(date, dateOrder)
      if (at === undefined) {
        // A date that reads only the other way is named so: an import refuses the request with
        // the order to pass, where any other use skips the line.
        const readsOtherWay = parseTimestamp(date, otherOrder) !== undefined
        return reason(readsOtherWay ? `${otherOrder.replace('-', '_')}_date` : 'invalid_date')
      }
      const priceText = field(5)
      const price = Number(priceText)
      if (priceText === '' || !Number.isFinite(price) || price < 0) return reason('invalid_price')
      const visitorId = `c${BigInt(customerMatch[1] ?? '0').toString()}`
      return {
        event: {
          // The raw line is the content: identical lines (the 2010-12..2011-08 file has ~2,500 exact
          // duplicates) get one id and are stored once.
          id: contentId('or', [text]),
          type: 'purchase',
          visitorId,
          itemId,
          at,
          quantity,
          price,
          title: field(2),
          orderId: invoice,
        },
      }
    },
  }
}

/**
 * Settles a file's date order, fed line by line: `dateOrderDetector` over its InvoiceDate column.
 */
export function retailDateOrder(): Omit<ReturnType<typeof dateOrderDetector>, 'see'> & {
  push: (line: string) => void
} {
  const split = retailLines()
  const { see, ...detector } = dateOrderDetector()
  return {
    ...detector,
    push(text) {
      const row = split(text)
      if (row?.fields) see(row.field(4), row.line)
    },
  }
}

/**
 * Parses a whole file's lines.
 *
 * @example
 * const { events, skipped } = parseOnlineRetail(splitLines(csvText))
 */
export function parseOnlineRetail(
  lines: Iterable<string>,
  dateOrder: DateOrder = 'month-first',
): {
  events: RetailPurchase[]
  skipped: SkippedLine[]
} {
  const parser = createOnlineRetailParser(dateOrder)
  const events: RetailPurchase[] = []
  const skipped: SkippedLine[] = []
  for (const line of lines) {
    const outcome = parser.push(line)
    if (!outcome) continue
    if ('event' in outcome) events.push(outcome.event)
    else skipped.push(outcome.skipped)
  }
  return { events, skipped }
}

function normalizeName(name: string): string {
  const plain = name.trim().toLowerCase().replace(/[\s_]/g, '')
  return ALIASES[plain] ?? plain
}

function isHeader(fields: string[]): boolean {
  const names = fields.map(normalizeName)
  return names.includes('stockcode') && names.includes('invoice')
}
