/**
 * Timestamps as import files write them, read as UTC (imports carry no zone; the Online Retail
 * data set's times are the shop's local time and are treated as UTC).
 */

const ISO_LIKE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/
const US_STYLE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * Epoch milliseconds of `2010-12-01 08:26:00` (the distributed CSV), `12/1/2010 8:26` (the
 * spreadsheet export: month first), or `undefined` when the text is neither or out of range.
 *
 * @example
 * parseTimestamp('12/1/2010 8:26') === Date.UTC(2010, 11, 1, 8, 26) // true
 */
export function parseTimestamp(text: string): number | undefined {
  let parts: (string | undefined)[] | undefined
  const iso = ISO_LIKE.exec(text)
  if (iso) parts = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
  const us = iso ? null : US_STYLE.exec(text)
  if (us) parts = [us[3], us[1], us[2], us[4], us[5], us[6]]
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
