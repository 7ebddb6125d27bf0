/**
 * Online Shoppers CSV files for the intent CLIs: read (gunzipping `.gz`), and split by month
 * ranges such as `Feb-Jul`.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import {
  monthNumber,
  parseOnlineShoppers,
  type LabelledSession,
} from '../../worker/intent/online-shoppers-csv.ts'

/** The labelled sessions of a CSV file, plain or gzip-compressed. */
export function readOnlineShoppers(path: string): LabelledSession[] {
  const bytes = readFileSync(path)
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')
  try {
    return parseOnlineShoppers(text)
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`)
  }
}

/**
 * The months (1-12) of a range like `Feb-Jul`, `Aug-Oct` or `May`; undefined when malformed.
 * A range never wraps past December.
 */
export function monthRange(text: string): Set<number> | undefined {
  const [from, to = from, extra] = text.split('-')
  const start = monthNumber(from ?? '')
  const end = monthNumber(to ?? '')
  if (extra !== undefined || start === undefined || end === undefined || end < start)
    return undefined
  return new Set(Array.from({ length: end - start + 1 }, (_, i) => start + i))
}

/** The sessions whose month is in `months`, in file order. */
export function inMonths(rows: LabelledSession[], months: Set<number>): LabelledSession[] {
  return rows.filter((r) => months.has(r.session.Month))
}
