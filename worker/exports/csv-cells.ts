/**
 * Writing CSV that spreadsheets open safely (RFC 4180 quoting). A text cell beginning with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is formula input to Excel, Sheets and LibreOffice
 * (`=HYPERLINK(...)` in a variation name or visitor id would run when the export is opened), so
 * such a cell is prefixed with `'`, which the spreadsheet shows as text. Numbers are written as
 * they are: a negative lift stays a number.
 */

export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One cell, escaped and quoted where needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One line, CRLF-terminated as RFC 4180 has it. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/** The headers of a CSV download named `filename`. */
export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9_.-]/g, '_')}"`,
    'cache-control': 'no-store',
  }
}
