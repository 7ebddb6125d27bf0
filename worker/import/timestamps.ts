/**
 * Timestamps as import files write them, read as UTC (imports carry no zone; the Online Retail
 * data set's times are the shop's local time and are treated as UTC).
 */

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * How a file writes slashed dates: the UCI file and US spreadsheets month first (`12/1/2010`),
 * UK and European spreadsheet exports day first (`1/12/2010`). ISO dates read the same either way.
 */
export const DATE_ORDERS = ['month-first', 'day-first'] as const
export type DateOrder = (typeof DATE_ORDERS)[number]

/**
 * Epoch milliseconds of `2010-12-01 08:26:00` (the distributed CSV), `12/1/2010 8:26` (the
 * spreadsheet export, month first unless `order` says day first), or `undefined` when the text
 * is neither or out of range.
 *
 * @example
 * parseTimestamp('12/1/2010 8:26') === Date.UTC(2010, 11, 1, 8, 26) // true
 * parseTimestamp('1/12/2010 8:26', 'day-first') === Date.UTC(2010, 11, 1, 8, 26) // true
 */
export function parseTimestamp(text: string, order: DateOrder = 'month-first'): number | undefined {
  let parts: (string | undefined)[] | undefined
  const iso = ISO_LIKE.exec(text)
  if (iso) parts = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
  const slashed = iso ? null : SLASHED.exec(text)
  if (slashed) {
    const [first, second] = order === 'month-first' ? [1, 2] : [2, 1]
    parts = [slashed[3], slashed[first], slashed[second], slashed[4], slashed[5], slashed[6]]
  }
  if (!parts) return undefined
  const [year, month, day, hour, minute, second] = parts.map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined
  }
  const at = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC rolls 31 February over into March; a real date round-trips.
  return new Date(at).getUTCDate() === day ? at : undefined
}

/** A slashed date that reads only one way, and where it was seen: the evidence for an order. */
export type DateEvidence = { order: DateOrder; line: number; text: string }

/**
 * Settles a file's date order from its dates, one at a time: `3/25/2011` can only be month
 * first, `25/3/2011` only day first. Keeps the first date of each order seen (a file with both
 * is inconsistent) and counts the slashed dates (with neither, every one of them is ambiguous).
 *
 * @example
 * const detector = dateOrderDetector()
 * detector.see('25/3/2011 10:00', 7)
 * detector.evidence() // [{ order: 'day-first', line: 7, text: '25/3/2011 10:00' }]
 */
export function dateOrderDetector(): {
  see: (text: string, line: number) => void
  evidence: () => DateEvidence[]
  slashedDates: () => number
} {
  const found = new Map<DateOrder, DateEvidence>()
  let slashed = 0
  return {
    see(text, line) {
      if (!SLASHED.test(text)) return
      slashed++
      if (found.size === 2) return
      const readings = DATE_ORDERS.filter((order) => parseTimestamp(text, order) !== undefined)
      const [only] = readings
      if (readings.length === 1 && only && !found.has(only)) {
        found.set(only, { order: only, line, text })
      }
    },
    evidence: () => [...found.values()].sort((a, b) => a.line - b.line),
    slashedDates: () => slashed,
  }
}
